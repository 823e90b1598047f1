import type { EntityManager } from 'typeorm';

/**
 * Claims `job` for `period` inside the caller's transaction: true for the one replica whose INSERT wins (it does the
 * work in the same transaction), false for every other one and for a second run of the same period. A concurrent
 * claim waits for the winner's transaction: when that commits it gets false, when it rolls back (a crash, an error)
 * it wins and does the work instead.
 */
export async function claimScheduleRun(em: EntityManager, job: string, period: string): Promise<boolean> {
  const won: unknown[] = await em.query(`INSERT INTO schedule_runs (job, period) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING job`, [
    job,
    period,
  ]);
  return won.length > 0;
}
