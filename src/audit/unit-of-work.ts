import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import type { Grant, RequestCtx } from '../common/request-context';
import { completeIdempotencyInTransaction } from '../idempotency/idempotency-context';
import { AuditEntry } from './audit-entry.entity';

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId: string | null;
  /** what changed; never passwords, tokens or clinical free text */
  changes?: Record<string, unknown>;
  /** the grant the actor used; omitted = acting on their own account (SELF) */
  via?: Grant | 'SELF' | 'PUBLIC' | 'SYSTEM';
  /** body the record belongs to, for body admins' view of the trail (defaults to the grant's body) */
  bodyId?: string | null;
  /** overrides ctx.actor (e.g. sign-in, where the actor is only known inside the work) */
  actorId?: string | null;
}

export type Audit = (record: AuditRecord) => void;

/**
 * Runs one state change in one transaction together with exactly one audit row. Work that records no
 * audit entry, or more than one, is a programming error and rolls back.
 */
@Injectable()
export class UnitOfWork {
  constructor(private readonly db: DataSource) {}

  async run<T>(ctx: RequestCtx, work: (em: EntityManager, audit: Audit) => Promise<T>): Promise<T> {
    return this.db.transaction(async (em) => {
      const records: AuditRecord[] = [];
      const result = await work(em, (r) => records.push(r));
      if (records.length !== 1) throw new Error(`a state change must write exactly one audit entry, got ${records.length}`);
      await em.insert(AuditEntry, toEntry(ctx, records[0]));
      // a request with an Idempotency-Key: its key is completed in this same transaction
      await completeIdempotencyInTransaction(em, result);
      return result;
    });
  }
}

function toEntry(ctx: RequestCtx, r: AuditRecord): QueryDeepPartialEntity<AuditEntry> {
  const via = r.via ?? 'SELF';
  return {
    actorId: r.actorId !== undefined ? r.actorId : (ctx.actor?.userId ?? null),
    actorRole: typeof via === 'string' ? via : via.role,
    bodyId: r.bodyId !== undefined ? r.bodyId : typeof via === 'string' ? null : via.bodyId,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    changes: (r.changes ?? {}) as QueryDeepPartialEntity<Record<string, unknown>>,
    requestId: ctx.requestId.slice(0, 64),
  };
}
