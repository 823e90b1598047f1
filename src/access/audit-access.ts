import { Role } from '../common/roles';
import type { Actor } from '../common/request-context';
import { bodiesWhere, isGlobalAdmin } from './grants';

/** Audit entries the actor may read, as SQL over an entry's body-id column: global admins all; body admins their bodies'. */
export function auditVisiblePredicate(actor: Actor, bodyColumn: string): { sql: string; params: Record<string, unknown> } {
  if (isGlobalAdmin(actor)) return { sql: 'TRUE', params: {} };
  return { sql: `${bodyColumn} = ANY(:av_bodies::uuid[])`, params: { av_bodies: bodiesWhere(actor, Role.BodyAdmin) } };
}
