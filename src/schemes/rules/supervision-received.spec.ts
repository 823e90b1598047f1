import type { SupervisionReceived } from '../person-record';
import { aRecord } from './record-builder.fixture';
import { run } from './spec-run.fixture';
import { supervisionReceived } from './supervision-received';

let n = 0;
const meeting = (over: Partial<SupervisionReceived> = {}): SupervisionReceived => ({
  meetingId: `m-${++n}`,
  date: '2026-03-01',
  supervisorId: 'sup-1',
  format: 'individual',
  minutes: 60,
  memberCount: 1,
  caseReviews: [],
  ...over,
});
const onCase = [{ caseId: 'case-1', minutes: null, reviewedSessionIds: [] }];

describe('supervision received across the record', () => {
  it('adds up supervision tied to a case and supervision tied to none', () => {
    const r = run(supervisionReceived, { minHours: 2 }, aRecord({ supervisionReceived: [meeting({ caseReviews: onCase }), meeting()] }));
    expect(r).toMatchObject({ met: true, reached: 2, unit: 'hours' });
    expect(r.message).toBe('2 of 2 h of supervision received over 2 meetings');
    expect(r.evidence.map((e) => e.note)).toEqual(['individual, 60 min on 2026-03-01', 'individual, 60 min on 2026-03-01']);
  });
  it('can count only supervision not tied to a case', () => {
    const r = run(
      supervisionReceived,
      { minHours: 2, caseLinked: false },
      aRecord({ supervisionReceived: [meeting({ caseReviews: onCase }), meeting()] }),
    );
    expect(r).toMatchObject({ met: false, reached: 1 });
    expect(r.message).toContain('(not tied to a case)');
    expect(r.message).toContain('1 h more needed');
  });
  it('credits group supervision with the scheme formula and filters by format', () => {
    const record = aRecord({ supervisionReceived: [meeting({ format: 'group', minutes: 120, memberCount: 4 }), meeting()] });
    expect(run(supervisionReceived, { minHours: 1, formats: ['group'] }, record)).toMatchObject({ reached: 1 }); // (120 ÷ 4) × 2
    expect(run(supervisionReceived, { minHours: 1, formats: ['individual'] }, record)).toMatchObject({ reached: 1 });
    expect(run(supervisionReceived, { minHours: 3 }, record)).toMatchObject({ reached: 2, met: false });
  });
  it('does not count meetings led by someone without the required level on the day', () => {
    const record = aRecord({
      supervisionReceived: [meeting({ date: '2025-01-10' }), meeting({ date: '2026-01-10' })],
      othersLevels: { 'sup-1': [{ schemeCode: 'TEST', bodyId: 'body-1', levelCode: 'SUPERVISOR', from: '2025-06-01', to: null }] },
    });
    const r = run(supervisionReceived, { minHours: 2, supervisorLevel: { levelCode: 'SUPERVISOR' } }, record);
    expect(r).toMatchObject({ met: false, reached: 1 });
    expect(r.message).toContain('1 meeting not counted: the supervisor did not hold SUPERVISOR on 2025-01-10');
  });
  it('counts only the window', () => {
    const record = aRecord({
      supervisionReceived: [meeting({ date: '2026-05-01' }), meeting({ date: '2023-05-01' }), meeting({ date: '2026-07-01' })],
    });
    expect(run(supervisionReceived, { minHours: 1, withinMonths: 12 }, record)).toMatchObject({ reached: 1, met: true });
  });
});

describe('group-size limit on supervision received', () => {
  const big = () => meeting({ format: 'group', minutes: 120, memberCount: 10 });
  const small = () => meeting({ format: 'group', minutes: 120, memberCount: 4 });
  it('counts a group above the limit as nothing', () => {
    const r = run(
      supervisionReceived,
      { minHours: 2, groupSizeLimit: { maxMembers: 8, fallback: 'none' } },
      aRecord({ supervisionReceived: [big(), small()] }),
    );
    expect(r).toMatchObject({ met: false, reached: 1 });
    expect(r.evidence).toHaveLength(1);
    expect(r.message).toContain('1 group meeting over 8 members counted as nothing');
  });
  it("counts a group above the limit as the body's fallback credit", () => {
    const r = run(
      supervisionReceived,
      { minHours: 1.5, groupSizeLimit: { maxMembers: 8, fallback: { creditMinutes: 30 } } },
      aRecord({ supervisionReceived: [big(), small()] }),
    );
    expect(r).toMatchObject({ met: true, reached: 1.5 });
    expect(r.evidence[0].note).toBe('group, 120 min on 2026-03-01, 30 min credited');
  });
  it('leaves individual supervision alone', () => {
    const r = run(
      supervisionReceived,
      { minHours: 1, groupSizeLimit: { maxMembers: 1, fallback: 'none' } },
      aRecord({ supervisionReceived: [meeting()] }),
    );
    expect(r.met).toBe(true);
  });
});
