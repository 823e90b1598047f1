import { Role } from '../src/common/roles';
import { API, daysAgo, makeCase, session, supervise, team, type Team } from './cases-fixtures';
import { csv, upload, yearsAgo } from './imports-fixtures';
import { makeBody, makeUser, type TestUser } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

// consonant, digit, consonant…: no word, month or title the client-code check refuses, a digit in every code, and
// no run of digits that reads as a date
const uniq = () =>
  Array.from({ length: 6 }, (_, i) =>
    i % 2 ? '23456789'[Math.floor(Math.random() * 8)] : 'BCDFGHKQTWXZ'[Math.floor(Math.random() * 12)],
  ).join('');

const PRACTITIONER = {
  code: 'A',
  name: 'Practitioner',
  kind: 'practitioner',
  order: 1,
  validity: { kind: 'none' },
  prerequisites: [],
  requirements: [
    { id: 'course', type: 'learning_hours', params: { kinds: ['didactic_course'], minHours: 16, verifiedOnly: false } },
    {
      id: 'cases',
      type: 'completed_cases',
      params: { minCount: 2, filter: { minSessions: 8, statuses: ['completed'], signedOffOnly: false } },
    },
  ],
};
const schemeDef = (levels: unknown[]) => ({
  noun: 'accredited',
  phaseBoundaries: { initialLastSession: 3, terminationSessions: 3 },
  groupCredit: { kind: 'full' },
  levels,
});

async function publishScheme(admin: TestUser, bodyId: string, definition: unknown, effectiveFrom = daysAgo(10)): Promise<string> {
  const code = `RI${uniq()}`;
  const scheme = await t.http().post(`${API}/schemes`).set(admin.auth).send({ bodyId, code, name: 'Imports' }).expect(201);
  const draft = await t
    .http()
    .post(`${API}/schemes/${scheme.body.id}/versions`)
    .set(admin.auth)
    .send({ effectiveFrom, definition })
    .expect(201);
  await t
    .http()
    .post(`${API}/scheme-versions/${draft.body.id}/publish`)
    .set(admin.auth)
    .send({ allowPastEffectiveDate: true, reason: 'Test scheme in force from a past date' })
    .expect(201);
  return scheme.body.id;
}

interface Body extends Team {
  admin: TestUser;
  supervisorEmail: string;
}
async function body(): Promise<Body> {
  const tm = await team(t);
  const admin = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: tm.bodyId }]);
  const [u] = await t.db.query(`SELECT email FROM users WHERE id = $1`, [tm.supervisor.id]);
  return { ...tm, admin, supervisorEmail: u.email };
}

const CASE_HEADER = [
  'client_code',
  'supervisor_email',
  'format',
  'adaptation',
  'age_band',
  'setting',
  'primary_diagnosis',
  'focus_problem_area',
  'secondary_problem_area',
  'planned_sessions',
  'start_date',
  'end_date',
  'status',
  'end_reason',
  'recording_consent',
];
const SESSION_HEADER = ['client_code', 'number', 'date', 'duration_minutes', 'phase', 'attended', 'recorded'];
const ACTIVITY_HEADER = ['date', 'kind', 'title', 'provider', 'hours', 'delivery', 'evidence_ref'];
const yes = (b: boolean) => (b ? 'yes' : 'no');

/* eslint-disable @typescript-eslint/no-explicit-any */
// The record export (JSON) turned into the import templates. The export names a case's supervisor but not their
// e-mail (the new body's supervisor is given), nor the recording consent (taken as given when a session was recorded).
function templatesFrom(record: any, supervisorEmail: string) {
  return {
    activities: csv([
      ACTIVITY_HEADER,
      ...record.activities.map((a: any) => [a.date, a.kind, a.title, a.provider, a.hours, a.delivery, a.evidenceRef ?? '']),
    ]),
    cases: csv([
      CASE_HEADER,
      ...record.cases.map((c: any) => [
        c.clientCode,
        supervisorEmail,
        c.format,
        c.adaptation,
        c.ageBand,
        c.setting,
        c.primaryDiagnosis,
        c.focusProblemArea,
        c.secondaryProblemArea ?? '',
        c.plannedSessions,
        c.startDate,
        c.endDate ?? '',
        c.status,
        c.endReason ?? '',
        yes(c.sessions.some((s: any) => s.recorded)),
      ]),
    ]),
    sessions: csv([
      SESSION_HEADER,
      ...record.cases.flatMap((c: any) =>
        c.sessions.map((s: any) => [c.clientCode, s.number, s.date, s.durationMinutes, s.phase, yes(s.attended), yes(s.recorded)]),
      ),
    ]),
  };
}

const progressOf = async (who: TestUser, traineeId: string, schemeId: string) => {
  const res = await t.http().get(`${API}/trainees/${traineeId}/schemes/${schemeId}/progress`).set(who.auth).expect(200);
  return res.body.levels.map((l: any) => ({
    level: l.levelCode,
    met: l.met,
    summary: l.summary,
    rules: l.rules.map((r: any) => ({
      id: r.ruleId,
      met: r.met,
      reached: r.reached,
      required: r.required,
      message: r.message,
      evidence: r.evidence.length,
    })),
  }));
};

async function sessionsFor(tm: Team, caseId: string, count: number, start: number) {
  let version = (await t.http().get(`${API}/cases/${caseId}`).set(tm.trainee.auth).expect(200)).body.version;
  for (let n = 1; n <= count; n++) {
    const phase = n <= 3 ? 'initial' : n > count - 3 ? 'termination' : 'middle';
    const res = await t
      .http()
      .post(`${API}/cases/${caseId}/sessions`)
      .set(tm.trainee.auth)
      .set('If-Match', `"${version}"`)
      .send(session(n, daysAgo(start - 7 * n), phase, { recorded: n % 2 === 0 }))
      .expect(201);
    version = res.body.version;
  }
  return version;
}

describe('record import', () => {
  it('round trip: a record exported and imported into a fresh body gives the same progress report', async () => {
    const from = await body();
    const schemeA = await publishScheme(from.admin, from.bodyId, schemeDef([PRACTITIONER]));
    await t
      .http()
      .post(`${API}/trainees/${from.trainee.id}/activities`)
      .set(from.trainee.auth)
      .send({ kind: 'didactic_course', title: 'IPT course', provider: 'Institute', hours: 16, delivery: 'in_person', date: daysAgo(400) })
      .expect(201);
    await t
      .http()
      .post(`${API}/trainees/${from.trainee.id}/activities`)
      .set(from.trainee.auth)
      .send({ kind: 'workshop', title: 'Grief workshop', provider: 'Institute', hours: 3.5, delivery: 'online', date: daysAgo(300) })
      .expect(201);
    for (const [i, start] of [
      [0, 200],
      [1, 150],
    ]) {
      const c = await makeCase(t, from, {
        clientCode: `RT-${i}${uniq()}`,
        startDate: daysAgo(start),
        focusProblemArea: i ? 'role_dispute' : 'grief',
      });
      const version = await sessionsFor(from, c.id, 10, start);
      await t
        .http()
        .patch(`${API}/cases/${c.id}`)
        .set(from.trainee.auth)
        .set('If-Match', `"${version}"`)
        .send({ status: 'completed', endDate: daysAgo(start - 80), endReason: 'planned end' })
        .expect(200);
    }
    await makeCase(t, from, { clientCode: `OPEN-${uniq()}`, startDate: daysAgo(20) });
    const record = (await t.http().get(`${API}/me/record-export`).set(from.trainee.auth).expect(200)).body;
    const before = await progressOf(from.trainee, from.trainee.id, schemeA);
    expect(before[0].rules.map((r: any) => r.met)).toEqual([true, true]);

    const to = await body();
    const schemeB = await publishScheme(to.admin, to.bodyId, schemeDef([PRACTITIONER]));
    const files = templatesFrom(record, to.supervisorEmail);
    for (const kind of ['activities', 'cases', 'sessions'] as const) {
      const res = await upload(t, `/trainees/${to.trainee.id}/imports/${kind}?mode=commit`, to.trainee, files[kind], `${kind}.csv`).expect(
        200,
      );
      expect(res.body.counts.error).toBe(0);
    }
    expect(await progressOf(to.trainee, to.trainee.id, schemeB)).toEqual(before);

    // the same files again: everything matched, nothing created twice
    for (const kind of ['activities', 'cases', 'sessions'] as const) {
      const res = await upload(t, `/trainees/${to.trainee.id}/imports/${kind}?mode=commit`, to.trainee, files[kind], `${kind}.csv`).expect(
        200,
      );
      expect(res.body.counts).toMatchObject({ create: 0, error: 0 });
    }
    const [counts] = await t.db.query(
      `SELECT (SELECT count(*)::int FROM training_activities WHERE trainee_id = $1) AS activities,
              (SELECT count(*)::int FROM supervised_cases WHERE trainee_id = $1) AS cases,
              (SELECT count(*)::int FROM therapy_sessions s JOIN supervised_cases c ON c.id = s.case_id WHERE c.trainee_id = $1) AS sessions`,
      [to.trainee.id],
    );
    expect(counts).toEqual({ activities: 2, cases: 3, sessions: 20 });
    const audits = await t.db.query(`SELECT action FROM audit_log WHERE entity_id = $1 AND action LIKE 'import.%' ORDER BY occurred_at`, [
      to.trainee.id,
    ]);
    expect(audits.map((a: any) => a.action)).toEqual([
      'import.activities',
      'import.cases',
      'import.sessions',
      'import.activities',
      'import.cases',
      'import.sessions',
    ]);
  });

  it('a dry run of a file with errors in 20 chosen rows reports exactly those rows, and its commit writes nothing', async () => {
    const tm = await body();
    const codes = Array.from({ length: 10 }, (_, i) => `DR${i}${uniq()}`);
    const cases = csv([
      CASE_HEADER,
      ...codes.map((code) => [
        code,
        tm.supervisorEmail,
        'individual',
        'adult',
        '26-40',
        'community',
        'F32.1',
        'grief',
        '',
        16,
        daysAgo(300),
        '',
        'active',
        '',
        'yes',
      ]),
    ]);
    await upload(t, `/trainees/${tm.trainee.id}/imports/cases?mode=commit`, tm.trainee, cases).expect(200);
    const rows: (string | number)[][] = [];
    for (const code of codes)
      for (let n = 1; n <= 15; n++)
        rows.push([code, n, daysAgo(290 - 7 * n), 50, n <= 3 ? 'initial' : n > 12 ? 'termination' : 'middle', 'yes', 'no']);
    // 150 rows (file rows 2…151); break 20 of them, each in another way (index i is file row i + 2)
    const broken = new Map<number, (r: (string | number)[]) => void>([
      [0, (r) => (r[3] = 5)], // duration below 10
      [7, (r) => (r[2] = '05/03/2024')], // ambiguous date
      [11, (r) => (r[2] = '2999-01-01')], // future
      [16, (r) => (r[4] = 'opening')], // no such phase
      [22, (r) => (r[5] = 'maybe')], // not yes/no
      [29, (r) => (r[0] = 'NOPE-1')], // unknown case
      [33, (r) => (r[1] = 'four')], // not a number
      [38, (r) => (r[2] = '=TODAY()')], // formula
      [41, (r) => (r[6] = '@SUM(A1)')], // formula
      [47, (r) => (r[2] = daysAgo(400))], // before the case start
      [52, (r) => (r[4] = 'initial')], // phase goes backwards (session 8 of its case)
      [60, (r) => (r[3] = '')], // required
      [66, (r) => (r[3] = 181)], // above 180
      [71, (r) => (r[1] = 101)], // number above 100
      [80, (r) => (r[2] = '31.02.2024')], // not on the calendar
      [95, (r) => (r[2] = '03/25/2024')], // month first
      [101, (r) => (r[1] = 0)], // number below 1
      [118, (r) => (r[3] = '50.5')], // not whole minutes
      [130, (r) => (r[2] = '24-03-05')], // two-digit year
      [144, (r) => (r[0] = '')], // no client code
    ]);
    for (const [i, breakIt] of broken) breakIt(rows[i]);
    const file = csv([SESSION_HEADER, ...rows]);
    const dry = await upload(t, `/trainees/${tm.trainee.id}/imports/sessions`, tm.trainee, file).expect(200);
    const errorRows = dry.body.rows.filter((r: any) => r.action === 'error').map((r: any) => r.row);
    expect(errorRows).toEqual([...broken.keys()].map((i) => i + 2));
    expect(dry.body.counts).toMatchObject({ rows: 150, error: 20, create: 130 });
    expect(dry.body.rows.every((r: any) => r.action !== 'error' || r.errors.length > 0)).toBe(true);
    const refused = await upload(t, `/trainees/${tm.trainee.id}/imports/sessions?mode=commit`, tm.trainee, file).expect(422);
    expect(refused.body.code).toBe('IMPORT_HAS_ERRORS');
    const [n] = await t.db.query(
      `SELECT count(*)::int AS n FROM therapy_sessions s JOIN supervised_cases c ON c.id = s.case_id WHERE c.trainee_id = $1`,
      [tm.trainee.id],
    );
    expect(n.n).toBe(0);
  });

  it('a 10-year-old imported supervisor level makes supervision from 5 years ago count (and a 3-year-old one does not)', async () => {
    for (const [awardedYearsAgo, counts] of [
      [10, true],
      [3, false],
    ] as const) {
      const tm = await body();
      const schemeId = await publishScheme(
        tm.admin,
        tm.bodyId,
        schemeDef([
          {
            ...PRACTITIONER,
            requirements: [
              {
                id: 'cases',
                type: 'completed_cases',
                params: { minCount: 1, filter: { statuses: ['completed'], signedOffOnly: false, supervisorLevel: { levelCode: 'SUP' } } },
              },
            ],
          },
          {
            code: 'SUP',
            name: 'Supervisor',
            kind: 'supervisor',
            order: 2,
            validity: { kind: 'none' },
            prerequisites: [],
            requirements: [],
          },
        ]),
        yearsAgo(12),
      );
      const [s] = await t.db.query(`SELECT s.code FROM schemes s WHERE s.id = $1`, [schemeId]);
      await upload(
        t,
        `/bodies/${tm.bodyId}/imports/register?mode=commit`,
        tm.admin,
        csv([
          ['name', 'email', 'scheme', 'level', 'award_date', 'status'],
          ['Senior Supervisor', tm.supervisorEmail, s.code, 'SUP', yearsAgo(awardedYearsAgo), 'active'],
        ]),
      ).expect(200);
      const code = `OLD-${uniq()}`;
      await upload(
        t,
        `/trainees/${tm.trainee.id}/imports/cases?mode=commit`,
        tm.trainee,
        csv([
          CASE_HEADER,
          [
            code,
            tm.supervisorEmail,
            'individual',
            'adult',
            '26-40',
            'community',
            'F32.1',
            'grief',
            '',
            12,
            yearsAgo(5),
            yearsAgo(5, -90),
            'completed',
            'planned end',
            'yes',
          ],
        ]),
      ).expect(200);
      const progress = await progressOf(tm.trainee, tm.trainee.id, schemeId);
      expect(progress[0].rules[0]).toMatchObject({ id: 'cases', met: counts });
    }
  });

  it("a body admin imports into a trainee of their body only; a supervisor may not; another body's admin gets 404", async () => {
    const tm = await body();
    const other = await body();
    const file = csv([ACTIVITY_HEADER, [daysAgo(30), 'cpd', 'Reading group', 'Library', 2, 'online', '']]);
    const res = await upload(t, `/trainees/${tm.trainee.id}/imports/activities?mode=commit`, tm.admin, file).expect(200);
    expect(res.body.counts.create).toBe(1);
    await upload(t, `/trainees/${tm.trainee.id}/imports/activities`, other.admin, file).expect(404);
    await upload(t, `/trainees/${tm.trainee.id}/imports/activities`, tm.supervisor, file).expect(403);
    await upload(t, `/trainees/${tm.trainee.id}/imports/measures`, tm.trainee, file).expect(400);
    const audit = await t.db.query(`SELECT actor_id, body_id FROM audit_log WHERE action = 'import.activities' AND entity_id = $1`, [
      tm.trainee.id,
    ]);
    expect(audit).toEqual([{ actor_id: tm.admin.id, body_id: tm.bodyId }]);
  });

  it('serves every template as CSV with its documented columns', async () => {
    const tm = await body();
    const list = await t.http().get(`${API}/imports/templates`).set(tm.trainee.auth).expect(200);
    expect(list.body.map((x: any) => x.kind)).toEqual(['register', 'activities', 'cases', 'sessions', 'measures', 'supervision']);
    const res = await t.http().get(`${API}/imports/templates/sessions`).set(tm.trainee.auth).expect(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    expect(res.text.split('\n')[0].trim()).toBe(SESSION_HEADER.join(','));
  });
});

describe('enrolment back-dating', () => {
  it('a body admin sets a trainee’s enrolment date in the past with a reason (audited); not in the future; others 404', async () => {
    const tm = await body();
    const schemeId = await publishScheme(tm.admin, tm.bodyId, schemeDef([PRACTITIONER]));
    await t.http().post(`${API}/schemes/${schemeId}/enrolment`).set(tm.trainee.auth).send({}).expect(201);
    const url = `${API}/trainees/${tm.trainee.id}/enrolments/${schemeId}/enrolled-on`;
    const res = await t
      .http()
      .put(url)
      .set(tm.admin.auth)
      .send({ enrolledOn: yearsAgo(2), reason: 'Trained with us before the service' })
      .expect(200);
    expect(res.body.enrolledOn).toBe(yearsAgo(2));
    const [a] = await t.db.query(`SELECT changes FROM audit_log WHERE action = 'enrolment.backdate' AND entity_id = $1`, [res.body.id]);
    expect(a.changes).toMatchObject({ reason: 'Trained with us before the service', enrolledOn: { to: yearsAgo(2) } });
    await t.http().put(url).set(tm.admin.auth).send({ enrolledOn: '2999-01-01', reason: 'future' }).expect(400);
    await t
      .http()
      .put(url)
      .set(tm.admin.auth)
      .send({ enrolledOn: yearsAgo(1) })
      .expect(400);
    const other = await body();
    await t
      .http()
      .put(url)
      .set(other.admin.auth)
      .send({ enrolledOn: yearsAgo(1), reason: 'not mine' })
      .expect(404);
    await t
      .http()
      .put(url)
      .set(tm.trainee.auth)
      .send({ enrolledOn: yearsAgo(1), reason: 'myself' })
      .expect(403);
    const unknown = await makeBody(t);
    void unknown;
    void supervise;
  });
});
