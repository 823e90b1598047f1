import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { adminGrantFor } from '../access/grants';
import { UnitOfWork } from '../audit/unit-of-work';
import { Body } from '../bodies/body.entity';
import { badRequest, conflict, forbidden, invalid, notFound } from '../common/errors';
import { decodeCursor, type Page, toPage } from '../common/pagination';
import type { AuthedCtx } from '../common/request-context';
import { RubricVersion, RubricVersionStatus } from '../rubrics/rubric.entity';
import { findClientIdentifiers } from '../common/client-identifiers';
import { exercisesVisiblePredicate, seesExercises, seesReference } from '../access/calibration-access';
import { attemptFigures, differenceSpread, validateCompleteScores } from './calibration-figures';
import { attemptView, toAttemptDto, toExerciseDto, toleranceDto } from './calibration.mapper';
import { CalibrationAttempt, CalibrationExercise, CalibrationExerciseStatus } from './calibration.entity';
import { User } from '../users/user.entity';
import type { CalibrationExerciseDto, CalibrationResultsDto, CreateCalibrationExerciseDto, ListCalibrationExercisesQuery } from './dto';

const refuseIdentifiers = (field: string, text: string) => {
  const found = findClientIdentifiers(text);
  if (found.length) throw invalid(field, `${field} must not contain client identifiers (found: ${found.join(', ')})`, 'CLIENT_IDENTIFIER');
};

@Injectable()
export class CalibrationExercisesService {
  constructor(
    private readonly db: DataSource,
    private readonly uow: UnitOfWork,
  ) {}

  async create(ctx: AuthedCtx, dto: CreateCalibrationExerciseDto): Promise<CalibrationExerciseDto> {
    const via = adminGrantFor(ctx.actor, dto.bodyId);
    if (!via) throw forbidden('You may publish calibration exercises only for a body you administer');
    refuseIdentifiers('title', dto.title);
    refuseIdentifiers('description', dto.description);
    const version = await this.db.getRepository(RubricVersion).findOne({ where: { id: dto.rubricVersionId }, relations: { rubric: true } });
    const usable =
      version?.rubric &&
      version.status === RubricVersionStatus.Published &&
      (!version.rubric.ownerBodyId || version.rubric.ownerBodyId === dto.bodyId);
    if (!version || !usable)
      throw invalid('rubricVersionId', 'rubricVersionId must name a published version of a global rubric or of one owned by this body');
    const def = version.definition;
    const errors = validateCompleteScores(def, dto.referenceScores);
    if (Object.keys(errors).length) {
      throw badRequest(
        'INVALID_SCORES',
        'The reference scores do not fit the rubric',
        Object.fromEntries(Object.entries(errors).map(([k, v]) => [`reference${k[0].toUpperCase()}${k.slice(1)}`, v])),
      );
    }
    const width = def.scale.max - def.scale.min;
    if (dto.tolerance.maxMeanAbsDiff > width)
      throw invalid('tolerance.maxMeanAbsDiff', `maxMeanAbsDiff must be at most ${width}, the width of the scale`);
    // an ICC over one or two items is meaningless; refuse a floor that could never be judged fairly
    if (dto.tolerance.minIcc !== undefined && def.items.length < 3)
      throw invalid('tolerance.minIcc', 'minIcc needs a rubric with at least 3 items');
    const tolerance = {
      maxMeanAbsDiff: dto.tolerance.maxMeanAbsDiff,
      ...(dto.tolerance.minIcc !== undefined ? { minIcc: dto.tolerance.minIcc } : {}),
    };
    const id = await this.uow.run(ctx, async (em, audit) => {
      if (!(await em.existsBy(Body, { id: dto.bodyId }))) throw invalid('bodyId', 'bodyId does not name a known body');
      const e = await em.save(
        em.create(CalibrationExercise, {
          bodyId: dto.bodyId,
          rubricVersionId: version.id,
          title: dto.title,
          description: dto.description,
          referenceScores: dto.referenceScores,
          tolerance,
          status: CalibrationExerciseStatus.Open,
          createdBy: ctx.actor.userId,
        }),
      );
      audit({
        action: 'calibration_exercise.create',
        entityType: 'calibration_exercise',
        entityId: e.id,
        via,
        bodyId: dto.bodyId,
        changes: { rubricVersionId: version.id, tolerance },
      });
      return e.id;
    });
    return this.get(ctx, id);
  }

  async list(ctx: AuthedCtx, q: ListCalibrationExercisesQuery): Promise<Page<CalibrationExerciseDto>> {
    const limit = q.limit ?? 20;
    const cursor = decodeCursor(q.cursor, 2);
    const qb = this.db.getRepository(CalibrationExercise).createQueryBuilder('e');
    const visible = exercisesVisiblePredicate(ctx.actor, 'e.body_id');
    qb.where(visible.sql, visible.params);
    if (q.bodyId) qb.andWhere('e.body_id = :bodyId', { bodyId: q.bodyId });
    if (q.status) qb.andWhere('e.status = :status', { status: q.status });
    if (cursor) qb.andWhere('(e.created_at, e.id) < (:cc, :cid)', { cc: new Date(Number(cursor[0])), cid: String(cursor[1]) });
    const rows = await qb
      .orderBy('e.created_at', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .limit(limit + 1)
      .getMany();
    const mine = rows.length
      ? await this.db.getRepository(CalibrationAttempt).findBy({ raterId: ctx.actor.userId, exerciseId: In(rows.map((r) => r.id)) })
      : [];
    const defs = await this.definitions(rows.filter((r) => mine.some((a) => a.exerciseId === r.id)).map((r) => r.rubricVersionId));
    return toPage(
      rows,
      limit,
      (e) => [e.createdAt.getTime(), e.id],
      (e) => {
        const attempt = mine.find((a) => a.exerciseId === e.id);
        const my = attempt ? toAttemptDto(attemptView(attempt, e, defs.get(e.rubricVersionId) as RubricVersion['definition'])) : null;
        return toExerciseDto(e, seesReference(ctx.actor, e.bodyId, !!attempt), my);
      },
    );
  }

  async get(ctx: AuthedCtx, id: string): Promise<CalibrationExerciseDto> {
    const e = await this.visible(ctx, id);
    const attempt = await this.db.getRepository(CalibrationAttempt).findOneBy({ exerciseId: id, raterId: ctx.actor.userId });
    const defs = attempt ? await this.definitions([e.rubricVersionId]) : new Map();
    const my = attempt ? toAttemptDto(attemptView(attempt, e, defs.get(e.rubricVersionId))) : null;
    return toExerciseDto(e, seesReference(ctx.actor, e.bodyId, !!attempt), my);
  }

  /** Every rater's attempt against the reference, for the body's admins: the picture of how the raters agree. */
  async results(ctx: AuthedCtx, id: string): Promise<CalibrationResultsDto> {
    const e = await this.visible(ctx, id);
    if (!adminGrantFor(ctx.actor, e.bodyId)) throw notFound('Calibration exercise');
    const definition = (await this.definitions([e.rubricVersionId])).get(e.rubricVersionId) as RubricVersion['definition'];
    const attempts = await this.db.getRepository(CalibrationAttempt).find({ where: { exerciseId: id }, order: { submittedAt: 'ASC' } });
    const names = new Map(
      (attempts.length ? await this.db.getRepository(User).findBy({ id: In(attempts.map((a) => a.raterId)) }) : []).map((u) => [
        u.id,
        u.displayName,
      ]),
    );
    return {
      exerciseId: e.id,
      title: e.title,
      scale: { min: definition.scale.min, max: definition.scale.max },
      items: definition.items.map((i) => ({ code: i.code, label: i.label })),
      referenceScores: e.referenceScores,
      tolerance: toleranceDto(e.tolerance),
      raters: attempts.map((a) => {
        const f = attemptFigures(definition, e.referenceScores, a.scores, e.tolerance);
        return {
          raterId: a.raterId,
          raterName: names.get(a.raterId) ?? 'Unknown rater',
          submittedAt: a.submittedAt.toISOString(),
          scores: a.scores,
          bias: f.bias,
          spread: differenceSpread(definition, e.referenceScores, a.scores),
          meanAbsDiff: f.meanAbsDiff,
          withinTolerance: f.withinTolerance,
        };
      }),
    };
  }

  /** A closed exercise takes no more attempts; attempts already made keep counting. */
  async close(ctx: AuthedCtx, id: string): Promise<CalibrationExerciseDto> {
    const e = await this.visible(ctx, id);
    const via = adminGrantFor(ctx.actor, e.bodyId);
    if (!via) throw forbidden('Only the admins of the body close its calibration exercises');
    await this.uow.run(ctx, async (em, audit) => {
      const locked = await em.findOne(CalibrationExercise, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!locked) throw notFound('Calibration exercise');
      if (locked.status === CalibrationExerciseStatus.Closed) throw conflict('EXERCISE_CLOSED', 'The exercise is already closed');
      await em.update(CalibrationExercise, { id }, { status: CalibrationExerciseStatus.Closed });
      audit({
        action: 'calibration_exercise.close',
        entityType: 'calibration_exercise',
        entityId: id,
        via,
        bodyId: e.bodyId,
        changes: { status: { from: locked.status, to: CalibrationExerciseStatus.Closed } },
      });
    });
    return this.get(ctx, id);
  }

  private async visible(ctx: AuthedCtx, id: string): Promise<CalibrationExercise> {
    const e = await this.db.getRepository(CalibrationExercise).findOneBy({ id });
    if (!e || !seesExercises(ctx.actor, e.bodyId)) throw notFound('Calibration exercise');
    return e;
  }

  private async definitions(versionIds: string[]): Promise<Map<string, RubricVersion['definition']>> {
    if (!versionIds.length) return new Map();
    const versions = await this.db.getRepository(RubricVersion).findBy({ id: In([...new Set(versionIds)]) });
    return new Map(versions.map((v) => [v.id, v.definition]));
  }
}
