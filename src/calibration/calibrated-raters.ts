import type { EntityManager } from 'typeorm';
import type { RubricDefinition } from '../rubrics/rubric-scoring';
import { attemptFigures, calibratedRaterIds, type RaterAttempts } from './calibration-figures';

interface AttemptRow {
  raterId: string;
  submittedAt: Date;
  scores: Record<string, number>;
  referenceScores: Record<string, number>;
  tolerance: { maxMeanAbsDiff: number; minIcc?: number };
  definition: RubricDefinition;
}

/** Every calibration attempt on the body's exercises with what is needed to judge it, oldest first. */
export async function loadBodyAttempts(
  em: EntityManager,
  bodyId: string,
  raterId?: string,
): Promise<(AttemptRow & { id: string; exerciseId: string })[]> {
  const rows: (AttemptRow & { id: string; exerciseId: string })[] = await em.query(
    `SELECT a.id, a.exercise_id AS "exerciseId", a.rater_id AS "raterId", a.submitted_at AS "submittedAt", a.scores,
            e.reference_scores AS "referenceScores", e.tolerance, v.definition
       FROM calibration_attempts a
       JOIN calibration_exercises e ON e.id = a.exercise_id
       JOIN rubric_versions v ON v.id = e.rubric_version_id
      WHERE e.body_id = $1 AND ($2::uuid IS NULL OR a.rater_id = $2::uuid)
      ORDER BY a.submitted_at ASC, a.id ASC`,
    [bodyId, raterId ?? null],
  );
  return rows.map((r) => ({ ...r, submittedAt: new Date(r.submittedAt) }));
}

/**
 * The raters whose calibration in `bodyId` is current now: their most recent attempt on one of the body's
 * exercises was within that exercise's tolerance and is less than CALIBRATION_VALID_MONTHS old
 * (see calibrationStatus). Used by the eligibility engine when a scheme counts only calibrated raters.
 */
export async function calibratedRaters(em: EntityManager, bodyId: string): Promise<string[]> {
  const rows = await loadBodyAttempts(em, bodyId);
  const byRater = new Map<string, RaterAttempts>();
  for (const r of rows) {
    const entry = byRater.get(r.raterId) ?? { raterId: r.raterId, attempts: [] };
    entry.attempts.push({
      submittedAt: r.submittedAt,
      withinTolerance: attemptFigures(r.definition, r.referenceScores, r.scores, r.tolerance).withinTolerance,
    });
    byRater.set(r.raterId, entry);
  }
  return calibratedRaterIds([...byRater.values()], new Date());
}
