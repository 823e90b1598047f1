import { randomBytes, randomUUID } from 'node:crypto';
import { Role } from '../src/common/roles';
import { calibratedRaters } from '../src/calibration/calibrated-raters';
import { icc } from '../src/statistics/icc';
import { countRows, makeBody, makeUser, type TestUser } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const ITEMS = ['inventory', 'focus', 'linking', 'roles', 'termination'];
const definition = {
  scale: { min: 1, max: 5 },
  items: ITEMS.map((code) => ({ code, label: code })),
  aggregation: 'mean',
  passRule: { threshold: 3 },
  multiRater: { kind: 'mean_of_n', n: 2, disagreementThreshold: 1 },
};
const reference = { inventory: 2, focus: 3, linking: 4, roles: 3, termination: 4 };
const audits = () => countRows(t, 'audit_log');
const api = (path: string) => `/api/v1${path}`;

interface World {
  bodyId: string;
  admin: TestUser;
  otherAdmin: TestUser;
  rater: TestUser;
  lenient: TestUser;
  trainee: TestUser;
  versionId: string;
  rubricId: string;
}

async function world(): Promise<World> {
  const body = await makeBody(t);
  const other = await makeBody(t);
  const global = await makeUser(t, [{ role: Role.Admin }]);
  const admin = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: body.id }]);
  const otherAdmin = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: other.id }]);
  const rater = await makeUser(t, [{ role: Role.Supervisor, bodyId: body.id }]);
  const lenient = await makeUser(t, [{ role: Role.Supervisor, bodyId: body.id }]);
  const trainee = await makeUser(t, [{ role: Role.Trainee, bodyId: body.id }]);
  const r = await t
    .http()
    .post(api('/rubrics'))
    .set(global.auth)
    .send({ code: `G-${randomBytes(3).toString('hex')}`, name: 'IPT', modality: 'IPT', target: 'session', definition })
    .expect(201);
  await t
    .http()
    .post(api(`/rubric-versions/${r.body.versions[0].id}/publish`))
    .set(global.auth)
    .expect(200);
  return { bodyId: body.id, admin, otherAdmin, rater, lenient, trainee, versionId: r.body.versions[0].id, rubricId: r.body.id };
}

const publish = (w: World, over: Record<string, unknown> = {}) =>
  t
    .http()
    .post(api('/calibration/exercises'))
    .set(w.admin.auth)
    .send({
      bodyId: w.bodyId,
      rubricVersionId: w.versionId,
      title: 'Session 3, grief focus',
      description: 'Reference recording: third session, role-played client, grief.',
      referenceScores: reference,
      tolerance: { maxMeanAbsDiff: 0.5 },
      ...over,
    });

const attempt = (id: string, who: TestUser, scores: Record<string, unknown>) =>
  t
    .http()
    .post(api(`/calibration/exercises/${id}/attempts`))
    .set(who.auth)
    .send({ scores });

describe('calibration exercises', () => {
  it('is blind: a rater listing or reading the exercise before attempting never sees the reference scores; the admin does', async () => {
    const w = await world();
    const before = await audits();
    const created = await publish(w).expect(201);
    expect(await audits()).toBe(before + 1);
    const [row] = await t.db.query(`SELECT action, entity_id, body_id FROM audit_log ORDER BY id DESC LIMIT 1`);
    expect(row).toMatchObject({ action: 'calibration_exercise.create', entity_id: created.body.id, body_id: w.bodyId });
    expect(created.body).toMatchObject({ status: 'open', referenceScores: reference, tolerance: { maxMeanAbsDiff: 0.5 }, myAttempt: null });

    const list = await t
      .http()
      .get(api(`/calibration/exercises?bodyId=${w.bodyId}`))
      .set(w.rater.auth)
      .expect(200);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ id: created.body.id, referenceScores: null, myAttempt: null });
    const one = await t
      .http()
      .get(api(`/calibration/exercises/${created.body.id}`))
      .set(w.rater.auth)
      .expect(200);
    expect(one.body.referenceScores).toBeNull();
    expect(JSON.stringify(one.body)).not.toContain('"termination":4');

    // an admin who also rates in the body stays blind too, and cannot take an exercise they wrote
    const dual = await makeUser(t, [
      { role: Role.BodyAdmin, bodyId: w.bodyId },
      { role: Role.Supervisor, bodyId: w.bodyId },
    ]);
    expect(
      (
        await t
          .http()
          .get(api(`/calibration/exercises/${created.body.id}`))
          .set(dual.auth)
          .expect(200)
      ).body.referenceScores,
    ).toBeNull();
    const own = await t
      .http()
      .post(api('/calibration/exercises'))
      .set(dual.auth)
      .send({
        bodyId: w.bodyId,
        rubricVersionId: w.versionId,
        title: 'Own',
        description: 'Own reference',
        referenceScores: reference,
        tolerance: { maxMeanAbsDiff: 0.5 },
      })
      .expect(201);
    expect(own.body.referenceScores).toBeNull();
    expect((await attempt(own.body.id, dual, reference).expect(409)).body.code).toBe('OWN_CALIBRATION_EXERCISE');

    // trainees and other bodies' admins do not see it at all
    await t
      .http()
      .get(api(`/calibration/exercises/${created.body.id}`))
      .set(w.trainee.auth)
      .expect(404);
    expect((await t.http().get(api('/calibration/exercises')).set(w.trainee.auth).expect(200)).body.items).toEqual([]);
    await t
      .http()
      .get(api(`/calibration/exercises/${created.body.id}`))
      .set(w.otherAdmin.auth)
      .expect(404);
    await t
      .http()
      .post(api(`/calibration/exercises/${created.body.id}/close`))
      .set(w.otherAdmin.auth)
      .expect(404);
    expect((await t.http().get(api('/calibration/exercises')).set(w.otherAdmin.auth).expect(200)).body.items).toEqual([]);
  });

  it('an attempt reveals the reference and the figures; within tolerance → calibrated; a second attempt is 409', async () => {
    const w = await world();
    const ex = (await publish(w).expect(201)).body;
    const before = [await countRows(t, 'calibration_attempts'), await audits()];
    const res = await attempt(ex.id, w.rater, { ...reference, focus: 4 }).expect(201);
    expect(res.body).toMatchObject({ exerciseId: ex.id, raterId: w.rater.id, referenceScores: reference });
    expect(res.body.figures).toMatchObject({
      withinTolerance: true,
      outsideBecause: [],
      perItemAbsDiff: { inventory: 0, focus: 1, linking: 0, roles: 0, termination: 0 },
    });
    expect(res.body.figures.meanAbsDiff).toBeCloseTo(0.2, 10);
    expect(res.body.figures.bias).toBeCloseTo(0.2, 10);
    expect(res.body.figures.icc).toBeGreaterThan(0.5);
    expect(res.body.figures.rangeUse).toMatchObject({ distinct: 3, width: 5 });
    expect([await countRows(t, 'calibration_attempts'), await audits()]).toEqual([before[0] + 1, before[1] + 1]);
    const [row] = await t.db.query(`SELECT action, actor_role, body_id FROM audit_log ORDER BY id DESC LIMIT 1`);
    expect(row).toMatchObject({ action: 'calibration_attempt.submit', actor_role: 'SUPERVISOR', body_id: w.bodyId });

    const after = await t
      .http()
      .get(api(`/calibration/exercises/${ex.id}`))
      .set(w.rater.auth)
      .expect(200);
    expect(after.body.referenceScores).toEqual(reference);
    expect(after.body.myAttempt.id).toBe(res.body.id);

    const again = await attempt(ex.id, w.rater, reference).expect(409);
    expect(again.body.code).toBe('ATTEMPT_EXISTS');
    expect([await countRows(t, 'calibration_attempts'), await audits()]).toEqual([before[0] + 1, before[1] + 1]);

    const status = await t
      .http()
      .get(api(`/calibration/raters/${w.rater.id}?bodyId=${w.bodyId}`))
      .set(w.rater.auth)
      .expect(200);
    expect(status.body).toMatchObject({ raterId: w.rater.id, status: 'calibrated', reason: null });
    expect(status.body.attempts).toHaveLength(1);
    expect(new Date(status.body.validUntil).getTime()).toBeGreaterThan(Date.now() + 700 * 86_400_000);
  });

  it('flags a lenient rater with positive bias, outside tolerance → not_calibrated; calibratedRaters lists only the calibrated one', async () => {
    const w = await world();
    const ex = (await publish(w).expect(201)).body;
    const lenient = await attempt(ex.id, w.lenient, { inventory: 3, focus: 4, linking: 5, roles: 4, termination: 5 }).expect(201);
    expect(lenient.body.figures.bias).toBeCloseTo(1, 10);
    expect(lenient.body.figures).toMatchObject({ withinTolerance: false, outsideBecause: ['mean_abs_diff'] });
    await attempt(ex.id, w.rater, reference).expect(201);

    const report = await t
      .http()
      .get(api(`/calibration/raters/${w.lenient.id}?bodyId=${w.bodyId}`))
      .set(w.admin.auth)
      .expect(200);
    expect(report.body).toMatchObject({ status: 'not_calibrated', reason: 'outside_tolerance' });
    expect(report.body.attempts[0].figures.bias).toBeCloseTo(1, 10);
    // another supervisor or another body's admin may not look
    await t
      .http()
      .get(api(`/calibration/raters/${w.lenient.id}?bodyId=${w.bodyId}`))
      .set(w.rater.auth)
      .expect(404);
    await t
      .http()
      .get(api(`/calibration/raters/${w.lenient.id}?bodyId=${w.bodyId}`))
      .set(w.otherAdmin.auth)
      .expect(404);
    const none = await t
      .http()
      .get(api(`/calibration/raters/${w.trainee.id}?bodyId=${w.bodyId}`))
      .set(w.trainee.auth)
      .expect(200);
    expect(none.body).toMatchObject({ status: 'no_attempts', attempts: [] });

    expect(await calibratedRaters(t.db.manager, w.bodyId)).toEqual([w.rater.id]);

    // the admin's picture: every rater's scores, bias and spread, by name
    const results = await t
      .http()
      .get(api(`/calibration/exercises/${ex.id}/results`))
      .set(w.admin.auth)
      .expect(200);
    expect(results.body).toMatchObject({
      exerciseId: ex.id,
      referenceScores: reference,
      scale: { min: 1, max: 5 },
      tolerance: { maxMeanAbsDiff: 0.5 },
    });
    expect(results.body.items.map((i: { code: string }) => i.code)).toEqual(ITEMS);
    const byRater = Object.fromEntries(results.body.raters.map((r: { raterId: string }) => [r.raterId, r]));
    // one point above the reference on every item: a pure bias, no spread
    expect(byRater[w.lenient.id]).toMatchObject({ raterName: expect.any(String), bias: 1, spread: 0, withinTolerance: false });
    expect(byRater[w.rater.id]).toMatchObject({ bias: 0, spread: 0, meanAbsDiff: 0, withinTolerance: true });
    await t
      .http()
      .get(api(`/calibration/exercises/${ex.id}/results`))
      .set(w.otherAdmin.auth)
      .expect(404);
    await t
      .http()
      .get(api(`/calibration/exercises/${ex.id}/results`))
      .set(w.rater.auth)
      .expect(403);
  });

  it('400s bad scores with details and writes nothing; refuses bad references, identifiers and foreign rubrics; closed takes no attempts', async () => {
    const w = await world();
    const ex = (await publish(w).expect(201)).body;
    // a rubric owned by another body is not usable here
    const foreign = await t
      .http()
      .post(api('/rubrics'))
      .set(w.otherAdmin.auth)
      .send({
        code: `B-${randomBytes(3).toString('hex')}`,
        name: 'Theirs',
        modality: 'IPT',
        target: 'session',
        definition,
        ownerBodyId: (await t.db.query(`SELECT body_id FROM role_grants WHERE user_id = $1`, [w.otherAdmin.id]))[0].body_id,
      })
      .expect(201);
    await t
      .http()
      .post(api(`/rubric-versions/${foreign.body.versions[0].id}/publish`))
      .set(w.otherAdmin.auth)
      .expect(200);
    const before = [await countRows(t, 'calibration_attempts'), await countRows(t, 'calibration_exercises'), await audits()];
    const bad = await attempt(ex.id, w.rater, { inventory: 6, focus: 2.5, empathy: 3 }).expect(400);
    expect(bad.body.details).toMatchObject({
      'scores.inventory': ['a score must lie between 1 and 5'],
      'scores.focus': ['a score must be an integer'],
      'scores.empathy': ['empathy is not an item of this rubric'],
      'scores.linking': ['linking must be scored'],
    });
    const badRef = await publish(w, { referenceScores: { inventory: 9 } }).expect(400);
    expect(badRef.body.details['referenceScores.inventory']).toEqual(['a score must lie between 1 and 5']);
    expect(badRef.body.details['referenceScores.focus']).toEqual(['focus must be scored']);
    const mail = await publish(w, { description: 'Client jane.doe@example.com, recorded 2024' }).expect(400);
    expect(mail.body.details.description).toBeDefined();
    await publish(w, { description: 'Call 020 7946 0958 for the file' }).expect(400);
    await publish(w, { tolerance: { maxMeanAbsDiff: 0.5, minIcc: 2 } }).expect(400);
    await t
      .http()
      .post(api('/calibration/exercises'))
      .set(w.otherAdmin.auth)
      .send({
        bodyId: w.bodyId,
        rubricVersionId: w.versionId,
        title: 'x',
        description: 'y',
        referenceScores: reference,
        tolerance: { maxMeanAbsDiff: 1 },
      })
      .expect(403);
    await t
      .http()
      .post(api('/calibration/exercises'))
      .set(w.rater.auth)
      .send({
        bodyId: w.bodyId,
        rubricVersionId: w.versionId,
        title: 'x',
        description: 'y',
        referenceScores: reference,
        tolerance: { maxMeanAbsDiff: 1 },
      })
      .expect(403);
    const notUsable = await publish(w, { rubricVersionId: foreign.body.versions[0].id }).expect(400);
    expect(notUsable.body.details.rubricVersionId).toBeDefined();
    // the computed figures cannot be sent
    await t
      .http()
      .post(api(`/calibration/exercises/${ex.id}/attempts`))
      .set(w.rater.auth)
      .send({ scores: reference, withinTolerance: true })
      .expect(400);
    expect([await countRows(t, 'calibration_attempts'), await countRows(t, 'calibration_exercises'), await audits()]).toEqual(before);

    const closed = await t
      .http()
      .post(api(`/calibration/exercises/${ex.id}/close`))
      .set(w.admin.auth)
      .expect(200);
    expect(closed.body.status).toBe('closed');
    expect(await audits()).toBe(before[2] + 1);
    await t
      .http()
      .post(api(`/calibration/exercises/${ex.id}/close`))
      .set(w.admin.auth)
      .expect(409);
    expect((await attempt(ex.id, w.rater, reference).expect(409)).body.code).toBe('EXERCISE_CLOSED');
    expect(await audits()).toBe(before[2] + 1);
  });
});

describe('rubric reliability', () => {
  async function insertRating(
    w: World,
    targetId: string,
    raterId: string,
    scores: Record<string, number>,
    over: { role?: string; supersedes?: string; traineeId?: string; at?: string } = {},
  ): Promise<string> {
    const mean = Object.values(scores).reduce((s, x) => s + x, 0) / ITEMS.length;
    const [r] = await t.db.query(
      `INSERT INTO ratings (rubric_version_id, target_type, target_id, trainee_id, rater_id, rater_role, body_id, scores, total, mean, passed, status, supersedes_id, submitted_at)
       VALUES ($1, 'session', $2, $3, $4, $5, $6, $7, $8, $9, true, 'submitted', $10, $11) RETURNING id`,
      [
        w.versionId,
        targetId,
        over.traineeId ?? w.trainee.id,
        raterId,
        over.role ?? 'supervisor',
        w.bodyId,
        JSON.stringify(scores),
        Math.round(mean * ITEMS.length),
        mean,
        over.supersedes ?? null,
        over.at ?? '2025-01-01T00:00:00Z',
      ],
    );
    return r.id;
  }
  const flat = (v: number) => Object.fromEntries(ITEMS.map((c) => [c, v]));

  it('ICC(2,1) with CI and Krippendorff alpha over doubly-rated targets; self, superseded and singly-rated work ignored', async () => {
    const w = await world();
    const a = [2, 3, 4, 5, 3];
    const b = [2, 4, 4, 5, 2];
    const targets = a.map(() => randomUUID());
    for (let i = 0; i < a.length; i++) {
      await insertRating(w, targets[i], w.rater.id, flat(a[i]));
      await insertRating(w, targets[i], w.lenient.id, flat(b[i]));
    }
    // superseded: the old rating (5) no longer counts, its correction (4) does — already b[1] = 4
    const old = await insertRating(w, targets[1], w.lenient.id, flat(1), { at: '2024-01-01T00:00:00Z' });
    await t.db.query(`UPDATE ratings SET supersedes_id = $1 WHERE target_id = $2 AND rater_id = $3 AND id <> $1`, [
      old,
      targets[1],
      w.lenient.id,
    ]);
    await insertRating(w, targets[0], w.trainee.id, flat(5), { role: 'self' });
    await insertRating(w, randomUUID(), w.rater.id, flat(3), { at: '2024-07-15T00:00:00Z' });
    const before = await audits();

    const res = await t
      .http()
      .get(api(`/rubrics/${w.rubricId}/reliability?bodyId=${w.bodyId}`))
      .set(w.admin.auth)
      .expect(200);
    const expected = icc(a.map((x, i) => [x, b[i]]));
    expect(res.body).toMatchObject({ rubricId: w.rubricId, bodyId: w.bodyId, targets: 5, raters: 2, ratings: 10, completeDesign: true });
    expect(res.body.icc.value).toBeCloseTo(expected?.icc2 as number, 10);
    expect(res.body.icc.ci95.lower).toBeCloseTo(expected?.icc2Ci.lower as number, 10);
    expect(res.body.icc).toMatchObject({ targets: 5, raters: 2 });
    expect(res.body.krippendorffAlpha.value).toBeGreaterThan(0.7);
    expect(['poor', 'moderate', 'good', 'excellent']).toContain(res.body.band);
    expect(res.body.interpretation).toContain('Koo & Li');
    // over time: every quarter from the oldest counted rating (2024-Q3, singly rated) to the newest (2025-Q1),
    // cumulative; the last quarter holds every rating and so equals the overall figures
    expect(res.body.history.map((p: { period: string }) => p.period)).toEqual(['2024-Q3', '2024-Q4', '2025-Q1']);
    expect(res.body.history[0]).toMatchObject({ until: '2024-09-30', targets: 0, icc: null, alpha: null });
    expect(res.body.history[2]).toMatchObject({ until: '2025-03-31', targets: 5, ratings: 10 });
    expect(res.body.history[2].icc.value).toBeCloseTo(res.body.icc.value, 12);
    expect(await audits()).toBe(before);

    await t
      .http()
      .get(api(`/rubrics/${w.rubricId}/reliability?bodyId=${w.bodyId}`))
      .set(w.otherAdmin.auth)
      .expect(404);
    await t
      .http()
      .get(api(`/rubrics/${w.rubricId}/reliability?bodyId=${w.bodyId}`))
      .set(w.rater.auth)
      .expect(403);
    await t
      .http()
      .get(api(`/rubrics/${randomUUID()}/reliability?bodyId=${w.bodyId}`))
      .set(w.admin.auth)
      .expect(404);
    await t
      .http()
      .get(api(`/rubrics/${w.rubricId}/reliability`))
      .set(w.admin.auth)
      .expect(400);
  });
});
