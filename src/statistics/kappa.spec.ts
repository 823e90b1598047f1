import fc from 'fast-check';
import { weightedKappa } from './kappa';

const repeat = (runs: [number, number][]) => runs.flatMap(([v, times]) => Array.from({ length: times }, () => v));

// scikit-learn's test suite (sklearn/metrics/tests/test_classification.py, test_cohen_kappa), "weighting example":
// y1 = 46×0, 44×1, 10×2; y2 = 50×0, 40×1, 10×2 → unweighted 0.9315, linear 0.9412, quadratic 0.9541.
const Y1 = repeat([
  [0, 46],
  [1, 44],
  [2, 10],
]);
const Y2 = repeat([
  [0, 50],
  [1, 40],
  [2, 10],
]);
// Same suite, multiclass example taken from Artstein & Poesio (2008), Table 4 → unweighted κ = 0.8013.
const AP1 = repeat([
  [0, 46],
  [1, 44],
  [2, 10],
]);
const AP2 = repeat([
  [0, 52],
  [1, 32],
  [2, 16],
]);
const scale = { min: 0, max: 2 };

describe("Cohen's weighted kappa", () => {
  it('scikit-learn test_cohen_kappa weighting example → quadratic κw = 0.9541', () => {
    expect(weightedKappa(Y1, Y2, scale, 'quadratic')).toBeCloseTo(0.9541, 4);
  });

  it('scikit-learn test_cohen_kappa weighting example → linear 0.9412, unweighted 0.9315', () => {
    expect(weightedKappa(Y1, Y2, scale, 'linear')).toBeCloseTo(0.9412, 4);
    expect(weightedKappa(Y1, Y2, scale, 'none')).toBeCloseTo(0.9315, 4);
  });

  it('Artstein & Poesio (2008) Table 4 (as in scikit-learn test_cohen_kappa) → unweighted κ = 0.8013', () => {
    expect(weightedKappa(AP1, AP2, scale, 'none')).toBeCloseTo(0.8013, 4);
  });

  it('is undefined when both raters gave one same score throughout', () => {
    expect(weightedKappa([3, 3, 3], [3, 3, 3], { min: 1, max: 5 })).toBeNull();
  });

  const pairs = fc.array(fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 })), { minLength: 2, maxLength: 30 });

  it('property: perfect agreement with some variation → κw = 1', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 2, maxLength: 30 }), (xs) => {
        fc.pre(new Set(xs).size > 1);
        expect(weightedKappa(xs, xs, { min: 1, max: 5 })).toBeCloseTo(1, 10);
      }),
    );
  });

  it('property: symmetric in the two raters and never above 1', () => {
    fc.assert(
      fc.property(pairs, (ps) => {
        const a = ps.map((p) => p[0]);
        const b = ps.map((p) => p[1]);
        const k = weightedKappa(a, b, { min: 1, max: 5 });
        fc.pre(k !== null);
        expect(weightedKappa(b, a, { min: 1, max: 5 })).toBeCloseTo(k as number, 10);
        expect(k).toBeLessThanOrEqual(1 + 1e-12);
      }),
    );
  });
});
