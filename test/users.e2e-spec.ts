import { Role } from '../src/common/roles';
import { BodyKind } from '../src/bodies/body.entity';
import { countRows, makeBody, makeUser, TEST_PASSWORD } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('users and roles', () => {
  it('remembers the web app language a person chose, and refuses one the app does not speak', async () => {
    const person = await makeUser(t, []);
    const before = await t.http().get('/api/v1/me').set(person.auth).expect(200);
    expect(before.body.language).toBeNull();
    await t.http().put('/api/v1/me/language').set(person.auth).send({ language: 'de' }).expect(204);
    expect((await t.http().get('/api/v1/me').set(person.auth).expect(200)).body.language).toBe('de');
    const bad = await t.http().put('/api/v1/me/language').set(person.auth).send({ language: 'xx' }).expect(400);
    expect(bad.body.details).toHaveProperty('language');
    expect((await t.http().get('/api/v1/me').set(person.auth).expect(200)).body.language).toBe('de');
    await t.http().put('/api/v1/me/language').send({ language: 'en' }).expect(401);
  });

  it('a trainee lacks the permission to list users: 403, not 404', async () => {
    const body = await makeBody(t);
    const trainee = await makeUser(t, [{ role: Role.Trainee, bodyId: body.id }]);
    const res = await t.http().get('/api/v1/users').set(trainee.auth).expect(403);
    expect(res.body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
  });

  it('a body admin sees only people of their own body; others answer 404', async () => {
    const a = await makeBody(t);
    const b = await makeBody(t);
    const adminA = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: a.id }]);
    const inA = await makeUser(t, [{ role: Role.Trainee, bodyId: a.id }]);
    const inB = await makeUser(t, [{ role: Role.Trainee, bodyId: b.id }]);
    const list = await t.http().get('/api/v1/users').query({ limit: 100 }).set(adminA.auth).expect(200);
    const ids = list.body.items.map((u: { id: string }) => u.id);
    expect(ids).toEqual(expect.arrayContaining([inA.id, adminA.id]));
    expect(ids).not.toContain(inB.id);
    await t.http().get(`/api/v1/users/${inA.id}`).set(adminA.auth).expect(200);
    const foreign = await t.http().get(`/api/v1/users/${inB.id}`).set(adminA.auth).expect(404);
    expect(foreign.body.code).toBe('USER_NOT_FOUND');
    await t.http().get('/api/v1/users/00000000-0000-4000-8000-000000000000').set(adminA.auth).expect(404);
    expect(JSON.stringify(list.body)).not.toMatch(/passwordHash|password_hash|\$argon2/);
  });

  it('paginates with a keyset cursor and caps the page size', async () => {
    const admin = await makeUser(t, [{ role: Role.Admin }]);
    for (let i = 0; i < 3; i++) await makeUser(t, []);
    const first = await t.http().get('/api/v1/users').query({ limit: 2 }).set(admin.auth).expect(200);
    expect(first.body.items).toHaveLength(2);
    const second = await t.http().get('/api/v1/users').query({ limit: 2, cursor: first.body.nextCursor }).set(admin.auth).expect(200);
    expect(second.body.items[0].email > first.body.items[1].email).toBe(true);
    await t.http().get('/api/v1/users').query({ limit: 1000 }).set(admin.auth).expect(400);
    await t.http().get('/api/v1/users').query({ sort: 'password_hash' }).set(admin.auth).expect(400);
    await t.http().get('/api/v1/users').query({ cursor: 'garbage!' }).set(admin.auth).expect(400);
  });

  it('body admins grant and revoke roles only within their body, audited with the role they used', async () => {
    const a = await makeBody(t);
    const b = await makeBody(t);
    const adminA = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: a.id }]);
    const person = await makeUser(t, [{ role: Role.Trainee, bodyId: a.id }]);
    const before = await countRows(t, 'audit_log');
    const grant = await t
      .http()
      .post(`/api/v1/users/${person.id}/roles`)
      .set(adminA.auth)
      .send({ role: 'SUPERVISOR', bodyId: a.id })
      .expect(201);
    expect(await countRows(t, 'audit_log')).toBe(before + 1);
    const [row] = await t.db.query(`SELECT * FROM audit_log ORDER BY id DESC LIMIT 1`);
    expect(row).toMatchObject({ actor_id: adminA.id, actor_role: 'BODY_ADMIN', body_id: a.id, action: 'role.grant', entity_id: person.id });
    await t.http().post(`/api/v1/users/${person.id}/roles`).set(adminA.auth).send({ role: 'SUPERVISOR', bodyId: a.id }).expect(409);
    await t.http().post(`/api/v1/users/${person.id}/roles`).set(adminA.auth).send({ role: 'SUPERVISOR', bodyId: b.id }).expect(403);
    await t.http().post(`/api/v1/users/${person.id}/roles`).set(adminA.auth).send({ role: 'ADMIN' }).expect(403);
    const grantsBefore = await countRows(t, 'role_grants');
    await t
      .http()
      .post(`/api/v1/users/${person.id}/roles`)
      .set(adminA.auth)
      .send({ role: 'SUPERVISOR', bodyId: a.id, extra: 1 })
      .expect(400);
    expect(await countRows(t, 'role_grants')).toBe(grantsBefore);
    // the new role works on the very next request: roles are read from the database, not the token
    const me = await t.http().get('/api/v1/me').set(person.auth).expect(200);
    expect(me.body.roles.map((r: { role: string }) => r.role).sort()).toEqual(['SUPERVISOR', 'TRAINEE']);
    await t.http().delete(`/api/v1/users/${person.id}/roles/${grant.body.id}`).set(adminA.auth).expect(204);
    await t.http().delete(`/api/v1/users/${person.id}/roles/${grant.body.id}`).set(adminA.auth).expect(404);
  });

  it('only a global admin creates bodies; several may share a country, codes stay unique', async () => {
    const admin = await makeUser(t, [{ role: Role.Admin }]);
    const intl = await makeBody(t, { kind: BodyKind.International, parentId: null });
    const created = await t
      .http()
      .post('/api/v1/bodies')
      .set(admin.auth)
      .send({ code: 'DE-IPT', name: 'IPT Deutschland', kind: 'national', countryCode: 'DE', parentId: intl.id })
      .expect(201);
    expect(created.body).toMatchObject({ code: 'DE-IPT', countryCode: 'DE', parentId: intl.id });
    await t
      .http()
      .post('/api/v1/bodies')
      .set(admin.auth)
      .send({ code: 'DE-TWO', name: 'Second', kind: 'national', countryCode: 'DE', parentId: intl.id })
      .expect(201);
    await t
      .http()
      .post('/api/v1/bodies')
      .set(admin.auth)
      .send({ code: 'DE-TWO', name: 'Third', kind: 'national', countryCode: 'DE', parentId: intl.id })
      .expect(409);
    await t
      .http()
      .post('/api/v1/bodies')
      .set(admin.auth)
      .send({ code: 'XX-IPT', name: 'Nowhere', kind: 'national', countryCode: 'XX', parentId: intl.id })
      .expect(400);
    const bodyAdmin = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: created.body.id }]);
    await t
      .http()
      .post('/api/v1/bodies')
      .set(bodyAdmin.auth)
      .send({ code: 'FR-IPT', name: 'France', kind: 'national', countryCode: 'FR', parentId: intl.id })
      .expect(403);
    const list = await t.http().get('/api/v1/bodies').expect(200);
    expect(list.body.map((b: { code: string }) => b.code)).toContain('DE-IPT');
  });

  it('admins cannot lock themselves out', async () => {
    const admin = await makeUser(t, [{ role: Role.Admin }]);
    await t.http().post(`/api/v1/users/${admin.id}/disable`).set(admin.auth).expect(409);
    const me = await t.http().get('/api/v1/me').set(admin.auth).expect(200);
    await t.http().delete(`/api/v1/users/${admin.id}/roles/${me.body.roles[0].id}`).set(admin.auth).expect(409);
  });
});

describe('audit trail', () => {
  it('global admins read everything; body admins only their body; filters and pagination work', async () => {
    const a = await makeBody(t);
    const b = await makeBody(t);
    const admin = await makeUser(t, [{ role: Role.Admin }]);
    const adminA = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: a.id }]);
    const adminB = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: b.id }]);
    // p belongs to body A (a body admin grants roles only to people of their body)
    const p = await makeUser(t, [{ role: Role.Trainee, bodyId: a.id }]);
    await t.http().post(`/api/v1/users/${p.id}/roles`).set(adminA.auth).send({ role: 'SUPERVISOR', bodyId: a.id }).expect(201);
    const mine = await t.http().get('/api/v1/audit').query({ action: 'role.grant' }).set(adminA.auth).expect(200);
    expect(mine.body.items.map((e: { entityId: string }) => e.entityId)).toContain(p.id);
    // the trail names who acted
    await t.db.query(`UPDATE users SET display_name = 'Ada Admin' WHERE id = $1`, [adminA.id]);
    const named = await t.http().get('/api/v1/audit').query({ action: 'role.grant', entityId: p.id }).set(adminA.auth).expect(200);
    expect(named.body.items[0]).toMatchObject({ actorId: adminA.id, actorName: 'Ada Admin' });
    const theirs = await t.http().get('/api/v1/audit').query({ action: 'role.grant' }).set(adminB.auth).expect(200);
    expect(theirs.body.items.map((e: { entityId: string }) => e.entityId)).not.toContain(p.id);
    const all = await t.http().get('/api/v1/audit').query({ limit: 1 }).set(admin.auth).expect(200);
    expect(all.body.items).toHaveLength(1);
    const next = await t.http().get('/api/v1/audit').query({ limit: 1, cursor: all.body.nextCursor }).set(admin.auth).expect(200);
    expect(Number(next.body.items[0].id)).toBeLessThan(Number(all.body.items[0].id));
    const trainee = await makeUser(t, [{ role: Role.Trainee, bodyId: a.id }], { email: `t-${Date.now()}@x.example` });
    await t.http().get('/api/v1/audit').set(trainee.auth).expect(403);
    void TEST_PASSWORD;
  });
});
