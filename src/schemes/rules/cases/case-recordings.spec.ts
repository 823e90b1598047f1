import type { RubricDefinition } from '../../../rubrics/rubric-scoring';
import { aCase, aRecord } from '../record-builder.fixture';
import { run } from '../spec-run.fixture';
import { caseRecordings } from './case-recordings';

const rubric: RubricDefinition = {
  scale: { min: 1, max: 5 },
  items: [
    { code: 'a', label: 'A' },
    { code: 'b', label: 'B' },
  ],
  aggregation: 'mean',
  passRule: { threshold: 3 },
  multiRater: { kind: 'single', disagreementThreshold: 1 },
};
const rating = (
  targetId: string,
  raterId: string,
  score: number,
  raterRole: 'supervisor' | 'independent' | 'self' = 'supervisor',
  targetType: 'session' | 'case' = 'session',
) => ({ id: `r-${Math.random()}`, rubricVersionId: 'rv1', targetType, targetId, raterId, raterRole, scores: { a: score, b: score } });

describe('case recordings and ratings', () => {
  it('wants every session recorded and three rated recordings per case (UK-style)', () => {
    const c = aCase({ recorded: true });
    const ratings = c.sessions.slice(0, 2).map((s) => rating(s.id, 'sup-1', 4));
    const r = run(
      caseRecordings,
      { minCases: 1, allSessionsRecorded: true, minRatedPerCase: 3 },
      aRecord({ cases: [c], ratings, rubrics: { rv1: { rubricCode: 'IPT', definition: rubric } } }),
    );
    expect(r.met).toBe(false);
    expect(r.breakdown?.[0].message).toContain('2 of 3 rated recordings passing');
  });
  it('never counts a self-rating towards a pass', () => {
    const c = aCase({ recorded: true });
    const ratings = [rating(c.sessions[0].id, 'me', 5, 'self')];
    expect(
      run(
        caseRecordings,
        { minCases: 1, minRatedPerCase: 1 },
        aRecord({ cases: [c], ratings, rubrics: { rv1: { rubricCode: 'IPT', definition: rubric } } }),
      ).met,
    ).toBe(false);
  });
  it('flags raters who disagree beyond the threshold instead of letting one win', () => {
    const c = aCase({ recorded: true });
    const s = c.sessions[0].id;
    const ratings = [rating(s, 'sup-1', 5), rating(s, 'ind-1', 2, 'independent')];
    const r = run(
      caseRecordings,
      { minCases: 1, minRatedPerCase: 1, raterPolicy: { kind: 'mean_of_n', n: 2, disagreementThreshold: 1 } },
      aRecord({ cases: [c], ratings, rubrics: { rv1: { rubricCode: 'IPT', definition: rubric } } }),
    );
    expect(r.met).toBe(false);
    expect(r.breakdown?.[0].message).toContain('raters disagree by 3; awaits a second look');
  });
  it('counts only calibrated raters when the scheme requires it', () => {
    const c = aCase({ recorded: true });
    const ratings = [rating(c.sessions[0].id, 'sup-1', 4)];
    const base = { cases: [c], ratings, rubrics: { rv1: { rubricCode: 'IPT', definition: rubric } } };
    expect(run(caseRecordings, { minCases: 1, minRatedPerCase: 1, calibratedRatersOnly: true }, aRecord(base)).met).toBe(false);
    expect(
      run(
        caseRecordings,
        { minCases: 1, minRatedPerCase: 1, calibratedRatersOnly: true },
        aRecord({ ...base, calibratedRaters: ['sup-1'] }),
      ).met,
    ).toBe(true);
  });
  it('passes two portfolios averaging three on two different clients (US-style level B)', () => {
    const a = aCase();
    const b = aCase();
    const ratings = [rating(a.id, 'sup-1', 3, 'supervisor', 'case'), rating(b.id, 'sup-1', 4, 'supervisor', 'case')];
    const r = run(
      caseRecordings,
      { minCases: 2, minRatedPerCase: 1, ratingTarget: 'case', rubricCode: 'IPT' },
      aRecord({ cases: [a, b], ratings, rubrics: { rv1: { rubricCode: 'IPT', definition: rubric } } }),
    );
    expect(r).toMatchObject({ met: true, reached: 2 });
  });
  it('needs a recorded initial and a recorded termination session', () => {
    const c = aCase();
    c.sessions[0].recorded = true;
    const r = run(caseRecordings, { minCases: 1, recordedPhases: ['initial', 'termination'] }, aRecord({ cases: [c] }));
    expect(r.breakdown?.[0].message).toContain('no recording of the termination phase');
  });
});

describe('case recordings explain failed ratings', () => {
  const cts: RubricDefinition = {
    scale: { min: 0, max: 6 },
    items: [
      { code: 'agenda', label: 'agenda setting' },
      { code: 'feedback', label: 'feedback' },
      ...Array.from({ length: 10 }, (_, i) => ({ code: `i${i}`, label: `item ${i}` })),
    ],
    aggregation: 'sum',
    passRule: { threshold: 36, itemFloor: 2 },
    multiRater: { kind: 'single', disagreementThreshold: 6 },
  };
  const scored = (targetId: string, agenda: number, rest: number) => ({
    id: `r-${targetId}`,
    rubricVersionId: 'cts',
    targetType: 'session' as const,
    targetId,
    raterId: 'sup-1',
    raterRole: 'supervisor' as const,
    scores: Object.fromEntries(cts.items.map((i) => [i.code, i.code === 'agenda' ? agenda : rest])),
  });
  const rubrics = { cts: { rubricCode: 'CTS-R', definition: cts } };

  it('says a recording with enough points failed on one item, with score, pass rule and the item', () => {
    const c = aCase({ sessionCount: 2, recorded: true });
    // 1 + 11 × 4 = 45 ≥ 36, but agenda setting 1 < 2
    const r = run(
      caseRecordings,
      { minCases: 1, minRatedPerCase: 1 },
      aRecord({ cases: [c], ratings: [scored(c.sessions[0].id, 1, 4)], rubrics }),
    );
    expect(r.breakdown?.[0].message).toBe(
      `${c.clientCode}: 0 of 1 rated recordings passing (session 1 failed: total 45 ≥ 36, but item "agenda setting" scored 1 < 2)`,
    );
  });

  it('says a recording below the threshold failed on its total', () => {
    const c = aCase({ sessionCount: 2, recorded: true });
    const r = run(
      caseRecordings,
      { minCases: 1, minRatedPerCase: 1 },
      aRecord({ cases: [c], ratings: [scored(c.sessions[1].id, 2, 2)], rubrics }),
    );
    expect(r.breakdown?.[0].message).toContain('session 2 failed: total 24 < 36 needed');
  });

  it('says "not rated yet" for a case nobody rated', () => {
    const c = aCase({ recorded: true });
    const r = run(caseRecordings, { minCases: 1, minRatedPerCase: 2 }, aRecord({ cases: [c], rubrics }));
    expect(r.breakdown?.[0].message).toBe(`${c.clientCode}: not rated yet`);
  });
});
