import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Role } from '../common/roles';
import { notFound } from '../common/errors';
import type { NotFoundEntity } from '../common/error-codes';
import type { Actor, Grant } from '../common/request-context';
import { globalAdminGrant } from './grants';

// submitted_to: an admin of a body the person submitted their record to (record_submissions, not withdrawn): reads the
// whole record, whatever body it was made under, and changes nothing (no write lists it)
export type RecordRelation = 'own' | 'supervisor' | 'body_admin' | 'submitted_to' | 'admin';

export interface RecordAccess {
  relation: RecordRelation;
  /** the grant to record in the audit trail ('SELF' for the trainee's own records) */
  via: Grant | 'SELF';
  /** the trainee's body (where they hold TRAINEE); null if they hold none */
  bodyId: string | null;
}

// Who may see a trainee's training record (README "Access"): the trainee; a supervisor with an ACTIVE
// relationship to them; a body admin of a body where they are a trainee — and, for a record that belongs to
// a body (a case and everything in it, a rating of work in a case, an application), only the admins of THAT
// body: a body's scope is what was created in or submitted to it, not everything the person logged
// elsewhere; a global admin. Everyone else: 404, as if absent. Membership of a body is the person's own act
// (see people-access.ts), so a body admin cannot widen this set on their own.
// A person who submits their record to a body (moving, or assessed there) opens all of it to that body's admins,
// read-only ('submitted_to'), until they withdraw the submission.
// $1 trainee, $2 actor, $3 bodies the actor administers, $4 the record's body (null: a record of no body).
export const ACCESS_SQL = `
  SELECT (SELECT g.body_id FROM role_grants g WHERE g.user_id = $1 AND g.role = 'TRAINEE' AND g.revoked_at IS NULL
           ORDER BY g.granted_at LIMIT 1) AS trainee_body,
         (SELECT r.body_id FROM supervision_relationships r WHERE r.trainee_id = $1 AND r.supervisor_id = $2
           AND r.status = 'active' LIMIT 1) AS supervised_in,
         (SELECT g.body_id FROM role_grants g WHERE g.user_id = $1 AND g.role = 'TRAINEE' AND g.revoked_at IS NULL
           AND g.body_id = ANY($3::uuid[]) AND ($4::uuid IS NULL OR g.body_id = $4::uuid) LIMIT 1) AS admin_body,
         (SELECT s.body_id FROM record_submissions s WHERE s.person_id = $1 AND s.withdrawn_at IS NULL
           AND s.body_id = ANY($3::uuid[]) ORDER BY s.submitted_at LIMIT 1) AS submitted_to`;

const administered = (actor: Actor): string[] =>
  actor.grants.filter((g) => g.role === Role.BodyAdmin && g.bodyId).map((g) => g.bodyId as string);

/**
 * The same rule as RecordAccessService.relation, as an SQL predicate over a trainee-id column (and the
 * record's body-id column, for records that belong to a body). Parameters are namespaced with `ra_`.
 */
export function readableRecordsPredicate(
  actor: Actor,
  traineeColumn: string,
  bodyColumn?: string,
  opts: { submitted?: boolean } = {},
): { sql: string; params: Record<string, unknown> } {
  if (globalAdminGrant(actor)) return { sql: 'TRUE', params: {} };
  const sameBody = bodyColumn ? ` AND (${bodyColumn} IS NULL OR ra_g.body_id = ${bodyColumn})` : '';
  // the admins of a body the person submitted their record to (opts.submitted === false: not for this kind of record)
  const submitted =
    opts.submitted === false
      ? ''
      : `
        OR EXISTS (SELECT 1 FROM record_submissions ra_s WHERE ra_s.person_id = ${traineeColumn}
                    AND ra_s.withdrawn_at IS NULL AND ra_s.body_id = ANY(:ra_bodies::uuid[]))`;
  return {
    sql: `(${traineeColumn} = :ra_actor
        OR EXISTS (SELECT 1 FROM supervision_relationships ra_r WHERE ra_r.trainee_id = ${traineeColumn}
                    AND ra_r.supervisor_id = :ra_actor AND ra_r.status = 'active')
        OR EXISTS (SELECT 1 FROM role_grants ra_g WHERE ra_g.user_id = ${traineeColumn} AND ra_g.role = 'TRAINEE'
                    AND ra_g.revoked_at IS NULL AND ra_g.body_id = ANY(:ra_bodies::uuid[])${sameBody})${submitted})`,
    params: { ra_actor: actor.userId, ra_bodies: administered(actor) },
  };
}

@Injectable()
export class RecordAccessService {
  constructor(private readonly db: DataSource) {}

  /**
   * How the actor relates to a trainee's record, or null when they may not see it at all. `recordBodyId`:
   * the body the record belongs to (a case's body), which narrows body admins to that body's.
   */
  async relation(
    actor: Actor,
    traineeId: string,
    em: EntityManager = this.db.manager,
    recordBodyId: string | null = null,
  ): Promise<RecordAccess | null> {
    const [row]: { trainee_body: string | null; supervised_in: string | null; admin_body: string | null; submitted_to: string | null }[] =
      await em.query(ACCESS_SQL, [traineeId, actor.userId, administered(actor), recordBodyId]);
    if (actor.userId === traineeId) return { relation: 'own', via: 'SELF', bodyId: row.trainee_body };
    if (row.supervised_in) {
      return { relation: 'supervisor', via: { role: Role.Supervisor, bodyId: row.supervised_in }, bodyId: row.trainee_body };
    }
    if (row.admin_body) return { relation: 'body_admin', via: { role: Role.BodyAdmin, bodyId: row.admin_body }, bodyId: row.admin_body };
    if (row.submitted_to)
      return { relation: 'submitted_to', via: { role: Role.BodyAdmin, bodyId: row.submitted_to }, bodyId: row.submitted_to };
    const admin = globalAdminGrant(actor);
    if (admin) return { relation: 'admin', via: admin, bodyId: row.trainee_body };
    return null;
  }

  /** Like relation(), but a caller who may not see the record gets the same 404 as for a missing one. */
  async require(
    actor: Actor,
    traineeId: string,
    allowed: readonly RecordRelation[],
    entity: NotFoundEntity,
    em?: EntityManager,
    recordBodyId: string | null = null,
  ): Promise<RecordAccess> {
    const access = await this.relation(actor, traineeId, em, recordBodyId);
    if (!access || !allowed.includes(access.relation)) throw notFound(entity);
    return access;
  }

  /** readableRecordsPredicate: use it in list queries so scoping happens in the query, not after it. */
  readablePredicate(actor: Actor, traineeColumn: string, bodyColumn?: string): { sql: string; params: Record<string, unknown> } {
    return readableRecordsPredicate(actor, traineeColumn, bodyColumn);
  }
}
