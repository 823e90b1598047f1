import type { RubricDefinition } from '../../rubrics/rubric-scoring';
import { caseRecordings, caseSupervision, completedCases, outcomeMeasures, signOffs } from './cases';
import { aCase, aRecord, supervision } from './record-builder.fixture';
import { run } from './spec-run.fixture';

describe('completed cases', () => {
  it('counts 3 of 4 and asks for one more case in a second problem area', () => {
    const cases = [aCase(), aCase(), aCase()];
    const r = run(completedCases, { minCount: 4, distinctProblemAreas: 2 }, aRecord({ cases }));
    expect(r).toMatchObject({ met: false, reached: 3, required: 4 });
    expect(r.message).toContain('3 of 4 completed, signed-off cases in 1 of 2 problem areas; 1 more case needed, one in a second problem area');
    expect(r.evidence.map((e) => e.id)).toEqual(cases.map((c) => c.id));
  });
  it('does not count a case that is not signed off, and says why', () => {
    const draft = aCase({ reviewState: 'submitted' });
    const r = run(completedCases, { minCount: 1 }, aRecord({ cases: [draft] }));
    expect(r.met).toBe(false);
    expect(r.breakdown).toEqual([{ id: draft.id, met: false, message: 'not counted: not signed off by the supervisor' }]);
  });
  it('wants the first case to be major depression when the scheme says so', () => {
    const first = aCase({ primaryDiagnosis: 'F41.1', startDate: '2024-01-01' });
    const r = run(completedCases, { minCount: 2, firstCaseDiagnosisPrefixes: ['F32', 'F33'] }, aRecord({ cases: [first, aCase()] }));
    expect(r).toMatchObject({ met: false, message: expect.stringContaining('must have diagnosis F32/F33, not F41.1') });
  });
  it('counts the same client once when distinct clients are required', () => {
    const a = aCase({ clientCode: 'C-AAAA' });
    const again = aCase({ clientCode: 'C-AAAA' });
    expect(run(completedCases, { minCount: 2, distinctClients: true }, aRecord({ cases: [a, again] })).reached).toBe(1);
  });
  it('needs early, middle and late sessions across the cases (ISIPT-style phase coverage)', () => {
    const short = aCase({ sessionCount: 3 }); // only initial-phase sessions
    const r = run(completedCases, { minCount: 1, phaseCoverage: { phases: ['initial', 'middle', 'termination'] } }, aRecord({ cases: [short] }));
    expect(r).toMatchObject({ met: false, message: expect.stringContaining('no sessions in the middle, termination phases yet') });
    expect(run(completedCases, { minCount: 1, phaseCoverage: { phases: ['initial', 'middle', 'termination'] } }, aRecord({ cases: [aCase()] })).met).toBe(true);
  });
  it('filters by minimum sessions, format and adaptation', () => {
    const cases = [aCase({ sessionCount: 6 }), aCase({ format: 'group' }), aCase({ adaptation: 'adolescent' })];
    expect(run(completedCases, { minCount: 1, filter: { minSessions: 8, formats: ['individual'], adaptations: ['adult'] } }, aRecord({ cases })).reached).toBe(0);
    expect(run(completedCases, { minCount: 1, filter: { adaptations: ['adolescent'] } }, aRecord({ cases })).reached).toBe(1);
  });
});

describe('case supervision', () => {
  it('credits group supervision per person with the scheme formula: (60 ÷ 3) × 2 = 40 min', () => {
    const c = aCase();
    const record = aRecord({ cases: [c], supervisionReceived: [supervision(c, { format: 'group', minutes: 60, memberCount: 3 })] });
    const r = run(caseSupervision, { minCases: 1, minMinutesPerCase: 240 }, record);
    expect(r.breakdown?.[0].message).toContain('40 min credited over 1 meeting');
    expect(r.met).toBe(false);
  });
  it('requires 12 of 16 sessions supervised (UK-style share)', () => {
    const c = aCase({ sessionCount: 16 });
    const meetings = Array.from({ length: 11 }, () => supervision(c));
    const r = run(caseSupervision, { minCases: 1, minShareOfSessionsSupervised: 0.75 }, aRecord({ cases: [c], supervisionReceived: meetings }));
    expect(r).toMatchObject({ met: false });
    expect(r.breakdown?.[0].message).toContain('11 of 12 sessions supervised');
    const enough = run(caseSupervision, { minCases: 1, minShareOfSessionsSupervised: 0.75 }, aRecord({ cases: [c], supervisionReceived: [...meetings, supervision(c)] }));
    expect(enough.met).toBe(true);
  });
  it('checks the supervision:therapy ratio of a research track (1 h per 2 h)', () => {
    const c = aCase({ sessionCount: 4 }); // 200 therapy minutes
    const record = aRecord({ cases: [c], supervisionReceived: [supervision(c, { minutes: 90 })] });
    expect(run(caseSupervision, { minCases: 1, minSupervisionToTherapyRatio: 0.5 }, record).met).toBe(false);
    expect(run(caseSupervision, { minCases: 1, minSupervisionToTherapyRatio: 0.45 }, record).met).toBe(true);
  });
  it('does not count supervision by someone who did not hold the required level on that date', () => {
    const c = aCase();
    const record = aRecord({
      cases: [c],
      supervisionReceived: [supervision(c, { date: '2025-01-10', minutes: 300 })],
      othersLevels: { 'sup-1': [{ schemeCode: 'TEST', bodyId: 'b', levelCode: 'SUPERVISOR', from: '2025-06-01', to: null }] },
    });
    const r = run(caseSupervision, { minCases: 1, minMinutesPerCase: 240, supervisorLevel: { levelCode: 'SUPERVISOR' } }, record);
    expect(r.met).toBe(false);
    expect(r.breakdown?.[0].message).toContain('not counted: the supervisor did not hold SUPERVISOR on the date');
  });
  it('counts own-case minutes in group supervision separately (≥ 4 h on one\'s own case)', () => {
    const c = aCase();
    const other = { caseId: 'someone-else', minutes: null, reviewedSessionIds: [] };
    void other;
    const meetings = Array.from({ length: 4 }, () => supervision(c, { format: 'group', minutes: 120, memberCount: 2, caseReviews: [{ caseId: c.id, minutes: 60, reviewedSessionIds: [] }] }));
    expect(run(caseSupervision, { minCases: 1, minOwnCaseMinutesInGroup: 240 }, aRecord({ cases: [c], supervisionReceived: meetings })).met).toBe(true);
  });
});

const rubric: RubricDefinition = {
  scale: { min: 1, max: 5 },
  items: [{ code: 'a', label: 'A' }, { code: 'b', label: 'B' }],
  aggregation: 'mean',
  passRule: { threshold: 3 },
  multiRater: { kind: 'single', disagreementThreshold: 1 },
};
const rating = (targetId: string, raterId: string, score: number, raterRole: 'supervisor' | 'independent' | 'self' = 'supervisor', targetType: 'session' | 'case' = 'session') =>
  ({ id: `r-${Math.random()}`, rubricVersionId: 'rv1', targetType, targetId, raterId, raterRole, scores: { a: score, b: score } });

describe('case recordings and ratings', () => {
  it('wants every session recorded and three rated recordings per case (UK-style)', () => {
    const c = aCase({ recorded: true });
    const ratings = c.sessions.slice(0, 2).map((s) => rating(s.id, 'sup-1', 4));
    const r = run(caseRecordings, { minCases: 1, allSessionsRecorded: true, minRatedPerCase: 3 }, aRecord({ cases: [c], ratings, rubrics: { rv1: { rubricCode: 'IPT', definition: rubric } } }));
    expect(r.met).toBe(false);
    expect(r.breakdown?.[0].message).toContain('2 of 3 rated recordings passing');
  });
  it('never counts a self-rating towards a pass', () => {
    const c = aCase({ recorded: true });
    const ratings = [rating(c.sessions[0].id, 'me', 5, 'self')];
    expect(run(caseRecordings, { minCases: 1, minRatedPerCase: 1 }, aRecord({ cases: [c], ratings, rubrics: { rv1: { rubricCode: 'IPT', definition: rubric } } })).met).toBe(false);
  });
  it('flags raters who disagree beyond the threshold instead of letting one win', () => {
    const c = aCase({ recorded: true });
    const s = c.sessions[0].id;
    const ratings = [rating(s, 'sup-1', 5), rating(s, 'ind-1', 2, 'independent')];
    const r = run(caseRecordings, { minCases: 1, minRatedPerCase: 1, raterPolicy: { kind: 'mean_of_n', n: 2, disagreementThreshold: 1 } }, aRecord({ cases: [c], ratings, rubrics: { rv1: { rubricCode: 'IPT', definition: rubric } } }));
    expect(r.met).toBe(false);
    expect(r.breakdown?.[0].message).toContain('await a second look');
  });
  it('counts only calibrated raters when the scheme requires it', () => {
    const c = aCase({ recorded: true });
    const ratings = [rating(c.sessions[0].id, 'sup-1', 4)];
    const base = { cases: [c], ratings, rubrics: { rv1: { rubricCode: 'IPT', definition: rubric } } };
    expect(run(caseRecordings, { minCases: 1, minRatedPerCase: 1, calibratedRatersOnly: true }, aRecord(base)).met).toBe(false);
    expect(run(caseRecordings, { minCases: 1, minRatedPerCase: 1, calibratedRatersOnly: true }, aRecord({ ...base, calibratedRaters: ['sup-1'] })).met).toBe(true);
  });
  it('passes two portfolios averaging three on two different clients (US-style level B)', () => {
    const a = aCase();
    const b = aCase();
    const ratings = [rating(a.id, 'sup-1', 3, 'supervisor', 'case'), rating(b.id, 'sup-1', 4, 'supervisor', 'case')];
    const r = run(caseRecordings, { minCases: 2, minRatedPerCase: 1, ratingTarget: 'case', rubricCode: 'IPT' }, aRecord({ cases: [a, b], ratings, rubrics: { rv1: { rubricCode: 'IPT', definition: rubric } } }));
    expect(r).toMatchObject({ met: true, reached: 2 });
  });
  it('needs a recorded initial and a recorded termination session', () => {
    const c = aCase();
    c.sessions[0].recorded = true;
    const r = run(caseRecordings, { minCases: 1, recordedPhases: ['initial', 'termination'] }, aRecord({ cases: [c] }));
    expect(r.breakdown?.[0].message).toContain('no recording of the termination phase');
  });
});

describe('outcome measures cadence', () => {
  it('wants PHQ-9 and GAD-7 at intake and every 4 sessions, and names what is missing', () => {
    const c = aCase({ sessionCount: 8 });
    c.measures = [
      { id: 'm1', instrument: 'PHQ9', sessionNumber: 0, administeredOn: c.startDate },
      { id: 'm2', instrument: 'GAD7', sessionNumber: 0, administeredOn: c.startDate },
      { id: 'm3', instrument: 'PHQ9', sessionNumber: 4, administeredOn: c.startDate },
      { id: 'm4', instrument: 'PHQ9', sessionNumber: 8, administeredOn: c.startDate },
    ];
    const r = run(outcomeMeasures, { minCases: 1, instruments: ['PHQ9', 'GAD7'], everyNSessions: 4, atEnd: false }, aRecord({ cases: [c] }));
    expect(r.met).toBe(false);
    expect(r.breakdown?.[0].message).toBe(`${c.clientCode}: missing GAD7 in sessions 1–4, GAD7 in sessions 5–8`);
  });
});

describe('sign-offs', () => {
  it('lists the cases still waiting for the supervisor', () => {
    const waiting = aCase({ reviewState: 'submitted', clientCode: 'C-WAIT' });
    const r = run(signOffs, { minCases: 2 }, aRecord({ cases: [aCase(), waiting] }));
    expect(r).toMatchObject({ met: false, reached: 1, message: expect.stringContaining('1 case awaiting sign-off (C-WAIT)') });
  });
});
