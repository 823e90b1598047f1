import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { globalAdminGrant } from '../access/grants';
import { UnitOfWork } from '../audit/unit-of-work';
import { dateOf, todayUtc } from '../common/dates';
import { invalid, notFound } from '../common/errors';
import type { AuthedCtx, Grant } from '../common/request-context';
import { AppConfig } from '../config/env';
import { schemeAdminGrant } from '../access/scheme-administration';
import type { LevelDef } from '../schemes/scheme-definition';
import { Accreditation, AccreditationEvent, AccreditationStatus } from './accreditation.entity';
import { statusOn } from './accreditation-lifecycle';
import type { ProcessExpiriesQuery, ProcessExpiriesResultDto } from './dto';

const SWEEP_INTERVAL_MS = 60 * 60 * 1000;

// Active accreditations already past their expiry date, with the level definition they were issued under.
const CANDIDATES_SQL = `
  SELECT a.id, a.expires_on,
         (SELECT l FROM jsonb_array_elements(v.definition->'levels') l WHERE l->>'code' = a.level_code LIMIT 1) AS level
    FROM accreditations a JOIN scheme_versions v ON v.id = a.scheme_version_id
   WHERE a.status = 'active' AND a.expires_on IS NOT NULL AND a.expires_on < $1::date AND ($2::uuid IS NULL OR a.body_id = $2::uuid)`;

export interface ExpiryChange {
  accreditationId: string;
  toStatus: AccreditationStatus;
}

/**
 * Lapses (annual) and expires (fixed term) accreditations not renewed by the end of their grace period.
 * The sweep is idempotent — each UPDATE only touches rows still active — so every replica may run it.
 */
@Injectable()
export class AccreditationExpiryService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('AccreditationExpiry');
  private timer?: NodeJS.Timeout;
  private running = false;

  constructor(
    private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.EXPIRY_SWEEP_ENABLED) return;
    this.timer = setInterval(() => void this.periodicSweep(), SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  async process(ctx: AuthedCtx, q: ProcessExpiriesQuery): Promise<ProcessExpiriesResultDto> {
    let via: Grant | undefined;
    if (q.bodyId) {
      via = await schemeAdminGrant(this.db.manager, ctx.actor, q.bodyId);
      if (!via) throw notFound('Body');
    } else {
      via = globalAdminGrant(ctx.actor);
      if (!via) throw invalid('bodyId', 'bodyId is required unless you are a global admin');
    }
    const asOf = todayUtc(new Date());
    const changes = await this.uow.run(ctx, async (em, audit) => {
      const changed = await this.sweep(em, q.bodyId ?? null, asOf, ctx.actor.userId);
      audit({ action: 'accreditation.process_expiries', entityType: 'accreditation', entityId: null, via, bodyId: q.bodyId ?? null, changes: { asOf, count: changed.length, accreditationIds: changed.map((c) => c.accreditationId) } });
      return changed;
    });
    return { asOf, changed: changes.length, changes };
  }

  /** Applies statusOn() to every candidate: one UPDATE per target status guarded by status = 'active', one event per changed row. */
  async sweep(em: EntityManager, bodyId: string | null, asOf: string, actorId: string | null): Promise<ExpiryChange[]> {
    const byStatus = await this.plan(em, bodyId, asOf);
    const changes: ExpiryChange[] = [];
    for (const [to, ids] of byStatus) {
      const res = await em.createQueryBuilder().update(Accreditation)
        .set({ status: to, version: () => 'version + 1' })
        .where('id = ANY(:ids::uuid[]) AND status = :active', { ids, active: AccreditationStatus.Active })
        .returning(['id']).execute();
      const changed = (res.raw as { id: string }[]).map((r) => r.id);
      if (!changed.length) continue;
      await em.insert(AccreditationEvent, changed.map((id) => ({
        accreditationId: id, kind: to, fromStatus: AccreditationStatus.Active, toStatus: to, reason: 'Not renewed by the end of the grace period', actorId,
      })));
      changes.push(...changed.map((id) => ({ accreditationId: id, toStatus: to })));
    }
    return changes;
  }

  /** Which active accreditations should now be lapsed or expired, by target status. */
  private async plan(em: EntityManager, bodyId: string | null, asOf: string): Promise<Map<AccreditationStatus, string[]>> {
    const rows: { id: string; expires_on: unknown; level: LevelDef | null }[] = await em.query(CANDIDATES_SQL, [asOf, bodyId]);
    const byStatus = new Map<AccreditationStatus, string[]>();
    for (const r of rows) {
      if (!r.level) continue;
      const to = statusOn({ status: AccreditationStatus.Active, expiresOn: dateOf(r.expires_on) }, r.level.validity, r.level.renewal?.graceDays ?? 0, asOf);
      if (to !== AccreditationStatus.Active) byStatus.set(to, [...(byStatus.get(to) ?? []), r.id]);
    }
    return byStatus;
  }

  // In-process, hourly; a quick read first so an idle hour writes nothing (not even an audit row).
  private async periodicSweep(): Promise<void> {
    if (this.running || !this.db.isInitialized) return;
    this.running = true;
    try {
      const asOf = todayUtc(new Date());
      if (!(await this.plan(this.db.manager, null, asOf)).size) return;
      const changes = await this.uow.run({ requestId: `expiry-sweep-${Date.now()}`, ip: '' }, async (em, audit) => {
        const changed = await this.sweep(em, null, asOf, null);
        audit({ action: 'accreditation.process_expiries', entityType: 'accreditation', entityId: null, via: 'SYSTEM', actorId: null, changes: { asOf, count: changed.length, accreditationIds: changed.map((c) => c.accreditationId) } });
        return changed;
      });
      if (changes.length) this.logger.log(`Expiry sweep: ${changes.length} accreditation(s) lapsed or expired`);
    } catch (err) {
      // the database may be down or restarting: skip this round, the next one catches up
      this.logger.warn(`Expiry sweep skipped: ${(err as Error).message}`);
    } finally {
      this.running = false;
    }
  }
}
