import type { EntityManager } from 'typeorm';

/** The pair as stored: ordered, so (A, B) and (B, A) find the same declarations. */
export const orderedPair = (a: string, b: string): [string, string] =>
  a.toLowerCase() < b.toLowerCase() ? [a.toLowerCase(), b.toLowerCase()] : [b.toLowerCase(), a.toLowerCase()];

/**
 * The kind of an active conflict-of-interest declaration between two people (the oldest, if several),
 * or null when none. The same person on both sides is always a conflict and answers 'self'.
 * Plain function over an EntityManager so ratings and sign-off can call it inside their transaction.
 */
export async function hasConflictOfInterest(em: EntityManager, userA: string, userB: string): Promise<string | null> {
  if (userA.toLowerCase() === userB.toLowerCase()) return 'self';
  const [a, b] = orderedPair(userA, userB);
  const rows: { kind: string }[] = await em.query(
    `SELECT kind::text AS kind FROM conflict_declarations WHERE user_a_id = $1 AND user_b_id = $2 AND ended_at IS NULL ORDER BY created_at, id LIMIT 1`,
    [a, b],
  );
  return rows[0]?.kind ?? null;
}
