import type { RubricDefinition } from '../rubrics/rubric-scoring';
import { attemptFigures, type Tolerance } from './calibration-figures';
import type { CalibrationAttempt, CalibrationExercise } from './calibration.entity';
import type { CalibrationAttemptDto, CalibrationExerciseDto } from './dto';

export interface AttemptView {
  id: string;
  exerciseId: string;
  raterId: string;
  scores: Record<string, number>;
  submittedAt: Date;
  referenceScores: Record<string, number>;
  tolerance: Tolerance;
  definition: RubricDefinition;
}

export const toleranceDto = (t: Tolerance) => ({
  maxMeanAbsDiff: t.maxMeanAbsDiff,
  ...(t.minIcc !== undefined ? { minIcc: t.minIcc } : {}),
});

// Figures are recomputed from the stored scores on every read: the reference and tolerance never change.
export const toAttemptDto = (a: AttemptView): CalibrationAttemptDto => ({
  id: a.id,
  exerciseId: a.exerciseId,
  raterId: a.raterId,
  scores: a.scores,
  referenceScores: a.referenceScores,
  tolerance: toleranceDto(a.tolerance),
  figures: attemptFigures(a.definition, a.referenceScores, a.scores, a.tolerance),
  submittedAt: a.submittedAt.toISOString(),
});

export const attemptView = (a: CalibrationAttempt, e: CalibrationExercise, definition: RubricDefinition): AttemptView => ({
  id: a.id,
  exerciseId: e.id,
  raterId: a.raterId,
  scores: a.scores,
  submittedAt: a.submittedAt,
  referenceScores: e.referenceScores,
  tolerance: e.tolerance,
  definition,
});

/** `showReference` false keeps the exercise blind: the reference scores never leave the service. */
export const toExerciseDto = (
  e: CalibrationExercise,
  showReference: boolean,
  myAttempt: CalibrationAttemptDto | null,
): CalibrationExerciseDto => ({
  id: e.id,
  bodyId: e.bodyId,
  rubricVersionId: e.rubricVersionId,
  title: e.title,
  description: e.description,
  referenceScores: showReference ? e.referenceScores : null,
  tolerance: toleranceDto(e.tolerance),
  status: e.status,
  myAttempt,
  createdAt: e.createdAt.toISOString(),
});
