import { cpd, learningHours, supervisionGiven, teachingGiven } from './learning';
import type { ActivityRecord } from '../person-record';
import { anActivity, aRecord } from './record-builder.fixture';
import { run } from './spec-run.fixture';

const activity = (over: Partial<ActivityRecord>) => anActivity(over);

describe('learning hours', () => {
  it('meets 16 h of introductory training from two verified 8-hour days', () => {
    const r = run(learningHours, { kinds: ['didactic_course'], minHours: 16 }, aRecord({ activities: [activity({}), activity({})] }));
    expect(r).toMatchObject({ met: true, reached: 16, required: 16 });
    expect(r.evidence).toHaveLength(2);
  });
  it('names each counted activity in words for the person reading the evidence', () => {
    const r = run(
      learningHours,
      { kinds: ['didactic_course'], minHours: 8 },
      aRecord({ activities: [activity({ hours: 8, date: '2026-03-01' })] }),
    );
    expect(r.evidence[0].note).toBe('didactic course, 8 h on 2026-03-01');
  });
  it('says how many hours are missing and how many await verification', () => {
    const r = run(
      learningHours,
      { kinds: ['didactic_course'], minHours: 16 },
      aRecord({ activities: [activity({}), activity({ verified: false })] }),
    );
    expect(r.met).toBe(false);
    expect(r.message).toContain('8 h more needed (8 h await verification)');
  });
  it('only counts training from a trainer who held the required level on the day', () => {
    const record = aRecord({
      activities: [activity({ date: '2026-03-01' }), activity({ date: '2024-03-01' })],
      othersLevels: { 'trainer-1': [{ schemeCode: 'TEST', bodyId: 'body-1', levelCode: 'TRAINER', from: '2025-01-01', to: null }] },
    });
    const r = run(learningHours, { kinds: ['didactic_course'], minHours: 16, trainerLevel: { levelCode: 'TRAINER' } }, record);
    expect(r).toMatchObject({ met: false, reached: 8 });
  });
  it('ignores other kinds of activity', () => {
    expect(run(learningHours, { kinds: ['booster'], minHours: 8 }, aRecord({ activities: [activity({})] })).met).toBe(false);
  });
});

describe('CPD in a window', () => {
  it('counts only the renewal window', () => {
    const record = aRecord({
      activities: [activity({ kind: 'cpd', hours: 5, date: '2026-05-01' }), activity({ kind: 'cpd', hours: 5, date: '2024-05-01' })],
    });
    expect(run(cpd, { withinMonths: 12, minHours: 10 }, record)).toMatchObject({ met: false, reached: 5 });
    expect(run(cpd, { withinMonths: 36, minHours: 10 }, record)).toMatchObject({ met: true, reached: 10 });
  });
  it('can ask for a number of items instead of hours', () => {
    const record = aRecord({ activities: [activity({ kind: 'cpd', hours: 1 })] });
    expect(run(cpd, { withinMonths: 12, minCount: 2 }, record)).toMatchObject({
      met: false,
      message: expect.stringContaining('1 more item needed'),
    });
  });
});

describe('teaching given', () => {
  it('adds up the hours this person led as trainer', () => {
    const record = aRecord({
      teaching: [
        { id: 't1', kind: 'didactic_course', hours: 60, date: '2025-01-01' },
        { id: 't2', kind: 'workshop', hours: 40, date: '2026-01-01' },
      ],
    });
    expect(run(teachingGiven, { minHours: 100 }, record).met).toBe(true);
    expect(run(teachingGiven, { minHours: 100, kinds: ['workshop'] }, record)).toMatchObject({
      met: false,
      message: expect.stringContaining('60 h more needed'),
    });
  });
});

describe('supervision given', () => {
  const meeting = (trainees: string[], minutes = 600) => ({ id: `m-${Math.random()}`, date: '2026-01-10', minutes, traineeIds: trainees });
  it('needs both the hours and the number of different supervisees', () => {
    const record = aRecord({ supervisionGiven: [meeting(['a', 'b'], 3000), meeting(['c'], 1800)] });
    const r = run(supervisionGiven, { minHours: 80, minDistinctSupervisees: 4 }, record);
    expect(r).toMatchObject({ met: false, reached: 80 });
    expect(r.message).toContain('3 of 4 different clinicians');
    expect(r.message).toContain('1 more supervisee needed');
  });
  it('is met at 80 hours with four supervisees', () => {
    const record = aRecord({ supervisionGiven: [meeting(['a', 'b'], 3000), meeting(['c', 'd'], 1800)] });
    expect(run(supervisionGiven, { minHours: 80, minDistinctSupervisees: 4 }, record).met).toBe(true);
  });
});
