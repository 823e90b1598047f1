import type { EntityManager } from 'typeorm';
import { Role } from '../common/roles';
import type { Actor, Grant } from '../common/request-context';
import { adminGrantFor, bodiesWhere, grantIn, isGlobalAdmin } from './grants';

// Who administers a body's schemes, applications and accreditations: its BODY_ADMINs, the BODY_ADMINs of the
// international body above it, and global admins. The check (one body) and the SQL filter (lists) below
// answer the same question.

export async function schemeAdminGrant(em: EntityManager, actor: Actor, bodyId: string): Promise<Grant | undefined> {
  const direct = adminGrantFor(actor, bodyId);
  if (direct) return direct;
  const [body]: { parent_id: string | null }[] = await em.query(`SELECT parent_id FROM bodies WHERE id = $1`, [bodyId]);
  return body?.parent_id ? grantIn(actor, Role.BodyAdmin, body.parent_id) : undefined;
}

/** SQL predicate over a body-id column: the bodies the actor administers in the sense of schemeAdminGrant. */
export function administeredBodiesPredicate(actor: Actor, bodyColumn: string): { sql: string; params: Record<string, unknown> } {
  if (isGlobalAdmin(actor)) return { sql: 'TRUE', params: {} };
  return {
    sql: `(${bodyColumn} = ANY(:sa_bodies::uuid[])
      OR EXISTS (SELECT 1 FROM bodies sa_b WHERE sa_b.id = ${bodyColumn} AND sa_b.parent_id = ANY(:sa_bodies::uuid[])))`,
    params: { sa_bodies: bodiesWhere(actor, Role.BodyAdmin) },
  };
}

/** The BODY_ADMINs of the body itself: who is told of a new application to decide (not the parent's admins nor global admins). */
export async function bodyAdminIds(em: EntityManager, bodyId: string): Promise<string[]> {
  const rows: { user_id: string }[] = await em.query(
    `SELECT DISTINCT g.user_id FROM role_grants g JOIN users u ON u.id = g.user_id
      WHERE g.body_id = $1 AND g.role = $2 AND g.revoked_at IS NULL AND u.status = 'active' ORDER BY g.user_id`,
    [bodyId, Role.BodyAdmin],
  );
  return rows.map((r) => r.user_id);
}
