import { aCase, aRecord } from '../record-builder.fixture';
import { run } from '../spec-run.fixture';
import { practiceHours } from './practice-hours';

describe('practice hours from the case log', () => {
  it('turns attended session minutes of signed-off cases into hours (12 × 50 min = 10 h)', () => {
    const c = aCase({ clientCode: 'AB12' });
    const r = run(practiceHours, { minHours: 10 }, aRecord({ cases: [c] }));
    expect(r).toMatchObject({ met: true, reached: 10, unit: 'hours' });
    expect(r.message).toBe('10 of 10 h of practice (attended sessions of signed-off cases) over 12 sessions in 1 case');
    expect(r.evidence).toEqual([{ kind: 'case', id: c.id, note: 'AB12' }]);
    expect(r.breakdown).toEqual([{ id: c.id, met: true, message: 'AB12: 10 h over 12 sessions' }]);
  });
  it('adds the minutes before rounding: two cases of 4 × 50 min are 6.67 h, not 2 × 3.33', () => {
    const record = aRecord({ cases: [aCase({ sessionCount: 4 }), aCase({ sessionCount: 4 })] });
    expect(run(practiceHours, { minHours: 1 }, record).reached).toBe(6.67);
  });
  it('leaves out sessions the client did not attend', () => {
    const c = aCase({ sessionCount: 6 });
    c.sessions[0].attended = false;
    expect(run(practiceHours, { minHours: 5 }, aRecord({ cases: [c] }))).toMatchObject({ met: false, reached: 4.17 });
  });
  it('counts cases of any status by default, but only signed-off ones, and says why a case is left out', () => {
    const active = aCase({ status: 'active', sessionCount: 6 });
    const draft = aCase({ clientCode: 'DR01', reviewState: 'draft', sessionCount: 6 });
    const r = run(practiceHours, { minHours: 10 }, aRecord({ cases: [active, draft] }));
    expect(r).toMatchObject({ met: false, reached: 5 });
    expect(r.message).toContain('5 h more needed');
    expect(r.breakdown).toContainEqual({ id: draft.id, met: false, message: 'DR01: not counted, not signed off by the supervisor' });
  });
  it('can count unsigned cases too when the filter says so', () => {
    const draft = aCase({ reviewState: 'draft', sessionCount: 6 });
    expect(run(practiceHours, { minHours: 5, filter: { signedOffOnly: false } }, aRecord({ cases: [draft] })).met).toBe(true);
  });
  it('filters by case status, format and adaptation', () => {
    const record = aRecord({
      cases: [aCase({ status: 'completed' }), aCase({ status: 'dropped_out', format: 'group' }), aCase({ adaptation: 'adolescent' })],
    });
    expect(run(practiceHours, { minHours: 1, filter: { statuses: ['completed'] } }, record)).toMatchObject({ reached: 20 });
    expect(run(practiceHours, { minHours: 1, filter: { formats: ['group'] } }, record)).toMatchObject({ reached: 10 });
    expect(run(practiceHours, { minHours: 1, filter: { adaptations: ['adult'] } }, record)).toMatchObject({ reached: 20 });
  });
  it('filters by any case attribute (setting)', () => {
    const record = aRecord({ cases: [aCase({ setting: 'primary_care' }), aCase({ setting: 'inpatient', clientCode: 'IN01' })] });
    const r = run(practiceHours, { minHours: 20, filter: { where: [{ attribute: 'setting', anyOf: ['primary_care'] }] } }, record);
    expect(r).toMatchObject({ met: false, reached: 10 });
    expect(r.breakdown).toContainEqual(expect.objectContaining({ message: 'IN01: not counted, setting is inpatient' }));
  });
  it('counts only sessions in the window', () => {
    // sessions run from January to March 2025; as of 2026-06-30 a 16-month window starts in March 2025
    const r = run(practiceHours, { minHours: 1, withinMonths: 16 }, aRecord({ cases: [aCase()] }));
    expect(r.reached).toBe(round(4 * 50));
    expect(r.message).toContain('in the last 16 months');
  });
});

const round = (minutes: number) => Math.round((minutes / 60) * 100) / 100;
