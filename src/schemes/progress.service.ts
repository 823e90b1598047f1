import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In, LessThanOrEqual } from 'typeorm';
import { RecordAccessService } from '../access/record-access.service';
import { UnitOfWork } from '../audit/unit-of-work';
import { calibratedRaters } from '../calibration/calibrated-raters';
import { todayUtc } from '../common/dates';
import { conflict, invalid, notFound } from '../common/errors';
import type { AuthedCtx } from '../common/request-context';
import { DEFAULT_GROUP_FORMULA, type GroupCreditFormula } from '../supervision-sessions/group-credit';
import type { EnrolDto, EnrolmentDto, ProgressDto, ProgressQuery } from './dto';
import { evaluateLevel, type LevelReport } from './evaluate-level';
import type { EvaluationContext, PersonRecord } from './person-record';
import { publishedRecognitions } from './recognition-lookups';
import { RecordLoader } from './record-loader';
import { toFormula } from './rules/cases/case-supervision';
import type { LevelDef, SchemeDefinition } from './scheme-definition';
import { Scheme, SchemeEnrolment, SchemeVersion, SchemeVersionStatus } from './scheme.entity';

export interface HeldVersion {
  scheme: Scheme;
  version: SchemeVersion;
  heldBy: 'enrolment' | 'current';
}

@Injectable()
export class ProgressService {
  constructor(
    private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly access: RecordAccessService,
    private readonly loader: RecordLoader,
  ) {}

  /** The version in force on a date: the latest published version effective by then. */
  async versionInForce(em: EntityManager, schemeId: string, on: string): Promise<SchemeVersion | null> {
    return em.findOne(SchemeVersion, {
      where: { schemeId, status: SchemeVersionStatus.Published, effectiveFrom: LessThanOrEqual(on) },
      order: { effectiveFrom: 'DESC', versionNumber: 'DESC' },
    });
  }

  /** The version a person is held to: their enrolment's (even if since retired), else the one in force today. */
  async heldVersion(em: EntityManager, personId: string, schemeId: string): Promise<HeldVersion> {
    const scheme = await em.findOneBy(Scheme, { id: schemeId });
    if (!scheme) throw notFound('Scheme');
    const enrolment = await em.findOneBy(SchemeEnrolment, { userId: personId, schemeId });
    if (enrolment) return { scheme, version: (await em.findOneBy(SchemeVersion, { id: enrolment.schemeVersionId }))!, heldBy: 'enrolment' };
    const version = await this.versionInForce(em, schemeId, todayUtc(new Date()));
    if (!version) throw conflict('NO_VERSION_IN_FORCE', 'The scheme has no published version in force');
    return { scheme, version, heldBy: 'current' };
  }

  /** Evaluates one person against levels of a scheme version: pure rules over a record loaded in a bounded number of queries. */
  async evaluate(
    em: EntityManager,
    personId: string,
    held: HeldVersion,
    opts: { levelCode?: string; asOf?: string; mode?: 'award' | 'renewal'; applicationDate?: string } = {},
  ): Promise<LevelReport[]> {
    const definition = held.version.definition as SchemeDefinition;
    const levels = opts.levelCode
      ? definition.levels.filter((l) => l.code === opts.levelCode)
      : [...definition.levels].sort((a, b) => a.order - b.order);
    if (!levels.length) throw invalid('level', `the scheme version has no level ${opts.levelCode}`);
    const { record, ctx } = await this.evaluationInput(em, personId, held, levels, opts);
    return levels.map((level) => evaluateLevel(definition, level, record, ctx, opts.mode));
  }

  /** The person's record and the evaluation context for these levels (also for levels built from them, e.g. top-ups). */
  async evaluationInput(
    em: EntityManager,
    personId: string,
    held: HeldVersion,
    levels: readonly LevelDef[],
    opts: { asOf?: string; applicationDate?: string } = {},
  ): Promise<{ record: PersonRecord; ctx: EvaluationContext }> {
    const definition = held.version.definition as SchemeDefinition;
    const record = await this.loader.load(
      personId,
      { calibratedRaters: needsCalibration(levels) ? await calibratedRaters(em, held.scheme.bodyId) : [] },
      em,
    );
    const ctx = evaluationContext(
      held.scheme,
      definition,
      opts.asOf ?? todayUtc(new Date()),
      opts.applicationDate,
      needsRecognitions(levels) ? await publishedRecognitions(em, held.scheme.bodyId) : [],
    );
    return { record, ctx };
  }

  async progress(ctx: AuthedCtx, traineeId: string, schemeId: string, q: ProgressQuery): Promise<ProgressDto> {
    await this.access.require(ctx.actor, traineeId, ['own', 'supervisor', 'body_admin', 'submitted_to', 'admin'], 'Trainee');
    const held = await this.heldVersion(this.db.manager, traineeId, schemeId);
    const levels = await this.evaluate(this.db.manager, traineeId, held, { levelCode: q.level, asOf: q.asOf, mode: q.mode });
    return {
      personId: traineeId,
      schemeId,
      schemeVersionId: held.version.id,
      versionNumber: held.version.versionNumber,
      heldBy: held.heldBy,
      noun: (held.version.definition as SchemeDefinition).noun,
      levels,
    };
  }

  async enrolments(ctx: AuthedCtx, traineeId: string): Promise<EnrolmentDto[]> {
    await this.access.require(ctx.actor, traineeId, ['own', 'supervisor', 'body_admin', 'submitted_to', 'admin'], 'Trainee');
    const rows = await this.db.getRepository(SchemeEnrolment).find({ where: { userId: traineeId }, order: { createdAt: 'ASC' } });
    const versions = rows.length ? await this.db.getRepository(SchemeVersion).findBy({ id: In(rows.map((r) => r.schemeVersionId)) }) : [];
    return rows.map((r) =>
      toEnrolmentDto(
        r,
        versions.find((v) => v.id === r.schemeVersionId)!,
      ),
    );
  }

  /**
   * Enrols the caller on a scheme at the version in force today, or moves an existing enrolment onto a newer
   * published version they opt into. Going back to an older version is refused.
   */
  async enrol(ctx: AuthedCtx, schemeId: string, dto: EnrolDto): Promise<EnrolmentDto> {
    return this.uow.run(ctx, async (em, audit) => {
      const scheme = await em.findOneBy(Scheme, { id: schemeId });
      if (!scheme) throw notFound('Scheme');
      const target = dto.schemeVersionId
        ? await em.findOneBy(SchemeVersion, { id: dto.schemeVersionId, schemeId })
        : await this.versionInForce(em, schemeId, todayUtc(new Date()));
      if (!target)
        throw dto.schemeVersionId
          ? invalid('schemeVersionId', 'schemeVersionId is not a version of this scheme')
          : conflict('NO_VERSION_IN_FORCE', 'The scheme has no published version in force');
      if (target.status !== SchemeVersionStatus.Published) throw invalid('schemeVersionId', 'only a published version can be chosen');
      const existing = await em.findOne(SchemeEnrolment, {
        where: { userId: ctx.actor.userId, schemeId },
        lock: { mode: 'pessimistic_write' },
      });
      if (existing) {
        const current = await em.findOneBy(SchemeVersion, { id: existing.schemeVersionId });
        if (!dto.schemeVersionId)
          throw conflict('ALREADY_ENROLLED', 'You are already enrolled; send schemeVersionId to opt into a newer version');
        if (current && target.versionNumber <= current.versionNumber) throw conflict('NOT_NEWER', 'You can only opt into a newer version');
        await em.update(
          SchemeEnrolment,
          { id: existing.id },
          { schemeVersionId: target.id, optedInAt: new Date(), version: existing.version + 1 },
        );
        audit({
          action: 'enrolment.opt_in',
          entityType: 'scheme_enrolment',
          entityId: existing.id,
          bodyId: scheme.bodyId,
          changes: { from: existing.schemeVersionId, to: target.id },
        });
        return toEnrolmentDto((await em.findOneBy(SchemeEnrolment, { id: existing.id }))!, target);
      }
      const enrolment = await em.save(
        em.create(SchemeEnrolment, {
          userId: ctx.actor.userId,
          schemeId,
          schemeVersionId: target.id,
          enrolledOn: todayUtc(new Date()),
          optedInAt: dto.schemeVersionId ? new Date() : null,
        }),
      );
      audit({
        action: 'enrolment.create',
        entityType: 'scheme_enrolment',
        entityId: enrolment.id,
        bodyId: scheme.bodyId,
        changes: { schemeVersionId: target.id },
      });
      return toEnrolmentDto(enrolment, target);
    });
  }
}

/** Whether any of these levels counts only ratings by calibrated raters (then the body's calibrated raters are loaded). */
export const needsCalibration = (levels: readonly LevelDef[]): boolean => JSON.stringify(levels).includes('"calibratedRatersOnly":true');

/** What the rules of a scheme version read besides the record: the date, the scheme, its phase and group-credit settings. */
export function evaluationContext(
  scheme: Pick<Scheme, 'code' | 'bodyId'>,
  definition: SchemeDefinition,
  asOf: string,
  applicationDate?: string,
  recognitions: EvaluationContext['recognitions'] = [],
): EvaluationContext {
  return {
    asOf,
    applicationDate,
    schemeCode: scheme.code,
    schemeBodyId: scheme.bodyId,
    phaseBoundaries: definition.phaseBoundaries,
    groupCredit: definition.groupCredit ? toFormula(definition.groupCredit) : (DEFAULT_GROUP_FORMULA as GroupCreditFormula),
    recognitions,
  };
}

/** Whether any of these levels accepts "a level recognised as ours" (then the body's published recognitions are loaded; they are
 *  read only by such rules). */
export const needsRecognitions = (levels: readonly LevelDef[]): boolean => JSON.stringify(levels).includes('"orRecognised":true');

export const toEnrolmentDto = (e: SchemeEnrolment, v: SchemeVersion): EnrolmentDto => ({
  id: e.id,
  userId: e.userId,
  schemeId: e.schemeId,
  schemeVersionId: e.schemeVersionId,
  versionNumber: v.versionNumber,
  enrolledOn: String(e.enrolledOn).slice(0, 10),
  optedInAt: e.optedInAt?.toISOString() ?? null,
});
