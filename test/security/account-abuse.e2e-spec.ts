import { randomBytes } from 'node:crypto';
import { REGISTRATION_ACCEPTED_MESSAGE } from '../../src/auth/dto';
import { countRows, makeBody, makeUser, TEST_PASSWORD } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

// Issue 12, findings 3, 6, 7 and 8: what an anonymous caller could learn or do to other people's accounts.
// One proxy hop is trusted so that each request can come from an address of the test's choosing.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ TRUST_PROXY_HOPS: '1', SIGN_IN_LIMIT: '3', SIGN_IN_ACCOUNT_LIMIT: '8', SIGN_IN_IP_LIMIT: '20' });
});
afterAll(() => t.close());

let n = 0;
/** a fresh address per test, so the per-address counters of one test do not touch another's */
const address = () => `198.51.100.${++n}`;
const signIn = (ip: string, email: string, password: string) =>
  t.http().post('/api/v1/auth/sign-in').set('X-Forwarded-For', ip).send({ email, password });
const register = (ip: string, body: object) => t.http().post('/api/v1/auth/register').set('X-Forwarded-For', ip).send(body);
const refresh = (ip: string, refreshToken: string) =>
  t.http().post('/api/v1/auth/refresh').set('X-Forwarded-For', ip).send({ refreshToken });

describe('registration is no e-mail oracle (finding 3)', () => {
  it('answers a taken e-mail exactly like a new one, creates nothing and leaves the existing account as it was', async () => {
    const body = await makeBody(t);
    const owner = await makeUser(t, [], { displayName: 'Original Owner' });
    const [before] = await t.db.query(`SELECT display_name, password_hash, status FROM users WHERE id = $1`, [owner.id]);
    const auditBefore = await countRows(t, 'audit_log');
    const usersBefore = await countRows(t, 'users');

    const fresh = await register(address(), {
      email: `fresh-${randomBytes(4).toString('hex')}@test.example`,
      password: 'another long passphrase',
      displayName: 'Someone New',
      bodyId: body.id,
    });
    const taken = await register(address(), {
      email: owner.email.toUpperCase(),
      password: 'another long passphrase',
      displayName: 'Impostor',
      bodyId: body.id,
    });

    expect(fresh.status).toBe(202);
    expect(taken.status).toBe(fresh.status);
    expect(Object.keys(taken.body).sort()).toEqual(Object.keys(fresh.body).sort());
    expect(taken.body).toEqual({ status: 'accepted', email: owner.email, message: REGISTRATION_ACCEPTED_MESSAGE });
    expect(fresh.body.message).toBe(taken.body.message);
    // the new e-mail got an account (and its audit row); the taken one nothing at all
    expect(await countRows(t, 'users')).toBe(usersBefore + 1);
    expect(await countRows(t, 'audit_log')).toBe(auditBefore + 1);
    const [after] = await t.db.query(`SELECT display_name, password_hash, status FROM users WHERE id = $1`, [owner.id]);
    expect(after).toEqual(before);
    await signIn(address(), owner.email, TEST_PASSWORD).expect(200);
    await signIn(address(), owner.email, 'another long passphrase').expect(401);
    await signIn(address(), fresh.body.email, 'another long passphrase').expect(200);
  });

  it('tells the real owner by security mail instead, at most once a day, and the answer stays the same', async () => {
    const body = await makeBody(t);
    const owner = await makeUser(t, [], { displayName: 'Mailed Owner' });
    const notices = () => t.db.query(`SELECT kind, security, subject FROM notifications WHERE recipient_id = $1`, [owner.id]);
    expect(await notices()).toEqual([]);
    const first = await register(address(), {
      email: owner.email,
      password: 'another long passphrase',
      displayName: 'Impostor',
      bodyId: body.id,
    }).expect(202);
    expect(await notices()).toEqual([
      { kind: 'account.registration_attempt', security: true, subject: 'Someone tried to register with your e-mail address' },
    ]);
    const again = await register(address(), {
      email: owner.email,
      password: 'another long passphrase',
      displayName: 'Impostor',
      bodyId: body.id,
    }).expect(202);
    expect(again.body).toEqual(first.body);
    expect(await notices()).toHaveLength(1);
  });
});

describe('passwords of white space (finding 6)', () => {
  it('refuses twelve spaces, and space-padded short passwords, at registration and on change', async () => {
    const body = await makeBody(t);
    const base = { email: `spaces-${randomBytes(4).toString('hex')}@test.example`, displayName: 'Space Cadet', bodyId: body.id };
    const blank = await register(address(), { ...base, password: ' '.repeat(12) }).expect(400);
    expect(blank.body).toMatchObject({ code: 'WEAK_PASSWORD', details: { password: [expect.stringMatching(/white space/)] } });
    const padded = await register(address(), { ...base, password: `abc${' '.repeat(12)}` }).expect(400);
    expect(padded.body.code).toBe('WEAK_PASSWORD');

    const u = await makeUser(t, []);
    const change = (newPassword: string) =>
      t.http().post('/api/v1/me/password').set(u.auth).send({ currentPassword: TEST_PASSWORD, newPassword });
    expect((await change(' '.repeat(12)).expect(400)).body.details.newPassword).toBeDefined();
    await change(`   pad${' '.repeat(20)}`).expect(400);
    await signIn(address(), u.email, TEST_PASSWORD).expect(200);
  });

  it('signs in with the same password typed in another Unicode form (NFKC)', async () => {
    const body = await makeBody(t);
    const email = `nfkc-${randomBytes(4).toString('hex')}@test.example`;
    await register(address(), { email, password: 'café au lait every morning', displayName: 'Normal Form', bodyId: body.id }).expect(202);
    await signIn(address(), email, 'cafe\u0301 au lait every morning').expect(200);
  });
});

describe('failed sign-ins cannot lock the owner out (finding 7)', () => {
  it("stops the attacker's address at its pair limit while the owner signs in from their own", async () => {
    const u = await makeUser(t, []);
    const attacker = address();
    for (let i = 0; i < 3; i++) await signIn(attacker, u.email, 'wrong wrong wrong').expect(401);
    const limited = await signIn(attacker, u.email, TEST_PASSWORD).expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // the owner, elsewhere, is not affected
    await signIn(address(), u.email, TEST_PASSWORD).expect(200);
  });

  it('still stops a guessing attack spread over many addresses at the per-account ceiling', async () => {
    const u = await makeUser(t, []);
    // 8 failures from 4 addresses: no pair reaches its limit of 3, the account reaches its ceiling of 8
    for (let i = 0; i < 4; i++) {
      const ip = address();
      for (let j = 0; j < 2; j++) await signIn(ip, u.email, 'wrong wrong wrong').expect(401);
    }
    await signIn(address(), u.email, TEST_PASSWORD).expect(429);
    const keys: { key: string }[] = await t.db.query(`SELECT key FROM rate_limits WHERE key LIKE 'sign-in:%'`);
    expect(keys.map((k) => k.key).join(' ')).not.toContain(u.email);
  });
});

describe('refresh with unknown tokens (finding 8)', () => {
  it('writes no audit row for an unknown token, and limits rejected refreshes per address', async () => {
    const before = await countRows(t, 'audit_log');
    const ip = address();
    for (let i = 0; i < 20; i++) {
      const res = await refresh(ip, `unknown-${randomBytes(16).toString('hex')}`).expect(401);
      expect(res.body.code).toBe('INVALID_REFRESH_TOKEN');
    }
    expect(await countRows(t, 'audit_log')).toBe(before);
    const limited = await refresh(ip, `unknown-${randomBytes(16).toString('hex')}`).expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // another address still refreshes a real token
    const u = await makeUser(t, []);
    await refresh(address(), u.refreshToken).expect(200);
  });

  it('still audits a reused known token, which revokes its session', async () => {
    const u = await makeUser(t, []);
    const ip = address();
    await refresh(ip, u.refreshToken).expect(200);
    await refresh(ip, u.refreshToken).expect(401);
    const rows = await t.db.query(`SELECT action FROM audit_log WHERE actor_id = $1 AND action = 'auth.refresh_reuse_detected'`, [u.id]);
    expect(rows).toHaveLength(1);
  });
});
