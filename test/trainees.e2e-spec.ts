import { Role } from '../src/common/roles';
import { countRows, makeAdmin, makeBody, makeUser, type TestUser } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const api = (p: string) => `/api/v1${p}`;
const profile = (bodyId: string, over: Record<string, unknown> = {}) => ({
  displayName: 'Dr Ada Trainee',
  countryCode: 'GB',
  homeBodyId: bodyId,
  coreProfession: 'psychologist',
  licences: [
    { jurisdiction: 'GB', number: 'PYL-1', expiresOn: '2099-12-31' },
    { jurisdiction: 'IE', number: 'IE-9', expiresOn: '2020-01-31' },
  ],
  memberships: [{ bodyId, from: '2020-01-01', to: null }],
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
  return { body, otherBody, trainee, otherTrainee, supervisor, bodyAdmin, otherAdmin, admin };
}

const getProfile = (u: TestUser, traineeId: string) =>
  t
    .http()
    .get(api(`/trainees/${traineeId}/profile`))
    .set(u.auth);
const putProfile = (u: TestUser, traineeId: string, body: object, ifMatch?: string) => {
  const req = t
    .http()
    .put(api(`/trainees/${traineeId}/profile`))
    .set(u.auth);
  if (ifMatch !== undefined) req.set('If-Match', ifMatch);
  return req.send(body);
};

describe('trainee profile', () => {
  it('is created without If-Match, flags expired licences, updates the display name, and is replaced only with the right ETag', async () => {
    const w = await world();
    const missing = await getProfile(w.trainee, w.trainee.id).expect(404);
    expect(missing.body.code).toBe('PROFILE_NOT_FOUND');

    const audits = await countRows(t, 'audit_log');
    const created = await putProfile(w.trainee, w.trainee.id, profile(w.body.id)).expect(200);
    expect(created.headers.etag).toBe('"1"');
    expect(created.body).toMatchObject({
      traineeId: w.trainee.id,
      displayName: 'Dr Ada Trainee',
      countryCode: 'GB',
      coreProfession: 'psychologist',
      version: 1,
    });
    expect(created.body.licences.map((l: { expired: boolean }) => l.expired)).toEqual([false, true]);
    expect(await countRows(t, 'audit_log')).toBe(audits + 1);
    const [row] = await t.db.query(`SELECT * FROM audit_log ORDER BY id DESC LIMIT 1`);
    expect(row).toMatchObject({
      actor_id: w.trainee.id,
      action: 'trainee_profile.create',
      entity_type: 'trainee_profile',
      entity_id: w.trainee.id,
      body_id: w.body.id,
    });
    const [user] = await t.db.query(`SELECT display_name FROM users WHERE id = $1`, [w.trainee.id]);
    expect(user.display_name).toBe('Dr Ada Trainee');

    const replace = profile(w.body.id, { coreProfession: 'nurse', licences: [] });
    expect((await putProfile(w.trainee, w.trainee.id, replace).expect(428)).body.code).toBe('PRECONDITION_REQUIRED');
    expect((await putProfile(w.trainee, w.trainee.id, replace, '"7"').expect(412)).body.code).toBe('PRECONDITION_FAILED');
    expect(await countRows(t, 'audit_log')).toBe(audits + 1);
    const replaced = await putProfile(w.trainee, w.trainee.id, replace, '"1"').expect(200);
    expect(replaced.body).toMatchObject({ coreProfession: 'nurse', licences: [], version: 2 });
    expect(replaced.headers.etag).toBe('"2"');
    // the old ETag is stale now
    await putProfile(w.trainee, w.trainee.id, replace, '"1"').expect(412);
    expect(await countRows(t, 'audit_log')).toBe(audits + 2);
    const [last] = await t.db.query(`SELECT action, changes FROM audit_log ORDER BY id DESC LIMIT 1`);
    expect(last.action).toBe('trainee_profile.update');
    expect(last.changes.fields.sort()).toEqual(['coreProfession', 'licences']);
  });

  it('is visible to the trainee, a current supervisor, the body admin and a global admin — and 404 to everyone else', async () => {
    const w = await world();
    await putProfile(w.trainee, w.trainee.id, profile(w.body.id)).expect(200);
    await getProfile(w.trainee, w.trainee.id).expect(200);
    await getProfile(w.bodyAdmin, w.trainee.id).expect(200);
    await getProfile(w.admin, w.trainee.id).expect(200);

    const other = await getProfile(w.otherTrainee, w.trainee.id).expect(404);
    expect(other.body.code).toBe('PROFILE_NOT_FOUND');
    await getProfile(w.otherAdmin, w.trainee.id).expect(404);
    await getProfile(w.supervisor, w.trainee.id).expect(404);

    const [rel] = await t.db.query(
      `INSERT INTO supervision_relationships (trainee_id, supervisor_id, body_id, status, requested_by, started_on) VALUES ($1, $2, $3, 'active', $1, '2024-01-01') RETURNING id`,
      [w.trainee.id, w.supervisor.id, w.body.id],
    );
    await getProfile(w.supervisor, w.trainee.id).expect(200);
    await t.db.query(`UPDATE supervision_relationships SET status = 'ended', ended_on = '2024-06-01' WHERE id = $1`, [rel.id]);
    await getProfile(w.supervisor, w.trainee.id).expect(404);
  });

  it('is written only by the trainee: 403 for roles without records:write, 404/403 for other trainees', async () => {
    const w = await world();
    const before = await countRows(t, 'trainee_profiles');
    expect((await putProfile(w.supervisor, w.trainee.id, profile(w.body.id)).expect(403)).body.code).toBe('FORBIDDEN');
    await putProfile(w.bodyAdmin, w.trainee.id, profile(w.body.id)).expect(403);
    await putProfile(w.admin, w.trainee.id, profile(w.body.id)).expect(403);
    await putProfile(w.otherTrainee, w.trainee.id, profile(w.body.id)).expect(404);
    expect(await countRows(t, 'trainee_profiles')).toBe(before);
  });

  it('answers 400 with field details and writes nothing for invalid input', async () => {
    const w = await world();
    const profiles = await countRows(t, 'trainee_profiles');
    const audits = await countRows(t, 'audit_log');
    const bad = async (body: object) => (await putProfile(w.trainee, w.trainee.id, body).expect(400)).body;

    expect((await bad(profile(w.body.id, { countryCode: 'XX' }))).details.countryCode).toBeDefined();
    expect((await bad(profile(w.body.id, { countryCode: 'gb' }))).details.countryCode).toBeDefined();
    expect((await bad(profile(w.otherBody.id))).details.homeBodyId).toBeDefined();
    expect((await bad(profile(w.body.id, { coreProfession: 'astrologer' }))).details.coreProfession).toBeDefined();
    const nested = await bad(
      profile(w.body.id, {
        licences: [
          { jurisdiction: 'GB', number: 'x', expiresOn: '2024-02-30' },
          { jurisdiction: '', number: 'y', expiresOn: '2024-01-01', extra: 1 },
        ],
      }),
    );
    expect(Object.keys(nested.details)).toEqual(
      expect.arrayContaining(['licences.0.expiresOn', 'licences.1.jurisdiction', 'licences.1.extra']),
    );
    const many = Array.from({ length: 21 }, (_, i) => ({ jurisdiction: 'GB', number: `n${i}`, expiresOn: '2030-01-01' }));
    expect((await bad(profile(w.body.id, { licences: many }))).details.licences).toBeDefined();
    const overlap = await bad(
      profile(w.body.id, {
        memberships: [
          { bodyId: w.body.id, from: '2020-01-01', to: null },
          { bodyId: w.body.id, from: '2021-01-01', to: '2020-06-01' },
        ],
      }),
    );
    expect(overlap.details['memberships.1.to']).toBeDefined();
    const unknownBody = await bad(
      profile(w.body.id, { memberships: [{ bodyId: '00000000-0000-4000-8000-000000000000', from: '2020-01-01', to: null }] }),
    );
    expect(unknownBody.details['memberships.0.bodyId']).toBeDefined();
    expect((await bad({ ...profile(w.body.id), version: 5 })).details.version).toBeDefined();

    expect(await countRows(t, 'trainee_profiles')).toBe(profiles);
    expect(await countRows(t, 'audit_log')).toBe(audits);
  });
});
