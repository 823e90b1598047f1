import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { adminGrantFor, grantIn } from '../access/grants';
import { Role } from '../common/roles';
import { UnitOfWork } from '../audit/unit-of-work';
import { badRequest, conflict, forbidden, notFound } from '../common/errors';
import type { AuthedCtx } from '../common/request-context';
import { RubricVersion } from '../rubrics/rubric.entity';
import { loadBodyAttempts } from './calibrated-raters';
import { seesExercises } from '../access/calibration-access';
import { attemptFigures, CALIBRATION_VALID_MONTHS, calibrationStatus, validateCompleteScores } from './calibration-figures';
import { attemptView, toAttemptDto } from './calibration.mapper';
import { CalibrationAttempt, CalibrationExercise, CalibrationExerciseStatus } from './calibration.entity';
import type { CalibrationAttemptDto, RaterCalibrationDto, SubmitAttemptDto } from './dto';

export const CALIBRATION_RULE = `Only the rater's most recent attempt on one of the body's exercises counts: calibrated when it was within that exercise's tolerance and was made less than ${CALIBRATION_VALID_MONTHS} months ago.`;

@Injectable()
export class CalibrationAttemptsService {
  constructor(
    private readonly db: DataSource,
    private readonly uow: UnitOfWork,
  ) {}

  /** One blind attempt per rater and exercise; the answer reveals the reference and the rater's agreement with it. */
  async submit(ctx: AuthedCtx, exerciseId: string, dto: SubmitAttemptDto): Promise<CalibrationAttemptDto> {
    const e = await this.db.getRepository(CalibrationExercise).findOneBy({ id: exerciseId });
    if (!e || !seesExercises(ctx.actor, e.bodyId)) throw notFound('Calibration exercise');
    const via = grantIn(ctx.actor, Role.Supervisor, e.bodyId);
    if (!via) throw forbidden('Only supervisors of the body take its calibration exercises');
    // the author typed the reference: their attempt could not be blind
    if (e.createdBy === ctx.actor.userId)
      throw conflict('OWN_CALIBRATION_EXERCISE', "You wrote this exercise's reference scores and cannot take it blind");
    const version = await this.db.getRepository(RubricVersion).findOneByOrFail({ id: e.rubricVersionId });
    const errors = validateCompleteScores(version.definition, dto.scores);
    if (Object.keys(errors).length) throw badRequest('INVALID_SCORES', 'The scores do not fit the rubric', errors);
    const attempt = await this.uow.run(ctx, async (em, audit) => {
      const locked = await em.findOne(CalibrationExercise, { where: { id: exerciseId }, lock: { mode: 'pessimistic_write' } });
      if (!locked) throw notFound('Calibration exercise');
      if (locked.status !== CalibrationExerciseStatus.Open)
        throw conflict('EXERCISE_CLOSED', 'The exercise is closed and takes no more attempts');
      if (await em.existsBy(CalibrationAttempt, { exerciseId, raterId: ctx.actor.userId }))
        throw conflict('ATTEMPT_EXISTS', 'You have already taken this exercise; one attempt per rater');
      const a = await em.save(
        em.create(CalibrationAttempt, { exerciseId, raterId: ctx.actor.userId, scores: dto.scores, submittedAt: new Date() }),
      );
      const f = attemptFigures(version.definition, locked.referenceScores, dto.scores, locked.tolerance);
      audit({
        action: 'calibration_attempt.submit',
        entityType: 'calibration_attempt',
        entityId: a.id,
        via,
        bodyId: e.bodyId,
        changes: { exerciseId, meanAbsDiff: f.meanAbsDiff, bias: f.bias, withinTolerance: f.withinTolerance },
      });
      return a;
    });
    return toAttemptDto(attemptView(attempt, e, version.definition));
  }

  /** The rater themselves, or an admin of the body, sees the rater's attempts there and their status. */
  async raterReport(ctx: AuthedCtx, raterId: string, bodyId: string): Promise<RaterCalibrationDto> {
    if (raterId !== ctx.actor.userId && !adminGrantFor(ctx.actor, bodyId)) throw notFound('Rater');
    const rows = await loadBodyAttempts(this.db.manager, bodyId, raterId);
    const dtos = rows.map(toAttemptDto);
    const decision = calibrationStatus(
      rows.map((r, i) => ({ submittedAt: r.submittedAt, withinTolerance: dtos[i].figures.withinTolerance })),
      new Date(),
    );
    return {
      raterId,
      bodyId,
      status: decision.status,
      reason: decision.reason,
      validUntil: decision.validUntil?.toISOString() ?? null,
      rule: CALIBRATION_RULE,
      attempts: dtos.reverse(),
    };
  }
}
