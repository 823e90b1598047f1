import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { UnitOfWork } from '../audit/unit-of-work';
import { dateOrNull } from '../common/dates';
import { conflict, invalid, notFound } from '../common/errors';
import { decodeCursor, type Page, toPage } from '../common/pagination';
import type { AuthedCtx, Grant } from '../common/request-context';
import { schemeAdminGrant } from '../access/scheme-administration';
import { Accreditation, AccreditationEvent, AccreditationStatus } from './accreditation.entity';
import { expiryAfterLeave, leaveDays } from './accreditation-lifecycle';
import { toAccreditationDetailDto, toAccreditationDto } from './accreditation.mapper';
import { administeredBodiesPredicate } from '../access/scheme-administration';
import { accreditationStatusNotice } from '../notifications/notice';
import { NotificationsService } from '../notifications/notifications.service';
import type { AccreditationDetailDto, AccreditationDto, LeaveDto, ListAccreditationsQuery, StatusChangeDto } from './dto';

export type StatusAction = 'suspend' | 'reinstate' | 'revoke';

// Which statuses each body-admin action starts from, and where it leads. Revoked is final.
const TRANSITIONS: Record<
  StatusAction,
  { from: AccreditationStatus[]; to: AccreditationStatus; event: 'suspended' | 'reinstated' | 'revoked' }
> = {
  suspend: { from: [AccreditationStatus.Active], to: AccreditationStatus.Suspended, event: 'suspended' },
  reinstate: { from: [AccreditationStatus.Suspended], to: AccreditationStatus.Active, event: 'reinstated' },
  revoke: {
    from: [AccreditationStatus.Active, AccreditationStatus.Suspended, AccreditationStatus.Lapsed, AccreditationStatus.Expired],
    to: AccreditationStatus.Revoked,
    event: 'revoked',
  },
};

@Injectable()
export class AccreditationsService {
  constructor(
    private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly notifications: NotificationsService,
  ) {}

  async list(ctx: AuthedCtx, q: ListAccreditationsQuery): Promise<Page<AccreditationDto>> {
    const limit = q.limit ?? 20;
    const cursor = decodeCursor(q.cursor, 2);
    const scope = administeredBodiesPredicate(ctx.actor, 'a.body_id');
    const qb = this.db
      .getRepository(Accreditation)
      .createQueryBuilder('a')
      .where(`(a.holder_id = :me OR ${scope.sql})`, { me: ctx.actor.userId, ...scope.params });
    if (q.status) qb.andWhere('a.status = :status', { status: q.status });
    if (q.levelCode) qb.andWhere('a.level_code = :level', { level: q.levelCode });
    if (q.bodyId) qb.andWhere('a.body_id = :body', { body: q.bodyId });
    if (q.expiringBefore) qb.andWhere('a.expires_on < :before', { before: q.expiringBefore });
    // newest first; the cursor keeps millisecond precision, so the order uses the same truncation
    const created = "date_trunc('milliseconds', a.created_at)";
    if (cursor) qb.andWhere(`(${created}, a.id) < (:cv, :cid)`, { cv: new Date(Number(cursor[0])), cid: String(cursor[1]) });
    const rows = await qb
      .orderBy(created, 'DESC')
      .addOrderBy('a.id', 'DESC')
      .limit(limit + 1)
      .getMany();
    return toPage(rows, limit, (a) => [a.createdAt.getTime(), a.id], toAccreditationDto);
  }

  async get(ctx: AuthedCtx, id: string): Promise<AccreditationDetailDto> {
    const acc = await this.db.getRepository(Accreditation).findOneBy({ id });
    if (!acc || (acc.holderId !== ctx.actor.userId && !(await schemeAdminGrant(this.db.manager, ctx.actor, acc.bodyId))))
      throw notFound('Accreditation');
    return this.detail(this.db.manager, acc);
  }

  /** Suspend, reinstate or revoke, with the reason in the history and the audit trail. */
  async changeStatus(ctx: AuthedCtx, id: string, action: StatusAction, dto: StatusChangeDto): Promise<AccreditationDetailDto> {
    const t = TRANSITIONS[action];
    return this.uow.run(ctx, async (em, audit) => {
      const { acc, via } = await this.lockForAdmin(em, ctx, id);
      if (acc.status === AccreditationStatus.Revoked) throw conflict('ACCREDITATION_REVOKED', 'A revoked accreditation is final');
      if (!t.from.includes(acc.status))
        throw conflict('INVALID_STATUS_CHANGE', `An accreditation that is ${acc.status} cannot be ${t.event}`);
      await this.bump(em, acc, { status: t.to });
      await em.insert(AccreditationEvent, {
        accreditationId: id,
        kind: t.event,
        fromStatus: acc.status,
        toStatus: t.to,
        reason: dto.reason,
        actorId: ctx.actor.userId,
      });
      await this.notifications.enqueue(em, accreditationStatusNotice(t.event, acc));
      audit({
        action: `accreditation.${action}`,
        entityType: 'accreditation',
        entityId: id,
        via,
        bodyId: acc.bodyId,
        changes: { status: { from: acc.status, to: t.to }, reason: dto.reason },
      });
      return this.detail(em, (await em.findOneBy(Accreditation, { id }))!);
    });
  }

  /** A leave of absence moves the expiry on by the leave's length in days. */
  async leave(ctx: AuthedCtx, id: string, dto: LeaveDto): Promise<AccreditationDetailDto> {
    if (dto.to < dto.from) throw invalid('to', 'to must not be before from');
    return this.uow.run(ctx, async (em, audit) => {
      const { acc, via } = await this.lockForAdmin(em, ctx, id);
      const expiresOn = dateOrNull(acc.expiresOn);
      if (![AccreditationStatus.Active, AccreditationStatus.Suspended].includes(acc.status)) {
        throw conflict('INVALID_STATUS_CHANGE', `Leave cannot be granted on an accreditation that is ${acc.status}`);
      }
      if (!expiresOn) throw conflict('NO_EXPIRY', 'This accreditation does not expire; leave does not change it');
      const extended = expiryAfterLeave(expiresOn, dto.from, dto.to);
      await this.bump(em, acc, { expiresOn: extended });
      const days = leaveDays(dto.from, dto.to);
      await em.insert(AccreditationEvent, {
        accreditationId: id,
        kind: 'leave_of_absence',
        fromStatus: acc.status,
        toStatus: acc.status,
        reason: `${dto.from} to ${dto.to} (${days} days): ${dto.reason}`.slice(0, 1000),
        actorId: ctx.actor.userId,
      });
      audit({
        action: 'accreditation.leave',
        entityType: 'accreditation',
        entityId: id,
        via,
        bodyId: acc.bodyId,
        changes: { leave: { from: dto.from, to: dto.to, days }, expiresOn: { from: expiresOn, to: extended } },
      });
      return this.detail(em, (await em.findOneBy(Accreditation, { id }))!);
    });
  }

  /** The accreditation, locked, and the caller's grant over its body; outside their scope it does not exist. */
  async lockForAdmin(em: EntityManager, ctx: AuthedCtx, id: string): Promise<{ acc: Accreditation; via: Grant }> {
    const acc = await em.findOne(Accreditation, { where: { id }, lock: { mode: 'pessimistic_write' } });
    const via = acc && (await schemeAdminGrant(em, ctx.actor, acc.bodyId));
    if (!acc || !via) throw notFound('Accreditation');
    return { acc, via };
  }

  async bump(em: EntityManager, acc: Accreditation, set: Partial<Pick<Accreditation, 'status' | 'expiresOn'>>): Promise<void> {
    await em
      .createQueryBuilder()
      .update(Accreditation)
      .set({ ...set, version: () => 'version + 1' })
      .where('id = :id', { id: acc.id })
      .execute();
  }

  async detail(em: EntityManager, acc: Accreditation): Promise<AccreditationDetailDto> {
    const events = await em.find(AccreditationEvent, { where: { accreditationId: acc.id }, order: { occurredAt: 'ASC', id: 'ASC' } });
    return toAccreditationDetailDto(acc, events);
  }
}
