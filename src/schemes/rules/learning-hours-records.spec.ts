import type { ActivityRecord } from '../person-record';
import { learningHours } from './learning';
import { anActivity, aRecord } from './record-builder.fixture';
import { run } from './spec-run.fixture';

const levels = (code: string, from = '2020-01-01') => [{ schemeCode: 'TEST', bodyId: 'body-1', levelCode: code, from, to: null }];
const rec = (...activities: Partial<ActivityRecord>[]) => aRecord({ activities: activities.map(anActivity) });

describe('learning hours by delivery mode', () => {
  it('counts only online hours when the rule asks for online delivery', () => {
    const record = rec({ delivery: 'online', hours: 6 }, { delivery: 'in_person', hours: 10 });
    const r = run(learningHours, { kinds: ['didactic_course'], minHours: 8, delivery: ['online'] }, record);
    expect(r).toMatchObject({ met: false, reached: 6 });
    expect(r.message).toBe('6 of 8 h of didactic course (verified, online); 2 h more needed');
  });
});

describe('learning hours with a cap', () => {
  it('counts at most 10 online hours toward 20 h, the oldest online hours first', () => {
    const record = rec(
      { id: 'online-1', delivery: 'online', hours: 8, date: '2026-01-01' },
      { id: 'online-2', delivery: 'online', hours: 8, date: '2026-02-01' },
      { id: 'room', delivery: 'in_person', hours: 8, date: '2026-03-01' },
    );
    const r = run(learningHours, { kinds: ['didactic_course'], minHours: 20, caps: [{ delivery: 'online', maxHours: 10 }] }, record);
    expect(r).toMatchObject({ met: false, reached: 18 });
    expect(r.message).toContain('6 h of online over the cap of 10 h not counted');
    expect(r.evidence.find((e) => e.id === 'online-2')?.note).toBe('didactic course, 8 h on 2026-02-01 (2 h counted under a cap)');
  });
  it('caps a kind of activity, and a zero cap leaves that kind out of the evidence', () => {
    const record = rec({ id: 'w', kind: 'workshop', hours: 6 }, { id: 'c', kind: 'didactic_course', hours: 8 });
    const r = run(
      learningHours,
      { kinds: ['didactic_course', 'workshop'], minHours: 8, caps: [{ kind: 'workshop', maxHours: 0 }] },
      record,
    );
    expect(r).toMatchObject({ met: true, reached: 8 });
    expect(r.evidence.map((e) => e.id)).toEqual(['c']);
  });
});

describe('learning hours by trainer recognition', () => {
  it('counts training from a trainer holding any one of the recognised levels on the day', () => {
    const record = aRecord({
      activities: [anActivity({ trainerId: 'tr-a' }), anActivity({ trainerId: 'tr-b' }), anActivity({ trainerId: 'tr-c' })],
      othersLevels: { 'tr-a': levels('TRAINER'), 'tr-b': levels('SUPERVISOR'), 'tr-c': levels('PRACTITIONER') },
    });
    const r = run(
      learningHours,
      { kinds: ['didactic_course'], minHours: 24, trainerLevels: [{ levelCode: 'TRAINER' }, { levelCode: 'SUPERVISOR' }] },
      record,
    );
    expect(r).toMatchObject({ met: false, reached: 16 });
    expect(r.message).toContain('from a TRAINER or SUPERVISOR trainer');
  });
});

describe('learning hours with both trainerLevel and trainerLevels', () => {
  it('counts a trainer holding any one of the levels named in either', () => {
    const record = aRecord({
      activities: [anActivity({ trainerId: 'tr-a' }), anActivity({ trainerId: 'tr-b' })],
      othersLevels: { 'tr-a': levels('TRAINER'), 'tr-b': levels('SUPERVISOR') },
    });
    const r = run(
      learningHours,
      { kinds: ['didactic_course'], minHours: 16, trainerLevel: { levelCode: 'TRAINER' }, trainerLevels: [{ levelCode: 'SUPERVISOR' }] },
      record,
    );
    expect(r).toMatchObject({ met: true, reached: 16 });
  });
});

describe('learning hours filtered on a recorded attribute', () => {
  it('counts only the courses of a named provider, whatever the letter case', () => {
    const record = rec({ provider: 'IPT Institute' }, { provider: 'Other Academy' });
    const r = run(
      learningHours,
      { kinds: ['didactic_course'], minHours: 8, where: [{ attribute: 'provider', anyOf: ['ipt institute'] }] },
      record,
    );
    expect(r).toMatchObject({ met: true, reached: 8 });
    expect(r.message).toContain('provider ipt institute');
  });
  it('leaves out what a noneOf condition names', () => {
    const record = rec({ title: 'Booster day' }, { title: 'IPT foundations' });
    const r = run(
      learningHours,
      { kinds: ['didactic_course'], minHours: 16, where: [{ attribute: 'title', noneOf: ['Booster day'] }] },
      record,
    );
    expect(r).toMatchObject({ met: false, reached: 8 });
  });
});

describe('learning hours with several totals', () => {
  const record = rec(
    { delivery: 'in_person', hours: 150, kind: 'didactic_course' },
    { delivery: 'online', hours: 200, kind: 'didactic_course' },
    { delivery: 'in_person', hours: 100, kind: 'workshop' },
  );
  const params = (taught: number) => ({
    kinds: ['didactic_course', 'workshop'],
    minHours: 450,
    totals: [{ label: 'taught in person', minHours: taught, filter: { delivery: ['in_person'] } }],
  });
  it('is met when 450 h in all and 200 h of it taught in person are reached', () => {
    const r = run(learningHours, params(200), record);
    expect(r).toMatchObject({ met: true, reached: 450 });
    expect(r.message).toBe('450 of 450 h of didactic course / workshop (verified); taught in person: 250 of 200 h');
  });
  it('is not met when the overall total is reached but a partial total is not, naming the figures', () => {
    const r = run(learningHours, params(300), record);
    expect(r).toMatchObject({ met: false, reached: 450, required: 450 });
    expect(r.message).toContain('taught in person: 250 of 300 h (50 h more needed)');
  });
  it('applies the caps before the totals', () => {
    const r = run(learningHours, { ...params(100), caps: [{ delivery: 'online', maxHours: 100 }] }, record);
    expect(r).toMatchObject({ met: false, reached: 350 });
    expect(r.message).toContain('100 h of online over the cap of 100 h not counted');
  });
});
