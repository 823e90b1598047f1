import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { auditVisiblePredicate } from '../access/audit-access';
import { invalid } from '../common/errors';
import { decodeCursor, type Page, toPage } from '../common/pagination';
import type { AuthedCtx } from '../common/request-context';
import { AuditEntry } from './audit-entry.entity';
import type { AuditEntryDto, ListAuditQuery } from './dto';

const toDto = (e: AuditEntry): Omit<AuditEntryDto, 'actorName'> => ({
  id: String(e.id),
  occurredAt: e.occurredAt.toISOString(),
  actorId: e.actorId,
  actorRole: e.actorRole,
  bodyId: e.bodyId,
  action: e.action,
  entityType: e.entityType,
  entityId: e.entityId,
  changes: e.changes,
  requestId: e.requestId,
});

@Injectable()
export class AuditService {
  constructor(private readonly db: DataSource) {}

  /** Newest first. Global admins read everything; body admins only entries of their bodies. */
  async list(ctx: AuthedCtx, q: ListAuditQuery): Promise<Page<AuditEntryDto>> {
    const limit = q.limit ?? 50;
    const cursor = decodeCursor(q.cursor, 1);
    const qb = this.db.getRepository(AuditEntry).createQueryBuilder('a');
    const visible = auditVisiblePredicate(ctx.actor, 'a.body_id');
    qb.where(visible.sql, visible.params);
    if (q.actorId) qb.andWhere('a.actor_id = :actorId', { actorId: q.actorId });
    if (q.bodyId) qb.andWhere('a.body_id = :bodyId', { bodyId: q.bodyId });
    if (q.entityType) qb.andWhere('a.entity_type = :entityType', { entityType: q.entityType });
    if (q.entityId) qb.andWhere('a.entity_id = :entityId', { entityId: q.entityId });
    if (q.action) qb.andWhere('a.action = :action', { action: q.action });
    if (q.from) qb.andWhere('a.occurred_at >= :from', { from: q.from });
    if (q.to) qb.andWhere('a.occurred_at < :to', { to: q.to });
    if (cursor) {
      if (!/^\d{1,19}$/.test(String(cursor[0]))) throw invalid('cursor', 'cursor is not a valid cursor');
      qb.andWhere('a.id < :cid', { cid: String(cursor[0]) });
    }
    const rows = await qb
      .orderBy('a.id', 'DESC')
      .limit(limit + 1)
      .getMany();
    const page = toPage(rows, limit, (e) => [String(e.id)], toDto);
    // who acted, by name: one query for the page's actors
    const ids = [...new Set(page.items.map((e) => e.actorId).filter((id): id is string => id !== null))];
    const names = new Map<string, string>(
      ids.length
        ? (
            (await this.db.query(`SELECT id, display_name FROM users WHERE id = ANY($1::uuid[])`, [ids])) as {
              id: string;
              display_name: string;
            }[]
          ).map((u) => [u.id, u.display_name])
        : [],
    );
    return { ...page, items: page.items.map((e) => ({ ...e, actorName: e.actorId ? (names.get(e.actorId) ?? null) : null })) };
  }
}
