import { randomBytes, randomUUID } from 'node:crypto';
import { Role } from '../../src/auth/roles';
import { API, caseBody, supervise } from '../cases-fixtures';
import { makeAccreditation, sign } from '../credentials-fixtures';
import { makeAdmin, makeBody, makeUser, TEST_PASSWORD } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** Every text-like column of every table (audit trail included) that contains `needle`, case-insensitively. */
async function findEverywhere(needle: string): Promise<string[]> {
  const cols: { table_name: string; column_name: string }[] = await t.db.query(
    `SELECT c.table_name, c.column_name FROM information_schema.columns c
       JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name AND tb.table_type = 'BASE TABLE'
      WHERE c.table_schema = current_schema()
        AND c.data_type IN ('text', 'character varying', 'character', 'jsonb', 'json', 'ARRAY', 'USER-DEFINED')`,
  );
  const hits: string[] = [];
  for (const c of cols) {
    const [row] = await t.db.query(`SELECT count(*)::int AS n FROM "${c.table_name}" WHERE "${c.column_name}"::text ILIKE '%' || $1 || '%'`, [needle]);
    if (row.n > 0) hits.push(`${c.table_name}.${c.column_name} (${row.n})`);
  }
  return hits;
}

describe('POST /users/:id/erase', () => {
  it('removes the person\'s personal data everywhere; their accreditation still verifies under a pseudonym', async () => {
    const body = await makeBody(t, { name: 'IPT Erasureland' });
    const tag = randomBytes(4).toString('hex');
    const name = `Zelda Quarrington ${tag}`;
    const email = `zelda.${tag}@test.example`;
    const person = await makeUser(t, [{ role: Role.Trainee, bodyId: body.id }], { email, displayName: name });
    const supervisor = await makeUser(t, [{ role: Role.Supervisor, bodyId: body.id }]);
    await supervise(t, person.id, supervisor.id, body.id);
    const admin = await makeAdmin(t);
    await t.db.query(
      `INSERT INTO trainee_profiles (user_id, country_code, home_body_id, core_profession, licences, memberships) VALUES ($1, 'GB', $2, 'psychologist', $3::jsonb, $4::jsonb)`,
      [person.id, body.id, JSON.stringify([{ jurisdiction: 'GB', number: 'HCPC-PYL-998877', expiresOn: '2030-01-01' }]), JSON.stringify([{ bodyId: body.id, from: '2020-01-01', to: null }])],
    );
    // their data in places other than their account: free text naming them, a stored idempotent response,
    // a failed sign-in counter keyed by their e-mail, an accreditation (and its signed credential) in their name
    const created = await t.http().post(`${API}/cases`).set(person.auth).set('Idempotency-Key', `k-${randomUUID()}`)
      .send(caseBody(supervisor.id, { presentingProblem: `Referred to ${name} for low mood after a bereavement.` })).expect(201);
    await t.http().post(`${API}/auth/sign-in`).send({ email, password: 'not-the-password-at-all' }).expect(401);
    const acc = await makeAccreditation(t, body, person.id, { holderName: name, publicListing: true });
    const jws = await sign(t, acc, body.name);
    expect(jws).toBeTruthy();
    expect((await findEverywhere(email)).length).toBeGreaterThan(0);
    expect((await findEverywhere(name)).length).toBeGreaterThan(0);

    // the reason goes into the append-only audit trail, so it must not name the person
    const named = await t.http().post(`${API}/users/${person.id}/erase`).set(admin.auth).send({ reason: `Request from ${name} by letter` }).expect(400);
    expect(named.body.details.reason).toBeDefined();

    const res = await t.http().post(`${API}/users/${person.id}/erase`).set(admin.auth).send({ reason: 'GDPR Art. 17 request, ticket 4711' }).expect(200);
    expect(res.body).toMatchObject({ id: person.id, status: 'erased', accreditationsPseudonymised: 1 });
    expect(res.body.sessionsDeleted).toBeGreaterThanOrEqual(1);
    expect(res.body.freeTextRowsScrubbed).toBeGreaterThanOrEqual(1);

    expect(await findEverywhere(email)).toEqual([]);
    expect(await findEverywhere(name)).toEqual([]);
    expect(await findEverywhere('HCPC-PYL-998877')).toEqual([]);

    const [user] = await t.db.query(`SELECT email, display_name, password_hash, status FROM users WHERE id = $1`, [person.id]);
    expect(user.email).toMatch(/^erased-[0-9a-f]+@invalid$/);
    expect(user.display_name).toBe(res.body.pseudonym);
    expect(user.status).toBe('erased');
    expect(user.password_hash).not.toMatch(/^\$argon2/);
    expect(await t.db.query(`SELECT id FROM sessions WHERE user_id = $1`, [person.id])).toEqual([]);
    expect(await t.db.query(`SELECT id FROM idempotency_keys WHERE user_id = $1`, [person.id])).toEqual([]);
    expect(await t.db.query(`SELECT licences FROM trainee_profiles WHERE user_id = $1`, [person.id])).toEqual([{ licences: [] }]);
    // the clinical record stays (pseudonymous), with the mention of the person replaced
    const [kase] = await t.db.query(`SELECT presenting_problem FROM supervised_cases WHERE id = $1`, [created.body.id]);
    expect(kase.presenting_problem).toBe("Referred to [erased] for low mood after a bereavement.");

    // they can no longer use the service: old tokens, refresh, sign-in
    await t.http().get(`${API}/me`).set(person.auth).expect(401);
    await t.http().post(`${API}/auth/refresh`).send({ refreshToken: person.refreshToken }).expect(401);
    await t.http().post(`${API}/auth/sign-in`).send({ email, password: TEST_PASSWORD }).expect(401);

    // the accreditation still verifies by its certificate number, under the pseudonym (now off the register)
    const verified = await t.http().get(`${API}/verify/${acc.certificateNumber}`).expect(200);
    expect(verified.body).toMatchObject({ certificateNumber: acc.certificateNumber, result: 'valid', holderName: null });
    const [row] = await t.db.query(`SELECT holder_name, status, public_listing, credential_jws FROM accreditations WHERE id = $1`, [acc.id]);
    expect(row).toEqual({ holder_name: res.body.pseudonym, status: 'active', public_listing: false, credential_jws: null });
    const byName = await t.http().get(`${API}/verify/${acc.certificateNumber}`).query({ name: res.body.pseudonym }).expect(200);
    expect(byName.body.nameMatches).toBe(true);

    // exactly one audit row, with no personal data in it
    const audits = await t.db.query(`SELECT actor_id, actor_role, changes FROM audit_log WHERE action = 'user.erase' AND entity_id = $1`, [person.id]);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actor_id: admin.id, actor_role: 'ADMIN', changes: { reason: 'GDPR Art. 17 request, ticket 4711', status: { from: 'active', to: 'erased' } } });

    // erased is final: a second erasure (or any admin action on them) finds no one
    await t.http().post(`${API}/users/${person.id}/erase`).set(admin.auth).send({ reason: 'GDPR Art. 17 request, ticket 4711' }).expect(404);
  });

  it('is for global admins only; not oneself', async () => {
    const body = await makeBody(t);
    const bodyAdmin = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: body.id }]);
    const trainee = await makeUser(t, [{ role: Role.Trainee, bodyId: body.id }]);
    await t.http().post(`${API}/users/${trainee.id}/erase`).set(bodyAdmin.auth).send({ reason: 'GDPR Art. 17 request, ticket 1' }).expect(403);
    await t.http().post(`${API}/users/${trainee.id}/erase`).set(trainee.auth).send({ reason: 'GDPR Art. 17 request, ticket 1' }).expect(403);
    const admin = await makeAdmin(t);
    await t.http().post(`${API}/users/${admin.id}/erase`).set(admin.auth).send({ reason: 'GDPR Art. 17 request, ticket 1' }).expect(409);
    await t.http().post(`${API}/users/${randomUUID()}/erase`).set(admin.auth).send({ reason: 'GDPR Art. 17 request, ticket 1' }).expect(404);
    await t.http().post(`${API}/users/${trainee.id}/erase`).set(admin.auth).send({ reason: 'short' }).expect(400);
    await t.http().get(`${API}/me`).set(trainee.auth).expect(200);
  });
});
