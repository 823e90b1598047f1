// How many minutes of supervision a trainee is credited with for one supervision session, and how those
// minutes are attributed to the cases that were reviewed. Pure: plain data in, plain numbers out.
//
// Rounding: every result is a number of minutes with at most 2 decimals, rounded half-up to the nearest
// hundredth of a minute ONCE, at the end of each computation (work is done in integer hundredths so that
// binary floating point never leaks, e.g. 0.1 + 0.2). Splits among cases use the largest-remainder method
// so the parts always add up exactly to the whole they were split from.

export type SupervisionFormat = 'individual' | 'group';

// A scheme chooses how group supervision counts. The formula is data so a scheme's rules can carry it.
export type GroupCreditFormula =
  // every member is credited with the whole session
  | { kind: 'full' }
  // (group minutes ÷ members) × multiplier, optionally capped at the group minutes
  | { kind: 'share'; multiplier: number; capAtGroupMinutes: boolean }
  // every member is credited with a fixed fraction of the session
  | { kind: 'fixed_fraction'; fraction: number };

// Example used across the domain notes ("(group minutes ÷ members) × 2, capped at the group minutes"); it is
// the formula shown to users when no scheme is in play, not any body's official rule.
export const DEFAULT_GROUP_FORMULA: GroupCreditFormula = Object.freeze({ kind: 'share', multiplier: 2, capAtGroupMinutes: true });

export interface SessionForCredit {
  format: SupervisionFormat;
  minutes: number;
  /** trainees who took part (the supervisor is not a member) */
  memberCount: number;
}

export interface CaseReviewForCredit {
  caseId: string;
  /** minutes the supervisor recorded for this case, or null when not recorded */
  minutes: number | null;
}

export interface CaseMinutes {
  caseId: string;
  minutes: number;
  /** true when the supervisor recorded the minutes; false when they come from an even split */
  recorded: boolean;
}

// toFixed(6) first so that a value meant as 1.005 (stored as 1.00499999…) still rounds up to 1.01
const toHundredths = (minutes: number): number => Math.round(Number((minutes * 100).toFixed(6)));
const fromHundredths = (h: number): number => h / 100;
/** Rounds half-up to 2 decimals (minutes are never negative). */
export const roundMinutes = (minutes: number): number => fromHundredths(toHundredths(minutes));

export function assertValidFormula(formula: GroupCreditFormula): void {
  switch (formula.kind) {
    case 'full':
      return;
    case 'share':
      if (!Number.isFinite(formula.multiplier) || formula.multiplier <= 0)
        throw new RangeError('share multiplier must be a positive number');
      return;
    case 'fixed_fraction':
      if (!Number.isFinite(formula.fraction) || formula.fraction <= 0 || formula.fraction > 1) {
        throw new RangeError('fixed_fraction must be greater than 0 and at most 1');
      }
      return;
    default:
      throw new RangeError(`unknown group credit formula ${(formula as { kind: string }).kind}`);
  }
}

/** Minutes one participant is credited with for the session. */
export function creditedMinutes(session: SessionForCredit, formula: GroupCreditFormula = DEFAULT_GROUP_FORMULA): number {
  if (!Number.isFinite(session.minutes) || session.minutes < 0) throw new RangeError('session minutes must be a non-negative number');
  if (!Number.isInteger(session.memberCount) || session.memberCount < 1) throw new RangeError('a session has at least one member');
  if (session.format === 'individual') return roundMinutes(session.minutes);
  assertValidFormula(formula);
  switch (formula.kind) {
    case 'full':
      return roundMinutes(session.minutes);
    case 'fixed_fraction':
      return roundMinutes(session.minutes * formula.fraction);
    case 'share': {
      const share = (session.minutes / session.memberCount) * formula.multiplier;
      return roundMinutes(formula.capAtGroupMinutes ? Math.min(share, session.minutes) : share);
    }
  }
}

/**
 * Attributes a trainee's credited minutes to the cases of theirs reviewed in the session. Minutes the
 * supervisor recorded for a case are used as they are, but a case is never credited more than the member
 * was: when the recorded minutes add up to more than the credit (a 90-minute group of 3 credits each member
 * 60, yet 90 were recorded against one case), they are scaled down in proportion to fit it exactly. What is
 * left of the credit (never below zero) is split evenly among the cases without recorded minutes. Cases
 * keep their input order.
 */
export function perCaseMinutes(credited: number, reviews: readonly CaseReviewForCredit[]): CaseMinutes[] {
  const credit = toHundredths(credited);
  const recorded = reviews.filter((r) => r.minutes !== null).map((r) => toHundredths(r.minutes as number));
  const recordedTotal = recorded.reduce((sum, h) => sum + h, 0);
  const recordedShares = recordedTotal > credit ? splitInProportion(credit, recorded) : recorded;
  const unrecorded = reviews.filter((r) => r.minutes === null);
  const shares = splitEvenly(Math.max(0, credit - recordedTotal), unrecorded.length);
  let nextRecorded = 0;
  let next = 0;
  return reviews.map((r) =>
    r.minutes === null
      ? { caseId: r.caseId, minutes: fromHundredths(shares[next++]), recorded: false }
      : { caseId: r.caseId, minutes: fromHundredths(recordedShares[nextRecorded++]), recorded: true },
  );
}

/** Splits integer hundredths in proportion to `weights` (largest remainder), the parts adding up to the total. */
function splitInProportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  const order = exact.map((x, i) => ({ i, rest: x - parts[i] })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (let left = total - parts.reduce((s, p) => s + p, 0), j = 0; left > 0; left--, j++) parts[order[j].i] += 1;
  return parts;
}

/** Splits integer hundredths into `parts` integers that differ by at most one and add up to the total. */
function splitEvenly(total: number, parts: number): number[] {
  if (parts === 0) return [];
  const base = Math.floor(total / parts);
  const extra = total - base * parts;
  return Array.from({ length: parts }, (_, i) => base + (i < extra ? 1 : 0));
}

/** Adds minute values without floating-point drift; the result has at most 2 decimals. */
export const sumMinutes = (values: readonly number[]): number => fromHundredths(values.reduce((s, v) => s + toHundredths(v), 0));
