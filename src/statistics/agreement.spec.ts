import fc from 'fast-check';
import { agreementWithReference, bias, meanAbsoluteDifferencePerItem, rangeUse, type ScoredPair } from './agreement';

const scale = { min: 1, max: 5 };
const pairs = (scores: number[], reference: number[]): ScoredPair[] =>
  scores.map((score, i) => ({ item: `i${i + 1}`, score, reference: reference[i] }));

describe('agreement with reference scores', () => {
  it('a lenient rater scoring every item one point above the reference: bias +1, MAD 1 per item', () => {
    const p = pairs([3, 4, 5, 3], [2, 3, 4, 2]);
    expect(bias(p)).toBe(1);
    expect(meanAbsoluteDifferencePerItem(p)).toEqual({ i1: 1, i2: 1, i3: 1, i4: 1 });
  });

  it('a severe rater: negative bias', () => {
    expect(bias(pairs([1, 2, 2], [3, 3, 4]))).toBeCloseTo(-5 / 3, 10);
  });

  it('a rater who gives everything a 3 (halo / narrow range) uses 1 of 5 scale points with SD 0', () => {
    expect(rangeUse([3, 3, 3, 3], scale)).toEqual({ distinct: 1, width: 5, share: 0.2, sd: 0 });
  });

  it('range use counts distinct scores and the population SD', () => {
    expect(rangeUse([1, 5], scale)).toEqual({ distinct: 2, width: 5, share: 0.4, sd: 2 });
  });

  it('averages an item repeated across exercises', () => {
    expect(
      meanAbsoluteDifferencePerItem([
        { item: 'a', score: 1, reference: 3 },
        { item: 'a', score: 3, reference: 3 },
      ]),
    ).toEqual({ a: 1 });
  });

  it('a rater matching the reference exactly: MAD 0, bias 0, ICC 1, kappa 1', () => {
    const r = agreementWithReference(pairs([1, 3, 5, 2, 4], [1, 3, 5, 2, 4]), scale);
    expect(r).toMatchObject({ pairs: 5, meanAbsDiff: 0, bias: 0 });
    expect(r.icc).toBeCloseTo(1, 10);
    expect(r.weightedKappa).toBeCloseTo(1, 10);
  });

  it('property: a constant offset shows up entirely as bias, and MAD equals |bias|', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 12 }), fc.constantFrom(-1, 1), (ref, d) => {
        const shifted = ref.map((r) => Math.min(5, Math.max(1, r + d)));
        fc.pre(shifted.every((s, i) => s - ref[i] === d));
        const r = agreementWithReference(pairs(shifted, ref), scale);
        expect(r.bias).toBe(d);
        expect(r.meanAbsDiff).toBe(1);
      }),
    );
  });
});
