import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UnitOfWork } from '../audit/unit-of-work';
import { conflict, notFound } from '../common/errors';
import { decodeCursor, type Page, toPage } from '../common/pagination';
import type { AuthedCtx } from '../common/request-context';
import { schemeAdminGrant } from '../access/scheme-administration';
import { Accreditation, AccreditationEvent, type AccreditationStatus } from './accreditation.entity';
import { auditSampleSize, randomSample } from './accreditation-lifecycle';
import type {
  ListRenewalAuditsQuery,
  RenewalAuditDto,
  RenewalAuditOutcomeDto,
  RenewalAuditRequestDto,
  RenewalAuditSelectionDto,
} from './dto';

// Each accreditation's latest renewal in the window, unless it was already selected for audit since then.
const ELIGIBLE_SQL = `
  SELECT DISTINCT ON (a.id) a.id, a.status, a.certificate_number, a.holder_name, a.level_code, a.scheme_version_id,
         r.occurred_at AS renewed_at,
         COALESCE(((SELECT l FROM jsonb_array_elements(v.definition->'levels') l WHERE l->>'code' = a.level_code LIMIT 1)
                   #>> '{renewal,auditSharePercent}')::float8, 0) AS level_share,
         COALESCE((SELECT array_agg(COALESCE(q->>'label', replace(q->>'type', '_', ' ')))
                   FROM jsonb_array_elements(COALESCE((SELECT l FROM jsonb_array_elements(v.definition->'levels') l WHERE l->>'code' = a.level_code LIMIT 1)
                                                      #> '{renewal,requirements}', '[]'::jsonb)) q), '{}') AS must_show
    FROM accreditations a
    JOIN accreditation_events r ON r.accreditation_id = a.id AND r.kind = 'renewed' AND r.occurred_at >= now() - make_interval(days => $2)
    JOIN scheme_versions v ON v.id = a.scheme_version_id
   WHERE a.body_id = $1
     AND NOT EXISTS (SELECT 1 FROM accreditation_events s WHERE s.accreditation_id = a.id AND s.kind = 'audit_selected' AND s.occurred_at >= r.occurred_at)
   ORDER BY a.id, r.occurred_at DESC`;

interface Eligible {
  id: string;
  status: AccreditationStatus;
  certificate_number: string;
  holder_name: string;
  level_code: string;
  scheme_version_id: string;
  renewed_at: Date;
  level_share: number;
  must_show: string[];
}

// A selection's outcome is the first audit_passed / audit_failed event of the accreditation after it (and before
// the accreditation was selected again).
const SELECT_AUDITS = `
  SELECT s.id, s.accreditation_id, s.occurred_at, date_trunc('milliseconds', s.occurred_at) AS k, a.certificate_number, a.holder_name, a.level_code,
         (SELECT max(r.occurred_at) FROM accreditation_events r WHERE r.accreditation_id = a.id AND r.kind = 'renewed' AND r.occurred_at <= s.occurred_at) AS renewed_at,
         COALESCE((SELECT array_agg(COALESCE(q->>'label', replace(q->>'type', '_', ' ')))
                     FROM jsonb_array_elements(COALESCE((SELECT l FROM jsonb_array_elements(v.definition->'levels') l WHERE l->>'code' = a.level_code LIMIT 1)
                                                        #> '{renewal,requirements}', '[]'::jsonb)) q), '{}') AS must_show,
         o.kind AS outcome_kind, o.reason AS outcome_reason, o.occurred_at AS audited_at, o.display_name AS audited_by
    FROM accreditation_events s JOIN accreditations a ON a.id = s.accreditation_id
    JOIN scheme_versions v ON v.id = a.scheme_version_id
    LEFT JOIN LATERAL (
      SELECT o.kind, o.reason, o.occurred_at, u.display_name FROM accreditation_events o LEFT JOIN users u ON u.id = o.actor_id
       WHERE o.accreditation_id = s.accreditation_id AND o.kind IN ('audit_passed', 'audit_failed') AND o.occurred_at >= s.occurred_at
         AND NOT EXISTS (SELECT 1 FROM accreditation_events n WHERE n.accreditation_id = s.accreditation_id AND n.kind = 'audit_selected'
                          AND n.occurred_at > s.occurred_at AND n.occurred_at <= o.occurred_at)
       ORDER BY o.occurred_at LIMIT 1) o ON true
   WHERE s.kind = 'audit_selected' AND a.body_id = $1`;

const LIST_SQL = `${SELECT_AUDITS}
     AND ($2::timestamptz IS NULL OR (date_trunc('milliseconds', s.occurred_at), s.id) < ($2::timestamptz, $3::uuid))
   ORDER BY date_trunc('milliseconds', s.occurred_at) DESC, s.id DESC
   LIMIT $4`;

const ONE_SQL = `${SELECT_AUDITS} AND s.id = $2`;

interface AuditRow {
  id: string;
  accreditation_id: string;
  occurred_at: Date;
  k: Date;
  certificate_number: string;
  holder_name: string;
  level_code: string;
  renewed_at: Date | null;
  must_show: string[];
  outcome_kind: string | null;
  outcome_reason: string | null;
  audited_at: Date | null;
  audited_by: string | null;
}

const toAuditDto = (r: AuditRow): RenewalAuditDto => ({
  id: r.id,
  accreditationId: r.accreditation_id,
  certificateNumber: r.certificate_number,
  holderName: r.holder_name,
  levelCode: r.level_code,
  renewedAt: r.renewed_at ? new Date(r.renewed_at).toISOString() : new Date(r.occurred_at).toISOString(),
  selectedAt: new Date(r.occurred_at).toISOString(),
  mustShow: r.must_show ?? [],
  outcome: r.outcome_kind === 'audit_passed' ? 'passed' : r.outcome_kind === 'audit_failed' ? 'failed' : null,
  outcomeReason: r.outcome_reason,
  auditedAt: r.audited_at ? new Date(r.audited_at).toISOString() : null,
  auditedByName: r.audited_by,
});

/** Random audit of renewals: the body picks a share of recent renewals (declarations) to check in detail. */
@Injectable()
export class RenewalAuditsService {
  constructor(
    private readonly db: DataSource,
    private readonly uow: UnitOfWork,
  ) {}

  async select(ctx: AuthedCtx, bodyId: string, dto: RenewalAuditRequestDto): Promise<RenewalAuditSelectionDto> {
    const via = await schemeAdminGrant(this.db.manager, ctx.actor, bodyId);
    if (!via) throw notFound('Body');
    const sinceDays = dto.sinceDays ?? 365;
    return this.uow.run(ctx, async (em, audit) => {
      // one selection per body at a time, so two admins clicking together cannot pick the same renewal twice
      await em.query(`SELECT pg_advisory_xact_lock(hashtext('renewal-audit:' || $1))`, [bodyId]);
      const eligible: Eligible[] = await em.query(ELIGIBLE_SQL, [bodyId, sinceDays]);
      // an explicit share applies to all renewals together; otherwise each level uses its own auditSharePercent
      const groups = new Map<string, { share: number; items: Eligible[] }>();
      for (const e of eligible) {
        const key = dto.sharePercent !== undefined ? 'all' : `${e.scheme_version_id}:${e.level_code}`;
        const g = groups.get(key) ?? { share: dto.sharePercent ?? Number(e.level_share), items: [] };
        g.items.push(e);
        groups.set(key, g);
      }
      const picked = [...groups.values()].flatMap((g) => randomSample(g.items, auditSampleSize(g.items.length, g.share)));
      const events = picked.length
        ? await em.save(
            picked.map((p) =>
              em.create(AccreditationEvent, {
                accreditationId: p.id,
                kind: 'audit_selected',
                fromStatus: p.status,
                toStatus: p.status,
                reason: 'Renewal selected at random for audit',
                actorId: ctx.actor.userId,
              }),
            ),
          )
        : [];
      audit({
        action: 'accreditation.renewal_audit_select',
        entityType: 'body',
        entityId: bodyId,
        via,
        bodyId,
        changes: { sharePercent: dto.sharePercent ?? 'per level', sinceDays, eligible: eligible.length, selected: picked.map((p) => p.id) },
      });
      return {
        eligible: eligible.length,
        selected: picked.map((p, i) => ({
          id: events[i].id,
          accreditationId: p.id,
          certificateNumber: p.certificate_number,
          holderName: p.holder_name,
          levelCode: p.level_code,
          renewedAt: new Date(p.renewed_at).toISOString(),
          selectedAt: events[i].occurredAt.toISOString(),
          mustShow: p.must_show ?? [],
          outcome: null,
          outcomeReason: null,
          auditedAt: null,
          auditedByName: null,
        })),
      };
    });
  }

  async list(ctx: AuthedCtx, bodyId: string, q: ListRenewalAuditsQuery): Promise<Page<RenewalAuditDto>> {
    if (!(await schemeAdminGrant(this.db.manager, ctx.actor, bodyId))) throw notFound('Body');
    const limit = q.limit ?? 20;
    const cursor = decodeCursor(q.cursor, 2);
    const rows: AuditRow[] = await this.db.query(LIST_SQL, [
      bodyId,
      cursor ? new Date(Number(cursor[0])).toISOString() : null,
      cursor ? String(cursor[1]) : null,
      limit + 1,
    ]);
    return toPage(rows, limit, (r) => [new Date(r.k).getTime(), r.id], toAuditDto);
  }

  /** The body records what the audit found: passed, or failed with what the holder could not show. Once per selection. */
  async recordOutcome(ctx: AuthedCtx, bodyId: string, auditId: string, dto: RenewalAuditOutcomeDto): Promise<RenewalAuditDto> {
    const via = await schemeAdminGrant(this.db.manager, ctx.actor, bodyId);
    if (!via) throw notFound('Body');
    await this.uow.run(ctx, async (em, audit) => {
      // one outcome per selection: two admins recording together are serialised on the selection's row, and the
      // second reads the first's outcome (a fresh statement sees what committed while it waited)
      await em.query(`SELECT 1 FROM accreditation_events WHERE id = $1 AND kind = 'audit_selected' FOR UPDATE`, [auditId]);
      const [row]: AuditRow[] = await em.query(ONE_SQL, [bodyId, auditId]);
      if (!row) throw notFound('Renewal audit');
      if (row.outcome_kind)
        throw conflict('AUDIT_OUTCOME_RECORDED', 'The outcome of this audit is recorded already', {
          outcome: [toAuditDto(row).outcome ?? ''],
        });
      const acc = await em.findOneByOrFail(Accreditation, { id: row.accreditation_id });
      await em.save(
        em.create(AccreditationEvent, {
          accreditationId: acc.id,
          kind: dto.outcome === 'passed' ? 'audit_passed' : 'audit_failed',
          fromStatus: acc.status,
          toStatus: acc.status,
          reason: dto.reason ?? null,
          actorId: ctx.actor.userId,
        }),
      );
      audit({
        action: 'accreditation.renewal_audit_outcome',
        entityType: 'accreditation',
        entityId: acc.id,
        via,
        bodyId,
        changes: { selection: auditId, outcome: dto.outcome, reason: dto.reason ?? null },
      });
    });
    const [row]: AuditRow[] = await this.db.query(ONE_SQL, [bodyId, auditId]);
    return toAuditDto(row);
  }
}
