// Calibration rules as plain data: how one rater's blind scores of a reference recording compare with the
// body's reference scores, and whether a rater counts as calibrated. No Nest, no database.
import { agreementWithReference, type RangeUse, type ScoredPair } from '../statistics/agreement';
import { type FieldErrors, type RubricDefinition, type Scores, validateScores } from '../rubrics/rubric-scoring';

export interface Tolerance {
  /** largest allowed mean |score − reference| over the items, in scale points (e.g. 0.5) */
  maxMeanAbsDiff: number;
  /** optional floor for ICC(2,1) between rater and reference, items as targets (absolute agreement) */
  minIcc?: number;
}

export interface AttemptFigures {
  /** |score − reference| per item code */
  perItemAbsDiff: Record<string, number>;
  meanAbsDiff: number;
  /** mean (score − reference): positive = lenient, negative = severe */
  bias: number;
  rangeUse: RangeUse;
  referenceRangeUse: RangeUse;
  /** ICC(2,1) over the items, rater and reference as the two raters; null when undefined */
  icc: number | null;
  /** quadratic-weighted kappa between rater and reference over the items; null when undefined */
  weightedKappa: number | null;
  withinTolerance: boolean;
  /** why the attempt is outside tolerance (empty when within) */
  outsideBecause: ('mean_abs_diff' | 'icc' | 'icc_undefined')[];
}

// Absolute agreement matters here: a rater who is consistently one point lenient has a high consistency
// ICC but is not calibrated, so the ICC floor uses ICC(2,1), and the mean absolute difference is always checked.
const EPS = 1e-9;

/** validateScores plus: every item of the rubric must be scored (a calibration compares item by item). */
export function validateCompleteScores(def: RubricDefinition, scores: unknown): FieldErrors {
  const errors = validateScores(def, scores);
  if (typeof scores !== 'object' || scores === null || Array.isArray(scores)) return errors;
  for (const item of def.items) {
    const key = `scores.${item.code}`;
    if (!(item.code in scores) && !errors[key]) errors[key] = [`${item.code} must be scored`];
  }
  return errors;
}

export function attemptFigures(def: RubricDefinition, reference: Scores, scores: Scores, tolerance: Tolerance): AttemptFigures {
  const pairs: ScoredPair[] = def.items
    .filter((i) => typeof reference[i.code] === 'number' && typeof scores[i.code] === 'number')
    .map((i) => ({ item: i.code, score: scores[i.code], reference: reference[i.code] }));
  const a = agreementWithReference(pairs, def.scale);
  const outsideBecause: AttemptFigures['outsideBecause'] = [];
  if (a.meanAbsDiff > tolerance.maxMeanAbsDiff + EPS) outsideBecause.push('mean_abs_diff');
  if (tolerance.minIcc !== undefined) {
    if (a.icc === null) outsideBecause.push('icc_undefined');
    else if (a.icc < tolerance.minIcc - EPS) outsideBecause.push('icc');
  }
  return {
    perItemAbsDiff: a.perItem,
    meanAbsDiff: a.meanAbsDiff,
    bias: a.bias,
    rangeUse: a.rangeUse,
    referenceRangeUse: a.referenceRangeUse,
    icc: a.icc,
    weightedKappa: a.weightedKappa,
    withinTolerance: outsideBecause.length === 0,
    outsideBecause,
  };
}

export type CalibrationStatus = 'calibrated' | 'not_calibrated' | 'no_attempts';
export type NotCalibratedReason = 'outside_tolerance' | 'expired';

// Raters drift: a calibration is current for this long after the attempt that earned it.
export const CALIBRATION_VALID_MONTHS = 24;

export interface AttemptOutcome {
  submittedAt: Date;
  withinTolerance: boolean;
}

export interface CalibrationDecision {
  status: CalibrationStatus;
  reason: NotCalibratedReason | null;
  /** the attempt the decision rests on: the rater's most recent in the body */
  decidingAttemptAt: Date | null;
  /** when a current calibration lapses; null unless calibrated */
  validUntil: Date | null;
}

export function addMonths(d: Date, months: number): Date {
  const out = new Date(d.getTime());
  out.setUTCMonth(out.getUTCMonth() + months);
  return out;
}

/**
 * The rule: only the rater's MOST RECENT attempt in the body counts (one attempt per exercise, so this is
 * their latest exercise). Calibrated when it was within that exercise's tolerance and was made less than
 * CALIBRATION_VALID_MONTHS before `asOf`; a later failed attempt undoes an earlier success. Attempts after
 * `asOf` are ignored, so a past date can be evaluated.
 */
export function calibrationStatus(attempts: readonly AttemptOutcome[], asOf: Date): CalibrationDecision {
  const latest = attempts
    .filter((a) => a.submittedAt.getTime() <= asOf.getTime())
    .reduce<AttemptOutcome | null>((best, a) => (!best || a.submittedAt.getTime() > best.submittedAt.getTime() ? a : best), null);
  if (!latest) return { status: 'no_attempts', reason: null, decidingAttemptAt: null, validUntil: null };
  const base = { decidingAttemptAt: latest.submittedAt };
  if (!latest.withinTolerance) return { ...base, status: 'not_calibrated', reason: 'outside_tolerance', validUntil: null };
  const validUntil = addMonths(latest.submittedAt, CALIBRATION_VALID_MONTHS);
  if (validUntil.getTime() <= asOf.getTime()) return { ...base, status: 'not_calibrated', reason: 'expired', validUntil: null };
  return { ...base, status: 'calibrated', reason: null, validUntil };
}

// A calibrated rater is reminded this many days before their calibration runs out.
export const CALIBRATION_REMINDER_DAYS = 60;

/**
 * Whether a rater is reminded at `asOf` that their calibration runs out: calibrated now, with validUntil less than
 * `days` away. Sent once per calibrating attempt (see calibrationExpiringNotice): a new attempt starts a new period.
 */
export function calibrationReminderDue(decision: CalibrationDecision, asOf: Date, days = CALIBRATION_REMINDER_DAYS): boolean {
  if (decision.status !== 'calibrated' || !decision.validUntil) return false;
  return decision.validUntil.getTime() - asOf.getTime() <= days * 24 * 60 * 60 * 1000;
}

export interface RaterAttempts {
  raterId: string;
  attempts: AttemptOutcome[];
}

/** The raters whose calibration is current at `asOf`, sorted for stable output. */
export function calibratedRaterIds(raters: readonly RaterAttempts[], asOf: Date): string[] {
  return raters
    .filter((r) => calibrationStatus(r.attempts, asOf).status === 'calibrated')
    .map((r) => r.raterId)
    .sort();
}

/** Population SD of (score − reference) over the items both score: 0 when a rater departs from the reference by
 *  the same amount on every item (a pure bias), larger the more unevenly they depart. */
export function differenceSpread(def: RubricDefinition, reference: Scores, scores: Scores): number {
  const diffs = def.items
    .filter((i) => typeof reference[i.code] === 'number' && typeof scores[i.code] === 'number')
    .map((i) => scores[i.code] - reference[i.code]);
  if (diffs.length === 0) return 0;
  const mean = diffs.reduce((s, d) => s + d, 0) / diffs.length;
  return Math.sqrt(diffs.reduce((s, d) => s + (d - mean) ** 2, 0) / diffs.length);
}
