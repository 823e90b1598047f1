import { Role } from '../common/roles';
import type { Actor } from '../common/request-context';
import { adminGrantFor, bodiesWhere, grantIn, isGlobalAdmin } from './grants';

// Who sees a body's calibration exercises: its supervisors (the raters) and its admins.
export const seesExercises = (actor: Actor, bodyId: string): boolean =>
  isGlobalAdmin(actor) || !!grantIn(actor, Role.Supervisor, bodyId) || !!grantIn(actor, Role.BodyAdmin, bodyId);

/** The same rule as seesExercises, as SQL over an exercise's body-id column (list queries). */
export function exercisesVisiblePredicate(actor: Actor, bodyColumn: string): { sql: string; params: Record<string, unknown> } {
  if (isGlobalAdmin(actor)) return { sql: 'TRUE', params: {} };
  return {
    sql: `${bodyColumn} = ANY(:ce_bodies::uuid[])`,
    params: { ce_bodies: [...bodiesWhere(actor, Role.Supervisor), ...bodiesWhere(actor, Role.BodyAdmin)] },
  };
}

/**
 * The reference scores stay blind to anyone who may still rate the exercise: a supervisor of the body sees
 * them only after their own attempt, even if they also administer the body. Admins who do not rate there
 * see them (they author and review the references).
 */
export const seesReference = (actor: Actor, bodyId: string, attempted: boolean): boolean =>
  attempted || (!!adminGrantFor(actor, bodyId) && !grantIn(actor, Role.Supervisor, bodyId));
