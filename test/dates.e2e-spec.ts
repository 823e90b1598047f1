import { jest } from '@jest/globals';
import { addDays, latestToday, todayUtc } from '../src/common/dates';
import { API, caseBody, makeCase, session, team } from './cases-fixtures';
import { countRows } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

// Issue 11: a date a person types is "in the future" only once it is after today in every time zone. The
// service's clock is set to 20:00 UTC (only Date is faked, and it keeps ticking), when it is already tomorrow
// in Auckland (UTC+12/13) and Kiribati (UTC+14): "today at UTC+14" is then a different date from UTC's today,
// which the old rule (UTC today) refused for cases, sessions and measures.
const real = new Date();
const NOW = new Date(Date.UTC(real.getUTCFullYear(), real.getUTCMonth(), real.getUTCDate(), 20, 0, 0));
const KIRIBATI_TODAY = latestToday(NOW);
const NOWHERE_YET = addDays(KIRIBATI_TODAY, 1);

let t: TestApp;
beforeAll(async () => {
  jest.useFakeTimers({
    now: NOW,
    advanceTimers: true,
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
    ],
  });
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
  jest.useRealTimers();
});

describe('a date typed by a person, at 20:00 UTC', () => {
  it('the clock is where the scenario needs it: UTC+14 is already on the next date', () => {
    expect(todayUtc(new Date())).toBe(todayUtc(NOW));
    expect(KIRIBATI_TODAY).toBe(addDays(todayUtc(NOW), 1));
  });

  it('auckland-trainee-logs-this-mornings-session-while-utc-is-still-yesterday', async () => {
    const tm = await team(t);
    const c = await makeCase(t, tm);
    const ok = await t
      .http()
      .post(`${API}/cases/${c.id}/sessions`)
      .set(tm.trainee.auth)
      .set('If-Match', `"${c.version}"`)
      .send(session(1, KIRIBATI_TODAY))
      .expect(201);
    expect(ok.body.sessions).toEqual([expect.objectContaining({ number: 1, date: KIRIBATI_TODAY })]);

    const before = { s: await countRows(t, 'therapy_sessions'), a: await countRows(t, 'audit_log') };
    const refused = await t
      .http()
      .post(`${API}/cases/${c.id}/sessions`)
      .set(tm.trainee.auth)
      .set('If-Match', `"${ok.body.version}"`)
      .send(session(2, NOWHERE_YET))
      .expect(400);
    expect(refused.body).toMatchObject({ code: 'INCONSISTENT_SESSIONS', details: { date: ['session 2 is in the future'] } });
    expect({ s: await countRows(t, 'therapy_sessions'), a: await countRows(t, 'audit_log') }).toEqual(before);
  });

  it('a-case-started-and-closed-on-the-trainees-today-at-utc-plus-14-is-accepted', async () => {
    const tm = await team(t);
    const created = await t
      .http()
      .post(`${API}/cases`)
      .set(tm.trainee.auth)
      .send(caseBody(tm.supervisor.id, { startDate: KIRIBATI_TODAY }))
      .expect(201);
    expect(created.body.startDate).toBe(KIRIBATI_TODAY);

    const c = await makeCase(t, tm);
    const closed = await t
      .http()
      .patch(`${API}/cases/${c.id}`)
      .set(tm.trainee.auth)
      .set('If-Match', `"${c.version}"`)
      .send({ status: 'completed', endDate: KIRIBATI_TODAY })
      .expect(200);
    expect(closed.body).toMatchObject({ status: 'completed', endDate: KIRIBATI_TODAY, version: c.version + 1 });

    const other = await makeCase(t, tm);
    const refused = await t
      .http()
      .patch(`${API}/cases/${other.id}`)
      .set(tm.trainee.auth)
      .set('If-Match', `"${other.version}"`)
      .send({ status: 'completed', endDate: NOWHERE_YET })
      .expect(400);
    expect(refused.body).toMatchObject({ code: 'VALIDATION_FAILED', details: { endDate: ['a closed case cannot end in the future'] } });
    const after = await t.http().get(`${API}/cases/${other.id}`).set(tm.trainee.auth).expect(200);
    expect(after.body).toMatchObject({ status: 'active', endDate: null, version: other.version });
  });

  it('an-outcome-measure-administered-this-morning-in-auckland-is-accepted', async () => {
    const tm = await team(t);
    const c = await makeCase(t, tm);
    const m = await t
      .http()
      .post(`${API}/cases/${c.id}/measures`)
      .set(tm.trainee.auth)
      .set('If-Match', `"${c.version}"`)
      .send({ instrument: 'GAD7', administeredOn: KIRIBATI_TODAY, total: 4 })
      .expect(201);
    expect(m.body).toMatchObject({ administeredOn: KIRIBATI_TODAY, caseVersion: c.version + 1 });
    const refused = await t
      .http()
      .post(`${API}/cases/${c.id}/measures`)
      .set(tm.trainee.auth)
      .set('If-Match', `"${c.version + 1}"`)
      .send({ instrument: 'GAD7', administeredOn: NOWHERE_YET, total: 4 })
      .expect(400);
    expect(refused.body.details).toEqual({ administeredOn: ['administeredOn must not be in the future'] });
  });
});
