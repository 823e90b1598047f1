import { icc } from './icc';
import { weightedKappa } from './kappa';

// How one rater's scores compare with reference scores (calibration), item by item. Detects the known
// rating problems: leniency/severity (signed bias), drift from the reference (absolute difference) and a
// narrow range of scores (range use).

export interface ScoredPair {
  item: string;
  score: number;
  reference: number;
}

export interface RangeUse {
  distinct: number;
  /** number of points on the scale */
  width: number;
  /** distinct / width, 0–1 */
  share: number;
  /** population standard deviation of the scores */
  sd: number;
}

export interface ReferenceAgreement {
  pairs: number;
  /** mean |score − reference| per item code (averaged when an item occurs in several exercises) */
  perItem: Record<string, number>;
  meanAbsDiff: number;
  /** mean (score − reference): > 0 lenient, < 0 severe */
  bias: number;
  rangeUse: RangeUse;
  referenceRangeUse: RangeUse;
  /** ICC(2,1) treating the items as targets and rater + reference as the two raters; null if undefined */
  icc: number | null;
  /** quadratic-weighted kappa between rater and reference; null if undefined */
  weightedKappa: number | null;
}

const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0);

/** Mean absolute difference per item between two score maps, over the items both have. */
export function meanAbsoluteDifferencePerItem(pairs: readonly ScoredPair[]): Record<string, number> {
  const byItem = new Map<string, number[]>();
  for (const p of pairs) byItem.set(p.item, [...(byItem.get(p.item) ?? []), Math.abs(p.score - p.reference)]);
  return Object.fromEntries([...byItem].map(([item, diffs]) => [item, mean(diffs)]));
}

export function bias(pairs: readonly ScoredPair[]): number {
  return mean(pairs.map((p) => p.score - p.reference));
}

export function rangeUse(scores: readonly number[], scale: { min: number; max: number }): RangeUse {
  const width = scale.max - scale.min + 1;
  const distinct = new Set(scores).size;
  const m = mean(scores);
  const sd = scores.length ? Math.sqrt(mean(scores.map((s) => (s - m) ** 2))) : 0;
  return { distinct, width, share: width > 0 ? distinct / width : 0, sd };
}

export function agreementWithReference(pairs: readonly ScoredPair[], scale: { min: number; max: number }): ReferenceAgreement {
  const iccResult = icc(pairs.map((p) => [p.score, p.reference]));
  const icc2 = iccResult && Number.isFinite(iccResult.icc2) ? iccResult.icc2 : null;
  return {
    pairs: pairs.length,
    perItem: meanAbsoluteDifferencePerItem(pairs),
    meanAbsDiff: mean(pairs.map((p) => Math.abs(p.score - p.reference))),
    bias: bias(pairs),
    rangeUse: rangeUse(
      pairs.map((p) => p.score),
      scale,
    ),
    referenceRangeUse: rangeUse(
      pairs.map((p) => p.reference),
      scale,
    ),
    icc: icc2,
    weightedKappa: pairs.length
      ? weightedKappa(
          pairs.map((p) => p.score),
          pairs.map((p) => p.reference),
          scale,
        )
      : null,
  };
}
