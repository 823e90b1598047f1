import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { globalAdminGrant } from '../access/grants';
import { UnitOfWork } from '../audit/unit-of-work';
import { dateOf, todayUtc } from '../common/dates';
import { invalid, notFound } from '../common/errors';
import type { AuthedCtx, Grant } from '../common/request-context';
import { AppConfig } from '../config/env';
import { schemeAdminGrant } from '../access/scheme-administration';
import { accreditationStatusNotice } from '../notifications/notice';
import { NotificationsService } from '../notifications/notifications.service';
import { claimScheduleRun } from '../notifications/schedule-runs';
import type { LevelDef } from '../schemes/scheme-definition';
import { Accreditation, AccreditationEvent, AccreditationStatus } from './accreditation.entity';
import { statusOn } from './accreditation-lifecycle';
import { AccreditationRemindersService } from './accreditation-reminders.service';
import type { ProcessExpiriesQuery, ProcessExpiriesResultDto } from './dto';

const SWEEP_INTERVAL_MS = 60 * 60 * 1000;
export const EXPIRY_SWEEP_JOB = 'accreditation.expiry_sweep';

/** Another replica claimed today's sweep between our read and our claim: roll back, nothing to do. */
class SweepClaimedElsewhere extends Error {}

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
 * Lapses (annual) and expires (fixed term) accreditations not renewed by the end of their grace period, telling
 * each holder in the same transaction. The sweep is idempotent — each UPDATE only touches rows still active — and
 * the scheduled one runs once per day across replicas (schedule_runs); the hourly tick also runs the daily
 * renewal reminders.
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
    private readonly notifications: NotificationsService,
    private readonly reminders: AccreditationRemindersService,
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
      audit({
        action: 'accreditation.process_expiries',
        entityType: 'accreditation',
        entityId: null,
        via,
        bodyId: q.bodyId ?? null,
        changes: { asOf, count: changed.length, accreditationIds: changed.map((c) => c.accreditationId) },
      });
      return changed;
    });
    return { asOf, changed: changes.length, changes };
  }

  /** Applies statusOn() to every candidate: one UPDATE per target status guarded by status = 'active', one event per changed row. */
  async sweep(em: EntityManager, bodyId: string | null, asOf: string, actorId: string | null): Promise<ExpiryChange[]> {
    const byStatus = await this.plan(em, bodyId, asOf);
    const changes: ExpiryChange[] = [];
    for (const [to, ids] of byStatus) {
      const res = await em
        .createQueryBuilder()
        .update(Accreditation)
        .set({ status: to, version: () => 'version + 1' })
        .where('id = ANY(:ids::uuid[]) AND status = :active', { ids, active: AccreditationStatus.Active })
        .returning('id, holder_id, level_code')
        .execute();
      const rows = res.raw as { id: string; holder_id: string; level_code: string }[];
      const changed = rows.map((r) => r.id);
      if (!changed.length) continue;
      await em.insert(
        AccreditationEvent,
        changed.map((id) => ({
          accreditationId: id,
          kind: to,
          fromStatus: AccreditationStatus.Active,
          toStatus: to,
          reason: 'Not renewed by the end of the grace period',
          actorId,
        })),
      );
      const event = to === AccreditationStatus.Lapsed ? 'lapsed' : 'expired';
      for (const r of rows)
        await this.notifications.enqueue(
          em,
          accreditationStatusNotice(event, { id: r.id, holderId: r.holder_id, levelCode: r.level_code }),
        );
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
      const to = statusOn(
        { status: AccreditationStatus.Active, expiresOn: dateOf(r.expires_on) },
        r.level.validity,
        r.level.renewal?.graceDays ?? 0,
        asOf,
      );
      if (to !== AccreditationStatus.Active) byStatus.set(to, [...(byStatus.get(to) ?? []), r.id]);
    }
    return byStatus;
  }

  // In-process, hourly: the expiry sweep and the renewal reminders, each once per day across replicas.
  private async periodicSweep(): Promise<void> {
    if (this.running || !this.db.isInitialized) return;
    this.running = true;
    try {
      const asOf = todayUtc(new Date());
      await this.scheduledSweep(asOf);
      await this.reminders.runRenewalReminders(asOf);
    } catch (err) {
      // the database may be down or restarting: skip this round, the next one catches up
      this.logger.warn(`Scheduled accreditation work skipped: ${(err as Error).message}`);
    } finally {
      this.running = false;
    }
  }

  /**
   * The sweep of day `asOf`, run by at most one replica: a quick read first, so an idle hour writes nothing (not even
   * an audit row) and leaves the day unclaimed; otherwise the day is claimed in the sweep's own transaction (a crash
   * rolls the claim back). Returns null when there was nothing to do or another replica has done it.
   */
  async scheduledSweep(asOf: string): Promise<ExpiryChange[] | null> {
    if (!(await this.plan(this.db.manager, null, asOf)).size) return null;
    try {
      const changes = await this.uow.run({ requestId: `expiry-sweep-${Date.now()}`, ip: '' }, async (em, audit) => {
        if (!(await claimScheduleRun(em, EXPIRY_SWEEP_JOB, asOf))) throw new SweepClaimedElsewhere();
        const changed = await this.sweep(em, null, asOf, null);
        audit({
          action: 'accreditation.process_expiries',
          entityType: 'accreditation',
          entityId: null,
          via: 'SYSTEM',
          actorId: null,
          changes: { asOf, count: changed.length, accreditationIds: changed.map((c) => c.accreditationId) },
        });
        return changed;
      });
      if (changes.length) this.logger.log(`Expiry sweep: ${changes.length} accreditation(s) lapsed or expired`);
      return changes;
    } catch (err) {
      if (err instanceof SweepClaimedElsewhere) return null;
      throw err;
    }
  }
}
