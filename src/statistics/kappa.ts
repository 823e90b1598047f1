// Cohen's kappa for two raters on an ordered integer scale, with quadratic (default), linear or no
// weights (Cohen 1968). Disagreement weight w_ij = ((i − j) / (K − 1))^2 for quadratic.

export type KappaWeights = 'quadratic' | 'linear' | 'none';

/** null when there are no pairs, or when chance disagreement is zero (both raters gave one same score throughout: undefined). */
export function weightedKappa(
  a: readonly number[],
  b: readonly number[],
  scale: { min: number; max: number },
  weights: KappaWeights = 'quadratic',
): number | null {
  if (a.length !== b.length) throw new Error('weightedKappa needs paired ratings');
  const n = a.length;
  const K = scale.max - scale.min + 1;
  if (n === 0 || K < 2) return null;
  const observed = Array.from({ length: K }, () => new Array<number>(K).fill(0));
  const rowTotals = new Array<number>(K).fill(0);
  const colTotals = new Array<number>(K).fill(0);
  for (let i = 0; i < n; i++) {
    const x = a[i] - scale.min;
    const y = b[i] - scale.min;
    if (!Number.isInteger(x) || !Number.isInteger(y) || x < 0 || y < 0 || x >= K || y >= K)
      throw new Error('weightedKappa: score outside the scale');
    observed[x][y]++;
    rowTotals[x]++;
    colTotals[y]++;
  }
  const weight = (i: number, j: number) =>
    weights === 'none' ? (i === j ? 0 : 1) : weights === 'linear' ? Math.abs(i - j) / (K - 1) : ((i - j) / (K - 1)) ** 2;
  let obs = 0;
  let exp = 0;
  for (let i = 0; i < K; i++) {
    for (let j = 0; j < K; j++) {
      const w = weight(i, j);
      obs += (w * observed[i][j]) / n;
      exp += (w * rowTotals[i] * colTotals[j]) / (n * n);
    }
  }
  if (exp < 1e-12) return null;
  return 1 - obs / exp;
}
