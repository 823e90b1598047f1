import type { Actor, Grant } from '../common/request-context';
import { adminGrantFor, globalAdminGrant, isGlobalAdmin } from './grants';

interface OwnedRubric {
  ownerBodyId: string | null;
}

// Who manages a rubric: a body admin of its owner body, or a global admin for a global rubric (and any).
export const manageGrant = (actor: Actor, r: OwnedRubric): Grant | undefined =>
  r.ownerBodyId ? adminGrantFor(actor, r.ownerBodyId) : globalAdminGrant(actor);

// Who may read it: global rubrics, everyone; a body's rubric, whoever holds a role in that body.
export const canSeeRubric = (actor: Actor, r: OwnedRubric): boolean =>
  !r.ownerBodyId || isGlobalAdmin(actor) || actor.grants.some((g) => g.bodyId === r.ownerBodyId);

/** The same rule as canSeeRubric, as SQL over a rubric's owner-body column (list queries). */
export function rubricsVisiblePredicate(actor: Actor, ownerColumn: string): { sql: string; params: Record<string, unknown> } {
  if (isGlobalAdmin(actor)) return { sql: 'TRUE', params: {} };
  const bodies = actor.grants.filter((g) => g.bodyId).map((g) => g.bodyId as string);
  return { sql: `(${ownerColumn} IS NULL OR ${ownerColumn} = ANY(:rv_bodies::uuid[]))`, params: { rv_bodies: bodies } };
}
