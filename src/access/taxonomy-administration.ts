import type { EntityManager } from 'typeorm';
import { Role } from '../common/roles';
import type { Actor, Grant } from '../common/request-context';
import { bodiesWhere, globalAdminGrant, grantIn, isGlobalAdmin } from './grants';
import { schemeAdminGrant } from './scheme-administration';

// Who administers a body's taxonomies: the same people as its schemes (its BODY_ADMINs, those of its parent
// international body, global admins). The international taxonomies (no body) belong to global admins and the
// BODY_ADMINs of an international body. The check (one taxonomy) and the SQL filter (lists) answer the same question.

export async function taxonomyAdminGrant(em: EntityManager, actor: Actor, bodyId: string | null): Promise<Grant | undefined> {
  if (bodyId) return schemeAdminGrant(em, actor, bodyId);
  const global = globalAdminGrant(actor);
  if (global) return global;
  const mine = bodiesWhere(actor, Role.BodyAdmin);
  if (!mine.length) return undefined;
  const rows: { id: string }[] = await em.query(`SELECT id FROM bodies WHERE id = ANY($1::uuid[]) AND kind = 'international' LIMIT 1`, [
    mine,
  ]);
  return rows.length ? grantIn(actor, Role.BodyAdmin, rows[0].id) : undefined;
}

/** SQL predicate over a taxonomies alias: the drafts the actor may see (those it administers). */
export function administeredTaxonomiesPredicate(actor: Actor, alias: string): { sql: string; params: Record<string, unknown> } {
  if (isGlobalAdmin(actor)) return { sql: 'TRUE', params: {} };
  return {
    sql: `(${alias}.body_id = ANY(:ta_bodies::uuid[])
      OR EXISTS (SELECT 1 FROM bodies ta_b WHERE ta_b.id = ${alias}.body_id AND ta_b.parent_id = ANY(:ta_bodies::uuid[]))
      OR (${alias}.body_id IS NULL AND EXISTS (SELECT 1 FROM bodies ta_i WHERE ta_i.id = ANY(:ta_bodies::uuid[]) AND ta_i.kind = 'international')))`,
    params: { ta_bodies: bodiesWhere(actor, Role.BodyAdmin) },
  };
}
