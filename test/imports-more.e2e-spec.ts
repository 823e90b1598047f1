import { Role } from '../src/common/roles';
import { API, daysAgo, makeCase, supervise, team, type Team } from './cases-fixtures';
import { csv, upload } from './imports-fixtures';
import { makeUser, type TestUser } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

interface Body extends Team {
  admin: TestUser;
  supervisorEmail: string;
  traineeEmail: string;
}
async function body(): Promise<Body> {
  const tm = await team(t);
  // the supervision began a year ago, so meetings of the last months fall within it
  await t.db.query(`UPDATE supervision_relationships SET started_on = $2 WHERE trainee_id = $1`, [tm.trainee.id, daysAgo(365)]);
  const admin = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: tm.bodyId }]);
  const [s] = await t.db.query(`SELECT email FROM users WHERE id = $1`, [tm.supervisor.id]);
  const [u] = await t.db.query(`SELECT email FROM users WHERE id = $1`, [tm.trainee.id]);
  return { ...tm, admin, supervisorEmail: s.email, traineeEmail: u.email };
}

async function caseWithCode(tm: Team): Promise<{ id: string; code: string }> {
  const c = await makeCase(t, tm);
  const [row] = await t.db.query(`SELECT client_code FROM supervised_cases WHERE id = $1`, [c.id]);
  return { id: c.id, code: row.client_code };
}

const MEASURE_HEADER = ['client_code', 'instrument', 'session', 'administered_on', 'scores', 'total'];
const MEETING_HEADER = ['date', 'supervisor_email', 'format', 'minutes', 'co_trainee_emails', 'cases_reviewed'];
const errorsOf = (res: { body: { rows: { row: number; action: string; errors: { field: string }[] }[] } }) =>
  res.body.rows.filter((r) => r.action === 'error').map((r) => [r.row, r.errors.map((e) => e.field).sort()]);

describe('outcome-measure import', () => {
  it('dry run names the bad rows by number; commit scores as the API does; a second import creates nothing', async () => {
    const tm = await body();
    const c = await caseWithCode(tm);
    const url = `/trainees/${tm.trainee.id}/imports/measures`;
    const bad = csv([
      MEASURE_HEADER,
      [c.code, 'PHQ9', 'intake', daysAgo(50), '2;1;3;1;0;2;1;1;0', ''], // row 2: fine
      [c.code, 'PHQ9', '4', daysAgo(30), '2;1;3;1;0;2;1;1', ''], // row 3: eight items
      [c.code, 'PHQ9', '6', '05/03/2024', '1;1;1;1;1;1;1;1;0', ''], // row 4: ambiguous date
      [c.code, 'GAD7', '', daysAgo(20), '4;0;0;0;0;0;0', ''], // row 5: item 1 above 3
      [c.code, 'NOPE', 'intake', daysAgo(20), '', '5'], // row 6: no such instrument
      [c.code, 'PHQ9', '8', daysAgo(10), '=SUM(1;2)', ''], // row 7: a formula
      [c.code, 'PHQ9', '9', '2999-01-01', '', '7'], // row 8: in the future
      ['ZZZZ-9', 'PHQ9', 'intake', daysAgo(10), '', '7'], // row 9: not a case of the record
      [c.code, 'PHQ9', 'first', daysAgo(10), '', '7'], // row 10: session neither intake nor a number
    ]);
    const dry = await upload(t, url, tm.trainee, bad).expect(200);
    expect(dry.body.counts).toMatchObject({ rows: 9, create: 1, error: 8 });
    expect(errorsOf(dry)).toEqual([
      [3, ['scores']],
      [4, ['administered_on']],
      [5, ['scores']],
      [6, ['instrument']],
      [7, ['scores']],
      [8, ['administered_on']],
      [9, ['client_code']],
      [10, ['session']],
    ]);
    // the formula is neither run nor echoed back as one
    expect(JSON.stringify(dry.body)).not.toContain('"=SUM');
    await upload(t, `${url}?mode=commit`, tm.trainee, bad).expect(422);
    expect(await t.db.query(`SELECT 1 FROM outcome_measures WHERE case_id = $1`, [c.id])).toHaveLength(0);

    const good = csv([
      MEASURE_HEADER,
      [c.code, 'PHQ9', 'intake', daysAgo(50), '2;1;3;1;0;2;1;1;0', ''],
      [
        c.code,
        'phq9',
        '4',
        new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10).split('-').reverse().join('.'),
        '1 1 1 1 0 1 1 0 1',
        '',
      ],
      [c.code, 'GAD7', '', daysAgo(20), '', '9'],
    ]);
    const done = await upload(t, `${url}?mode=commit`, tm.trainee, good).expect(200);
    expect(done.body).toMatchObject({ committed: true, counts: { create: 3, error: 0 } });
    const list = await t.http().get(`${API}/cases/${c.id}/measures`).set(tm.trainee.auth).expect(200);
    const phq = list.body.items.filter((m: { instrument: string }) => m.instrument === 'PHQ9');
    expect(phq.map((m: { total: number; sessionNumber: number }) => [m.sessionNumber, m.total]).sort()).toEqual([
      [0, 11],
      [4, 7],
    ]);
    // item 9 raised: the case is flagged for the supervisor, as through the API
    expect(list.body.riskFlaggedAt).not.toBeNull();
    const again = await upload(t, `${url}?mode=commit`, tm.trainee, good).expect(200);
    expect(again.body.counts).toMatchObject({ create: 0, match: 3 });
    expect(await t.db.query(`SELECT 1 FROM outcome_measures WHERE case_id = $1`, [c.id])).toHaveLength(3);
  });

  it("a body admin imports measures into a trainee's case; the audit names the admin and the body", async () => {
    const tm = await body();
    const c = await caseWithCode(tm);
    const file = csv([MEASURE_HEADER, [c.code, 'GAD7', 'intake', daysAgo(40), '1;1;1;1;1;1;1', '']]);
    const res = await upload(t, `/trainees/${tm.trainee.id}/imports/measures?mode=commit`, tm.admin, file).expect(200);
    expect(res.body.counts).toMatchObject({ create: 1 });
    const [m] = await t.db.query(`SELECT total, severity, session_number FROM outcome_measures WHERE case_id = $1`, [c.id]);
    expect(m).toMatchObject({ total: 7, session_number: 0 });
    const audit = await t.db.query(`SELECT actor_id, body_id FROM audit_log WHERE action = 'import.measures' AND entity_id = $1`, [
      tm.trainee.id,
    ]);
    expect(audit).toEqual([{ actor_id: tm.admin.id, body_id: tm.bodyId }]);
  });

  it('serves the template with its columns', async () => {
    const tm = await body();
    const res = await t.http().get(`${API}/imports/templates/measures`).set(tm.trainee.auth).expect(200);
    expect(res.text.split('\n')[0].trim()).toBe(MEASURE_HEADER.join(','));
  });
});

describe('supervision-meeting import', () => {
  it('a body admin imports meetings for a trainee: row errors, commit, no duplicates on a second import', async () => {
    const tm = await body();
    const c = await caseWithCode(tm);
    const co = await makeUser(t, [{ role: Role.Trainee, bodyId: tm.bodyId }]);
    await supervise(t, co.id, tm.supervisor.id, tm.bodyId);
    await t.db.query(`UPDATE supervision_relationships SET started_on = $2 WHERE trainee_id = $1`, [co.id, daysAgo(365)]);
    const [coUser] = await t.db.query(`SELECT email FROM users WHERE id = $1`, [co.id]);
    const url = `/trainees/${tm.trainee.id}/imports/supervision`;
    const bad = csv([
      MEETING_HEADER,
      [daysAgo(40), tm.supervisorEmail, 'individual', 60, '', c.code], // row 2: fine
      [daysAgo(30), tm.supervisorEmail, 'individual', 60, coUser.email, ''], // row 3: individual with two
      [daysAgo(25), 'nobody@example.org', 'group', 90, '', ''], // row 4: no such supervisor
      ['31.02.2025', tm.supervisorEmail, 'group', 90, coUser.email, ''], // row 5: not on the calendar
      [daysAgo(500), tm.supervisorEmail, 'individual', 60, '', ''], // row 6: before the supervision began
      [daysAgo(20), tm.supervisorEmail, 'individual', 900, '', ''], // row 7: too long
      [daysAgo(20), tm.supervisorEmail, 'individual', 60, '', 'QQQQ-1'], // row 8: not a case of the record
      [daysAgo(20), '@evil', 'individual', 60, '', ''], // row 9: a formula
    ]);
    const dry = await upload(t, url, tm.admin, bad).expect(200);
    expect(dry.body.counts).toMatchObject({ rows: 8, create: 1, error: 7 });
    expect(errorsOf(dry)).toEqual([
      [3, ['co_trainee_emails']],
      [4, ['supervisor_email']],
      [5, ['date']],
      [6, ['supervisor_email']],
      [7, ['minutes']],
      [8, ['cases_reviewed']],
      [9, ['supervisor_email']],
    ]);
    expect(JSON.stringify(dry.body)).not.toContain('"@evil');
    await upload(t, `${url}?mode=commit`, tm.admin, bad).expect(422);

    const good = csv([
      MEETING_HEADER,
      [daysAgo(40), tm.supervisorEmail, 'individual', 60, '', c.code],
      [daysAgo(30), tm.supervisorEmail.toUpperCase(), 'group', 90, coUser.email, ''],
      [daysAgo(40), tm.supervisorEmail, 'individual', 60, '', ''], // the same meeting as row 2
    ]);
    const done = await upload(t, `${url}?mode=commit`, tm.admin, good).expect(200);
    expect(done.body.counts).toMatchObject({ create: 2, skip: 1, error: 0 });
    const sessions = await t.db.query(
      `SELECT s.format::text AS format, s.created_by, s.supervisor_id, s.body_id,
              (SELECT count(*)::int FROM supervision_participants p WHERE p.session_id = s.id) AS people,
              (SELECT count(*)::int FROM supervision_case_reviews r WHERE r.session_id = s.id) AS cases
         FROM supervision_sessions s JOIN supervision_participants p ON p.session_id = s.id
        WHERE p.trainee_id = $1 ORDER BY s.date`,
      [tm.trainee.id],
    );
    expect(sessions).toEqual([
      { format: 'individual', created_by: tm.admin.id, supervisor_id: tm.supervisor.id, body_id: tm.bodyId, people: 1, cases: 1 },
      { format: 'group', created_by: tm.admin.id, supervisor_id: tm.supervisor.id, body_id: tm.bodyId, people: 2, cases: 0 },
    ]);
    // the trainee's supervision summary counts them as logged meetings
    const summary = await t.http().get(`${API}/trainees/${tm.trainee.id}/supervision`).set(tm.trainee.auth).expect(200);
    expect(summary.body.totals).toMatchObject({ sessionCount: 2, individualSessions: 1, groupSessions: 1, individualMinutes: 60 });
    const again = await upload(t, `${url}?mode=commit`, tm.admin, good).expect(200);
    expect(again.body.counts).toMatchObject({ create: 0, match: 3, skip: 0 });
  });

  it('the trainee may not import their own meetings (403); an admin of another body gets 404', async () => {
    const tm = await body();
    const other = await body();
    const file = csv([MEETING_HEADER, [daysAgo(40), tm.supervisorEmail, 'individual', 60, '', '']]);
    await upload(t, `/trainees/${tm.trainee.id}/imports/supervision`, tm.trainee, file).expect(403);
    await upload(t, `/trainees/${tm.trainee.id}/imports/supervision`, other.admin, file).expect(404);
    await upload(t, `/trainees/${tm.trainee.id}/imports/measures`, other.admin, file).expect(404);
  });
});
