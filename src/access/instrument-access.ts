import type { Actor, Grant } from '../common/request-context';
import { adminGrantFor, globalAdminGrant, isGlobalAdmin } from './grants';

interface OwnedInstrument {
  bodyId: string | null;
  status: string;
}

// Who manages an outcome instrument: a body admin of its body, or a global admin (any, and the global ones).
export const instrumentManageGrant = (actor: Actor, i: { bodyId: string | null }): Grant | undefined =>
  i.bodyId ? adminGrantFor(actor, i.bodyId) : globalAdminGrant(actor);

// Who may read it: a published global instrument, everyone; a body's published one, whoever holds a role in that
// body; a draft, only those who manage it.
export const canSeeInstrument = (actor: Actor, i: OwnedInstrument): boolean =>
  i.status === 'published'
    ? !i.bodyId || isGlobalAdmin(actor) || actor.grants.some((g) => g.bodyId === i.bodyId)
    : !!instrumentManageGrant(actor, i);

/** Bodies whose own instruments the caller lists by default: every body they hold a role in. */
export const instrumentBodiesOf = (actor: Actor): string[] => [
  ...new Set(actor.grants.filter((g) => g.bodyId).map((g) => g.bodyId as string)),
];
