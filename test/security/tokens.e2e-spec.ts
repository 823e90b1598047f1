import { SignJWT } from 'jose';
import { Role } from '../../src/common/roles';
import { makeBody, makeUser, type TestUser } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';

// Token attacks not already in test/auth.e2e-spec.ts (which covers missing, malformed, tampered, alg:none,
// wrong key, wrong audience/issuer, expired, after sign-out, refresh reuse revoking the family, and users
// disabled through the API).

let t: TestApp;
let u: TestUser;
let claims: Record<string, unknown>;
beforeAll(async () => {
  t = await createTestApp();
  u = await makeUser(t, []);
  claims = JSON.parse(Buffer.from(u.token.split('.')[1], 'base64url').toString());
});
afterAll(() => t.close());

const me = (token: string) => t.http().get('/api/v1/me').set('Authorization', `Bearer ${token}`);
const key = () => new TextEncoder().encode(t.config.JWT_SECRET);
const sign = (over: Record<string, unknown>, header: Record<string, unknown> = {}, k: Uint8Array = key()) =>
  new SignJWT({ ...claims, ...over }).setProtectedHeader({ alg: 'HS256', typ: 'at+jwt', ...header }).sign(k);

describe('access tokens', () => {
  it('401s an HS256 token signed with a published public key (algorithm confusion)', async () => {
    const body = await makeBody(t);
    const admin = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: body.id }]);
    await t.http().post(`/api/v1/bodies/${body.id}/signing-keys/rotate`).set(admin.auth).expect(201);
    const jwks = await t.http().get(`/api/v1/verify/bodies/${body.id}/jwks`).expect(200);
    const jwk = jwks.body.keys[0] as Record<string, string>;
    for (const secret of [JSON.stringify(jwk), jwk.x ?? jwk.n]) {
      const forged = await sign({}, { alg: 'HS256', kid: jwk.kid }, new TextEncoder().encode(secret));
      expect((await me(forged)).status).toBe(401);
    }
    // the credential algorithm named in the header, with an HMAC signature
    const [, p, s] = (await sign({})).split('.');
    const h = Buffer.from(JSON.stringify({ alg: jwk.alg ?? 'EdDSA', typ: 'at+jwt' })).toString('base64url');
    expect((await me(`${h}.${p}.${s}`)).status).toBe(401);
  });

  it('401s a token of the wrong type, not yet valid, or without a session claim', async () => {
    expect((await me(await sign({}, { typ: 'JWT' }))).status).toBe(401);
    expect((await me(await sign({}, { typ: 'refresh+jwt' }))).status).toBe(401);
    expect((await me(await sign({ nbf: Math.floor(Date.now() / 1000) + 600 }))).status).toBe(401);
    expect((await me(await sign({ sid: undefined }))).status).toBe(401);
    expect((await me(await sign({ sub: 'undefined' }))).status).toBe(401);
    expect((await me(await sign({}))).status).toBe(200);
  });

  it('401s a valid token naming another user’s session', async () => {
    const other = await makeUser(t, []);
    const otherSid = JSON.parse(Buffer.from(other.token.split('.')[1], 'base64url').toString()).sid;
    expect((await me(await sign({ sid: otherSid }))).status).toBe(401);
  });

  it('401s a refresh token used as an access token, and an access token used to refresh', async () => {
    expect((await me(u.refreshToken)).status).toBe(401);
    const res = await t.http().post('/api/v1/auth/refresh').send({ refreshToken: u.token });
    expect([400, 401]).toContain(res.status);
  });

  it('401s the live token of a user disabled directly in the database (no session revocation needed)', async () => {
    const d = await makeUser(t, []);
    await me(d.token).expect(200);
    await t.db.query(`UPDATE users SET status = 'disabled' WHERE id = $1`, [d.id]);
    expect((await me(d.token)).status).toBe(401);
    const refresh = await t.http().post('/api/v1/auth/refresh').send({ refreshToken: d.refreshToken });
    expect(refresh.status).toBe(401);
  });
});
