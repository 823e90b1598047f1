import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { adminGrantFor, grantIn } from '../access/grants';
import { partiesOf, relationshipsVisiblePredicate } from '../access/supervision-access';
import { Role } from '../common/roles';
import { isFutureDate, todayUtc } from '../common/dates';
import { UnitOfWork } from '../audit/unit-of-work';
import { badRequest, conflict, forbidden, invalid, notFound } from '../common/errors';
import { decodeCursor, type Page, toPage } from '../common/pagination';
import type { Actor, AuthedCtx, Grant } from '../common/request-context';
import { isUuid } from '../common/uuid';
import { hasConflictOfInterest } from './conflicts';
import type {
  AssignSupervisionDto,
  EndSupervisionDto,
  FoundSupervisorDto,
  ListRelationshipsQuery,
  RelationshipDto,
  RequestSupervisionDto,
} from './dto';
import { SupervisionRelationship, SupervisionStatus } from './supervision-relationship.entity';
import { type SupervisionAction, type SupervisionParty, supervisionTransition } from './supervision-transitions';
import { toRelationshipDto } from './supervision.mapper';

const OPEN_CONFLICT = () =>
  conflict('SUPERVISION_ALREADY_OPEN', 'There is already a requested or active supervision between these two people');

/** Whether the user is active and holds `role` in `bodyId` right now. */
export async function holdsRole(em: EntityManager, userId: string, role: Role, bodyId: string): Promise<boolean> {
  const rows: unknown[] = await em.query(
    `SELECT 1 FROM role_grants g JOIN users u ON u.id = g.user_id AND u.status = 'active'
      WHERE g.user_id = $1 AND g.role = $2 AND g.body_id = $3 AND g.revoked_at IS NULL`,
    [userId, role, bodyId],
  );
  return rows.length > 0;
}

/** Whether the user is active and holds `role` in some body right now. */
export async function holdsRoleAnywhere(em: EntityManager, userId: string, role: Role): Promise<boolean> {
  const rows: unknown[] = await em.query(
    `SELECT 1 FROM role_grants g JOIN users u ON u.id = g.user_id AND u.status = 'active'
      WHERE g.user_id = $1 AND g.role = $2 AND g.revoked_at IS NULL`,
    [userId, role],
  );
  return rows.length > 0;
}

// both parties' names come with every relationship (the UI names people, never ids)
const PARTIES = { trainee: true, supervisor: true } as const;

const isUniqueViolation = (e: unknown) =>
  (e as { code?: string; driverError?: { code?: string } })?.driverError?.code === '23505' || (e as { code?: string })?.code === '23505';

// Requests, assignments and status changes of supervision relationships. Rows are never deleted.
@Injectable()
export class SupervisionService {
  constructor(
    private readonly db: DataSource,
    private readonly uow: UnitOfWork,
  ) {}

  /** A supervisor of any body, by exact e-mail (no partial match: people of other bodies are not listed). */
  async findSupervisor(email: string): Promise<FoundSupervisorDto[]> {
    const rows: { id: string; display_name: string; body_id: string; code: string; name: string }[] = await this.db.query(
      `SELECT u.id, u.display_name, b.id AS body_id, b.code, b.name
         FROM users u JOIN role_grants g ON g.user_id = u.id AND g.role = 'SUPERVISOR' AND g.revoked_at IS NULL
         JOIN bodies b ON b.id = g.body_id
        WHERE lower(u.email) = lower($1) AND u.status = 'active'
        ORDER BY b.code`,
      [email.trim()],
    );
    if (!rows.length) return [];
    return [
      {
        id: rows[0].id,
        displayName: rows[0].display_name,
        bodies: rows.map((r) => ({ id: r.body_id, code: r.code, name: r.name })),
      },
    ];
  }

  async get(ctx: AuthedCtx, id: string): Promise<RelationshipDto> {
    return toRelationshipDto(await this.visible(ctx.actor, id));
  }

  // Your relationships as trainee or supervisor, plus every one of the bodies you administer (all for a global admin).
  async list(ctx: AuthedCtx, q: ListRelationshipsQuery): Promise<Page<RelationshipDto>> {
    const limit = q.limit ?? 20;
    const cursor = decodeCursor(q.cursor, 2);
    const me = ctx.actor.userId;
    const qb = this.db
      .getRepository(SupervisionRelationship)
      .createQueryBuilder('r')
      .innerJoinAndSelect('r.trainee', 'tu')
      .innerJoinAndSelect('r.supervisor', 'su');
    if (q.role === 'trainee') qb.where('r.trainee_id = :me', { me });
    else if (q.role === 'supervisor') qb.where('r.supervisor_id = :me', { me });
    else {
      const visible = relationshipsVisiblePredicate(ctx.actor, 'r');
      qb.where(visible.sql, visible.params);
    }
    if (q.status) qb.andWhere('r.status = :status', { status: q.status });
    if (q.bodyId) qb.andWhere('r.body_id = :bodyId', { bodyId: q.bodyId });
    if (q.traineeId) qb.andWhere('r.trainee_id = :traineeId', { traineeId: q.traineeId });
    const column = "date_trunc('milliseconds', r.created_at)";
    if (cursor) {
      if (typeof cursor[0] !== 'number' || !isUuid(cursor[1])) throw invalid('cursor', 'cursor is not a valid cursor');
      qb.andWhere(`(${column}, r.id) < (:cv, :cid)`, { cv: new Date(cursor[0]), cid: cursor[1] });
    }
    const rows = await qb
      .orderBy(column, 'DESC')
      .addOrderBy('r.id', 'DESC')
      .limit(limit + 1)
      .getMany();
    return toPage(rows, limit, (r) => [r.createdAt.getTime(), r.id], toRelationshipDto);
  }

  /** A trainee asks a supervisor of their body to supervise them. */
  async request(ctx: AuthedCtx, dto: RequestSupervisionDto): Promise<RelationshipDto> {
    const me = ctx.actor.userId;
    dto = { supervisorId: dto.supervisorId.toLowerCase(), bodyId: dto.bodyId?.toLowerCase() };
    if (dto.supervisorId === me)
      throw badRequest('SELF_SUPERVISION', 'Nobody can supervise themselves', { supervisorId: ['must be someone else'] });
    const bodyId = dto.bodyId ?? (await this.traineeBody(me));
    if (!bodyId || !grantIn(ctx.actor, Role.Trainee, bodyId)) throw invalid('bodyId', 'You do not hold TRAINEE in this body');
    return this.open(
      ctx,
      { traineeId: me, supervisorId: dto.supervisorId, bodyId, status: SupervisionStatus.Requested, startedOn: null },
      'SELF',
    );
  }

  /** A body admin (or global admin) pairs a trainee with a supervisor directly: active at once when the supervisor holds
   *  SUPERVISOR in the body; a supervisor of another body must accept first (requested). */
  async assign(ctx: AuthedCtx, dto: AssignSupervisionDto): Promise<RelationshipDto> {
    dto = {
      ...dto,
      traineeId: dto.traineeId.toLowerCase(),
      supervisorId: dto.supervisorId.toLowerCase(),
      bodyId: dto.bodyId.toLowerCase(),
    };
    const via = adminGrantFor(ctx.actor, dto.bodyId);
    if (!via) throw forbidden('You may assign supervision only within a body you administer');
    if (dto.traineeId === dto.supervisorId)
      throw badRequest('SELF_SUPERVISION', 'Nobody can supervise themselves', { supervisorId: ['must differ from traineeId'] });
    const startedOn = dto.startedOn ?? todayUtc(new Date());
    if (isFutureDate(startedOn, new Date())) throw invalid('startedOn', 'startedOn must not be in the future');
    // a supervisor of another body is asked, not bound: the relationship waits for them to accept
    const ownSupervisor = await holdsRole(this.db.manager, dto.supervisorId, Role.Supervisor, dto.bodyId);
    return this.open(
      ctx,
      {
        traineeId: dto.traineeId,
        supervisorId: dto.supervisorId,
        bodyId: dto.bodyId,
        status: ownSupervisor ? SupervisionStatus.Active : SupervisionStatus.Requested,
        // the start the admin names stands once the supervisor accepts
        startedOn,
      },
      via,
    );
  }

  async transition(ctx: AuthedCtx, id: string, action: Exclude<SupervisionAction, 'end'>): Promise<RelationshipDto> {
    const rel = await this.visible(ctx.actor, id);
    const parties = partiesOf(ctx.actor, rel);
    const t = this.allowed(rel.status, action, parties);
    return this.apply(ctx, rel, action, t.from, t.to, {
      // a request starts on the day it is accepted; an admin's cross-border assignment on the date the admin named
      startedOn: action === 'accept' ? (rel.startedOn ?? todayUtc(new Date())) : null,
      via: action === 'cancel' ? 'SELF' : { role: Role.Supervisor, bodyId: rel.bodyId },
    });
  }

  async end(ctx: AuthedCtx, id: string, dto: EndSupervisionDto): Promise<RelationshipDto> {
    const rel = await this.visible(ctx.actor, id);
    const parties = partiesOf(ctx.actor, rel);
    const t = this.allowed(rel.status, 'end', parties);
    if (isFutureDate(dto.endedOn, new Date())) throw invalid('endedOn', 'endedOn must not be in the future');
    if (rel.startedOn && dto.endedOn < rel.startedOn) throw invalid('endedOn', `endedOn must not be before the start (${rel.startedOn})`);
    const via: Grant | 'SELF' = parties.includes('trainee')
      ? 'SELF'
      : parties.includes('supervisor')
        ? { role: Role.Supervisor, bodyId: rel.bodyId }
        : (adminGrantFor(ctx.actor, rel.bodyId) as Grant);
    return this.apply(ctx, rel, 'end', t.from, t.to, { endedOn: dto.endedOn, endReason: dto.reason, via });
  }

  private allowed(status: SupervisionStatus, action: SupervisionAction, parties: SupervisionParty[]) {
    const t = supervisionTransition(status, action, parties);
    if (!t.ok)
      throw t.error === 'NOT_ALLOWED'
        ? forbidden(t.message, 'SUPERVISION_ACTION_NOT_ALLOWED')
        : conflict('SUPERVISION_WRONG_STATUS', t.message);
    return t;
  }

  // Optimistic: UPDATE … WHERE status = <expected>. Of two concurrent accepts, the second updates nothing.
  private async apply(
    ctx: AuthedCtx,
    rel: SupervisionRelationship,
    action: SupervisionAction,
    from: SupervisionStatus,
    to: SupervisionStatus,
    opts: { startedOn?: string | null; endedOn?: string; endReason?: string; via: Grant | 'SELF' },
  ): Promise<RelationshipDto> {
    return this.uow.run(ctx, async (em, audit) => {
      if (action === 'accept') await this.checkPair(em, rel.traineeId, rel.supervisorId, rel.bodyId);
      const set: Record<string, unknown> = { status: to, version: () => 'version + 1' };
      if (opts.startedOn) set.startedOn = opts.startedOn;
      if (opts.endedOn) Object.assign(set, { endedOn: opts.endedOn, endReason: opts.endReason });
      const res = await em
        .createQueryBuilder()
        .update(SupervisionRelationship)
        .set(set)
        .where('id = :id AND status = :from', { id: rel.id, from })
        .execute();
      if (!res.affected) throw conflict('SUPERVISION_STATUS_CHANGED', 'The relationship changed meanwhile; reload it');
      audit({
        action: `supervision.${action}`,
        entityType: 'supervision_relationship',
        entityId: rel.id,
        via: opts.via,
        bodyId: rel.bodyId,
        changes: {
          status: { from, to },
          traineeId: rel.traineeId,
          supervisorId: rel.supervisorId,
          ...(opts.startedOn ? { startedOn: opts.startedOn } : {}),
          ...(opts.endedOn ? { endedOn: opts.endedOn } : {}),
        },
      });
      return toRelationshipDto(await em.findOneOrFail(SupervisionRelationship, { where: { id: rel.id }, relations: PARTIES }));
    });
  }

  private async open(
    ctx: AuthedCtx,
    v: { traineeId: string; supervisorId: string; bodyId: string; status: SupervisionStatus; startedOn: string | null },
    via: Grant | 'SELF',
  ): Promise<RelationshipDto> {
    try {
      return await this.uow.run(ctx, async (em, audit) => {
        await this.checkPair(em, v.traineeId, v.supervisorId, v.bodyId);
        const open = await em.query(
          `SELECT 1 FROM supervision_relationships WHERE trainee_id = $1 AND supervisor_id = $2 AND status IN ('requested', 'active')`,
          [v.traineeId, v.supervisorId],
        );
        if (open.length) throw OPEN_CONFLICT();
        const { identifiers } = await em.insert(SupervisionRelationship, { ...v, requestedBy: ctx.actor.userId });
        const id = String(identifiers[0].id);
        const action = via === 'SELF' ? 'supervision.request' : 'supervision.assign';
        audit({
          action,
          entityType: 'supervision_relationship',
          entityId: id,
          via,
          bodyId: v.bodyId,
          changes: { traineeId: v.traineeId, supervisorId: v.supervisorId, status: v.status, startedOn: v.startedOn },
        });
        return toRelationshipDto(await em.findOneOrFail(SupervisionRelationship, { where: { id }, relations: PARTIES }));
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw OPEN_CONFLICT();
      throw e;
    }
  }

  // The trainee holds TRAINEE in the body (the relationship is the trainee's body's), the supervisor SUPERVISOR in any
  // body (cross-border supervision: whether their standing counts is the trainee's scheme's rule, checked on each
  // meeting's date), and no declared conflict of interest stands between them.
  private async checkPair(em: EntityManager, traineeId: string, supervisorId: string, bodyId: string): Promise<void> {
    if (!(await holdsRole(em, traineeId, Role.Trainee, bodyId)))
      throw invalid('traineeId', 'The trainee does not hold TRAINEE in this body');
    if (!(await holdsRoleAnywhere(em, supervisorId, Role.Supervisor)))
      throw invalid('supervisorId', 'The supervisor does not hold SUPERVISOR in any body');
    const coi = await hasConflictOfInterest(em, traineeId, supervisorId);
    if (coi)
      throw conflict('CONFLICT_OF_INTEREST', `A conflict of interest is declared between these two people (${coi})`, { kind: [coi] });
  }

  private async traineeBody(userId: string): Promise<string | null> {
    const rows: { body_id: string }[] = await this.db.query(
      `SELECT body_id FROM role_grants WHERE user_id = $1 AND role = 'TRAINEE' AND revoked_at IS NULL ORDER BY granted_at LIMIT 1`,
      [userId],
    );
    return rows[0]?.body_id ?? null;
  }

  private async visible(actor: Actor, id: string): Promise<SupervisionRelationship> {
    const rel = await this.db.getRepository(SupervisionRelationship).findOne({ where: { id }, relations: PARTIES });
    if (!rel || !partiesOf(actor, rel).length) throw notFound('Supervision relationship');
    return rel;
  }
}
