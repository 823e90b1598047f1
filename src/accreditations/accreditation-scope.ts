import { bodiesWhere, isGlobalAdmin } from '../auth/access';
import { Role } from '../auth/roles';
import type { Actor } from '../common/request-context';

/**
 * SQL predicate over a body-id column: the bodies whose schemes the actor administers (BODY_ADMIN of the
 * body or of its international parent; global ADMIN: all). Mirrors schemeAdminGrant for list queries.
 */
export function administeredBodiesPredicate(actor: Actor, bodyColumn: string): { sql: string; params: Record<string, unknown> } {
  if (isGlobalAdmin(actor)) return { sql: 'TRUE', params: {} };
  return {
    sql: `(${bodyColumn} = ANY(:sa_bodies::uuid[])
      OR EXISTS (SELECT 1 FROM bodies sa_b WHERE sa_b.id = ${bodyColumn} AND sa_b.parent_id = ANY(:sa_bodies::uuid[])))`,
    params: { sa_bodies: bodiesWhere(actor, Role.BodyAdmin) },
  };
}
