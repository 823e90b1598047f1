import type { RatingTable } from './icc';

// Krippendorff's alpha (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability"): works with any
// number of raters, missing values, and a choice of metric. Table = units (rows) × raters (columns), null = missing.
// α = 1 − (n − 1) · Σ o_ck δ²_ck / Σ n_c n_k δ²_ck, over the coincidence matrix o of pairable values.

export type AlphaMetric = 'nominal' | 'ordinal' | 'interval';

export interface AlphaResult {
  alpha: number;
  /** pairable values: those in units with at least two values */
  pairable: number;
  units: number;
}

/** null when fewer than two pairable values, or when every pairable value is the same (no variation). */
export function krippendorffAlpha(table: RatingTable, metric: AlphaMetric): AlphaResult | null {
  const units = table.map((row) => row.filter((v): v is number => v !== null && Number.isFinite(v))).filter((vals) => vals.length >= 2);
  const values = [...new Set(units.flat())].sort((x, y) => x - y);
  const index = new Map(values.map((v, i) => [v, i]));
  const V = values.length;
  const o = Array.from({ length: V }, () => new Array<number>(V).fill(0));
  for (const vals of units) {
    const m = vals.length;
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < m; j++) {
        if (i !== j) o[index.get(vals[i]) as number][index.get(vals[j]) as number] += 1 / (m - 1);
      }
    }
  }
  const nc = o.map((row) => row.reduce((s, x) => s + x, 0));
  const n = nc.reduce((s, x) => s + x, 0);
  if (n < 2 || V < 2) return null;

  const delta2 = distance(metric, values, nc);
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < V; c++) {
    for (let k = 0; k < V; k++) {
      observed += o[c][k] * delta2(c, k);
      expected += nc[c] * nc[k] * delta2(c, k);
    }
  }
  if (expected < 1e-12) return null;
  return { alpha: 1 - ((n - 1) * observed) / expected, pairable: n, units: units.length };
}

function distance(metric: AlphaMetric, values: number[], nc: number[]): (c: number, k: number) => number {
  if (metric === 'nominal') return (c, k) => (c === k ? 0 : 1);
  if (metric === 'interval') return (c, k) => (values[c] - values[k]) ** 2;
  // ordinal: the distance between two ranks counts the values lying between them
  return (c, k) => {
    const [lo, hi] = c <= k ? [c, k] : [k, c];
    let sum = 0;
    for (let g = lo; g <= hi; g++) sum += nc[g];
    return (sum - (nc[lo] + nc[hi]) / 2) ** 2;
  };
}
