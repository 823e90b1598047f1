import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UnitOfWork } from '../audit/unit-of-work';
import { notFound } from '../common/errors';
import { decodeCursor, type Page, toPage } from '../common/pagination';
import type { AuthedCtx } from '../common/request-context';
import { schemeAdminGrant } from '../access/scheme-administration';
import { AccreditationEvent, type AccreditationStatus } from './accreditation.entity';
import { auditSampleSize, randomSample } from './accreditation-lifecycle';
import type { ListRenewalAuditsQuery, RenewalAuditDto, RenewalAuditRequestDto, RenewalAuditSelectionDto } from './dto';

// Each accreditation's latest renewal in the window, unless it was already selected for audit since then.
const ELIGIBLE_SQL = `
  SELECT DISTINCT ON (a.id) a.id, a.status, a.certificate_number, a.holder_name, a.level_code, a.scheme_version_id,
         r.occurred_at AS renewed_at,
         COALESCE(((SELECT l FROM jsonb_array_elements(v.definition->'levels') l WHERE l->>'code' = a.level_code LIMIT 1)
                   #>> '{renewal,auditSharePercent}')::float8, 0) AS level_share
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
}

const LIST_SQL = `
  SELECT s.id, s.accreditation_id, s.occurred_at, date_trunc('milliseconds', s.occurred_at) AS k, a.certificate_number, a.holder_name, a.level_code,
         (SELECT max(r.occurred_at) FROM accreditation_events r WHERE r.accreditation_id = a.id AND r.kind = 'renewed' AND r.occurred_at <= s.occurred_at) AS renewed_at
    FROM accreditation_events s JOIN accreditations a ON a.id = s.accreditation_id
   WHERE s.kind = 'audit_selected' AND a.body_id = $1
     AND ($2::timestamptz IS NULL OR (date_trunc('milliseconds', s.occurred_at), s.id) < ($2::timestamptz, $3::uuid))
   ORDER BY date_trunc('milliseconds', s.occurred_at) DESC, s.id DESC
   LIMIT $4`;

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
        })),
      };
    });
  }

  async list(ctx: AuthedCtx, bodyId: string, q: ListRenewalAuditsQuery): Promise<Page<RenewalAuditDto>> {
    if (!(await schemeAdminGrant(this.db.manager, ctx.actor, bodyId))) throw notFound('Body');
    const limit = q.limit ?? 20;
    const cursor = decodeCursor(q.cursor, 2);
    const rows: {
      id: string;
      accreditation_id: string;
      occurred_at: Date;
      k: Date;
      certificate_number: string;
      holder_name: string;
      level_code: string;
      renewed_at: Date | null;
    }[] = await this.db.query(LIST_SQL, [
      bodyId,
      cursor ? new Date(Number(cursor[0])).toISOString() : null,
      cursor ? String(cursor[1]) : null,
      limit + 1,
    ]);
    return toPage(
      rows,
      limit,
      (r) => [new Date(r.k).getTime(), r.id],
      (r) => ({
        id: r.id,
        accreditationId: r.accreditation_id,
        certificateNumber: r.certificate_number,
        holderName: r.holder_name,
        levelCode: r.level_code,
        renewedAt: r.renewed_at ? new Date(r.renewed_at).toISOString() : new Date(r.occurred_at).toISOString(),
        selectedAt: new Date(r.occurred_at).toISOString(),
      }),
    );
  }
}
