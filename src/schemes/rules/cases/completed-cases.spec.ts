import { aCase, aRecord } from '../record-builder.fixture';
import { run } from '../spec-run.fixture';
import { completedCases } from './completed-cases';

describe('completed cases', () => {
  it('counts 3 of 4 and asks for one more case in a second problem area', () => {
    const cases = [aCase(), aCase(), aCase()];
    const r = run(completedCases, { minCount: 4, distinctProblemAreas: 2 }, aRecord({ cases }));
    expect(r).toMatchObject({ met: false, reached: 3, required: 4 });
    expect(r.message).toContain(
      '3 of 4 completed, signed-off cases in 1 of 2 problem areas; 1 more case needed, one in a second problem area',
    );
    expect(r.evidence.map((e) => e.id)).toEqual(cases.map((c) => c.id));
  });
  it('does not count a case that is not signed off, and says why', () => {
    const draft = aCase({ reviewState: 'submitted' });
    const r = run(completedCases, { minCount: 1 }, aRecord({ cases: [draft] }));
    expect(r.met).toBe(false);
    expect(r.breakdown).toEqual([
      { id: draft.id, met: false, message: `${draft.clientCode}: not counted, not signed off by the supervisor` },
    ]);
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
    const r = run(
      completedCases,
      { minCount: 1, phaseCoverage: { phases: ['initial', 'middle', 'termination'] } },
      aRecord({ cases: [short] }),
    );
    expect(r).toMatchObject({ met: false, message: expect.stringContaining('no sessions in the middle, termination phases yet') });
    expect(
      run(completedCases, { minCount: 1, phaseCoverage: { phases: ['initial', 'middle', 'termination'] } }, aRecord({ cases: [aCase()] }))
        .met,
    ).toBe(true);
  });
  it('filters by minimum sessions, format and adaptation', () => {
    const cases = [aCase({ sessionCount: 6 }), aCase({ format: 'group' }), aCase({ adaptation: 'adolescent' })];
    expect(
      run(completedCases, { minCount: 1, filter: { minSessions: 8, formats: ['individual'], adaptations: ['adult'] } }, aRecord({ cases }))
        .reached,
    ).toBe(0);
    expect(run(completedCases, { minCount: 1, filter: { adaptations: ['adolescent'] } }, aRecord({ cases })).reached).toBe(1);
  });
});
