import { icc } from '../statistics/icc';
import { kooLiBand, largestCrossedDesign, latestPerRaterAndTarget, type RatedValue, reliabilityReport } from './reliability';

const at = (n: number) => new Date(Date.UTC(2025, 0, n));
const v = (targetKey: string, raterId: string, value: number, day = 1): RatedValue => ({ targetKey, raterId, value, submittedAt: at(day) });

describe('Koo & Li bands', () => {
  it('maps the cut-offs: <0.5 poor, 0.5–0.75 moderate, 0.75–0.9 good, >0.9 excellent', () => {
    expect([0.49, 0.5, 0.74, 0.75, 0.9, 0.91].map(kooLiBand)).toEqual(['poor', 'moderate', 'moderate', 'good', 'good', 'excellent']);
  });
});

describe('one value per rater and target', () => {
  it('keeps the latest rating of a rater on a target and drops singly-rated targets', () => {
    const m = latestPerRaterAndTarget([v('t1', 'a', 2, 1), v('t1', 'a', 4, 3), v('t1', 'b', 3), v('t2', 'a', 5)]);
    expect([...m.keys()]).toEqual(['t1']);
    expect(m.get('t1')?.get('a')).toBe(4);
  });
});

describe('reliability report', () => {
  it('a complete two-rater design: ICC equals the statistics module on the same table, with a band and interval', () => {
    const a = [3, 4, 2, 5, 3, 4];
    const b = [3, 5, 2, 4, 3, 4];
    const values = a.flatMap((x, i) => [v(`t${i}`, 'a', x), v(`t${i}`, 'b', b[i])]);
    const r = reliabilityReport(values);
    const expected = icc(a.map((x, i) => [x, b[i]]));
    expect(r).toMatchObject({ targets: 6, raters: 2, ratings: 12, completeDesign: true });
    expect(r.icc?.value).toBeCloseTo(expected?.icc2 as number, 12);
    expect(r.icc?.ci95).toEqual(expected?.icc2Ci);
    expect(r.band).toBe(kooLiBand(expected?.icc2 as number));
    expect(r.krippendorffAlpha?.value).toBeGreaterThan(0.5);
    expect(r.interpretation).toContain('Koo & Li');
  });

  it('an unbalanced design: alpha uses every doubly-rated target, ICC the largest crossed sub-design', () => {
    const values = [
      ...[1, 2, 3, 4].flatMap((i) => [v(`t${i}`, 'a', i), v(`t${i}`, 'b', i)]),
      v('t5', 'a', 3),
      v('t5', 'c', 4),
      v('t6', 'b', 2),
      v('t6', 'c', 2),
    ];
    const r = reliabilityReport(values);
    expect(r).toMatchObject({ targets: 6, raters: 3, completeDesign: false });
    expect(r.icc).toMatchObject({ targets: 4, raters: 2 });
    expect(r.krippendorffAlpha?.units).toBe(6);
  });

  it('prefers adding a third rater when it uses more ratings', () => {
    const values = [1, 2, 3, 4].flatMap((i) => [v(`t${i}`, 'a', i), v(`t${i}`, 'b', i), v(`t${i}`, 'c', i)]);
    const design = largestCrossedDesign(latestPerRaterAndTarget([...values, v('t9', 'a', 1), v('t9', 'b', 2)]));
    expect(design?.raterIds).toEqual(['a', 'b', 'c']);
    expect(design?.targetKeys).toHaveLength(4);
  });

  it('too little data: no ICC, no band, a plain explanation', () => {
    const r = reliabilityReport([v('t1', 'a', 3), v('t1', 'b', 4), v('t2', 'a', 3)]);
    expect(r).toMatchObject({ targets: 1, icc: null, band: null });
    expect(r.interpretation).toMatch(/Not enough/);
  });
});
