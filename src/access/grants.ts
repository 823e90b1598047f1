import type { Actor, Grant } from '../common/request-context';
import { Role } from '../common/roles';

// Scope checks shared by every service: which grant of the caller covers a body.

export const globalAdminGrant = (actor: Actor): Grant | undefined => actor.grants.find((g) => g.role === Role.Admin);

export const isGlobalAdmin = (actor: Actor): boolean => !!globalAdminGrant(actor);

/** The caller's grant of exactly `role` in `bodyId`. */
export const grantIn = (actor: Actor, role: Role, bodyId: string): Grant | undefined =>
  actor.grants.find((g) => g.role === role && g.bodyId === bodyId);

/** The grant that lets the caller administer `bodyId`: BODY_ADMIN there, or global ADMIN. */
export const adminGrantFor = (actor: Actor, bodyId: string): Grant | undefined =>
  grantIn(actor, Role.BodyAdmin, bodyId) ?? globalAdminGrant(actor);

/** Bodies in which the caller holds `role`. */
export const bodiesWhere = (actor: Actor, role: Role): string[] =>
  actor.grants.filter((g) => g.role === role && g.bodyId).map((g) => g.bodyId as string);
