import { fQuantile } from './distributions';

// Intraclass correlation for a targets × raters table (Shrout & Fleiss 1979; McGraw & Wong 1996).
// A rating is a number; null marks a missing one. ICC needs a complete table, so targets missing any
// rater are dropped (listwise) and reported in `droppedTargets`; use Krippendorff's alpha when data are sparse.

export type RatingTable = readonly (readonly (number | null)[])[];

export interface IccResult {
  /** targets (rows) and raters (columns) actually used */
  n: number;
  k: number;
  droppedTargets: number;
  msr: number; // between-targets mean square
  msc: number; // between-raters mean square
  mse: number; // residual mean square
  msw: number; // within-target mean square (one-way model)
  /** ICC(1,1): one-way random, single rater */
  icc1: number;
  /** ICC(2,1): two-way random, absolute agreement, single rater — the one to report for rater agreement */
  icc2: number;
  /** ICC(3,1): two-way mixed, consistency, single rater */
  icc3: number;
  /** 95% (or 1 − alpha) confidence interval for ICC(2,1) */
  icc2Ci: { lower: number; upper: number };
}

export function completeRows(table: RatingTable): number[][] {
  return table.filter((row) => row.every((v) => v !== null && Number.isFinite(v))) as number[][];
}

/** ICC(1,1), ICC(2,1) with its confidence interval, ICC(3,1); null when fewer than 2 complete targets or 2 raters. */
export function icc(table: RatingTable, alpha = 0.05): IccResult | null {
  const rows = completeRows(table);
  const n = rows.length;
  const k = rows[0]?.length ?? 0;
  if (n < 2 || k < 2 || rows.some((r) => r.length !== k)) return null;

  const grand = rows.flat().reduce((s, v) => s + v, 0) / (n * k);
  const rowMeans = rows.map((r) => r.reduce((s, v) => s + v, 0) / k);
  const colMeans = Array.from({ length: k }, (_, j) => rows.reduce((s, r) => s + r[j], 0) / n);
  const ssr = k * rowMeans.reduce((s, m) => s + (m - grand) ** 2, 0);
  const ssc = n * colMeans.reduce((s, m) => s + (m - grand) ** 2, 0);
  const sst = rows.flat().reduce((s, v) => s + (v - grand) ** 2, 0);
  const sse = Math.max(0, sst - ssr - ssc);
  const msr = ssr / (n - 1);
  const msc = ssc / (k - 1);
  const mse = sse / ((n - 1) * (k - 1));
  const msw = (ssc + sse) / (n * (k - 1));

  const icc1 = ratio(msr - msw, msr + (k - 1) * msw);
  const icc2 = ratio(msr - mse, msr + (k - 1) * mse + (k * (msc - mse)) / n);
  const icc3 = ratio(msr - mse, msr + (k - 1) * mse);
  return {
    n,
    k,
    droppedTargets: table.length - n,
    msr,
    msc,
    mse,
    msw,
    icc1,
    icc2,
    icc3,
    icc2Ci: icc2Interval({ n, k, msr, msc, mse, icc2 }, alpha),
  };
}

// 0/0 happens when every score is identical: no variance to explain, agreement is perfect.
function ratio(num: number, den: number): number {
  if (Math.abs(den) < 1e-12) return Math.abs(num) < 1e-12 ? 1 : Number.NaN;
  return num / den;
}

// Shrout & Fleiss (1979) eq. for ICC(2,1): Satterthwaite degrees of freedom v, then F-based limits
// (McGraw & Wong 1996, case 2A, give the same limits).
function icc2Interval(
  s: { n: number; k: number; msr: number; msc: number; mse: number; icc2: number },
  alpha: number,
): { lower: number; upper: number } {
  const { n, k, msr, msc, mse, icc2: rho } = s;
  // every rater gave every target the same score: nothing varies between raters, the estimate is exact
  if (mse < 1e-12 && msc < 1e-12) return { lower: rho, upper: rho };
  const v = satterthwaiteDf(s);
  const fUpper = fQuantile(1 - alpha / 2, n - 1, v);
  const fLower = fQuantile(1 - alpha / 2, v, n - 1);
  // The limits are written divided through by their F quantile, so that a quantile too large for a double
  // (tiny v) gives the limit as F → ∞ instead of ∞/∞; algebraically the same as Shrout & Fleiss's form.
  const c = k * msc + (k * n - k - n) * mse;
  const lower = (n * (msr / fUpper - mse)) / (c + (n * msr) / fUpper);
  const upper = (n * (msr - mse / fLower)) / (c / fLower + n * msr);
  const clamp = (x: number, fallback: number) => (Number.isFinite(x) ? Math.min(1, Math.max(-1, x)) : fallback);
  // A negative estimate with targets the raters cannot tell apart (MSR far below MSE) drives v towards 0, where
  // F(.975; v, n−1) falls below 1 and the approximate limit lands on the wrong side of the estimate itself (found
  // by the property test: −0.156 with an upper limit of −0.159). The approximation says nothing there; the
  // interval is widened to contain the estimate rather than report a range that excludes it.
  return { lower: Math.min(clamp(lower, -1), Math.max(-1, rho)), upper: Math.max(clamp(upper, 1), Math.min(1, rho)) };
}

// Satterthwaite's df for the ICC(2,1) interval. With no residual variance (raters differ from each other by a
// constant offset only) the formula is 0/0 at the point itself; its limit as the residual goes to 0 is k − 1,
// which is what R's psych::ICC reports for such tables ([[1,2],[2,3],[3,4]] → [0.0025, 0.987]).
function satterthwaiteDf(s: { n: number; k: number; msc: number; mse: number; icc2: number }): number {
  const { n, k, msc, mse, icc2: rho } = s;
  if (mse < 1e-12) return k - 1;
  const fj = msc / mse;
  const a = k * rho * fj + n * (1 + (k - 1) * rho) - k * rho;
  return ((k - 1) * (n - 1) * a ** 2) / ((n - 1) * k ** 2 * rho ** 2 * fj ** 2 + (n * (1 + (k - 1) * rho) - k * rho) ** 2);
}
