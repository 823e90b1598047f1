import fc from 'fast-check';
import { krippendorffAlpha } from './krippendorff';

const transpose = (coders: (number | null)[][]) => coders[0].map((_, u) => coders.map((c) => c[u]));
const _ = null;

// Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. Annenberg School for Communication,
// University of Pennsylvania. Section C: 4 observers × 12 units with missing values (printed coders × units).
const KRIPPENDORFF_2011_C = transpose([
  [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
  [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
]);

// The 3 coders × 15 units example of the Wikipedia article "Krippendorff's alpha" (values also asserted by the
// test suite of the `krippendorff` Python package: nominal 0.691358, interval 0.810845).
const WIKIPEDIA_EXAMPLE = transpose([
  [_, _, _, _, _, 3, 4, 1, 2, 1, 1, 3, 3, _, 3],
  [1, _, 2, 1, 3, 3, 4, 3, _, _, _, _, _, _, _],
  [_, _, 2, 1, 3, 4, 4, _, 2, 1, 1, 3, 3, _, 4],
]);

describe("Krippendorff's alpha", () => {
  it("Krippendorff (2011) 'Computing Krippendorff's Alpha-Reliability', 4 coders × 12 units with missing data → nominal α = 0.743", () => {
    expect(krippendorffAlpha(KRIPPENDORFF_2011_C, 'nominal')?.alpha).toBeCloseTo(0.743, 3);
  });

  it('Krippendorff (2011), same data → interval α = 0.849', () => {
    expect(krippendorffAlpha(KRIPPENDORFF_2011_C, 'interval')?.alpha).toBeCloseTo(0.849, 3);
  });

  it('Krippendorff (2011), same data → ordinal α = 0.815 (also asserted by the `krippendorff` Python package tests)', () => {
    expect(krippendorffAlpha(KRIPPENDORFF_2011_C, 'ordinal')?.alpha).toBeCloseTo(0.815, 3);
  });

  it('Krippendorff (2011): unit 12, coded by one observer only, is not pairable and is left out (40 pairable values)', () => {
    expect(krippendorffAlpha(KRIPPENDORFF_2011_C, 'nominal')).toMatchObject({ pairable: 40, units: 11 });
  });

  it("Wikipedia 'Krippendorff's alpha' computational example → nominal 0.691358, interval 0.810845", () => {
    expect(krippendorffAlpha(WIKIPEDIA_EXAMPLE, 'nominal')?.alpha).toBeCloseTo(0.691358, 6);
    expect(krippendorffAlpha(WIKIPEDIA_EXAMPLE, 'interval')?.alpha).toBeCloseTo(0.810845, 6);
  });

  it('is undefined without two pairable values or without any variation', () => {
    expect(
      krippendorffAlpha(
        [
          [1, null],
          [null, 2],
        ],
        'interval',
      ),
    ).toBeNull();
    expect(
      krippendorffAlpha(
        [
          [3, 3],
          [3, 3],
        ],
        'interval',
      ),
    ).toBeNull();
  });

  const withVariation = fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 2, maxLength: 15 }).filter((xs) => new Set(xs).size > 1);

  it('property: perfect agreement → α = 1 for every metric, also with missing values', () => {
    fc.assert(
      fc.property(withVariation, fc.integer({ min: 2, max: 4 }), (units, k) => {
        const table = units.map((v, u) => Array.from({ length: k + 1 }, (__, j) => (j === k && u % 2 === 0 ? null : v)));
        for (const metric of ['nominal', 'ordinal', 'interval'] as const)
          expect(krippendorffAlpha(table, metric)?.alpha).toBeCloseTo(1, 10);
      }),
    );
  });

  it('property: interval α is unchanged by adding a constant to every value', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 })), { minLength: 3, maxLength: 12 }),
        fc.integer({ min: -5, max: 5 }),
        (pairs, c) => {
          const a = krippendorffAlpha(pairs, 'interval');
          fc.pre(a !== null);
          expect(
            krippendorffAlpha(
              pairs.map(([x, y]) => [x + c, y + c]),
              'interval',
            )?.alpha,
          ).toBeCloseTo(a?.alpha as number, 10);
        },
      ),
    );
  });
});
