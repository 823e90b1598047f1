import { Role } from '../src/common/roles';
import { SupervisedCase } from '../src/cases/supervised-case.entity';
import { TherapySession } from '../src/cases/therapy-session.entity';
import { SupervisionRelationship, SupervisionStatus } from '../src/supervision/supervision-relationship.entity';
import { countRows, makeBody, makeUser, type TestUser } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const API = '/api/v1';
let seq = 0;

async function relate(trainee: TestUser, supervisor: TestUser, bodyId: string, status = SupervisionStatus.Active): Promise<void> {
  await t.db
    .getRepository(SupervisionRelationship)
    .insert({ traineeId: trainee.id, supervisorId: supervisor.id, bodyId, status, requestedBy: supervisor.id, startedOn: '2024-01-01' });
}

async function makeCase(trainee: TestUser, supervisor: TestUser, bodyId: string): Promise<string> {
  const repo = t.db.getRepository(SupervisedCase);
  const c = await repo.save(
    repo.create({
      traineeId: trainee.id,
      supervisorId: supervisor.id,
      bodyId,
      clientCode: `C${++seq}X${Date.now() % 100000}`,
      format: 'individual',
      adaptation: 'adult',
      ageBand: '26-40',
      setting: 'primary_care',
      primaryDiagnosis: 'F32.1',
      focusProblemArea: 'grief',
      secondaryProblemArea: null,
      plannedSessions: 16,
      startDate: '2024-02-01',
    }),
  );
  return c.id;
}

async function makeTherapySession(caseId: string, number: number, recorded: boolean, date = '2024-03-01'): Promise<string> {
  const repo = t.db.getRepository(TherapySession);
  const s = await repo.save(repo.create({ caseId, number, date, durationMinutes: 50, phase: 'initial', attended: true, recorded }));
  return s.id;
}

/** A body with one supervisor and `n` trainees, each actively supervised by them and with one case. */
async function world(n = 3) {
  const body = await makeBody(t);
  const supervisor = await makeUser(t, [{ role: Role.Supervisor, bodyId: body.id }]);
  const trainees: TestUser[] = [];
  const cases: string[] = [];
  for (let i = 0; i < n; i++) {
    const tr = await makeUser(t, [{ role: Role.Trainee, bodyId: body.id }]);
    await relate(tr, supervisor, body.id);
    trainees.push(tr);
    cases.push(await makeCase(tr, supervisor, body.id));
  }
  return { body, supervisor, trainees, cases };
}

const counts = async () => ({
  sessions: await countRows(t, 'supervision_sessions'),
  participants: await countRows(t, 'supervision_participants'),
  reviews: await countRows(t, 'supervision_case_reviews'),
  audit: await countRows(t, 'audit_log'),
});

const post = (u: TestUser, body: object) => t.http().post(`${API}/supervision-sessions`).set(u.auth).send(body);

describe('logging supervision sessions', () => {
  it('logs an individual session: full credit, per-case minutes, reviewed recordings, one audit row', async () => {
    const w = await world(1);
    const recording = await makeTherapySession(w.cases[0], 1, true);
    const before = await counts();
    const res = await post(w.supervisor, {
      date: '2025-01-10',
      minutes: 50,
      format: 'individual',
      participantIds: [w.trainees[0].id],
      caseReviews: [{ caseId: w.cases[0], reviewedSessionIds: [recording] }],
      notes: 'Worked on the interpersonal inventory.',
    }).expect(201);
    expect(res.body).toMatchObject({
      supervisorId: w.supervisor.id,
      bodyId: w.body.id,
      date: '2025-01-10',
      minutes: 50,
      format: 'individual',
      memberCount: 1,
      version: 1,
      participants: [{ traineeId: w.trainees[0].id, creditedMinutes: 50, cases: [{ caseId: w.cases[0], minutes: 50, recorded: false }] }],
      caseReviews: [{ caseId: w.cases[0], traineeId: w.trainees[0].id, minutes: null, reviewedSessionIds: [recording] }],
    });
    expect(res.headers.etag).toBe('"1"');
    expect(await counts()).toEqual({
      sessions: before.sessions + 1,
      participants: before.participants + 1,
      reviews: before.reviews + 1,
      audit: before.audit + 1,
    });
    const [audit] = await t.db.query(`SELECT * FROM audit_log ORDER BY id DESC LIMIT 1`);
    expect(audit).toMatchObject({
      actor_id: w.supervisor.id,
      actor_role: 'SUPERVISOR',
      body_id: w.body.id,
      action: 'supervision_session.create',
      entity_id: res.body.id,
    });
    expect(JSON.stringify(audit.changes)).not.toContain('inventory'); // notes never reach the audit trail
  });

  it('logs a group session: (minutes ÷ members) × 2 capped, recorded per-case minutes, the rest split', async () => {
    const w = await world(3);
    const res = await post(w.supervisor, {
      date: '2025-01-17',
      minutes: 90,
      format: 'group',
      participantIds: w.trainees.map((x) => x.id),
      caseReviews: [{ caseId: w.cases[0], minutes: 40 }, { caseId: w.cases[1] }],
    }).expect(201);
    expect(res.body.memberCount).toBe(3);
    expect(res.body.participants).toHaveLength(3);
    for (const p of res.body.participants) expect(p.creditedMinutes).toBe(60);
    const byTrainee = Object.fromEntries(res.body.participants.map((p: { traineeId: string; cases: unknown[] }) => [p.traineeId, p.cases]));
    expect(byTrainee[w.trainees[0].id]).toEqual([{ caseId: w.cases[0], minutes: 40, recorded: true }]);
    expect(byTrainee[w.trainees[1].id]).toEqual([{ caseId: w.cases[1], minutes: 60, recorded: false }]);
    expect(byTrainee[w.trainees[2].id]).toEqual([]);
    const rows = await t.db.query(`SELECT count(*)::int AS n FROM supervision_participants WHERE session_id = $1`, [res.body.id]);
    expect(rows[0].n).toBe(3);
  });

  it('refuses a participant without an active relationship, naming them, and writes nothing', async () => {
    const w = await world(1);
    const stranger = await makeUser(t, [{ role: Role.Trainee, bodyId: w.body.id }]);
    const ended = await makeUser(t, [{ role: Role.Trainee, bodyId: w.body.id }]);
    await relate(ended, w.supervisor, w.body.id, SupervisionStatus.Ended);
    const before = await counts();
    const res = await post(w.supervisor, {
      date: '2025-01-17',
      minutes: 60,
      format: 'group',
      participantIds: [w.trainees[0].id, stranger.id, ended.id],
    }).expect(400);
    expect(res.body.code).toBe('NO_ACTIVE_SUPERVISION');
    expect(res.body.message).toContain(stranger.id);
    expect(res.body.message).toContain(ended.id);
    expect(res.body.message).not.toContain(w.trainees[0].id);
    expect(await counts()).toEqual(before);
  });

  it('refuses a case that belongs to no participant, and a case the caller does not supervise', async () => {
    const w = await world(2);
    const other = await world(1);
    const before = await counts();
    const notParticipant = await post(w.supervisor, {
      date: '2025-01-17',
      minutes: 60,
      format: 'individual',
      participantIds: [w.trainees[0].id],
      caseReviews: [{ caseId: w.cases[1] }],
    }).expect(400);
    expect(notParticipant.body.code).toBe('CASE_NOT_REVIEWABLE');
    expect(notParticipant.body.details.caseReviews[0]).toContain(w.cases[1]);
    const notMine = await post(w.supervisor, {
      date: '2025-01-17',
      minutes: 60,
      format: 'individual',
      participantIds: [w.trainees[0].id],
      caseReviews: [{ caseId: other.cases[0] }],
    }).expect(400);
    expect(notMine.body.code).toBe('CASE_NOT_REVIEWABLE');
    expect(await counts()).toEqual(before);
  });

  it('refuses recordings of another case or not recorded, and malformed sessions', async () => {
    const w = await world(2);
    const notRecorded = await makeTherapySession(w.cases[0], 1, false);
    const otherCase = await makeTherapySession(w.cases[1], 1, true);
    const base = { date: '2025-01-17', minutes: 60, format: 'individual', participantIds: [w.trainees[0].id] };
    const before = await counts();
    const bad = await post(w.supervisor, {
      ...base,
      caseReviews: [{ caseId: w.cases[0], reviewedSessionIds: [notRecorded, otherCase] }],
    }).expect(400);
    expect(bad.body.code).toBe('INVALID_REVIEWED_RECORDING');
    expect(bad.body.details['caseReviews.reviewedSessionIds']).toHaveLength(2);
    const two = await post(w.supervisor, { ...base, participantIds: w.trainees.map((x) => x.id) }).expect(400);
    expect(two.body.details.participantIds).toBeDefined();
    const self = await post(w.supervisor, { ...base, format: 'group', participantIds: [w.trainees[0].id, w.supervisor.id] }).expect(400);
    expect(self.body.details.participantIds).toContain('the supervisor cannot be a participant');
    const over = await post(w.supervisor, { ...base, caseReviews: [{ caseId: w.cases[0], minutes: 61 }] }).expect(400);
    expect(over.body.details.caseReviews).toBeDefined();
    const future = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    expect((await post(w.supervisor, { ...base, date: future }).expect(400)).body.details.date).toBeDefined();
    const pii = await post(w.supervisor, { ...base, notes: 'client asked to be called on 07700 900123' }).expect(400);
    expect(pii.body.details.notes).toBeDefined();
    await post(w.supervisor, { ...base, minutes: 601 }).expect(400);
    await post(w.supervisor, { ...base, totalCredit: 99 }).expect(400);
    expect(await counts()).toEqual(before);
  });

  it('403s a trainee trying to log a supervision session', async () => {
    const w = await world(1);
    const res = await post(w.trainees[0], {
      date: '2025-01-17',
      minutes: 60,
      format: 'individual',
      participantIds: [w.trainees[0].id],
    }).expect(403);
    expect(res.body.code).toBe('FORBIDDEN');
  });
});

describe('reading supervision', () => {
  it('shows a session to its supervisor, a participant (own part only), the body admin; 404 to others', async () => {
    const w = await world(2);
    const created = await post(w.supervisor, {
      date: '2025-01-17',
      minutes: 60,
      format: 'group',
      participantIds: w.trainees.map((x) => x.id),
      caseReviews: [{ caseId: w.cases[0] }, { caseId: w.cases[1] }],
      notes: 'group notes',
    }).expect(201);
    const url = `${API}/supervision-sessions/${created.body.id}`;
    const mine = await t.http().get(url).set(w.trainees[0].auth).expect(200);
    expect(mine.body.participants).toEqual([
      { traineeId: w.trainees[0].id, creditedMinutes: 60, cases: [{ caseId: w.cases[0], minutes: 60, recorded: false }] },
    ]);
    expect(mine.body.caseReviews.map((r: { caseId: string }) => r.caseId)).toEqual([w.cases[0]]);
    expect(mine.body.memberCount).toBe(2);
    expect(mine.body.notes).toBeNull();
    const admin = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: w.body.id }]);
    expect((await t.http().get(url).set(admin.auth).expect(200)).body.notes).toBe('group notes');
    const outsider = await makeUser(t, [{ role: Role.Trainee, bodyId: w.body.id }]);
    await t.http().get(url).set(outsider.auth).expect(404);
    const otherSupervisor = await makeUser(t, [{ role: Role.Supervisor, bodyId: w.body.id }]);
    await t.http().get(url).set(otherSupervisor.auth).expect(404);
  });

  it("lists the supervisor's own sessions newest first, keyset paginated and filtered", async () => {
    const w = await world(2);
    for (const [date, who] of [
      ['2025-01-03', 0],
      ['2025-01-10', 1],
      ['2025-01-17', 0],
    ] as const) {
      await post(w.supervisor, { date, minutes: 45, format: 'individual', participantIds: [w.trainees[who].id] }).expect(201);
    }
    const other = await world(1);
    await post(other.supervisor, { date: '2025-01-05', minutes: 45, format: 'individual', participantIds: [other.trainees[0].id] }).expect(
      201,
    );
    const first = await t.http().get(`${API}/supervision-sessions?limit=2`).set(w.supervisor.auth).expect(200);
    expect(first.body.items.map((s: { date: string }) => s.date)).toEqual(['2025-01-17', '2025-01-10']);
    const second = await t
      .http()
      .get(`${API}/supervision-sessions?limit=2&cursor=${first.body.nextCursor}`)
      .set(w.supervisor.auth)
      .expect(200);
    expect(second.body).toMatchObject({ items: [{ date: '2025-01-03' }], nextCursor: null });
    const filtered = await t
      .http()
      .get(`${API}/supervision-sessions?traineeId=${w.trainees[0].id}&from=2025-01-04`)
      .set(w.supervisor.auth)
      .expect(200);
    expect(filtered.body.items.map((s: { date: string }) => s.date)).toEqual(['2025-01-17']);
    await t.http().get(`${API}/supervision-sessions`).set(w.trainees[0].auth).expect(403);
  });

  it('gives a trainee their own supervision summary; another trainee gets 404', async () => {
    const w = await world(3);
    const [me] = w.trainees;
    await post(w.supervisor, {
      date: '2025-01-10',
      minutes: 60,
      format: 'individual',
      participantIds: [me.id],
      caseReviews: [{ caseId: w.cases[0] }],
    }).expect(201);
    await post(w.supervisor, {
      date: '2025-01-17',
      minutes: 100,
      format: 'group',
      participantIds: w.trainees.map((x) => x.id),
      caseReviews: [
        { caseId: w.cases[0], minutes: 20 },
        { caseId: w.cases[1], minutes: 50 },
      ],
    }).expect(201);
    const res = await t.http().get(`${API}/trainees/${me.id}/supervision`).set(me.auth).expect(200);
    expect(res.body.creditFormula).toEqual({ kind: 'share', multiplier: 2, capAtGroupMinutes: true });
    expect(res.body.totals).toEqual({
      sessionCount: 2,
      individualSessions: 1,
      groupSessions: 1,
      individualMinutes: 60,
      groupMinutes: 66.67,
      totalMinutes: 126.67,
    });
    expect(res.body.sessions.map((s: { creditedMinutes: number }) => s.creditedMinutes)).toEqual([60, 66.67]);
    expect(res.body.cases).toEqual([{ caseId: w.cases[0], minutes: 80, individualMinutes: 60, groupMinutes: 20, sessionCount: 2 }]);
    await t.http().get(`${API}/trainees/${me.id}/supervision`).set(w.trainees[1].auth).expect(404);
    await t.http().get(`${API}/trainees/${me.id}/supervision`).set(w.supervisor.auth).expect(200);
  });
});

describe('changing and deleting a session', () => {
  it('needs If-Match (428 / 412), revalidates, bumps the version and audits once', async () => {
    const w = await world(2);
    const created = await post(w.supervisor, {
      date: '2025-01-17',
      minutes: 60,
      format: 'individual',
      participantIds: [w.trainees[0].id],
    }).expect(201);
    const url = `${API}/supervision-sessions/${created.body.id}`;
    await t.http().patch(url).set(w.supervisor.auth).send({ minutes: 75 }).expect(428);
    await t.http().patch(url).set(w.supervisor.auth).set('If-Match', '"7"').send({ minutes: 75 }).expect(412);
    await t
      .http()
      .patch(url)
      .set(w.supervisor.auth)
      .set('If-Match', '"1"')
      .send({ format: 'individual', participantIds: w.trainees.map((x) => x.id) })
      .expect(400);
    await t.http().patch(url).set(w.trainees[0].auth).set('If-Match', '"1"').send({ minutes: 75 }).expect(403);
    const otherSupervisor = await makeUser(t, [{ role: Role.Supervisor, bodyId: w.body.id }]);
    await t.http().patch(url).set(otherSupervisor.auth).set('If-Match', '"1"').send({ minutes: 75 }).expect(404);
    const before = await counts();
    const res = await t
      .http()
      .patch(url)
      .set(w.supervisor.auth)
      .set('If-Match', '"1"')
      .send({ format: 'group', participantIds: w.trainees.map((x) => x.id), minutes: 90 })
      .expect(200);
    expect(res.body).toMatchObject({ version: 2, minutes: 90, format: 'group', memberCount: 2 });
    expect(res.body.participants.map((p: { creditedMinutes: number }) => p.creditedMinutes)).toEqual([90, 90]);
    expect(res.headers.etag).toBe('"2"');
    expect(await counts()).toEqual({ ...before, participants: before.participants + 1, audit: before.audit + 1 });
    await t.http().patch(url).set(w.supervisor.auth).set('If-Match', '"1"').send({ minutes: 30 }).expect(412);
  });

  it('lets only the logging supervisor delete, with one audit row; the rows go with it', async () => {
    const w = await world(1);
    const created = await post(w.supervisor, {
      date: '2025-01-17',
      minutes: 60,
      format: 'individual',
      participantIds: [w.trainees[0].id],
      caseReviews: [{ caseId: w.cases[0] }],
    }).expect(201);
    const url = `${API}/supervision-sessions/${created.body.id}`;
    const otherSupervisor = await makeUser(t, [{ role: Role.Supervisor, bodyId: w.body.id }]);
    await t.http().delete(url).set(otherSupervisor.auth).expect(404);
    await t.http().delete(url).set(w.supervisor.auth).set('If-Match', '"9"').expect(412);
    const before = await counts();
    await t.http().delete(url).set(w.supervisor.auth).expect(204);
    expect(await counts()).toEqual({
      sessions: before.sessions - 1,
      participants: before.participants - 1,
      reviews: before.reviews - 1,
      audit: before.audit + 1,
    });
    await t.http().get(url).set(w.supervisor.auth).expect(404);
  });
});
