import { randomBytes } from 'node:crypto';
import { Role } from '../src/common/roles';
import { countRows, makeBody, makeUser, type TestUser } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const definition = {
  scale: { min: 1, max: 5 },
  items: [
    { code: 'inventory', label: 'Interpersonal inventory' },
    { code: 'focus', label: 'Agreed focus' },
  ],
  aggregation: 'mean',
  passRule: { threshold: 3 },
  multiRater: { kind: 'mean_of_n', n: 2, disagreementThreshold: 1 },
};
const audits = () => countRows(t, 'audit_log');

interface World {
  trainee: TestUser;
  supervisor: TestUser;
  independent: TestUser;
  outsider: TestUser;
  sessionId: string;
  versionId: string;
}

async function world(): Promise<World> {
  const body = await makeBody(t);
  const other = await makeBody(t);
  const admin = await makeUser(t, [{ role: Role.Admin }]);
  const trainee = await makeUser(t, [{ role: Role.Trainee, bodyId: body.id }]);
  const supervisor = await makeUser(t, [{ role: Role.Supervisor, bodyId: body.id }]);
  const independent = await makeUser(t, [{ role: Role.Supervisor, bodyId: body.id }]);
  const outsider = await makeUser(t, [{ role: Role.Supervisor, bodyId: other.id }]);
  await t.db.query(
    `INSERT INTO supervision_relationships (trainee_id, supervisor_id, body_id, status, requested_by, started_on) VALUES ($1, $2, $3, 'active', $2, current_date)`,
    [trainee.id, supervisor.id, body.id],
  );
  const [c] = await t.db.query(
    `INSERT INTO supervised_cases (trainee_id, supervisor_id, body_id, client_code, format, adaptation, age_band, setting, primary_diagnosis, focus_problem_area, planned_sessions, start_date)
     VALUES ($1, $2, $3, $4, 'individual', 'adult', '26-40', 'primary_care', 'F32.1', 'grief', 12, current_date) RETURNING id`,
    [trainee.id, supervisor.id, body.id, `C-${randomBytes(3).toString('hex').toUpperCase()}`],
  );
  const [s] = await t.db.query(
    `INSERT INTO therapy_sessions (case_id, number, date, duration_minutes, phase, attended, recorded) VALUES ($1, 2, current_date, 50, 'initial', true, true) RETURNING id`,
    [c.id],
  );
  const r = await t
    .http()
    .post('/api/v1/rubrics')
    .set(admin.auth)
    .send({ code: `G-${randomBytes(3).toString('hex')}`, name: 'IPT', modality: 'IPT', target: 'session', definition })
    .expect(201);
  await t.http().post(`/api/v1/rubric-versions/${r.body.versions[0].id}/publish`).set(admin.auth).expect(200);
  return { trainee, supervisor, independent, outsider, sessionId: s.id, versionId: r.body.versions[0].id };
}

const rate = (w: World, who: TestUser, scores: Record<string, unknown>) =>
  t
    .http()
    .post('/api/v1/ratings')
    .set(who.auth)
    .send({ rubricVersionId: w.versionId, targetType: 'session', targetId: w.sessionId, scores });

async function rateAndSubmit(w: World, who: TestUser, scores: Record<string, number>): Promise<string> {
  const res = await rate(w, who, scores).expect(201);
  await t.http().post(`/api/v1/ratings/${res.body.id}/submit`).set(who.auth).expect(200);
  return res.body.id;
}

describe('ratings', () => {
  it('derives trainee, rater role and session phase; computes totals server-side; one audit row per write', async () => {
    const w = await world();
    const before = await audits();
    const res = await rate(w, w.supervisor, { inventory: 4, focus: 3 }).expect(201);
    expect(res.body).toMatchObject({
      traineeId: w.trainee.id,
      raterRole: 'supervisor',
      sessionPhase: 'initial',
      total: 7,
      mean: 3.5,
      passed: null,
      status: 'draft',
    });
    expect(await audits()).toBe(before + 1);
    const sub = await t.http().post(`/api/v1/ratings/${res.body.id}/submit`).set(w.supervisor.auth).expect(200);
    expect(sub.body).toMatchObject({ status: 'submitted', passed: true });
    expect(await audits()).toBe(before + 2);
    const ind = await rate(w, w.independent, { inventory: 3 }).expect(201);
    expect(ind.body.raterRole).toBe('independent');
    // the client cannot send computed fields
    await t
      .http()
      .post('/api/v1/ratings')
      .set(w.supervisor.auth)
      .send({ rubricVersionId: w.versionId, targetType: 'session', targetId: w.sessionId, scores: {}, total: 10 })
      .expect(400);
  });

  it('400s out-of-range, unknown and non-integer scores and unpublished rubrics with details, writing nothing; submit needs every item', async () => {
    const w = await world();
    const before = [await countRows(t, 'ratings'), await audits()];
    const bad = await rate(w, w.supervisor, { inventory: 6, focus: 2.5, empathy: 3 }).expect(400);
    expect(bad.body.details).toEqual({
      'scores.inventory': ['a score must lie between 1 and 5'],
      'scores.focus': ['a score must be an integer'],
      'scores.empathy': ['empathy is not an item of this rubric'],
    });
    const unpublished = await t
      .http()
      .post('/api/v1/ratings')
      .set(w.supervisor.auth)
      .send({ rubricVersionId: '00000000-0000-4000-8000-000000000000', targetType: 'session', targetId: w.sessionId })
      .expect(400);
    expect(unpublished.body.details.rubricVersionId).toBeDefined();
    expect([await countRows(t, 'ratings'), await audits()]).toEqual(before);

    const draft = await rate(w, w.supervisor, { inventory: 4 }).expect(201);
    const afterDraft = await audits();
    const missing = await t.http().post(`/api/v1/ratings/${draft.body.id}/submit`).set(w.supervisor.auth).expect(400);
    expect(missing.body.details).toEqual({ 'scores.focus': ['focus must be scored'] });
    expect(await audits()).toBe(afterDraft);
    const [row] = await t.db.query(`SELECT status FROM ratings WHERE id = $1`, [draft.body.id]);
    expect(row.status).toBe('draft');
  });

  it('a submitted rating is immutable; a correction supersedes it and keeps the history', async () => {
    const w = await world();
    const id = await rateAndSubmit(w, w.supervisor, { inventory: 2, focus: 2 });
    const got = await t.http().get(`/api/v1/ratings/${id}`).set(w.supervisor.auth).expect(200);
    await t
      .http()
      .patch(`/api/v1/ratings/${id}`)
      .set(w.supervisor.auth)
      .set('If-Match', got.headers.etag)
      .send({ scores: { inventory: 5, focus: 5 } })
      .expect(409);
    const fixed = await t
      .http()
      .post(`/api/v1/ratings/${id}/correct`)
      .set(w.supervisor.auth)
      .send({ scores: { inventory: 4, focus: 4 }, reason: 'Scored the wrong recording' })
      .expect(201);
    expect(fixed.body).toMatchObject({ supersedesId: id, status: 'submitted', passed: true, total: 8 });
    await t.http().post(`/api/v1/ratings/${id}/correct`).set(w.supervisor.auth).send({ reason: 'again' }).expect(409);
    expect(await t.db.query(`SELECT id FROM ratings WHERE target_id = $1`, [w.sessionId])).toHaveLength(2);
  });

  it('summary: self-rating never counts, agreement passes, disagreement flags a second look', async () => {
    const w = await world();
    await rateAndSubmit(w, w.trainee, { inventory: 5, focus: 5 });
    const sup = await rateAndSubmit(w, w.supervisor, { inventory: 2, focus: 2 });
    const one = await t.http().get(`/api/v1/rating-targets/session/${w.sessionId}/summary`).set(w.supervisor.auth).expect(200);
    expect(one.body.rubrics[0]).toMatchObject({ status: 'insufficient_raters', countedRaters: 1, selfRatingsIgnored: 1 });

    await rateAndSubmit(w, w.independent, { inventory: 4, focus: 4 });
    const split = await t.http().get(`/api/v1/rating-targets/session/${w.sessionId}/summary`).set(w.trainee.auth).expect(200);
    expect(split.body.rubrics[0]).toMatchObject({ status: 'disagreement', secondLookNeeded: true, spread: 2, countedRaters: 2 });

    await t
      .http()
      .post(`/api/v1/ratings/${sup}/correct`)
      .set(w.supervisor.auth)
      .send({ scores: { inventory: 3, focus: 4 }, reason: 'Second look agreed' })
      .expect(201);
    const agreed = await t.http().get(`/api/v1/rating-targets/session/${w.sessionId}/summary`).set(w.supervisor.auth).expect(200);
    expect(agreed.body.rubrics[0]).toMatchObject({ status: 'pass', secondLookNeeded: false, countedRaters: 2 });
    expect(agreed.body.rubrics[0].combined.value).toBeCloseTo(3.75, 10);
  });

  it('404s outsiders: a supervisor of another body can neither rate, read nor summarise; a trainee never sees others’ drafts', async () => {
    const w = await world();
    await rate(w, w.outsider, { inventory: 3, focus: 3 }).expect(404);
    const submitted = await rateAndSubmit(w, w.supervisor, { inventory: 3, focus: 3 });
    const draft = await rate(w, w.independent, { inventory: 3 }).expect(201);
    await t.http().get(`/api/v1/ratings/${submitted}`).set(w.outsider.auth).expect(404);
    await t.http().get(`/api/v1/rating-targets/session/${w.sessionId}/summary`).set(w.outsider.auth).expect(404);
    await t.http().get(`/api/v1/ratings/${submitted}`).set(w.trainee.auth).expect(200);
    await t.http().get(`/api/v1/ratings/${draft.body.id}`).set(w.trainee.auth).expect(404);
    const list = await t.http().get(`/api/v1/ratings?targetId=${w.sessionId}`).set(w.trainee.auth).expect(200);
    expect(list.body.items.map((r: { id: string }) => r.id)).toEqual([submitted]);
    const outsiderList = await t.http().get(`/api/v1/ratings?targetId=${w.sessionId}`).set(w.outsider.auth).expect(200);
    expect(outsiderList.body.items).toEqual([]);
  });

  it('a rater lists what they rated, named: the trainee, the case and the session number', async () => {
    const w = await world();
    await t.db.query(`UPDATE users SET display_name = 'Tariq Trainee' WHERE id = $1`, [w.trainee.id]);
    const mine = await rateAndSubmit(w, w.supervisor, { inventory: 3, focus: 4 });
    await rateAndSubmit(w, w.independent, { inventory: 3, focus: 3 });
    const list = await t.http().get('/api/v1/ratings').query({ raterId: w.supervisor.id }).set(w.supervisor.auth).expect(200);
    expect(list.body.items).toHaveLength(1);
    const [c] = await t.db.query(
      `SELECT c.id, c.client_code FROM therapy_sessions s JOIN supervised_cases c ON c.id = s.case_id WHERE s.id = $1`,
      [w.sessionId],
    );
    expect(list.body.items[0]).toMatchObject({
      id: mine,
      raterId: w.supervisor.id,
      traineeName: 'Tariq Trainee',
      target: { caseId: c.id, clientCode: c.client_code, sessionNumber: 2 },
    });
    expect(list.body.items[0].target.sessionDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // the filter narrows what the caller may read; it does not widen it
    const outsider = await t.http().get('/api/v1/ratings').query({ raterId: w.supervisor.id }).set(w.outsider.auth).expect(200);
    expect(outsider.body.items).toEqual([]);
  });
});
