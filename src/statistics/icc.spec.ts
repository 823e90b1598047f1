import fc from 'fast-check';
import { fCdf, fQuantile, fSurvival } from './distributions';
import { icc } from './icc';

// Shrout, P. E. & Fleiss, J. L. (1979). Intraclass correlations: uses in assessing rater reliability.
// Psychological Bulletin 86(2), 420–428. Table 2: 6 targets rated by 4 judges.
const SHROUT_FLEISS_TABLE_2 = [
  [9, 2, 5, 8],
  [6, 1, 3, 2],
  [8, 4, 6, 8],
  [7, 1, 2, 6],
  [10, 5, 6, 9],
  [6, 2, 4, 7],
];

describe('ICC', () => {
  it('Shrout & Fleiss (1979) Table 2 data → ICC(1,1) = .17, ICC(2,1) = .29, ICC(3,1) = .71', () => {
    const r = icc(SHROUT_FLEISS_TABLE_2);
    expect(r).not.toBeNull();
    expect(r?.icc1).toBeCloseTo(0.17, 2);
    expect(r?.icc2).toBeCloseTo(0.29, 2);
    expect(r?.icc3).toBeCloseTo(0.71, 2);
  });

  it('Shrout & Fleiss (1979) Table 2 data → the ANOVA mean squares of their Table 3 (BMS 11.24, JMS 32.49, EMS 1.02, WMS 6.26)', () => {
    const r = icc(SHROUT_FLEISS_TABLE_2);
    expect(r?.msr).toBeCloseTo(11.24, 2);
    expect(r?.msc).toBeCloseTo(32.49, 2);
    expect(r?.mse).toBeCloseTo(1.02, 2);
    expect(r?.msw).toBeCloseTo(6.26, 2);
  });

  it('Shrout & Fleiss (1979) Table 2 data → 95% CI for ICC(2,1) of 0.019 to 0.76, as R psych::ICC reports for the same data', () => {
    const ci = icc(SHROUT_FLEISS_TABLE_2)?.icc2Ci;
    expect(ci?.lower).toBeCloseTo(0.019, 3);
    expect(ci?.upper).toBeCloseTo(0.76, 2);
  });

  it('Shrout & Fleiss (1979) Table 2 data → the 95% interval for ICC(2,1) contains the estimate and lies within (−1, 1)', () => {
    const r = icc(SHROUT_FLEISS_TABLE_2);
    const ci = r?.icc2Ci;
    expect(ci?.lower).toBeLessThan(r?.icc2 as number);
    expect(ci?.upper).toBeGreaterThan(r?.icc2 as number);
    expect(ci?.lower).toBeGreaterThan(-1);
    expect(ci?.upper).toBeLessThan(1);
  });

  it('drops targets with a missing rating (listwise) and says how many', () => {
    const r = icc([...SHROUT_FLEISS_TABLE_2, [1, null, 3, 4]]);
    expect(r?.n).toBe(6);
    expect(r?.droppedTargets).toBe(1);
    expect(r?.icc2).toBeCloseTo(0.29, 2);
  });

  it('is undefined with fewer than two complete targets', () => {
    expect(icc([[1, 2]])).toBeNull();
    expect(
      icc([
        [1, null],
        [2, 3],
      ]),
    ).toBeNull();
  });

  const tables = fc
    .record({ n: fc.integer({ min: 3, max: 10 }), k: fc.integer({ min: 2, max: 5 }) })
    .chain(({ n, k }) =>
      fc.array(fc.array(fc.integer({ min: 0, max: 6 }), { minLength: k, maxLength: k }), { minLength: n, maxLength: n }),
    );

  it('property: raters who agree perfectly on varying targets → every ICC is 1', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 3, maxLength: 12 }),
        fc.integer({ min: 2, max: 5 }),
        (targets, k) => {
          fc.pre(new Set(targets).size > 1);
          const r = icc(targets.map((t) => Array.from({ length: k }, () => t)));
          expect(r?.icc1).toBeCloseTo(1, 10);
          expect(r?.icc2).toBeCloseTo(1, 10);
          expect(r?.icc3).toBeCloseTo(1, 10);
        },
      ),
    );
  });

  it('property: adding a constant to every score leaves ICC(2,1) and its interval unchanged', () => {
    fc.assert(
      fc.property(tables, fc.integer({ min: -10, max: 10 }), (table, c) => {
        const a = icc(table);
        const b = icc(table.map((row) => row.map((v) => v + c)));
        fc.pre(a !== null && Number.isFinite(a.icc2));
        expect(b?.icc2).toBeCloseTo(a?.icc2 as number, 8);
        if (Number.isFinite(a?.icc2Ci.lower)) expect(b?.icc2Ci.lower).toBeCloseTo(a?.icc2Ci.lower as number, 6);
      }),
    );
  });

  it('a negative estimate whose approximate limit would exclude it gets an interval that contains it', () => {
    // 3 targets the 5 raters cannot tell apart: Satterthwaite df ≈ 0, F(.975; v, 2) < 1
    const r = icc([
      [0, 6, 0, 4, 1],
      [0, 1, 5, 4, 1],
      [0, 1, 2, 6, 1],
    ]);
    expect(r?.icc2).toBeCloseTo(-0.1561, 4);
    // the lower limit is its F → ∞ limit (−n·MSE / (k·MSC + (kn−k−n)·MSE)), no longer −1 from an overflowed quantile
    expect(r?.icc2Ci.lower).toBeCloseTo(-0.1592, 4);
    expect(r?.icc2Ci.upper).toBeGreaterThanOrEqual(r?.icc2 as number);
  });

  it('raters who differ by a constant offset with no residual ([[1,2],[2,3],[3,4]]) → the limit as the residual goes to 0, [0.0025, 0.987] as R psych reports, not a zero-width interval', () => {
    const r = icc([
      [1, 2],
      [2, 3],
      [3, 4],
    ]);
    expect(r?.mse).toBe(0);
    expect(r?.icc2).toBeCloseTo(0.667, 3);
    expect(r?.icc2Ci.lower).toBeCloseTo(0.0025, 4);
    expect(r?.icc2Ci.upper).toBeCloseTo(0.987, 3);
  });

  it('a tiny Satterthwaite df ([[2,6],[3,4],[3,5]]) → the lower limit −0.200, not −1 from an F quantile that overflowed', () => {
    const r = icc([
      [2, 6],
      [3, 4],
      [3, 5],
    ]);
    expect(r?.icc2).toBeCloseTo(-0.1667, 4);
    expect(r?.icc2Ci.lower).toBeCloseTo(-0.2, 3);
    expect(r?.icc2Ci.upper).toBeGreaterThan(r?.icc2 as number);
  });

  // with tiny samples the estimate itself can fall below −1; the limits are clamped to [−1, 1], so only
  // estimates inside that range can be bracketed
  it('property: ICC(2,1) never exceeds 1 and the interval brackets any estimate within [−1, 1]', () => {
    fc.assert(
      fc.property(tables, (table) => {
        const r = icc(table);
        fc.pre(r !== null && Number.isFinite(r.icc2) && r.mse > 1e-9 && r.icc2 >= -1);
        expect(r?.icc2).toBeLessThanOrEqual(1 + 1e-9);
        expect(r?.icc2Ci.lower).toBeLessThanOrEqual((r?.icc2 as number) + 1e-9);
        expect(r?.icc2Ci.upper).toBeGreaterThanOrEqual((r?.icc2 as number) - 1e-9);
      }),
    );
  });
});

describe('F distribution', () => {
  it('printed F tables: F(.975; 5, 15) = 3.58, F(.95; 5, 15) = 2.90, F(.95; 1, 10) = 4.96', () => {
    expect(fQuantile(0.975, 5, 15)).toBeCloseTo(3.58, 2);
    expect(fQuantile(0.95, 5, 15)).toBeCloseTo(2.9, 2);
    expect(fQuantile(0.95, 1, 10)).toBeCloseTo(4.96, 2);
  });

  it('far upper quantiles with a tiny denominator df stay finite: F(.975; 2, 1) = 799.5, and F(.975; 2, 0.1) ≈ 1e32 inverts the survival function', () => {
    expect(fQuantile(0.975, 2, 1)).toBeCloseTo(799.5, 6);
    const x = fQuantile(0.975, 2, 0.1);
    expect(Number.isFinite(x)).toBe(true);
    expect(fSurvival(x, 2, 0.1)).toBeCloseTo(0.025, 9);
  });

  it('the quantile inverts the distribution function, also for fractional degrees of freedom', () => {
    for (const [p, d1, d2] of [
      [0.025, 5, 7.3],
      [0.5, 2.5, 12],
      [0.975, 11.2, 5],
    ])
      expect(fCdf(fQuantile(p, d1, d2), d1, d2)).toBeCloseTo(p, 9);
  });
});
