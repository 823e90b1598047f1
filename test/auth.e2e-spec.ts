import { SignJWT } from 'jose';
import { Role } from '../src/common/roles';
import { signInLimits } from '../src/auth/sign-in-limits';
import { countRows, makeBody, makeUser, TEST_PASSWORD } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ SIGN_IN_LIMIT: '5' });
});
afterAll(() => t.close());

const signIn = (email: string, password: string) => t.http().post('/api/v1/auth/sign-in').send({ email, password });

describe('register → sign in → /me → refresh → reuse detection → sign out', () => {
  it('walks the whole session life cycle', async () => {
    const body = await makeBody(t);
    const email = 'New.Trainee@Example.org';
    const reg = await t
      .http()
      .post('/api/v1/auth/register')
      .send({ email, password: 'a long enough passphrase', displayName: 'New Trainee', bodyId: body.id })
      .expect(202);
    expect(reg.body).toMatchObject({ status: 'accepted', email: 'new.trainee@example.org' });
    expect(JSON.stringify(reg.body)).not.toMatch(/passphrase/i);

    const first = await signIn('NEW.trainee@example.org', 'a long enough passphrase').expect(200);
    expect(first.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    const me = await t.http().get('/api/v1/me').set('Authorization', `Bearer ${first.body.accessToken}`).expect(200);
    expect(me.body).toMatchObject({ email: 'new.trainee@example.org', roles: [{ role: 'TRAINEE', bodyId: body.id }] });

    const second = await t.http().post('/api/v1/auth/refresh').send({ refreshToken: first.body.refreshToken }).expect(200);
    expect(second.body.refreshToken).not.toBe(first.body.refreshToken);
    await t.http().get('/api/v1/me').set('Authorization', `Bearer ${second.body.accessToken}`).expect(200);

    // the spent token presented again: the family is revoked, the newest pair dies with it
    const reuse = await t.http().post('/api/v1/auth/refresh').send({ refreshToken: first.body.refreshToken }).expect(401);
    expect(reuse.body.code).toBe('INVALID_REFRESH_TOKEN');
    await t.http().post('/api/v1/auth/refresh').send({ refreshToken: second.body.refreshToken }).expect(401);
    await t.http().get('/api/v1/me').set('Authorization', `Bearer ${second.body.accessToken}`).expect(401);

    const third = await signIn(email, 'a long enough passphrase').expect(200);
    await t.http().post('/api/v1/auth/sign-out').set('Authorization', `Bearer ${third.body.accessToken}`).expect(204);
    await t.http().get('/api/v1/me').set('Authorization', `Bearer ${third.body.accessToken}`).expect(401);
    await t.http().post('/api/v1/auth/refresh').send({ refreshToken: third.body.refreshToken }).expect(401);
  });

  // a duplicate e-mail gets the same answer as a new one (test/security/account-abuse.e2e-spec.ts)
  it('refuses weak passwords, unknown bodies and extra fields at registration', async () => {
    const body = await makeBody(t);
    const base = { email: 'dup@example.org', password: 'a long enough passphrase', displayName: 'D', bodyId: body.id };
    const short = await t
      .http()
      .post('/api/v1/auth/register')
      .send({ ...base, password: 'short' })
      .expect(400);
    expect(short.body).toMatchObject({ code: 'WEAK_PASSWORD', details: { password: [expect.stringContaining('12')] } });
    const common = await t
      .http()
      .post('/api/v1/auth/register')
      .send({ ...base, password: 'qwertyuiop123' })
      .expect(400);
    expect(common.body.code).toBe('WEAK_PASSWORD');
    const escalate = await t
      .http()
      .post('/api/v1/auth/register')
      .send({ ...base, role: 'ADMIN' })
      .expect(400);
    expect(escalate.body.details.role).toBeDefined();
    await t
      .http()
      .post('/api/v1/auth/register')
      .send({ ...base, bodyId: '00000000-0000-4000-8000-000000000000' })
      .expect(400);
    await t.http().post('/api/v1/auth/register').send(base).expect(202);
  });
});

describe('sign-in', () => {
  it('answers unknown e-mail and wrong password identically', async () => {
    const u = await makeUser(t, []);
    const unknown = await signIn('nobody-here@test.example', TEST_PASSWORD).expect(401);
    const wrong = await signIn(u.email, 'not the right password').expect(401);
    expect(unknown.body).toEqual(wrong.body);
  });

  it('rate-limits failed attempts per account (from one address) with 429 and Retry-After, counted in the database', async () => {
    const u = await makeUser(t, []);
    for (let i = 0; i < 5; i++) await signIn(u.email, 'wrong wrong wrong').expect(401);
    const limited = await signIn(u.email, TEST_PASSWORD).expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    const [, pair, account] = signInLimits(u.email, '127.0.0.1', t.config);
    const rows: { key: string; hits: number }[] = await t.db.query(
      `SELECT key, hits FROM rate_limits WHERE key = ANY($1::text[]) ORDER BY key`,
      [[pair[0], account[0]]],
    );
    expect(rows.map((r) => r.hits)).toEqual([5, 5]);
  });

  it('400s a malformed body instead of trying it', async () => {
    const res = await t.http().post('/api/v1/auth/sign-in').send({ email: 42 }).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
  });
});

describe('access tokens', () => {
  const bad = async (token: string) => {
    const res = await t.http().get('/api/v1/me').set('Authorization', `Bearer ${token}`).expect(401);
    expect(res.body.statusCode).toBe(401);
  };
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

  it('401s missing, malformed, tampered, alg:none, wrong-key, wrong-audience and expired tokens', async () => {
    const u = await makeUser(t, []);
    await t.http().get('/api/v1/me').expect(401);
    await bad('not-a-jwt');
    const [h, p, s] = u.token.split('.');
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    await bad(`${h}.${b64({ ...claims, sub: '00000000-0000-4000-8000-000000000000' })}.${s}`);
    await bad(`${b64({ alg: 'none', typ: 'at+jwt' })}.${p}.`);
    const key = new TextEncoder().encode(t.config.JWT_SECRET);
    const sign = (c: object, k = key) => new SignJWT({ ...claims, ...c }).setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' }).sign(k);
    await bad(await sign({}, new TextEncoder().encode('another-secret-another-secret-another-secret')));
    await bad(await sign({ aud: 'someone-else' }));
    await bad(await sign({ iss: 'someone-else' }));
    await bad(await sign({ exp: Math.floor(Date.now() / 1000) - 10 }));
    // a correctly signed token is accepted: the failures above are about the token, not the harness
    await t
      .http()
      .get('/api/v1/me')
      .set('Authorization', `Bearer ${await sign({})}`)
      .expect(200);
  });

  it('ends every session when an admin disables the user, and a password change ends the others', async () => {
    const admin = await makeUser(t, [{ role: Role.Admin }]);
    const u = await makeUser(t, []);
    const other = (await signIn(u.email, TEST_PASSWORD).expect(200)).body;
    await t
      .http()
      .post('/api/v1/me/password')
      .set(u.auth)
      .send({ currentPassword: TEST_PASSWORD, newPassword: 'a brand new passphrase' })
      .expect(204);
    await t.http().get('/api/v1/me').set(u.auth).expect(200);
    await t.http().get('/api/v1/me').set('Authorization', `Bearer ${other.accessToken}`).expect(401);
    await t.http().post(`/api/v1/users/${u.id}/disable`).set(admin.auth).expect(200);
    await t.http().get('/api/v1/me').set(u.auth).expect(401);
    await signIn(u.email, 'a brand new passphrase').expect(401);
  });
});

describe('audit', () => {
  it('writes exactly one row per state change, and the rows cannot be changed', async () => {
    const before = await countRows(t, 'audit_log');
    const u = await makeUser(t, []); // one sign-in
    expect(await countRows(t, 'audit_log')).toBe(before + 1);
    await t.http().post('/api/v1/auth/sign-out').set(u.auth).expect(204);
    expect(await countRows(t, 'audit_log')).toBe(before + 2);
    const [row] = await t.db.query(`SELECT * FROM audit_log ORDER BY id DESC LIMIT 1`);
    expect(row).toMatchObject({ actor_id: u.id, actor_role: 'SELF', action: 'auth.sign_out', entity_type: 'session' });
    expect(row.request_id).toBeTruthy();
    await expect(t.db.query(`UPDATE audit_log SET action = 'x' WHERE id = $1`, [row.id])).rejects.toThrow(/append-only/);
    await expect(t.db.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    await expect(t.db.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
  });
});
