import { aCase, aRecord, supervision } from '../record-builder.fixture';
import { run } from '../spec-run.fixture';
import { caseSupervision } from './case-supervision';

describe('case supervision with a group-size limit', () => {
  const c = aCase({ clientCode: 'AB12' });
  const big = supervision(c, { format: 'group', minutes: 120, memberCount: 10 });
  const small = supervision(c, { format: 'group', minutes: 120, memberCount: 4 });
  it('counts a group above the limit as nothing: neither minutes nor a supervised session', () => {
    const r = run(
      caseSupervision,
      { minCases: 1, minMinutesPerCase: 120, groupSizeLimit: { maxMembers: 8, fallback: 'none' } },
      aRecord({ cases: [c], supervisionReceived: [big, small] }),
    );
    expect(r.met).toBe(false);
    expect(r.breakdown?.[0].message).toBe(
      'AB12: 60 min credited over 1 meeting; 60 of 120 min of supervision; 1 group meeting over 8 members counted as nothing',
    );
  });
  it('counts a group above the limit as the fallback credit', () => {
    const r = run(
      caseSupervision,
      { minCases: 1, minMinutesPerCase: 90, groupSizeLimit: { maxMembers: 8, fallback: { creditMinutes: 30 } } },
      aRecord({ cases: [c], supervisionReceived: [big, small] }),
    );
    expect(r.met).toBe(true);
    expect(r.breakdown?.[0].message).toContain('90 min credited over 2 meetings');
  });
  it('without a limit, the big group counts with the formula as before', () => {
    const r = run(caseSupervision, { minCases: 1, minMinutesPerCase: 84 }, aRecord({ cases: [c], supervisionReceived: [big, small] }));
    expect(r.breakdown?.[0].message).toContain('84 min credited over 2 meetings'); // (120 ÷ 10) × 2 + (120 ÷ 4) × 2
  });
});
