import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { adminGrantFor } from '../access/grants';
import { todayUtc } from '../common/dates';
import { notFound } from '../common/errors';
import type { AuthedCtx } from '../common/request-context';
import type { SchemeDefinition } from '../schemes/scheme-definition';
import { RENEWAL_WINDOWS, renewalWindow } from './body-pipeline';
import type { BodyPipelineDto } from './dto';

// How many people stand at each level, applications by state, renewals due: a few grouped queries, no per-person
// work, so the body admin's home page stays fast at any size.
@Injectable()
export class BodyPipelineService {
  constructor(private readonly db: DataSource) {}

  async pipeline(ctx: AuthedCtx, bodyId: string): Promise<BodyPipelineDto> {
    if (!adminGrantFor(ctx.actor, bodyId)) throw notFound('Body');
    const today = todayUtc(new Date());
    const [levels, enrolled, applications, expiring] = await Promise.all([
      this.db.query(
        `SELECT s.code AS "schemeCode", s.name AS "schemeName", a.level_code AS "levelCode", max(a.level_name) AS "levelName",
                count(DISTINCT a.holder_id) FILTER (WHERE a.status = 'active')::int AS "active",
                count(DISTINCT a.holder_id) FILTER (WHERE a.status IN ('lapsed', 'expired'))::int AS "lapsed",
                count(DISTINCT a.holder_id) FILTER (WHERE a.status = 'suspended')::int AS "suspended",
                (array_agg(v.definition ORDER BY v.version_number DESC))[1] AS "definition"
           FROM accreditations a JOIN scheme_versions v ON v.id = a.scheme_version_id JOIN schemes s ON s.id = v.scheme_id
          WHERE a.body_id = $1
          GROUP BY s.code, s.name, a.level_code`,
        [bodyId],
      ) as Promise<
        {
          schemeCode: string;
          schemeName: string;
          levelCode: string;
          levelName: string;
          active: number;
          lapsed: number;
          suspended: number;
          definition: SchemeDefinition;
        }[]
      >,
      this.db.query(
        `SELECT count(DISTINCT e.user_id)::int AS "enrolled",
                count(DISTINCT e.user_id) FILTER (WHERE NOT EXISTS (
                  SELECT 1 FROM accreditations a WHERE a.holder_id = e.user_id AND a.body_id = s.body_id AND a.status = 'active'))::int AS "withoutLevel"
           FROM scheme_enrolments e JOIN schemes s ON s.id = e.scheme_id WHERE s.body_id = $1`,
        [bodyId],
      ) as Promise<{ enrolled: number; withoutLevel: number }[]>,
      this.db.query(`SELECT status, count(*)::int AS "count" FROM applications WHERE body_id = $1 GROUP BY status`, [bodyId]) as Promise<
        { status: string; count: number }[]
      >,
      this.db.query(
        `SELECT to_char(expires_on, 'YYYY-MM-DD') AS "expiresOn" FROM accreditations
          WHERE body_id = $1 AND status = 'active' AND expires_on IS NOT NULL AND expires_on <= $2::date + 90`,
        [bodyId, today],
      ) as Promise<{ expiresOn: string }[]>,
    ]);
    const order = (l: (typeof levels)[number]) => l.definition?.levels?.find((d) => d.code === l.levelCode)?.order ?? 999;
    const due = new Map<string, number>(RENEWAL_WINDOWS.map((w) => [w, 0]));
    for (const { expiresOn } of expiring) {
      const w = renewalWindow(expiresOn, today);
      if (w) due.set(w, (due.get(w) ?? 0) + 1);
    }
    return {
      bodyId,
      asOf: today,
      enrolled: enrolled[0]?.enrolled ?? 0,
      enrolledWithoutLevel: enrolled[0]?.withoutLevel ?? 0,
      levels: levels.sort((a, b) => a.schemeCode.localeCompare(b.schemeCode) || order(a) - order(b)).map(({ definition: _d, ...l }) => l),
      applications: applications.sort((a, b) => a.status.localeCompare(b.status)),
      renewalsDue: RENEWAL_WINDOWS.map((window) => ({ window, count: due.get(window) ?? 0 })),
    };
  }
}
