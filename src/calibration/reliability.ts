// Inter-rater reliability of one rubric in one body, from real ratings (not calibration exercises).
// Plain functions over plain data; the service loads the ratings.
import { icc } from '../statistics/icc';
import { krippendorffAlpha } from '../statistics/krippendorff';

export interface RatedValue {
  targetKey: string;
  raterId: string;
  /** the rating's aggregated value (total or item mean, as the rubric aggregates) */
  value: number;
  submittedAt: Date;
}

export type ReliabilityBand = 'poor' | 'moderate' | 'good' | 'excellent';

export interface CrossedDesign {
  raterIds: string[];
  targetKeys: string[];
}

export interface ReliabilityReport {
  /** targets rated by at least two raters, and the raters involved in them */
  targets: number;
  raters: number;
  ratings: number;
  /** every multiply-rated target was rated by the same set of raters */
  completeDesign: boolean;
  icc: {
    value: number;
    ci95: { lower: number; upper: number };
    /** the fully crossed sub-design the ICC was computed on */
    targets: number;
    raters: number;
  } | null;
  krippendorffAlpha: { value: number; pairableValues: number; units: number } | null;
  band: ReliabilityBand | null;
  interpretation: string;
}

/** Koo & Li (2016): < 0.5 poor, 0.5–0.75 moderate, 0.75–0.9 good, > 0.9 excellent. */
export function kooLiBand(value: number): ReliabilityBand {
  if (value < 0.5) return 'poor';
  if (value < 0.75) return 'moderate';
  if (value <= 0.9) return 'good';
  return 'excellent';
}

/** One value per rater and target — the most recently submitted — keeping only targets with ≥ 2 raters. */
export function latestPerRaterAndTarget(values: readonly RatedValue[]): Map<string, Map<string, number>> {
  const latest = new Map<string, RatedValue>();
  for (const v of values) {
    const key = `${v.targetKey}\u0000${v.raterId}`;
    const seen = latest.get(key);
    if (!seen || v.submittedAt.getTime() > seen.submittedAt.getTime()) latest.set(key, v);
  }
  const byTarget = new Map<string, Map<string, number>>();
  for (const v of latest.values()) {
    const row = byTarget.get(v.targetKey) ?? new Map<string, number>();
    row.set(v.raterId, v.value);
    byTarget.set(v.targetKey, row);
  }
  for (const [key, row] of byTarget) if (row.size < 2) byTarget.delete(key);
  return byTarget;
}

const commonTargets = (byTarget: Map<string, Map<string, number>>, raters: readonly string[]): string[] =>
  [...byTarget].filter(([, row]) => raters.every((r) => row.has(r))).map(([key]) => key);

/**
 * ICC(2,1) needs a fully crossed table. With an unbalanced design we pick a crossed sub-design: start from
 * the pair of raters sharing the most targets, then greedily add the rater who keeps the most shared
 * targets, and keep the step that uses the most ratings (targets × raters), with at least 2 targets.
 * Ties go to the lexically smaller rater ids, so the choice is deterministic.
 */
export function largestCrossedDesign(byTarget: Map<string, Map<string, number>>): CrossedDesign | null {
  const raters = [...new Set([...byTarget.values()].flatMap((row) => [...row.keys()]))].sort();
  let pair: CrossedDesign | null = null;
  for (let i = 0; i < raters.length; i++) {
    for (let j = i + 1; j < raters.length; j++) {
      const targets = commonTargets(byTarget, [raters[i], raters[j]]);
      if (targets.length >= 2 && (!pair || targets.length > pair.targetKeys.length))
        pair = { raterIds: [raters[i], raters[j]], targetKeys: targets };
    }
  }
  if (!pair) return null;
  let best = pair;
  let current = pair;
  for (;;) {
    let next: CrossedDesign | null = null;
    for (const r of raters) {
      if (current.raterIds.includes(r)) continue;
      const ids = [...current.raterIds, r];
      const targets = commonTargets(byTarget, ids);
      if (targets.length >= 2 && (!next || targets.length > next.targetKeys.length)) next = { raterIds: ids, targetKeys: targets };
    }
    if (!next) return best;
    current = next;
    if (next.raterIds.length * next.targetKeys.length > best.raterIds.length * best.targetKeys.length) best = next;
  }
}

export function reliabilityReport(values: readonly RatedValue[]): ReliabilityReport {
  const byTarget = latestPerRaterAndTarget(values);
  const raters = [...new Set([...byTarget.values()].flatMap((row) => [...row.keys()]))].sort();
  const rows = [...byTarget.values()];
  const raterSets = new Set(rows.map((row) => [...row.keys()].sort().join(',')));
  const alpha = krippendorffAlpha(
    rows.map((row) => raters.map((r) => row.get(r) ?? null)),
    'interval',
  );

  const design = largestCrossedDesign(byTarget);
  const result = design ? icc(design.targetKeys.map((t) => design.raterIds.map((r) => byTarget.get(t)?.get(r) ?? null))) : null;
  const iccValue = result && Number.isFinite(result.icc2) ? result.icc2 : null;
  const iccOut = result && iccValue !== null ? { value: iccValue, ci95: result.icc2Ci, targets: result.n, raters: result.k } : null;
  const band = iccOut ? kooLiBand(iccOut.value) : null;
  return {
    targets: byTarget.size,
    raters: raters.length,
    ratings: rows.reduce((s, row) => s + row.size, 0),
    completeDesign: rows.length > 0 && raterSets.size === 1,
    icc: iccOut,
    krippendorffAlpha: alpha ? { value: alpha.alpha, pairableValues: alpha.pairable, units: alpha.units } : null,
    band,
    interpretation: interpret(iccOut, band),
  };
}

function interpret(i: ReliabilityReport['icc'], band: ReliabilityBand | null): string {
  if (!i || !band)
    return 'Not enough doubly-rated work to estimate reliability: at least two targets rated by the same two raters are needed.';
  const ci = `95% CI ${i.ci95.lower.toFixed(2)} to ${i.ci95.upper.toFixed(2)}`;
  const span =
    kooLiBand(i.ci95.lower) === kooLiBand(i.ci95.upper)
      ? ''
      : `; the interval spans ${kooLiBand(i.ci95.lower)} to ${kooLiBand(i.ci95.upper)}, so the band is uncertain`;
  return `Single-rater reliability (ICC(2,1), absolute agreement) is ${band}: ${i.value.toFixed(2)} (${ci}) over ${i.targets} targets rated by the same ${i.raters} raters${span} (Koo & Li 2016).`;
}

export interface ReliabilityPoint {
  /** calendar quarter, e.g. 2026-Q3 */
  period: string;
  /** the last day of the quarter: the figures use every rating submitted up to its end */
  until: string;
  targets: number;
  ratings: number;
  icc: ReliabilityReport['icc'];
  alpha: number | null;
  band: ReliabilityBand | null;
}

/** The last day of the calendar quarter a moment falls in (UTC), as YYYY-MM-DD, with its label. */
export function quarterOf(d: Date): { period: string; until: string } {
  const y = d.getUTCFullYear();
  const q = Math.floor(d.getUTCMonth() / 3) + 1;
  const until = new Date(Date.UTC(y, q * 3, 0)).toISOString().slice(0, 10);
  return { period: `${y}-Q${q}`, until };
}

/**
 * Reliability over time: for each calendar quarter from the first rating to the last (at most `maxPoints`, the
 * most recent), the report over every rating submitted up to that quarter's end. Cumulative rather than per
 * quarter, because reliability needs doubly-rated work that a single quarter rarely holds; a falling line still
 * shows raters drifting apart.
 */
export function reliabilityHistory(values: readonly RatedValue[], maxPoints = 12): ReliabilityPoint[] {
  if (values.length === 0) return [];
  const times = values.map((v) => v.submittedAt.getTime());
  const first = quarterOf(new Date(Math.min(...times)));
  const last = quarterOf(new Date(Math.max(...times)));
  const quarters: { period: string; until: string }[] = [];
  for (let q = first; ;) {
    quarters.push(q);
    if (q.until >= last.until) break;
    q = quarterOf(new Date(Date.parse(`${q.until}T00:00:00Z`) + 86_400_000));
  }
  return quarters.slice(-maxPoints).map(({ period, until }) => {
    const end = Date.parse(`${until}T00:00:00Z`) + 86_400_000;
    const r = reliabilityReport(values.filter((v) => v.submittedAt.getTime() < end));
    return { period, until, targets: r.targets, ratings: r.ratings, icc: r.icc, alpha: r.krippendorffAlpha?.value ?? null, band: r.band };
  });
}
