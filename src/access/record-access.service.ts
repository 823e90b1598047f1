import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { globalAdminGrant } from '../auth/access';
import { Role } from '../auth/roles';
import { notFound } from '../common/errors';
import type { NotFoundEntity } from '../common/error-codes';
import type { Actor, Grant } from '../common/request-context';

export type RecordRelation = 'own' | 'supervisor' | 'body_admin' | 'admin';

export interface RecordAccess {
  relation: RecordRelation;
  /** the grant to record in the audit trail ('SELF' for the trainee's own records) */
  via: Grant | 'SELF';
  /** the trainee's body (where they hold TRAINEE); null if they hold none */
  bodyId: string | null;
}

// Who may see a trainee's training record: the trainee; a supervisor with an ACTIVE relationship to them;
// a body admin of a body where they are a trainee; a global admin. Everyone else: 404, as if absent.
export const ACCESS_SQL = `
  SELECT (SELECT g.body_id FROM role_grants g WHERE g.user_id = $1 AND g.role = 'TRAINEE' AND g.revoked_at IS NULL
           ORDER BY g.granted_at LIMIT 1) AS trainee_body,
         (SELECT r.body_id FROM supervision_relationships r WHERE r.trainee_id = $1 AND r.supervisor_id = $2
           AND r.status = 'active' LIMIT 1) AS supervised_in,
         (SELECT g.body_id FROM role_grants g WHERE g.user_id = $1 AND g.role = 'TRAINEE' AND g.revoked_at IS NULL
           AND g.body_id = ANY($3::uuid[]) LIMIT 1) AS admin_body`;

@Injectable()
export class RecordAccessService {
  constructor(private readonly db: DataSource) {}

  /** How the actor relates to a trainee's record, or null when they may not see it at all. */
  async relation(actor: Actor, traineeId: string, em: EntityManager = this.db.manager): Promise<RecordAccess | null> {
    const adminBodies = actor.grants.filter((g) => g.role === Role.BodyAdmin && g.bodyId).map((g) => g.bodyId as string);
    const [row]: { trainee_body: string | null; supervised_in: string | null; admin_body: string | null }[] = await em.query(ACCESS_SQL, [
      traineeId,
      actor.userId,
      adminBodies,
    ]);
    if (actor.userId === traineeId) return { relation: 'own', via: 'SELF', bodyId: row.trainee_body };
    if (row.supervised_in) {
      return { relation: 'supervisor', via: { role: Role.Supervisor, bodyId: row.supervised_in }, bodyId: row.trainee_body };
    }
    if (row.admin_body) return { relation: 'body_admin', via: { role: Role.BodyAdmin, bodyId: row.admin_body }, bodyId: row.admin_body };
    const admin = globalAdminGrant(actor);
    if (admin) return { relation: 'admin', via: admin, bodyId: row.trainee_body };
    return null;
  }

  /** Like relation(), but a caller who may not see the record gets the same 404 as for a missing one. */
  async require(actor: Actor, traineeId: string, allowed: readonly RecordRelation[], entity: NotFoundEntity, em?: EntityManager): Promise<RecordAccess> {
    const access = await this.relation(actor, traineeId, em);
    if (!access || !allowed.includes(access.relation)) throw notFound(entity);
    return access;
  }

  /**
   * SQL predicate (for a trainee-id column) matching the records the actor may read; use it in list
   * queries so scoping happens in the query, not after it. Parameters are namespaced with `ra_`.
   */
  readablePredicate(actor: Actor, traineeColumn: string): { sql: string; params: Record<string, unknown> } {
    if (globalAdminGrant(actor)) return { sql: 'TRUE', params: {} };
    const adminBodies = actor.grants.filter((g) => g.role === Role.BodyAdmin && g.bodyId).map((g) => g.bodyId as string);
    return {
      sql: `(${traineeColumn} = :ra_actor
        OR EXISTS (SELECT 1 FROM supervision_relationships ra_r WHERE ra_r.trainee_id = ${traineeColumn}
                    AND ra_r.supervisor_id = :ra_actor AND ra_r.status = 'active')
        OR EXISTS (SELECT 1 FROM role_grants ra_g WHERE ra_g.user_id = ${traineeColumn} AND ra_g.role = 'TRAINEE'
                    AND ra_g.revoked_at IS NULL AND ra_g.body_id = ANY(:ra_bodies::uuid[])))`,
      params: { ra_actor: actor.userId, ra_bodies: adminBodies },
    };
  }
}
