import type { EntityManager } from 'typeorm';
import { Role } from '../common/roles';
import type { Actor, Grant } from '../common/request-context';
import { bodiesWhere, globalAdminGrant, isGlobalAdmin } from './grants';

// People and body membership (README "Access"). A person belongs to a body while they hold a role there
// (an unrevoked grant). Joining a body is the person's own act — self-registration with that body — or a
// global admin's; a body admin cannot attach an existing account to their body. So a body admin sees, and
// grants or revokes roles of, only the people who already belong to a body they administer; to them anyone
// else does not exist (the same 404 as for a random id, so role grants are no existence oracle).

/** SQL predicate over a user-id column: the people the actor may see (global admin: everyone). */
export function usersVisiblePredicate(actor: Actor, userIdColumn: string): { sql: string; params: Record<string, unknown> } {
  if (isGlobalAdmin(actor)) return { sql: 'TRUE', params: {} };
  return {
    // … and the people who submitted their record to one of those bodies (record_submissions, not withdrawn)
    sql: `(EXISTS (SELECT 1 FROM role_grants vg WHERE vg.user_id = ${userIdColumn} AND vg.revoked_at IS NULL AND vg.body_id = ANY(:vg_bodies::uuid[]))
        OR EXISTS (SELECT 1 FROM record_submissions vs WHERE vs.person_id = ${userIdColumn} AND vs.withdrawn_at IS NULL
                    AND vs.body_id = ANY(:vg_bodies::uuid[])))`,
    params: { vg_bodies: bodiesWhere(actor, Role.BodyAdmin) },
  };
}

/** Whether the user belongs to the body now (holds an unrevoked grant in it). */
export async function belongsToBody(em: EntityManager, userId: string, bodyId: string): Promise<boolean> {
  const rows: unknown[] = await em.query(`SELECT 1 FROM role_grants WHERE user_id = $1 AND body_id = $2 AND revoked_at IS NULL LIMIT 1`, [
    userId,
    bodyId,
  ]);
  return rows.length > 0;
}

/**
 * Whether the actor may grant a role in `bodyId` (null: the global ADMIN role) to this user: a global admin
 * always; a body admin of that body only for a person who already belongs to it. The caller has checked that
 * the actor administers the body; a refusal here must look like a missing user.
 */
export async function mayGrantRoleTo(em: EntityManager, actor: Actor, userId: string, bodyId: string | null): Promise<boolean> {
  if (isGlobalAdmin(actor)) return true;
  return bodyId !== null && (await belongsToBody(em, userId, bodyId));
}

/** The admin grant that covers these people: global ADMIN, or BODY_ADMIN of a body one of them belongs to. */
export async function peopleAdminGrant(em: EntityManager, actor: Actor, userIds: string[]): Promise<Grant | undefined> {
  const global = globalAdminGrant(actor);
  if (global) return global;
  const bodies = bodiesWhere(actor, Role.BodyAdmin);
  if (!bodies.length) return undefined;
  const rows: { body_id: string }[] = await em.query(
    `SELECT body_id FROM role_grants WHERE user_id = ANY($1::uuid[]) AND revoked_at IS NULL AND body_id = ANY($2::uuid[]) LIMIT 1`,
    [userIds, bodies],
  );
  return rows.length ? { role: Role.BodyAdmin, bodyId: rows[0].body_id } : undefined;
}

/**
 * Conflict-of-interest declarations the actor may see, as SQL over a declaration alias: their own, and (body
 * admins) those naming a person of their body — the same rule as peopleAdminGrant.
 */
export function conflictsVisiblePredicate(actor: Actor, alias: string): { sql: string; params: Record<string, unknown> } {
  if (isGlobalAdmin(actor)) return { sql: 'TRUE', params: {} };
  return {
    sql: `(${alias}.user_a_id = :cv_me OR ${alias}.user_b_id = :cv_me OR EXISTS (SELECT 1 FROM role_grants cv_g
           WHERE cv_g.user_id IN (${alias}.user_a_id, ${alias}.user_b_id) AND cv_g.revoked_at IS NULL AND cv_g.body_id = ANY(:cv_bodies::uuid[])))`,
    params: { cv_me: actor.userId, cv_bodies: bodiesWhere(actor, Role.BodyAdmin) },
  };
}
