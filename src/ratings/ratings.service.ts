import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { RecordAccessService } from '../access/record-access.service';
import { UnitOfWork } from '../audit/unit-of-work';
import { badRequest, conflict, invalid, notFound, preconditionFailed } from '../common/errors';
import { expectedVersion } from '../common/etag';
import { decodeCursor, type Page, toPage } from '../common/pagination';
import type { AuthedCtx } from '../common/request-context';
import { type RubricDefinition, scoreRating, validateScores } from '../rubrics/rubric-scoring';
import { Rubric, RubricTarget, RubricVersion, RubricVersionStatus } from '../rubrics/rubric.entity';
import type { CorrectRatingDto, CreateRatingDto, ListRatingsQuery, RatedTargetDto, RatingDto, RatingPageDto, UpdateRatingDto } from './dto';
import { deriveRaterRole, resolveTarget } from './rating-targets';
import { toRatingDto } from './rating.mapper';
import { RaterRole, Rating, RatingStatus } from './rating.entity';

const scoresOrThrow = (def: RubricDefinition, scores: unknown, partial: boolean) => {
  const errors = validateScores(def, scores, { partial });
  if (Object.keys(errors).length) throw badRequest('INVALID_SCORES', 'The scores do not fit the rubric', errors);
};

const NOT_SUPERSEDED = `NOT EXISTS (SELECT 1 FROM ratings nx WHERE nx.supersedes_id = r.id)`;

const NO_TARGET: RatedTargetDto = { caseId: null, clientCode: null, sessionNumber: null, sessionDate: null };

@Injectable()
export class RatingsService {
  constructor(
    private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly access: RecordAccessService,
  ) {}

  async create(ctx: AuthedCtx, dto: CreateRatingDto): Promise<RatingDto> {
    const target = await resolveTarget(this.db.manager, dto.targetType, dto.targetId);
    const role = target && (await deriveRaterRole(this.db.manager, ctx.actor.userId, target));
    if (!target || !role) throw notFound('Rating target');
    const version = await this.publishedVersion(dto.rubricVersionId, dto.targetType, target.bodyId);
    const scores = dto.scores ?? {};
    scoresOrThrow(version.definition, scores, true);
    const s = scoreRating(version.definition, scores);
    const id = await this.uow.run(ctx, async (em, audit) => {
      const open = await em
        .createQueryBuilder(Rating, 'r')
        .where(`r.rater_id = :rater AND r.target_type = :tt AND r.target_id = :tid AND r.rubric_version_id = :rv AND ${NOT_SUPERSEDED}`, {
          rater: ctx.actor.userId,
          tt: dto.targetType,
          tid: dto.targetId,
          rv: version.id,
        })
        .getExists();
      if (open) throw conflict('RATING_EXISTS', 'You have already rated this with this rubric; edit your draft or correct your rating');
      const rating = await em.save(
        em.create(Rating, {
          rubricVersionId: version.id,
          targetType: dto.targetType,
          targetId: dto.targetId,
          traineeId: target.traineeId,
          raterId: ctx.actor.userId,
          raterRole: role as RaterRole,
          bodyId: target.bodyId,
          scores,
          itemComments: dto.itemComments ?? {},
          overallComment: dto.overallComment ?? null,
          sessionPhase: target.sessionPhase,
          total: s.total,
          mean: s.mean,
          passed: null,
          status: RatingStatus.Draft,
        }),
      );
      audit({
        action: 'rating.create',
        entityType: 'rating',
        entityId: rating.id,
        bodyId: target.bodyId,
        changes: { raterRole: role, targetType: dto.targetType, traineeId: target.traineeId },
      });
      return rating.id;
    });
    return this.get(ctx, id);
  }

  async update(ctx: AuthedCtx, id: string, ifMatch: string | undefined, dto: UpdateRatingDto): Promise<RatingDto> {
    const expected = expectedVersion(ifMatch);
    const rating = await this.ownDraft(ctx, id);
    const def = await this.definition(rating.rubricVersionId);
    const scores = dto.scores ?? rating.scores;
    scoresOrThrow(def, scores, true);
    const s = scoreRating(def, scores);
    await this.uow.run(ctx, async (em, audit) => {
      const res = await em
        .createQueryBuilder()
        .update(Rating)
        .set({
          scores,
          itemComments: dto.itemComments ?? rating.itemComments,
          overallComment: dto.overallComment ?? rating.overallComment,
          total: s.total,
          mean: s.mean,
          version: () => 'version + 1',
        })
        .where('id = :id AND version = :v AND status = :draft', { id, v: expected, draft: RatingStatus.Draft })
        .execute();
      if (!res.affected) throw preconditionFailed();
      audit({ action: 'rating.update', entityType: 'rating', entityId: id, bodyId: rating.bodyId, changes: { total: s.total } });
    });
    return this.get(ctx, id);
  }

  /** Submission decides pass/fail and freezes the rating. */
  async submit(ctx: AuthedCtx, id: string): Promise<RatingDto> {
    const rating = await this.ownDraft(ctx, id);
    const def = await this.definition(rating.rubricVersionId);
    await this.uow.run(ctx, async (em, audit) => {
      const locked = await em.findOne(Rating, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (locked?.status !== RatingStatus.Draft)
        throw conflict('RATING_ALREADY_SUBMITTED', 'This rating is already submitted; correct it instead');
      scoresOrThrow(def, locked.scores, false);
      const s = scoreRating(def, locked.scores);
      await em.update(
        Rating,
        { id },
        {
          status: RatingStatus.Submitted,
          submittedAt: new Date(),
          total: s.total,
          mean: s.mean,
          passed: s.passed,
          version: locked.version + 1,
        },
      );
      audit({
        action: 'rating.submit',
        entityType: 'rating',
        entityId: id,
        bodyId: rating.bodyId,
        changes: { total: s.total, passed: s.passed },
      });
    });
    return this.get(ctx, id);
  }

  /** A correction is a new, submitted rating that supersedes the old one; the old one stays as history. */
  async correct(ctx: AuthedCtx, id: string, dto: CorrectRatingDto): Promise<RatingDto> {
    const old = await this.db.getRepository(Rating).findOneBy({ id, raterId: ctx.actor.userId });
    if (!old) throw notFound('Rating');
    if (old.status !== RatingStatus.Submitted) throw conflict('RATING_NOT_SUBMITTED', 'A draft is edited, not corrected');
    const def = await this.definition(old.rubricVersionId);
    const scores = dto.scores ?? old.scores;
    scoresOrThrow(def, scores, false);
    const s = scoreRating(def, scores);
    const newId = await this.uow.run(ctx, async (em, audit) => {
      await em.findOne(Rating, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (await em.existsBy(Rating, { supersedesId: id }))
        throw conflict('RATING_ALREADY_CORRECTED', 'This rating was already corrected; correct the newest one');
      const { id: _old, createdAt: _c, updatedAt: _u, version: _v, ...rest } = old;
      const fresh = await em.save(
        em.create(Rating, {
          ...rest,
          scores,
          itemComments: dto.itemComments ?? old.itemComments,
          overallComment: dto.overallComment ?? old.overallComment,
          total: s.total,
          mean: s.mean,
          passed: s.passed,
          status: RatingStatus.Submitted,
          submittedAt: new Date(),
          supersedesId: id,
          correctionReason: dto.reason,
        }),
      );
      audit({
        action: 'rating.correct',
        entityType: 'rating',
        entityId: fresh.id,
        bodyId: old.bodyId,
        changes: { supersedes: id, total: { from: old.total, to: s.total }, passed: { from: old.passed, to: s.passed } },
      });
      return fresh.id;
    });
    return this.get(ctx, newId);
  }

  async get(ctx: AuthedCtx, id: string): Promise<RatingDto> {
    const rating = await this.db.getRepository(Rating).findOneBy({ id });
    if (!rating || !(await this.canRead(ctx, rating))) throw notFound('Rating');
    return toRatingDto(rating);
  }

  // Drafts are the rater's own; submitted ratings are part of the trainee's record.
  async list(ctx: AuthedCtx, q: ListRatingsQuery): Promise<RatingPageDto> {
    const limit = q.limit ?? 20;
    const cursor = decodeCursor(q.cursor, 2);
    const readable = this.access.readablePredicate(ctx.actor, 'r.trainee_id', 'r.body_id');
    const qb = this.db
      .getRepository(Rating)
      .createQueryBuilder('r')
      .where(`(r.rater_id = :me OR (r.status = 'submitted' AND ${readable.sql}))`, { me: ctx.actor.userId, ...readable.params });
    if (q.traineeId) qb.andWhere('r.trainee_id = :trainee', { trainee: q.traineeId });
    if (q.raterId) qb.andWhere('r.rater_id = :rater', { rater: q.raterId });
    if (q.targetType) qb.andWhere('r.target_type = :tt', { tt: q.targetType });
    if (q.targetId) qb.andWhere('r.target_id = :tid', { tid: q.targetId });
    if (cursor) qb.andWhere('(r.created_at, r.id) > (:cv, :cid)', { cv: new Date(Number(cursor[0])), cid: String(cursor[1]) });
    const rows = await qb
      .orderBy('r.created_at', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .limit(limit + 1)
      .getMany();
    const page = toPage(rows, limit, (r) => [r.createdAt.getTime(), r.id], toRatingDto) as Page<RatingDto>;
    const named = await this.namesOf(page.items.map((r) => r.id));
    return { ...page, items: page.items.map((r) => ({ ...r, ...(named.get(r.id) ?? { traineeName: '', target: NO_TARGET }) })) };
  }

  // the trainee's name and what was rated (case, client code, session number), one query for the page; the
  // caller may read these ratings, and so the trainee's record they belong to
  private async namesOf(ids: string[]): Promise<Map<string, { traineeName: string; target: RatedTargetDto }>> {
    if (!ids.length) return new Map();
    const rows: {
      id: string;
      trainee_name: string;
      case_id: string | null;
      client_code: string | null;
      session_number: number | null;
      session_date: unknown;
    }[] = await this.db.query(
      `SELECT r.id, u.display_name AS trainee_name, c.id AS case_id, c.client_code, s.number AS session_number, s.date::text AS session_date
         FROM ratings r JOIN users u ON u.id = r.trainee_id
         LEFT JOIN therapy_sessions s ON r.target_type = 'session' AND s.id = r.target_id
         LEFT JOIN supervised_cases c ON c.id = COALESCE(s.case_id, CASE WHEN r.target_type = 'case' THEN r.target_id END)
        WHERE r.id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(
      rows.map((r) => [
        r.id,
        {
          traineeName: r.trainee_name,
          target: {
            caseId: r.case_id,
            clientCode: r.client_code,
            sessionNumber: r.session_number,
            sessionDate: r.session_date === null ? null : String(r.session_date),
          },
        },
      ]),
    );
  }

  private async canRead(ctx: AuthedCtx, r: Rating): Promise<boolean> {
    if (r.raterId === ctx.actor.userId) return true;
    if (r.status !== RatingStatus.Submitted) return false;
    return !!(await this.access.relation(ctx.actor, r.traineeId, undefined, r.bodyId));
  }

  private async ownDraft(ctx: AuthedCtx, id: string): Promise<Rating> {
    const rating = await this.db.getRepository(Rating).findOneBy({ id });
    if (!rating || !(await this.canRead(ctx, rating))) throw notFound('Rating');
    if (rating.raterId !== ctx.actor.userId) throw notFound('Rating');
    if (rating.status !== RatingStatus.Draft)
      throw conflict('RATING_ALREADY_SUBMITTED', 'A submitted rating is immutable; correct it instead');
    return rating;
  }

  private async definition(versionId: string, em: EntityManager = this.db.manager): Promise<RubricDefinition> {
    const v = await em.findOneByOrFail(RubricVersion, { id: versionId });
    return v.definition;
  }

  // A published version of a rubric the target's body may use (global, or owned by that body) and made for this kind of target.
  private async publishedVersion(id: string, targetType: RubricTarget, bodyId: string | null): Promise<RubricVersion> {
    const v = await this.db.getRepository(RubricVersion).findOneBy({ id });
    const rubric = v && (await this.db.getRepository(Rubric).findOneBy({ id: v.rubricId }));
    if (!v || !rubric || (rubric.ownerBodyId && rubric.ownerBodyId !== bodyId))
      throw invalid('rubricVersionId', 'rubricVersionId does not name a rubric version usable here');
    if (v.status !== RubricVersionStatus.Published)
      throw invalid('rubricVersionId', `rubric version ${v.versionNumber} is ${v.status}; ratings use a published version`);
    if (rubric.target !== targetType) throw invalid('targetType', `this rubric rates a ${rubric.target}, not a ${targetType}`);
    return v;
  }
}
