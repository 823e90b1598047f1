import { Accreditation, AccreditationStatus } from '../src/accreditations/accreditation.entity';
import { Role } from '../src/common/roles';
import { identityHash } from '../src/credentials/credential';
import { API, decodePart, makeAccreditation, sign } from './credentials-fixtures';
import { type Fetch, statusBit, validateAchievementCredential, validateProfile, VerificationFailure, verifyVcJwt } from './ob3-verifier';
import { makeBody, makeUser } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

// An issued credential checked the way an outside Open Badges 3.0 verifier would: the official JSON schema,
// then signature, claims and status bit by an independent verifier that dereferences the URLs in the credential.
const ORIGIN = 'https://verify.example.org';
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ PUBLIC_RATE_LIMIT: '100000', PUBLIC_BASE_URL: `${ORIGIN}/` });
});
afterAll(() => t.close());

// the service stands in for the public origin named in the credentials
const fetch: Fetch = async (url) => {
  if (!url.startsWith(`${ORIGIN}/`)) throw new Error(`refusing to fetch ${url}`);
  const res = await t
    .http()
    .get(url.slice(ORIGIN.length).replace(/#.*$/, ''))
    .buffer(true)
    .parse((r, cb) => {
      let text = '';
      r.setEncoding('utf8');
      r.on('data', (c: string) => (text += c));
      r.on('end', () => cb(null, text));
    });
  return { status: res.status, text: res.body as string, headers: res.headers as Record<string, string> };
};

async function issued(email = `holder-${Math.random().toString(36).slice(2)}@test.example`) {
  const body = await makeBody(t, { name: 'IPT Testland', countryCode: 'GB' });
  const holder = await makeUser(t, [{ role: Role.Trainee, bodyId: body.id }], { email });
  const admin = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: body.id }]);
  const acc = await makeAccreditation(t, body, holder.id);
  const jws = await sign(t, acc, body.name);
  return { body, holder, admin, acc, jws };
}

const schemaErrors = (c: unknown) => (validateAchievementCredential(c) ? [] : validateAchievementCredential.errors);

describe('an issued credential, as an Open Badges 3.0 verifier sees it', () => {
  it("validates against 1EdTech's AchievementCredential schema, and its issuer against the Profile schema", async () => {
    const { body, jws } = await issued();
    const payload = decodePart(jws, 1);
    expect(schemaErrors(payload)).toEqual([]);
    // the schema really checks: the field the issue found missing is required
    const broken = JSON.parse(JSON.stringify(payload)) as { credentialSubject: { achievement: Record<string, unknown> } };
    delete broken.credentialSubject.achievement.description;
    expect(schemaErrors(broken)).not.toEqual([]);

    const profile = JSON.parse((await fetch((payload.issuer as { id: string }).id)).text) as Record<string, unknown>;
    expect(validateProfile(profile) ? [] : validateProfile.errors).toEqual([]);
    expect(profile).toMatchObject({
      id: `${ORIGIN}/api/v1/verify/bodies/${body.id}`,
      type: ['Profile'],
      '@context': expect.arrayContaining(['https://www.w3.org/ns/credentials/v2']),
    });
  });

  it('verifies independently: kid dereferences to the JWK, signature, claims; and the status bit is 0', async () => {
    const { jws, acc, holder } = await issued('ada@test.example');
    const { header, payload } = await verifyVcJwt(jws, fetch);
    expect(header).toEqual({
      alg: 'RS256',
      kid: expect.stringMatching(/^https:\/\/verify\.example\.org\/api\/v1\/verify\/bodies\/.+\/keys\/.+$/),
      typ: 'JWT',
    });
    expect(payload).toMatchObject({ jti: `urn:uuid:${acc.id}`, sub: `urn:uuid:${holder.id}` });
    expect(typeof payload.exp).toBe('number');
    expect(await statusBit(payload.credentialStatus, fetch)).toBe(0);
    expect(await statusBit(payload.credentialStatus, fetch, 'revocation')).toBe(0);

    // the holder binding: whoever knows the e-mail address can check it, nobody can read it
    const email = payload.credentialSubject.identifier.find((i: { identityType: string }) => i.identityType === 'emailAddress');
    expect(email.identityHash).toBe(identityHash('ada@test.example', email.salt));
    expect(JSON.stringify(payload)).not.toContain('ada@test.example');
  });

  it('catches a tampered payload and a header the service did not write', async () => {
    const { jws } = await issued();
    const [h, p, s] = jws.split('.');
    const payload = decodePart(jws, 1) as { credentialSubject: { name: string } };
    payload.credentialSubject.name = 'Mallory';
    await expect(verifyVcJwt([h, Buffer.from(JSON.stringify(payload)).toString('base64url'), s].join('.'), fetch)).rejects.toThrow(
      VerificationFailure,
    );
    const header = { ...decodePart(jws, 0), jku: `${ORIGIN}/elsewhere` };
    await expect(verifyVcJwt([Buffer.from(JSON.stringify(header)).toString('base64url'), p, s].join('.'), fetch)).rejects.toThrow(/jku/);
  });

  it('serves the status list as a signed VC-JWT with cache headers, 400 for an unknown purpose, 404 for an unknown body or one that never signed', async () => {
    const { body, jws } = await issued();
    const url = (decodePart(jws, 1).credentialStatus as { statusListCredential: string }).statusListCredential;
    const res = await fetch(url);
    expect(res.headers['content-type']).toMatch(/^application\/vc\+jwt/);
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    const { payload } = await verifyVcJwt(res.text, fetch);
    expect(payload).toMatchObject({
      id: url,
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      issuer: `${ORIGIN}/api/v1/verify/bodies/${body.id}`,
      credentialSubject: { id: `${url}#list`, type: 'BitstringStatusList', statusPurpose: 'suspension', ttl: 300_000 },
    });
    for (const bad of ['refresh', "' OR '1'='1"])
      await t
        .http()
        .get(`${API}/verify/bodies/${body.id}/status-lists/${encodeURIComponent(bad)}`)
        .expect(400);
    for (const missing of [
      `${API}/verify/bodies/00000000-0000-4000-8000-000000000000/status-lists/suspension`,
      `${API}/verify/bodies/${(await makeBody(t)).id}/status-lists/revocation`,
    ]) {
      const res404 = await t.http().get(missing).expect(404);
      // an error is neither cached nor sent as a credential
      expect(res404.headers['cache-control'] ?? '').not.toMatch(/public/);
      expect(res404.headers['content-type']).toMatch(/json/);
    }
    const key = await fetch(decodePart(jws, 0).kid as string);
    expect(key.headers['cache-control']).toMatch(/^public, max-age=\d+$/);
  });
});

describe('status changes flip the bits in the published lists', () => {
  it('suspend sets the suspension bit, reinstate clears it, revoke sets both for good', async () => {
    const { acc, admin, jws } = await issued();
    const entry = decodePart(jws, 1).credentialStatus as Record<string, string>;
    const bits = async () => [await statusBit(entry, fetch), await statusBit(entry, fetch, 'revocation')];
    const act = (action: string) =>
      t.http().post(`${API}/accreditations/${acc.id}/${action}`).set(admin.auth).send({ reason: 'Test' }).expect(200);

    await act('suspend');
    expect(await bits()).toEqual([1, 0]);
    await act('reinstate');
    expect(await bits()).toEqual([0, 0]);
    await act('revoke');
    expect(await bits()).toEqual([1, 1]);
    // the credential itself still verifies as signed; its status is what says no
    await expect(verifyVcJwt(jws, fetch)).resolves.toBeDefined();
  });

  it('a lapsed accreditation has the suspension bit set, not the revocation bit (it can be restored); other credentials of the body are untouched', async () => {
    const { body, acc, jws } = await issued();
    const other = await makeAccreditation(t, body, (await makeUser(t)).id);
    const otherJws = await sign(t, other, body.name);
    await t.db.getRepository(Accreditation).update({ id: acc.id }, { status: AccreditationStatus.Lapsed });
    const entry = decodePart(jws, 1).credentialStatus as Record<string, string>;
    expect([await statusBit(entry, fetch), await statusBit(entry, fetch, 'revocation')]).toEqual([1, 0]);
    expect(await statusBit(decodePart(otherJws, 1).credentialStatus as Record<string, string>, fetch)).toBe(0);
  });

  it('allocates random, distinct indexes per body, kept when the credential is signed again', async () => {
    const body = await makeBody(t);
    const indexes: number[] = [];
    for (let i = 0; i < 12; i++) {
      const acc = await makeAccreditation(t, body, (await makeUser(t)).id);
      indexes.push(Number((decodePart(await sign(t, acc, body.name), 1).credentialStatus as { statusListIndex: string }).statusListIndex));
      if (i === 0) {
        const again = await sign(t, acc, body.name);
        expect(Number((decodePart(again, 1).credentialStatus as { statusListIndex: string }).statusListIndex)).toBe(indexes[0]);
      }
    }
    expect(new Set(indexes).size).toBe(12);
    // not handed out in issue order (12 uniform draws come out sorted with probability 1/12!)
    expect([...indexes].sort((a, b) => a - b)).not.toEqual(indexes);
  });
});

describe('keys', () => {
  it('after rotation, old credentials still verify through their own kid, and the JWKS names the current key', async () => {
    const { body, admin, acc, jws } = await issued();
    await t.http().post(`${API}/bodies/${body.id}/signing-keys/rotate`).set(admin.auth).expect(201);
    const fresh = await sign(t, acc, body.name);
    expect(decodePart(fresh, 0).kid).not.toBe(decodePart(jws, 0).kid);
    await verifyVcJwt(jws, fetch);
    const { payload } = await verifyVcJwt(fresh, fetch);
    expect(await statusBit(payload.credentialStatus, fetch)).toBe(0);
    const jwks = JSON.parse((await fetch(`${ORIGIN}/api/v1/verify/bodies/${body.id}/jwks`)).text) as {
      current: string;
      keys: { kid: string }[];
    };
    expect(jwks.current).toBe(decodePart(fresh, 0).kid);
    expect(jwks.keys.map((k) => k.kid)).toEqual([decodePart(fresh, 0).kid, decodePart(jws, 0).kid]);
  });

  it('signs with ES256 when configured, retiring an Ed25519 key made before, whose credentials keep verifying', async () => {
    const cfg = t.config as { CREDENTIALS_SIGNING_ALG: string };
    try {
      cfg.CREDENTIALS_SIGNING_ALG = 'EdDSA';
      const { body, acc, jws: eddsa } = await issued();
      expect(decodePart(eddsa, 0).alg).toBe('EdDSA');
      cfg.CREDENTIALS_SIGNING_ALG = 'ES256';
      const es = await sign(t, acc, body.name);
      expect(decodePart(es, 0).alg).toBe('ES256');
      for (const jws of [eddsa, es]) {
        await verifyVcJwt(jws, fetch);
        expect((await t.http().post(`${API}/verify`).send({ credential: jws }).expect(200)).body.result).toBe('valid');
      }
      const keys: { alg: string; status: string }[] = await t.db.query(
        `SELECT alg, status FROM body_signing_keys WHERE body_id = $1 ORDER BY created_at`,
        [body.id],
      );
      expect(keys).toEqual([
        { alg: 'EdDSA', status: 'retired' },
        { alg: 'ES256', status: 'active' },
      ]);
      // the status list is signed with the current (ES256) key too
      expect(await statusBit(decodePart(es, 1).credentialStatus as Record<string, string>, fetch)).toBe(0);
    } finally {
      cfg.CREDENTIALS_SIGNING_ALG = 'RS256';
    }
  });
});
