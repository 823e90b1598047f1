import { Role } from '../common/roles';
import type { Actor } from '../common/request-context';
import { bodiesWhere, globalAdminGrant, grantIn } from './grants';

// Supervision relationships and supervision sessions belong to the body they were opened or logged in.

interface InBody {
  bodyId: string;
}

/** How someone stands to a relationship (the same names as supervision/supervision-transitions.ts uses). */
export type RelationshipParty = 'trainee' | 'supervisor' | 'body_admin' | 'admin';

/** How the actor stands to a relationship (empty: they may not see it): its two people, its body's admins, global admins. */
export function partiesOf(actor: Actor, r: InBody & { traineeId: string; supervisorId: string }): RelationshipParty[] {
  const parties: RelationshipParty[] = [];
  if (r.traineeId === actor.userId) parties.push('trainee');
  if (r.supervisorId === actor.userId) parties.push('supervisor');
  if (grantIn(actor, Role.BodyAdmin, r.bodyId)) parties.push('body_admin');
  if (globalAdminGrant(actor)) parties.push('admin');
  return parties;
}

/** The same rule as partiesOf, as SQL over a relationship alias (`<alias>.trainee_id`, `.supervisor_id`, `.body_id`). */
export function relationshipsVisiblePredicate(actor: Actor, alias: string): { sql: string; params: Record<string, unknown> } {
  if (globalAdminGrant(actor)) return { sql: 'TRUE', params: {} };
  return {
    sql: `(${alias}.trainee_id = :sr_me OR ${alias}.supervisor_id = :sr_me OR ${alias}.body_id = ANY(:sr_bodies::uuid[]))`,
    params: { sr_me: actor.userId, sr_bodies: bodiesWhere(actor, Role.BodyAdmin) },
  };
}

/** Who sees all of a supervision session (a participant sees only their own part): its supervisor, its body's admins, global admins. */
export const seesWholeSupervisionSession = (actor: Actor, s: InBody & { supervisorId: string }): boolean =>
  s.supervisorId === actor.userId || !!grantIn(actor, Role.BodyAdmin, s.bodyId) || !!globalAdminGrant(actor);
