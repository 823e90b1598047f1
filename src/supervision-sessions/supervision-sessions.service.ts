import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { grantIn } from '../access/grants';
import { seesWholeSupervisionSession } from '../access/supervision-access';
import { Role } from '../common/roles';
import { UnitOfWork } from '../audit/unit-of-work';
import { badRequest, notFound, preconditionFailed } from '../common/errors';
import { expectedVersion } from '../common/etag';
import { decodeCursor, type Page, toPage } from '../common/pagination';
import type { Actor, AuthedCtx } from '../common/request-context';
import type {
  CaseReviewInputDto,
  CreateSupervisionSessionDto,
  ListSupervisionSessionsQuery,
  SupervisionSessionDto,
  UpdateSupervisionSessionDto,
} from './dto';
import { checkAgainstRecords } from './session-records';
import { type SessionShape, sessionShapeProblems } from './session-rules';
import { SupervisionCaseReview } from './supervision-case-review.entity';
import { SupervisionParticipant } from './supervision-participant.entity';
import { type ReviewRow, type SessionViewer, toSessionDto } from './supervision-session.mapper';
import { SupervisionSession } from './supervision-session.entity';

type Shape = Omit<SessionShape, 'caseReviews' | 'participantIds'> & { caseReviews: CaseReviewInputDto[]; participantIds: string[] };

const cleanNotes = (notes: string | null | undefined): string | null => (notes && notes.trim() ? notes.trim() : null);

// what the audit trail keeps of a session: never the notes (free text)
const auditShape = (s: Shape) => ({
  date: s.date,
  minutes: s.minutes,
  format: s.format,
  participantIds: s.participantIds,
  caseReviews: s.caseReviews.map((r) => ({ caseId: r.caseId, minutes: r.minutes ?? null, reviewedSessionIds: r.reviewedSessionIds ?? [] })),
});

@Injectable()
export class SupervisionSessionsService {
  constructor(
    private readonly db: DataSource,
    private readonly uow: UnitOfWork,
  ) {}

  async create(ctx: AuthedCtx, dto: CreateSupervisionSessionDto): Promise<SupervisionSessionDto> {
    const shape: Shape = { ...dto, caseReviews: dto.caseReviews ?? [], notes: cleanNotes(dto.notes) };
    this.assertShape(shape, ctx.actor);
    const id = await this.uow.run(ctx, async (em, audit) => {
      const { bodyId, via } = await checkAgainstRecords(em, ctx.actor, shape);
      const session = await em.save(
        em.create(SupervisionSession, {
          supervisorId: ctx.actor.userId,
          bodyId,
          date: shape.date,
          minutes: shape.minutes,
          format: shape.format,
          notes: shape.notes ?? null,
          createdBy: ctx.actor.userId,
        }),
      );
      await this.writeMembers(em, session.id, shape);
      audit({
        action: 'supervision_session.create',
        entityType: 'supervision_session',
        entityId: session.id,
        via,
        bodyId,
        changes: auditShape(shape),
      });
      return session.id;
    });
    return this.get(ctx, id);
  }

  async update(ctx: AuthedCtx, id: string, ifMatch: string | undefined, dto: UpdateSupervisionSessionDto): Promise<SupervisionSessionDto> {
    const version = expectedVersion(ifMatch);
    await this.uow.run(ctx, async (em, audit) => {
      const current = await this.ownSession(em, ctx.actor, id);
      if (current.version !== version) throw preconditionFailed();
      const before = await this.shapeOf(em, current);
      const next: Shape = {
        date: dto.date ?? before.date,
        minutes: dto.minutes ?? before.minutes,
        format: dto.format ?? before.format,
        participantIds: dto.participantIds ?? before.participantIds,
        caseReviews: dto.caseReviews ?? before.caseReviews,
        notes: dto.notes === undefined ? current.notes : cleanNotes(dto.notes),
      };
      this.assertShape(next, ctx.actor);
      const { bodyId, via } = await checkAgainstRecords(em, ctx.actor, next);
      const result = await em
        .createQueryBuilder()
        .update(SupervisionSession)
        .set({
          date: next.date,
          minutes: next.minutes,
          format: next.format,
          notes: next.notes ?? null,
          bodyId,
          version: () => 'version + 1',
        })
        .where('id = :id AND version = :v', { id, v: version })
        .execute();
      if (!result.affected) throw preconditionFailed();
      if (dto.participantIds || dto.caseReviews) {
        await em.delete(SupervisionCaseReview, { sessionId: id });
        await em.delete(SupervisionParticipant, { sessionId: id });
        await this.writeMembers(em, id, next);
      }
      const changed = Object.keys(dto).filter((k) => k !== 'notes');
      audit({
        action: 'supervision_session.update',
        entityType: 'supervision_session',
        entityId: id,
        via,
        bodyId,
        changes: { fields: Object.keys(dto), before: pick(auditShape(before), changed), after: pick(auditShape(next), changed) },
      });
    });
    return this.get(ctx, id);
  }

  async remove(ctx: AuthedCtx, id: string, ifMatch: string | undefined): Promise<void> {
    // If-Match is optional here: a delete needs no merge, but a client that sends it gets it honoured
    const version = ifMatch === undefined ? undefined : expectedVersion(ifMatch);
    await this.uow.run(ctx, async (em, audit) => {
      const current = await this.ownSession(em, ctx.actor, id);
      if (version !== undefined && current.version !== version) throw preconditionFailed();
      const before = await this.shapeOf(em, current);
      await em.delete(SupervisionSession, { id }); // participants and case reviews cascade
      const via = grantIn(ctx.actor, Role.Supervisor, current.bodyId) ?? 'SELF';
      audit({
        action: 'supervision_session.delete',
        entityType: 'supervision_session',
        entityId: id,
        via,
        bodyId: current.bodyId,
        changes: auditShape(before),
      });
    });
  }

  async get(ctx: AuthedCtx, id: string): Promise<SupervisionSessionDto> {
    const session = await this.db.getRepository(SupervisionSession).findOneBy({ id });
    if (!session) throw notFound('Supervision session');
    const [participants, reviews] = await Promise.all([this.participantsOf([id]), this.reviewsOf([id])]);
    const viewer = this.viewerOf(ctx.actor, session, participants.get(id) ?? []);
    if (!viewer) throw notFound('Supervision session');
    return toSessionDto(session, participants.get(id) ?? [], reviews.get(id) ?? [], viewer);
  }

  /** The caller's own logged sessions, newest first. */
  async list(ctx: AuthedCtx, q: ListSupervisionSessionsQuery): Promise<Page<SupervisionSessionDto>> {
    if (q.from && q.to && q.from > q.to)
      throw badRequest('VALIDATION_FAILED', 'from must not be after to', { from: ['from must not be after to'] });
    const limit = q.limit ?? 20;
    const cursor = decodeCursor(q.cursor, 2);
    const qb = this.db.getRepository(SupervisionSession).createQueryBuilder('s').where('s.supervisor_id = :me', { me: ctx.actor.userId });
    if (q.from) qb.andWhere('s.date >= :from', { from: q.from });
    if (q.to) qb.andWhere('s.date <= :to', { to: q.to });
    if (q.traineeId)
      qb.andWhere('EXISTS (SELECT 1 FROM supervision_participants fp WHERE fp.session_id = s.id AND fp.trainee_id = :tid)', {
        tid: q.traineeId,
      });
    if (cursor) qb.andWhere('(s.date, s.id) < (:cd::date, :cid::uuid)', { cd: String(cursor[0]), cid: String(cursor[1]) });
    const rows = await qb
      .orderBy('s.date', 'DESC')
      .addOrderBy('s.id', 'DESC')
      .limit(limit + 1)
      .getMany();
    const ids = rows.map((r) => r.id);
    const [participants, reviews] = await Promise.all([this.participantsOf(ids), this.reviewsOf(ids)]);
    const full: SessionViewer = { kind: 'full' };
    return toPage(
      rows,
      limit,
      (s) => [s.date, s.id],
      (s) => toSessionDto(s, participants.get(s.id) ?? [], reviews.get(s.id) ?? [], full),
    );
  }

  // ---- helpers ----

  private assertShape(shape: Shape, actor: Actor): void {
    const problems = sessionShapeProblems(shape, actor.userId, new Date());
    if (Object.keys(problems).length) throw badRequest('VALIDATION_FAILED', 'The supervision session is not valid', problems);
  }

  // the logging supervisor's session, locked for the write; anyone else's is a 404
  private async ownSession(em: EntityManager, actor: Actor, id: string): Promise<SupervisionSession> {
    const session = await em.findOne(SupervisionSession, {
      where: { id, supervisorId: actor.userId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!session) throw notFound('Supervision session');
    return session;
  }

  private viewerOf(actor: Actor, s: SupervisionSession, participantIds: string[]): SessionViewer | null {
    if (seesWholeSupervisionSession(actor, s)) return { kind: 'full' };
    if (participantIds.includes(actor.userId)) return { kind: 'participant', traineeId: actor.userId };
    return null;
  }

  private async writeMembers(em: EntityManager, sessionId: string, s: Shape): Promise<void> {
    await em.insert(
      SupervisionParticipant,
      s.participantIds.map((traineeId) => ({ sessionId, traineeId })),
    );
    if (s.caseReviews.length) {
      await em.insert(
        SupervisionCaseReview,
        s.caseReviews.map((r) => ({
          sessionId,
          caseId: r.caseId,
          minutes: r.minutes ?? null,
          reviewedSessionIds: r.reviewedSessionIds ?? [],
        })),
      );
    }
  }

  private async shapeOf(em: EntityManager, s: SupervisionSession): Promise<Shape> {
    const participants = await this.participantsOf([s.id], em);
    const reviews = await this.reviewsOf([s.id], em);
    return {
      date: s.date,
      minutes: s.minutes,
      format: s.format,
      notes: s.notes,
      participantIds: participants.get(s.id) ?? [],
      caseReviews: (reviews.get(s.id) ?? []).map((r) => ({
        caseId: r.caseId,
        minutes: r.minutes ?? undefined,
        reviewedSessionIds: r.reviewedSessionIds,
      })),
    };
  }

  private async participantsOf(ids: string[], em: EntityManager = this.db.manager): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    if (!ids.length) return out;
    const rows: { session_id: string; trainee_id: string }[] = await em.query(
      `SELECT session_id, trainee_id FROM supervision_participants WHERE session_id = ANY($1::uuid[]) ORDER BY trainee_id`,
      [ids],
    );
    for (const r of rows) out.set(r.session_id, [...(out.get(r.session_id) ?? []), r.trainee_id]);
    return out;
  }

  private async reviewsOf(ids: string[], em: EntityManager = this.db.manager): Promise<Map<string, ReviewRow[]>> {
    const out = new Map<string, ReviewRow[]>();
    if (!ids.length) return out;
    const rows: { session_id: string; case_id: string; trainee_id: string; minutes: number | null; reviewed: string[] }[] = await em.query(
      `SELECT r.session_id, r.case_id, c.trainee_id, r.minutes, to_jsonb(r.reviewed_session_ids) AS reviewed
         FROM supervision_case_reviews r JOIN supervised_cases c ON c.id = r.case_id
        WHERE r.session_id = ANY($1::uuid[]) ORDER BY r.case_id`,
      [ids],
    );
    for (const r of rows) {
      const row: ReviewRow = {
        sessionId: r.session_id,
        caseId: r.case_id,
        traineeId: r.trainee_id,
        minutes: r.minutes,
        reviewedSessionIds: r.reviewed,
      };
      out.set(r.session_id, [...(out.get(r.session_id) ?? []), row]);
    }
    return out;
  }
}

function pick(o: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => k in o).map((k) => [k, o[k]]));
}
