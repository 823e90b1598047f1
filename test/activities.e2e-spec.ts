import { Role } from '../src/common/roles';
import { countRows, makeAdmin, makeBody, makeUser, type TestUser } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const api = (p: string) => `/api/v1${p}`;
const activity = (over: Record<string, unknown> = {}) => ({
  kind: 'didactic_course',
  title: 'Introductory IPT course',
  provider: 'National IPT body',
  hours: 16,
  delivery: 'in_person',
  date: '2024-05-10',
  evidenceRef: 'Certificate 2024-117',
  ...over,
});

async function world() {
  const body = await makeBody(t);
  const otherBody = await makeBody(t);
  const trainee = await makeUser(t, [{ role: Role.Trainee, bodyId: body.id }]);
  const otherTrainee = await makeUser(t, [{ role: Role.Trainee, bodyId: body.id }]);
  const supervisor = await makeUser(t, [{ role: Role.Supervisor, bodyId: body.id }]);
  const bodyAdmin = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: body.id }]);
  const otherAdmin = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: otherBody.id }]);
  const admin = await makeAdmin(t);
  return { body, trainee, otherTrainee, supervisor, bodyAdmin, otherAdmin, admin };
}

const supervise = async (traineeId: string, supervisorId: string, bodyId: string): Promise<string> =>
  (
    await t.db.query(
      `INSERT INTO supervision_relationships (trainee_id, supervisor_id, body_id, status, requested_by, started_on) VALUES ($1, $2, $3, 'active', $1, '2024-01-01') RETURNING id`,
      [traineeId, supervisorId, bodyId],
    )
  )[0].id;

const create = (u: TestUser, traineeId: string, body: object) =>
  t
    .http()
    .post(api(`/trainees/${traineeId}/activities`))
    .set(u.auth)
    .send(body);

describe('training activities', () => {
  it('logs, lists with keyset pagination and filters, and totals by kind split verified/unverified', async () => {
    const w = await world();
    const audits = await countRows(t, 'audit_log');
    const a = await create(w.trainee, w.trainee.id, activity()).expect(201);
    expect(a.body).toMatchObject({ traineeId: w.trainee.id, hours: 16, verified: false, verifiedBy: null, version: 1 });
    expect(await countRows(t, 'audit_log')).toBe(audits + 1);
    await create(
      w.trainee,
      w.trainee.id,
      activity({ kind: 'booster', hours: 8.5, date: '2024-06-01', trainerId: w.supervisor.id, delivery: 'online' }),
    ).expect(201);
    await create(w.trainee, w.trainee.id, activity({ kind: 'cpd', hours: 1.25, date: '2024-07-01', evidenceRef: null })).expect(201);
    await create(w.otherTrainee, w.otherTrainee.id, activity()).expect(201);

    const page1 = await t
      .http()
      .get(api(`/trainees/${w.trainee.id}/activities?limit=2`))
      .set(w.trainee.auth)
      .expect(200);
    expect(page1.body.items.map((x: { date: string }) => x.date)).toEqual(['2024-07-01', '2024-06-01']);
    const page2 = await t
      .http()
      .get(api(`/trainees/${w.trainee.id}/activities?limit=2&cursor=${page1.body.nextCursor}`))
      .set(w.trainee.auth)
      .expect(200);
    expect(page2.body.items.map((x: { date: string }) => x.date)).toEqual(['2024-05-10']);
    expect(page2.body.nextCursor).toBeNull();
    const byCreated = await t
      .http()
      .get(api(`/trainees/${w.trainee.id}/activities?sort=createdAt&order=asc&limit=1`))
      .set(w.trainee.auth)
      .expect(200);
    const next = await t
      .http()
      .get(api(`/trainees/${w.trainee.id}/activities?sort=createdAt&order=asc&limit=5&cursor=${byCreated.body.nextCursor}`))
      .set(w.trainee.auth)
      .expect(200);
    expect([...byCreated.body.items, ...next.body.items].map((x: { kind: string }) => x.kind)).toEqual([
      'didactic_course',
      'booster',
      'cpd',
    ]);
    const filtered = await t
      .http()
      .get(api(`/trainees/${w.trainee.id}/activities?kind=booster&from=2024-05-11&to=2024-12-31&verified=false`))
      .set(w.trainee.auth)
      .expect(200);
    expect(filtered.body.items).toHaveLength(1);
    await t
      .http()
      .get(api(`/trainees/${w.trainee.id}/activities?sort=title`))
      .set(w.trainee.auth)
      .expect(400);
    await t
      .http()
      .get(api(`/trainees/${w.trainee.id}/activities?cursor=bm90LWEtY3Vyc29y`))
      .set(w.trainee.auth)
      .expect(400);

    await supervise(w.trainee.id, w.supervisor.id, w.body.id);
    await t
      .http()
      .post(api(`/activities/${a.body.id}/verify`))
      .set(w.supervisor.auth)
      .expect(200);
    const totals = await t
      .http()
      .get(api(`/trainees/${w.trainee.id}/activities/totals`))
      .set(w.bodyAdmin.auth)
      .expect(200);
    expect(totals.body.verified).toEqual({ hours: 16, count: 1 });
    expect(totals.body.unverified).toEqual({ hours: 9.75, count: 2 });
    expect(totals.body.byKind.find((k: { kind: string }) => k.kind === 'booster').unverified).toEqual({ hours: 8.5, count: 1 });
  });

  it('scopes reads: other trainees and other bodies get 404, a global admin reads', async () => {
    const w = await world();
    const a = await create(w.trainee, w.trainee.id, activity()).expect(201);
    await t
      .http()
      .get(api(`/activities/${a.body.id}`))
      .set(w.trainee.auth)
      .expect(200);
    await t
      .http()
      .get(api(`/activities/${a.body.id}`))
      .set(w.admin.auth)
      .expect(200);
    await t
      .http()
      .get(api(`/activities/${a.body.id}`))
      .set(w.bodyAdmin.auth)
      .expect(200);
    expect(
      (
        await t
          .http()
          .get(api(`/activities/${a.body.id}`))
          .set(w.otherTrainee.auth)
          .expect(404)
      ).body.code,
    ).toBe('ACTIVITY_NOT_FOUND');
    await t
      .http()
      .get(api(`/activities/${a.body.id}`))
      .set(w.otherAdmin.auth)
      .expect(404);
    await t
      .http()
      .get(api(`/activities/${a.body.id}`))
      .set(w.supervisor.auth)
      .expect(404);
    await t
      .http()
      .get(api(`/trainees/${w.trainee.id}/activities`))
      .set(w.otherTrainee.auth)
      .expect(404);
    await t
      .http()
      .get(api(`/trainees/${w.trainee.id}/activities/totals`))
      .set(w.otherAdmin.auth)
      .expect(404);
    // a trainee cannot log into someone else's record; a role without records:write cannot log at all
    await create(w.otherTrainee, w.trainee.id, activity()).expect(404);
    await create(w.bodyAdmin, w.trainee.id, activity()).expect(403);
  });

  it('refuses invalid activities with field details and writes nothing', async () => {
    const w = await world();
    const rows = await countRows(t, 'training_activities');
    const audits = await countRows(t, 'audit_log');
    const bad = async (over: Record<string, unknown>, field: string) => {
      const res = await create(w.trainee, w.trainee.id, activity(over)).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.details[field]).toBeDefined();
    };
    await bad({ hours: 0 }, 'hours');
    await bad({ hours: 1.234 }, 'hours');
    await bad({ hours: 200.5 }, 'hours');
    await bad({ hours: '3' }, 'hours');
    await bad({ date: '2999-01-01' }, 'date');
    await bad({ date: '2024-02-30' }, 'date');
    await bad({ kind: 'retreat' }, 'kind');
    await bad({ delivery: 'carrier_pigeon' }, 'delivery');
    await bad({ evidenceRef: '<img src=x onerror=alert(1)>' }, 'evidenceRef');
    await bad({ evidenceRef: 'x'.repeat(501) }, 'evidenceRef');
    await bad({ trainerId: '00000000-0000-4000-8000-000000000000' }, 'trainerId');
    await bad({ verifiedBy: w.supervisor.id }, 'verifiedBy');
    expect(await countRows(t, 'training_activities')).toBe(rows);
    expect(await countRows(t, 'audit_log')).toBe(audits);
  });

  it('is verified only by a current supervisor or the body admin, never by the trainee; edits clear verification', async () => {
    const body = await makeBody(t);
    const trainee = await makeUser(t, [
      { role: Role.Trainee, bodyId: body.id },
      { role: Role.BodyAdmin, bodyId: body.id },
    ]);
    const supervisor = await makeUser(t, [{ role: Role.Supervisor, bodyId: body.id }]);
    const bodyAdmin = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: body.id }]);
    const a = await create(trainee, trainee.id, activity()).expect(201);
    const verify = (u: TestUser) =>
      t
        .http()
        .post(api(`/activities/${a.body.id}/verify`))
        .set(u.auth);

    // holding BODY_ADMIN in their own body does not let a trainee verify their own training
    expect((await verify(trainee).expect(403)).body.code).toBe('CANNOT_VERIFY_OWN');
    await verify(supervisor).expect(404);
    const relId = await supervise(trainee.id, supervisor.id, body.id);
    const audits = await countRows(t, 'audit_log');
    const v = await verify(supervisor).expect(200);
    expect(v.body).toMatchObject({ verified: true, verifiedBy: supervisor.id, version: 2 });
    expect(await countRows(t, 'audit_log')).toBe(audits + 1);
    expect((await verify(bodyAdmin).expect(409)).body.code).toBe('ALREADY_VERIFIED');

    // a verified activity cannot be deleted
    expect(
      (
        await t
          .http()
          .delete(api(`/activities/${a.body.id}`))
          .set(trainee.auth)
          .expect(409)
      ).body.code,
    ).toBe('ACTIVITY_VERIFIED');

    const patch = (ifMatch?: string) => {
      const req = t
        .http()
        .patch(api(`/activities/${a.body.id}`))
        .set(trainee.auth);
      if (ifMatch) req.set('If-Match', ifMatch);
      return req.send({ hours: 14 });
    };
    await patch().expect(428);
    await patch('"1"').expect(412);
    const edited = await patch('"2"').expect(200);
    expect(edited.body).toMatchObject({ hours: 14, verified: false, verifiedBy: null, verificationCleared: true, version: 3 });
    expect(edited.headers.etag).toBe('"3"');
    expect(await countRows(t, 'audit_log')).toBe(audits + 2);
    expect(
      (
        await t
          .http()
          .patch(api(`/activities/${a.body.id}`))
          .set(supervisor.auth)
          .set('If-Match', '"3"')
          .send({ hours: 1 })
          .expect(403)
      ).body.code,
    ).toBe('FORBIDDEN');

    // once the supervision ends, the former supervisor can neither see nor verify
    await t.db.query(`UPDATE supervision_relationships SET status = 'ended', ended_on = '2024-06-01' WHERE id = $1`, [relId]);
    await verify(supervisor).expect(404);
    await verify(bodyAdmin).expect(200);

    const again = await patch('"4"').expect(200);
    expect(again.body.verificationCleared).toBe(true);
    const unverifiedEdit = await patch('"5"').expect(200);
    expect(unverifiedEdit.body.verificationCleared).toBe(false);
    const before = await countRows(t, 'training_activities');
    await t
      .http()
      .delete(api(`/activities/${a.body.id}`))
      .set(trainee.auth)
      .expect(204);
    expect(await countRows(t, 'training_activities')).toBe(before - 1);
    await t
      .http()
      .get(api(`/activities/${a.body.id}`))
      .set(trainee.auth)
      .expect(404);
  });

  it('refuses verification by a supervisor with a declared conflict of interest', async () => {
    const w = await world();
    await supervise(w.trainee.id, w.supervisor.id, w.body.id);
    const a = await create(w.trainee, w.trainee.id, activity()).expect(201);
    await t
      .http()
      .post(api('/conflicts-of-interest'))
      .set(w.trainee.auth)
      .send({ otherUserId: w.supervisor.id, kind: 'personal_friend' })
      .expect(201);
    const res = await t
      .http()
      .post(api(`/activities/${a.body.id}/verify`))
      .set(w.supervisor.auth)
      .expect(409);
    expect(res.body).toMatchObject({ code: 'CONFLICT_OF_INTEREST', details: { kind: ['personal_friend'] } });
    const [row] = await t.db.query(`SELECT verified_at FROM training_activities WHERE id = $1`, [a.body.id]);
    expect(row.verified_at).toBeNull();
  });
});
