import { randomBytes } from 'node:crypto';
import { AccreditationExpiryService } from '../src/accreditations/accreditation-expiry.service';
import { AccreditationRemindersService } from '../src/accreditations/accreditation-reminders.service';
import { Role } from '../src/common/roles';
import { CalibrationRemindersService } from '../src/calibration/calibration-reminders.service';
import { addDays, todayUtc } from '../src/common/dates';
import { NotificationWorker } from '../src/notifications/notification-worker';
import { API, daysAgo, team, type Team } from './cases-fixtures';
import { makeBody, makeUser, type TestUser } from './support/factories';
import { createMailTestApp, type SmtpSink } from './support/smtp-sink';
import type { TestApp } from './support/test-app';

// The events of applications, accreditations and calibration reach the right person, over a real SMTP exchange;
// a refused change tells nobody; the scheduled reminders and the expiry sweep write each notice once however often
// (and by however many callers at once) they run.

let t: TestApp;
let smtp: SmtpSink;
let worker: NotificationWorker;
beforeAll(async () => {
  ({ t, smtp, worker } = await createMailTestApp());
});
afterAll(async () => {
  await t.close();
  await smtp.stop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Delivers the outbox until nothing is due, then answers what `who` received. */
async function mailTo(who: TestUser): Promise<{ subject: string; text: string; raw: string }[]> {
  const deadline = Date.now() + 8000;
  for (;;) {
    await worker.deliverDue();
    const [{ n }] = await t.db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM notifications WHERE email_status IN ('pending', 'sending')`,
    );
    if (n === 0) break;
    if (Date.now() > deadline) throw new Error('not delivered in time');
    await sleep(15);
  }
  return smtp.to(who.email);
}

const kindsFor = async (who: TestUser) =>
  (await t.db.query<{ kind: string }[]>(`SELECT kind FROM notifications WHERE recipient_id = $1 ORDER BY created_at, kind`, [who.id])).map(
    (r) => r.kind,
  );

const SCHEME = {
  noun: 'accredited',
  phaseBoundaries: { initialLastSession: 3, terminationSessions: 3 },
  groupCredit: { kind: 'full' },
  levels: [
    {
      code: 'BASIC',
      name: 'Basic IPT Therapist',
      kind: 'practitioner',
      order: 1,
      validity: { kind: 'annual' },
      renewal: { requirements: [], graceDays: 30, reminderDaysBefore: 30, auditSharePercent: 0 },
      prerequisites: [],
      requirements: [{ id: 'course', type: 'learning_hours', params: { kinds: ['didactic_course'], minHours: 16, verifiedOnly: false } }],
    },
    {
      code: 'SUPERVISOR',
      name: 'IPT Supervisor',
      kind: 'supervisor',
      order: 2,
      validity: { kind: 'fixed_term', months: 60 },
      renewal: { requirements: [], graceDays: 0, reminderDaysBefore: 90, auditSharePercent: 0 },
      prerequisites: [],
      requirements: [],
    },
  ],
};

interface World extends Team {
  admin: TestUser;
  secondAdmin: TestUser;
  schemeId: string;
}

async function world(): Promise<World> {
  const tm = await team(t);
  const admin = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: tm.bodyId }]);
  const secondAdmin = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: tm.bodyId }]);
  const scheme = await t
    .http()
    .post(`${API}/schemes`)
    .set(admin.auth)
    .send({ bodyId: tm.bodyId, code: `EV-${randomBytes(3).toString('hex')}`, name: 'Events scheme' })
    .expect(201);
  const draft = await t
    .http()
    .post(`${API}/schemes/${scheme.body.id}/versions`)
    .set(admin.auth)
    .send({ effectiveFrom: daysAgo(10), definition: SCHEME })
    .expect(201);
  await t
    .http()
    .post(`${API}/scheme-versions/${draft.body.id}/publish`)
    .set(admin.auth)
    .send({ allowPastEffectiveDate: true, reason: 'Test scheme in force from a past date' })
    .expect(201);
  return { ...tm, admin, secondAdmin, schemeId: scheme.body.id };
}

const apply = async (w: World, levelCode = 'BASIC', holder: TestUser = w.trainee): Promise<string> =>
  (await t.http().post(`${API}/applications`).set(holder.auth).send({ schemeId: w.schemeId, levelCode }).expect(201)).body.id;

async function issue(w: World, levelCode = 'BASIC'): Promise<string> {
  const id = await apply(w, levelCode);
  return (
    await t.http().post(`${API}/applications/${id}/approve`).set(w.admin.auth).send({ overrideReason: 'Course taken abroad' }).expect(200)
  ).body.accreditation.id;
}

const setExpiry = (id: string, date: string) => t.db.query('UPDATE accreditations SET expires_on = $2 WHERE id = $1', [id, date]);

describe('applications', () => {
  it('a submission tells every admin of the deciding body (not the applicant); request, answer and approval go to the right side', async () => {
    const w = await world();
    const id = await apply(w);
    for (const admin of [w.admin, w.secondAdmin]) {
      const mails = await mailTo(admin);
      expect(mails.map((m) => m.subject)).toEqual(['New application for level BASIC to decide']);
      expect(mails[0].text).toContain(`https://ipt.test/admin/applications/${id}`);
    }
    expect(await mailTo(w.trainee)).toEqual([]);

    await t
      .http()
      .post(`${API}/applications/${id}/request-info`)
      .set(w.admin.auth)
      .send({ message: "Please explain the gap in Mrs Jones's sessions." })
      .expect(200);
    await t
      .http()
      .post(`${API}/applications/${id}/respond`)
      .set(w.trainee.auth)
      .send({ note: 'The client, Mrs Jones, was in hospital.' })
      .expect(200);
    await t
      .http()
      .post(`${API}/applications/${id}/approve`)
      .set(w.secondAdmin.auth)
      .send({ overrideReason: 'Course taken abroad' })
      .expect(200);

    const applicant = await mailTo(w.trainee);
    expect(applicant.map((m) => m.subject)).toEqual([
      'More information is needed for your application (level BASIC)',
      'Your application for level BASIC was approved',
    ]);
    expect((await mailTo(w.admin)).map((m) => m.subject)).toEqual([
      'New application for level BASIC to decide',
      'An applicant answered your request for information (level BASIC)',
    ]);
    // the deciding admin is not told of their own decision; nobody's mail quotes the request, the answer or the override
    expect(await mailTo(w.secondAdmin)).toHaveLength(2);
    for (const m of [...applicant, ...(await mailTo(w.admin))]) {
      expect(m.raw).not.toMatch(/Jones|hospital|abroad/);
    }
  });

  it('a rejection tells the applicant without the reason', async () => {
    const w = await world();
    const id = await apply(w);
    await t
      .http()
      .post(`${API}/applications/${id}/reject`)
      .set(w.admin.auth)
      .send({ reason: 'Insufficient supervised hours with the client K.' })
      .expect(200);
    const mails = await mailTo(w.trainee);
    expect(mails.map((m) => m.subject)).toEqual(['Your application for level BASIC was not approved']);
    expect(mails[0].text).toContain('https://ipt.test/trainee/applications');
    expect(mails[0].raw).not.toContain('Insufficient');
  });

  it('a refused decision tells nobody', async () => {
    const w = await world();
    const foreignAdmin = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: (await makeBody(t)).id }]);
    const id = await apply(w);
    await t.http().post(`${API}/applications/${id}/reject`).set(foreignAdmin.auth).send({ reason: 'no' }).expect(404);
    await t.http().post(`${API}/applications/${id}/request-info`).set(w.trainee.auth).send({ message: 'x' }).expect(403);
    await t.http().post(`${API}/applications/${id}/reject`).set(w.admin.auth).send({ reason: 'no' }).expect(200);
    await t.http().post(`${API}/applications/${id}/approve`).set(w.admin.auth).send({ overrideReason: 'changed my mind' }).expect(409);
    await t.http().post(`${API}/applications/${id}/respond`).set(w.trainee.auth).send({ note: 'late' }).expect(409);
    expect(await kindsFor(w.trainee)).toEqual(['application.rejected']);
    expect(await kindsFor(w.admin)).toEqual(['application.submitted']);
    expect(await kindsFor(foreignAdmin)).toEqual([]);
  });
});

describe('accreditation status', () => {
  it('suspended, reinstated and revoked each reach the holder, without the reason', async () => {
    const w = await world();
    const acc = await issue(w);
    await t.http().post(`${API}/accreditations/${acc}/suspend`).set(w.admin.auth).send({ reason: 'Complaint by a client' }).expect(200);
    await t.http().post(`${API}/accreditations/${acc}/suspend`).set(w.admin.auth).send({ reason: 'again' }).expect(409);
    await t.http().post(`${API}/accreditations/${acc}/reinstate`).set(w.admin.auth).send({ reason: 'Complaint dismissed' }).expect(200);
    await t.http().post(`${API}/accreditations/${acc}/revoke`).set(w.admin.auth).send({ reason: 'Practising outside scope' }).expect(200);
    await t.http().post(`${API}/accreditations/${acc}/reinstate`).set(w.admin.auth).send({ reason: 'mistake' }).expect(409);
    const mails = await mailTo(w.trainee);
    expect(mails.map((m) => m.subject)).toEqual([
      'Your application for level BASIC was approved',
      'Your accreditation BASIC was suspended',
      'Your accreditation BASIC was reinstated',
      'Your accreditation BASIC was revoked',
    ]);
    for (const m of mails) expect(m.raw).not.toMatch(/Complaint|scope/);
    expect(mails[3].text).toContain('https://ipt.test/trainee/accreditations');
  });

  it('the expiry sweep tells the holder of a lapse (annual) and of an expiry (fixed term)', async () => {
    const w = await world();
    const basic = await issue(w, 'BASIC');
    const sup = await issue(w, 'SUPERVISOR');
    await setExpiry(basic, daysAgo(31));
    await setExpiry(sup, daysAgo(1));
    const res = await t.http().post(`${API}/accreditations/process-expiries`).query({ bodyId: w.bodyId }).set(w.admin.auth).expect(200);
    expect(res.body.changed).toBe(2);
    const subjects = (await mailTo(w.trainee)).map((m) => m.subject);
    expect(subjects).toEqual(expect.arrayContaining(['Your accreditation BASIC has lapsed', 'Your accreditation SUPERVISOR has expired']));
    // a second sweep changes nothing and tells nobody again
    await t.http().post(`${API}/accreditations/process-expiries`).query({ bodyId: w.bodyId }).set(w.admin.auth).expect(200);
    expect((await kindsFor(w.trainee)).filter((k) => k === 'accreditation.lapsed' || k === 'accreditation.expired')).toHaveLength(2);
  });

  it('the scheduled sweep runs once per day: two at once lapse and tell once, a third run of the day does nothing', async () => {
    const w = await world();
    const acc = await issue(w);
    await setExpiry(acc, daysAgo(40));
    const expiry = t.app.get(AccreditationExpiryService);
    const today = todayUtc(new Date());
    const runs = await Promise.all([expiry.scheduledSweep(today), expiry.scheduledSweep(today)]);
    expect(runs.filter((r) => r !== null)).toHaveLength(1);
    expect(runs.find((r) => r !== null)).toEqual(expect.arrayContaining([{ accreditationId: acc, toStatus: 'lapsed' }]));
    const acc2 = await issue(w);
    await setExpiry(acc2, daysAgo(40));
    expect(await expiry.scheduledSweep(today)).toBeNull();
    expect((await kindsFor(w.trainee)).filter((k) => k === 'accreditation.lapsed')).toHaveLength(1);
    expect(
      (
        await t.db.query<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM schedule_runs WHERE job = 'accreditation.expiry_sweep' AND period = $1`,
          [today],
        )
      )[0].n,
    ).toBe(1);
  });
});

describe('renewal reminders', () => {
  it("use each level's reminderDaysBefore, reach the holder once per renewal period, however often and concurrently the job runs", async () => {
    const w = await world();
    const basic = await issue(w, 'BASIC'); // reminded 30 days ahead
    const sup = await issue(w, 'SUPERVISOR'); // reminded 90 days ahead
    const asOf = '2090-03-01';
    await setExpiry(basic, addDays(asOf, 40));
    await setExpiry(sup, addDays(asOf, 40));
    const reminders = t.app.get(AccreditationRemindersService);

    const runs = await Promise.all([reminders.runRenewalReminders(asOf), reminders.runRenewalReminders(asOf)]);
    expect(runs.sort()).toEqual([0, 1]);
    expect(await reminders.runRenewalReminders(asOf)).toBe(0);
    let mails = (await mailTo(w.trainee)).filter((m) => /renewal/.test(m.subject));
    expect(mails.map((m) => m.subject)).toEqual(['Your accreditation SUPERVISOR is due for renewal']);
    expect(mails[0].text).toContain(`expires on ${addDays(asOf, 40)}`);
    expect(mails[0].text).toContain('https://ipt.test/trainee/accreditations');

    // ten days later BASIC is inside its 30 days too; SUPERVISOR is not told again
    const later = addDays(asOf, 10);
    expect(await reminders.runRenewalReminders(later)).toBe(1);
    mails = (await mailTo(w.trainee)).filter((m) => /renewal/.test(m.subject));
    expect(mails.map((m) => m.subject)).toEqual([
      'Your accreditation SUPERVISOR is due for renewal',
      'Your accreditation BASIC is due for renewal',
    ]);

    // renewed (the expiry moves a cycle on): the next period is reminded again, once
    await setExpiry(basic, addDays(asOf, 60));
    await setExpiry(sup, addDays(asOf, 60));
    expect(await reminders.runRenewalReminders(addDays(asOf, 40))).toBe(2);
    expect(await reminders.runRenewalReminders(addDays(asOf, 41))).toBe(0);
    expect((await kindsFor(w.trainee)).filter((k) => k === 'accreditation.renewal_due')).toHaveLength(4);
  });

  it('a suspended accreditation or one already expired gets no reminder', async () => {
    const w = await world();
    const acc = await issue(w, 'SUPERVISOR');
    const asOf = '2091-03-01';
    await setExpiry(acc, addDays(asOf, 10));
    await t.http().post(`${API}/accreditations/${acc}/suspend`).set(w.admin.auth).send({ reason: 'Complaint' }).expect(200);
    expect(await t.app.get(AccreditationRemindersService).runRenewalReminders(asOf)).toBe(0);
    await t.http().post(`${API}/accreditations/${acc}/reinstate`).set(w.admin.auth).send({ reason: 'Dismissed' }).expect(200);
    expect(await t.app.get(AccreditationRemindersService).runRenewalReminders(addDays(asOf, 11))).toBe(0);
    expect(await kindsFor(w.trainee)).not.toContain('accreditation.renewal_due');
  });
});

describe('rater calibration expiring', () => {
  const ITEMS = ['inventory', 'focus', 'linking', 'roles', 'termination'];
  const reference = { inventory: 2, focus: 3, linking: 4, roles: 3, termination: 4 };

  it('reminds a calibrated rater once, sixty days before the calibration runs out; not a rater outside tolerance', async () => {
    const body = await makeBody(t);
    const global = await makeUser(t, [{ role: Role.Admin }]);
    const admin = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: body.id }]);
    const rater = await makeUser(t, [{ role: Role.Supervisor, bodyId: body.id }]);
    const lenient = await makeUser(t, [{ role: Role.Supervisor, bodyId: body.id }]);
    const definition = {
      scale: { min: 1, max: 5 },
      items: ITEMS.map((code) => ({ code, label: code })),
      aggregation: 'mean',
      passRule: { threshold: 3 },
      multiRater: { kind: 'single', disagreementThreshold: 1 },
    };
    const r = await t
      .http()
      .post(`${API}/rubrics`)
      .set(global.auth)
      .send({ code: `EV-${randomBytes(3).toString('hex')}`, name: 'IPT', modality: 'IPT', target: 'session', definition })
      .expect(201);
    await t.http().post(`${API}/rubric-versions/${r.body.versions[0].id}/publish`).set(global.auth).expect(200);
    const ex = await t
      .http()
      .post(`${API}/calibration/exercises`)
      .set(admin.auth)
      .send({
        bodyId: body.id,
        rubricVersionId: r.body.versions[0].id,
        title: 'Session 3',
        description: 'Reference recording: role-played client.',
        referenceScores: reference,
        tolerance: { maxMeanAbsDiff: 0.5 },
      })
      .expect(201);
    await t.http().post(`${API}/calibration/exercises/${ex.body.id}/attempts`).set(rater.auth).send({ scores: reference }).expect(201);
    await t
      .http()
      .post(`${API}/calibration/exercises/${ex.body.id}/attempts`)
      .set(lenient.auth)
      .send({ scores: { inventory: 5, focus: 5, linking: 5, roles: 5, termination: 5 } })
      .expect(201);
    // both attempts made on 2088-06-01: the rater's calibration runs until 2090-06-01
    await t.db.query(`UPDATE calibration_attempts SET submitted_at = '2088-06-01T12:00:00Z' WHERE exercise_id = $1`, [ex.body.id]);
    const reminders = t.app.get(CalibrationRemindersService);

    expect(await reminders.runExpiringReminders(new Date('2090-03-01T08:00:00Z'))).toBe(0); // 92 days ahead: not yet
    const runs = await Promise.all([
      reminders.runExpiringReminders(new Date('2090-04-15T08:00:00Z')),
      reminders.runExpiringReminders(new Date('2090-04-15T09:00:00Z')),
    ]);
    expect(runs.sort()).toEqual([0, 1]);
    expect(await reminders.runExpiringReminders(new Date('2090-04-16T08:00:00Z'))).toBe(0);
    const mails = await mailTo(rater);
    expect(mails.map((m) => m.subject)).toEqual(['Your rater calibration is about to expire']);
    expect(mails[0].text).toContain('runs out on 2090-06-01');
    expect(mails[0].text).toContain('https://ipt.test/supervisor/calibration');
    expect(await kindsFor(lenient)).toEqual([]);
  });
});
