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
    { code: 'inventory', label: 'Interpersonal inventory', domain: 'initial', anchors: { '1': 'not done', '5': 'thorough' } },
    { code: 'focus', label: 'Agreed focus', domain: 'initial' },
  ],
  aggregation: 'mean',
  passRule: { threshold: 3 },
  multiRater: { kind: 'mean_of_n', n: 2, disagreementThreshold: 1 },
};

const audits = () => countRows(t, 'audit_log');

function create(admin: TestUser, over: Record<string, unknown> = {}) {
  return t
    .http()
    .post('/api/v1/rubrics')
    .set(admin.auth)
    .send({
      code: `R-${Math.random().toString(36).slice(2, 8)}`,
      name: 'IPT example',
      modality: 'IPT',
      target: 'session',
      definition,
      ...over,
    });
}

describe('rubric versions', () => {
  it('creates a draft, edits it with If-Match, publishes it; a published version is immutable (409) and a new draft copies it', async () => {
    const body = await makeBody(t);
    const admin = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: body.id }]);
    let before = await audits();
    const created = await create(admin, { ownerBodyId: body.id }).expect(201);
    expect(await audits()).toBe(before + 1);
    expect(created.body.versions).toEqual([expect.objectContaining({ versionNumber: 1, status: 'draft' })]);
    const v1 = created.body.versions[0].id;

    const got = await t.http().get(`/api/v1/rubric-versions/${v1}`).set(admin.auth).expect(200);
    await t.http().patch(`/api/v1/rubric-versions/${v1}`).set(admin.auth).send({ definition }).expect(428);
    before = await audits();
    const changed = { ...definition, passRule: { threshold: 3.5 } };
    const patched = await t
      .http()
      .patch(`/api/v1/rubric-versions/${v1}`)
      .set(admin.auth)
      .set('If-Match', got.headers.etag)
      .send({ definition: changed })
      .expect(200);
    expect(patched.body.definition.passRule.threshold).toBe(3.5);
    expect(await audits()).toBe(before + 1);
    await t
      .http()
      .patch(`/api/v1/rubric-versions/${v1}`)
      .set(admin.auth)
      .set('If-Match', got.headers.etag)
      .send({ definition })
      .expect(412);

    const published = await t.http().post(`/api/v1/rubric-versions/${v1}/publish`).set(admin.auth).expect(200);
    expect(published.body).toMatchObject({ status: 'published' });
    before = await audits();
    const frozen = await t
      .http()
      .patch(`/api/v1/rubric-versions/${v1}`)
      .set(admin.auth)
      .set('If-Match', published.headers.etag)
      .send({ definition })
      .expect(409);
    expect(frozen.body.code).toBe('RUBRIC_VERSION_NOT_DRAFT');
    await t.http().post(`/api/v1/rubric-versions/${v1}/publish`).set(admin.auth).expect(409);
    expect(await audits()).toBe(before);
    const [row] = await t.db.query(`SELECT definition FROM rubric_versions WHERE id = $1`, [v1]);
    expect(row.definition.passRule.threshold).toBe(3.5);

    const v2 = await t.http().post(`/api/v1/rubrics/${created.body.id}/versions`).set(admin.auth).expect(201);
    expect(v2.body).toMatchObject({ versionNumber: 2, status: 'draft', definition: { passRule: { threshold: 3.5 } } });
    await t.http().post(`/api/v1/rubrics/${created.body.id}/versions`).set(admin.auth).expect(409);
    await t.http().post(`/api/v1/rubric-versions/${v2.body.id}/publish`).set(admin.auth).expect(200);
    const [old] = await t.db.query(`SELECT status FROM rubric_versions WHERE id = $1`, [v1]);
    expect(old.status).toBe('retired');
  });

  it('400s an invalid definition with field details and writes nothing', async () => {
    const admin = await makeUser(t, [{ role: Role.Admin }]);
    const before = [await countRows(t, 'rubrics'), await audits()];
    const res = await create(admin, {
      definition: { ...definition, scale: { min: 3, max: 1 }, passRule: { threshold: 9, requiredItems: ['nope'] } },
    }).expect(400);
    expect(res.body.code).toBe('INVALID_RUBRIC_DEFINITION');
    expect(Object.keys(res.body.details)).toEqual(expect.arrayContaining(['definition.scale.max', 'definition.passRule.requiredItems.0']));
    expect([await countRows(t, 'rubrics'), await audits()]).toEqual(before);
  });

  it('scopes management and visibility: only a global admin creates a global rubric; other bodies see neither drafts nor body rubrics', async () => {
    const [a, b] = [await makeBody(t), await makeBody(t)];
    const adminA = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: a.id }]);
    const adminB = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: b.id }]);
    const supervisorA = await makeUser(t, [{ role: Role.Supervisor, bodyId: a.id }]);
    await create(adminA).expect(403);
    await create(adminA, { ownerBodyId: b.id }).expect(403);
    await t.http().post('/api/v1/rubrics').set(supervisorA.auth).send({}).expect(403);
    const r = await create(adminA, { ownerBodyId: a.id }).expect(201);
    const draftId = r.body.versions[0].id;
    await t.http().get(`/api/v1/rubrics/${r.body.id}`).set(adminB.auth).expect(404);
    await t.http().get(`/api/v1/rubric-versions/${draftId}`).set(adminB.auth).expect(404);
    // a supervisor of the body sees the rubric but not its draft
    const seen = await t.http().get(`/api/v1/rubrics/${r.body.id}`).set(supervisorA.auth).expect(200);
    expect(seen.body.versions).toEqual([]);
    await t.http().get(`/api/v1/rubric-versions/${draftId}`).set(supervisorA.auth).expect(404);
    await t.http().post(`/api/v1/rubric-versions/${draftId}/publish`).set(adminB.auth).expect(404);
    const listB = await t.http().get('/api/v1/rubrics?limit=100').set(adminB.auth).expect(200);
    expect(listB.body.items.map((x: { id: string }) => x.id)).not.toContain(r.body.id);
  });
});
