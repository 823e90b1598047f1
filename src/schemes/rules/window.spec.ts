import { caseRecordings } from './cases/case-recordings';
import { caseSupervision } from './cases/case-supervision';
import { completedCases } from './cases/completed-cases';
import { outcomeMeasures } from './cases/outcome-measures';
import { signOffs } from './cases/sign-offs';
import { aCase, aRecord, CTX, supervision } from './record-builder.fixture';
import { run } from './spec-run.fixture';

// Windows relative to an event, shared by every case-counting rule (rules/common.ts windowBounds / inWindow).
const levelB = { schemeCode: 'TEST', bodyId: 'body-1', levelCode: 'B', from: '2025-06-01', to: null };
const before = () => aCase({ startDate: '2025-01-06', endDate: '2025-04-30' });
const after = () => aCase({ startDate: '2025-07-01', endDate: '2025-10-30' });

describe('windows relative to an event', () => {
  it('counts two more cases since level B was awarded, naming the earlier case as not counted', () => {
    const old = before();
    const cases = [old, after(), after()];
    const r = run(
      completedCases,
      { minCount: 2, window: { since: { levelAwarded: { levelCode: 'B' } } } },
      aRecord({ cases, levels: [levelB] }),
    );
    expect(r).toMatchObject({ met: true, reached: 2 });
    expect(r.message).toBe('2 of 2 completed, signed-off cases since B was awarded on 2025-06-01');
    expect(r.breakdown).toEqual([
      { id: old.id, met: false, message: `${old.clientCode}: not counted, completed on 2025-04-30, not after the award on 2025-06-01` },
    ]);
  });

  it('counts nothing since a level that was never awarded, and says so', () => {
    const r = run(completedCases, { minCount: 1, window: { since: { levelAwarded: { levelCode: 'B' } } } }, aRecord({ cases: [after()] }));
    expect(r).toMatchObject({ met: false, reached: 0 });
    expect(r.message).toContain('since B was awarded (not awarded yet)');
  });

  it('counts cases within 24 months before the application, not the evaluation date', () => {
    const old = aCase({ startDate: '2023-01-02', endDate: '2023-05-01' });
    const recent = aCase({ startDate: '2024-11-04', endDate: '2025-03-01' });
    const late = aCase({ startDate: '2026-01-05', endDate: '2026-05-01' });
    const record = aRecord({ cases: [old, recent, late] });
    const params = { minCount: 1, window: { monthsBeforeApplication: 24 } };
    const atApplication = run(completedCases, params, record, { ...CTX, applicationDate: '2025-06-01' });
    expect(atApplication.evidence.map((e) => e.id)).toEqual([recent.id]);
    expect(atApplication.message).toContain('in the 24 months before the application');
    expect(atApplication.breakdown?.map((b) => b.message)).toEqual([
      `${old.clientCode}: not counted, completed on 2023-05-01, before the window (in the 24 months before the application)`,
      `${late.clientCode}: not counted, completed on 2026-05-01, after 2025-06-01`,
    ]);
    // outside an application the window counts back from the evaluation date
    expect(run(completedCases, params, record).evidence.map((e) => e.id)).toEqual([recent.id, late.id]);
  });

  it('applies the same window to per-case rules and sign-offs', () => {
    const cases = [before(), after()];
    const record = aRecord({ cases, levels: [levelB] });
    const window = { since: { levelAwarded: { levelCode: 'B' } } };
    const measures = run(outcomeMeasures, { minCases: 2, instruments: ['PHQ9'], baseline: false, atEnd: false, window }, record);
    expect(measures).toMatchObject({ met: false, reached: 1 });
    expect(measures.breakdown?.[1].message).toBe(
      `${cases[0].clientCode}: not counted, completed on 2025-04-30, not after the award on 2025-06-01`,
    );
    expect(run(signOffs, { minCases: 1, window }, record)).toMatchObject({ met: true, reached: 1 });
    expect(run(signOffs, { minCases: 2, window }, record).message).toBe(
      '1 of 2 cases since B was awarded on 2025-06-01 signed off by the supervisor',
    );
  });

  it('holds cases since level B to 75 % supervised and earlier cases to their own 50 % (per-subset thresholds)', () => {
    const old = aCase({ sessionCount: 12, startDate: '2025-01-06', endDate: '2025-04-30' });
    const recent = aCase({ sessionCount: 12, startDate: '2025-07-01', endDate: '2025-10-30' });
    const meetings = [...Array.from({ length: 6 }, () => supervision(old)), ...Array.from({ length: 9 }, () => supervision(recent))];
    const params = {
      minCases: 1,
      minShareOfSessionsSupervised: 0.75,
      window: { since: { levelAwarded: { levelCode: 'B' } }, earlier: { minCases: 1, params: { minShareOfSessionsSupervised: 0.5 } } },
    };
    const r = run(caseSupervision, params, aRecord({ cases: [old, recent], supervisionReceived: meetings, levels: [levelB] }));
    expect(r).toMatchObject({ met: true, reached: 2, required: 2 });
    expect(r.breakdown?.map((b) => b.message)).toEqual([
      `${recent.clientCode}: 540 min credited over 9 meetings; 9 of 12 sessions supervised (75 %); 75 % needed = 9`,
      `${old.clientCode}: earlier case, 360 min credited over 6 meetings; 6 of 12 sessions supervised (50 %); 50 % needed = 6`,
    ]);
    // without its own share the earlier case would be held to 75 % and fail
    const strict = run(
      caseSupervision,
      { ...params, window: { ...params.window, earlier: { minCases: 1 } } },
      aRecord({ cases: [old, recent], supervisionReceived: meetings, levels: [levelB] }),
    );
    expect(strict).toMatchObject({ met: false, reached: 1 });
    expect(strict.message).toContain('0 of 1 earlier cases meet their own requirement; 1 more earlier case needed');
  });

  it('counts a case rated after the award for a recordings rule with a window', () => {
    const c = after();
    const r = run(
      caseRecordings,
      { minCases: 1, minRatedPerCase: 1, window: { since: { levelAwarded: { levelCode: 'B' } } } },
      aRecord({ cases: [c], levels: [levelB] }),
    );
    expect(r.breakdown?.[0].message).toBe(`${c.clientCode}: not rated yet`);
  });
});
