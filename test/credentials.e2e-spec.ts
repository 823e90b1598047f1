import { CompactSign, importJWK, type JWK } from 'jose';
import { Accreditation, AccreditationStatus } from '../src/accreditations/accreditation.entity';
import { Role } from '../src/common/roles';
import { decryptSecret, parseMasterKey } from '../src/credentials/key-encryption';
import { API, dayOffset, decodePart, makeAccreditation, sign, tamper } from './credentials-fixtures';
import { makeAdmin, makeBody, makeUser } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ PUBLIC_RATE_LIMIT: '100000', PUBLIC_BASE_URL: 'https://verify.example.org/' });
});
afterAll(() => t.close());

const verifyNumber = (n: string) => t.http().get(`${API}/verify/${n}`);
const verifyJws = (credential: string) => t.http().post(`${API}/verify`).send({ credential });

async function issued(over: Parameters<typeof makeAccreditation>[3] = {}) {
  const body = await makeBody(t, { name: 'IPT Testland', countryCode: 'GB' });
  const holder = await makeUser(t, [{ role: Role.Trainee, bodyId: body.id }]);
  const acc = await makeAccreditation(t, body, holder.id, over);
  const jws = await sign(t, acc, body.name);
  // storing the JWS bumped the row's version
  return { body, holder, acc: await t.db.getRepository(Accreditation).findOneByOrFail({ id: acc.id }), jws };
}

describe('signing an accreditation', () => {
  it("produces an OB 3.0 VC-JWT (RS256, kid the key URL, typ JWT, nothing else) under the body's first key, created on demand", async () => {
    const { body, acc, jws } = await issued();
    const header = decodePart(jws, 0);
    const keys: { id: string; status: string; alg: string }[] = await t.db.query(
      `SELECT id, status, alg FROM body_signing_keys WHERE body_id = $1`,
      [body.id],
    );
    expect(keys).toEqual([{ id: expect.any(String), status: 'active', alg: 'RS256' }]);
    expect(header).toEqual({
      alg: 'RS256',
      typ: 'JWT',
      kid: `https://verify.example.org/api/v1/verify/bodies/${body.id}/keys/${keys[0].id}`,
    });
    const payload = decodePart(jws, 1);
    expect(payload).toMatchObject({
      id: `urn:uuid:${acc.id}`,
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: `https://verify.example.org/api/v1/verify/bodies/${body.id}`, name: 'IPT Testland' },
      credentialStatus: {
        type: 'BitstringStatusListEntry',
        statusPurpose: 'suspension',
        statusListCredential: `https://verify.example.org/api/v1/verify/bodies/${body.id}/status-lists/suspension`,
      },
      credentialSubject: { name: 'Ada Lovelace', achievement: { name: 'Practitioner', achievementType: 'License' } },
    });

    // a second credential of the same body reuses the key
    const holder2 = await makeUser(t, []);
    const second = await sign(t, await makeAccreditation(t, body, holder2.id), body.name);
    expect(decodePart(second, 0).kid).toBe(header.kid);
  });

  it('keeps the private key encrypted at rest: no private scalar in the row, only the public half in the JWKS', async () => {
    const { body } = await issued();
    const [row]: { id: string; public_jwk: Record<string, string>; private_key_ciphertext: string }[] = await t.db.query(
      `SELECT id, public_jwk, private_key_ciphertext FROM body_signing_keys WHERE body_id = $1`,
      [body.id],
    );
    const jwk = JSON.parse(decryptSecret(row.private_key_ciphertext, parseMasterKey(t.config.CREDENTIALS_MASTER_KEY), row.id)) as Record<
      string,
      string
    >;
    expect(jwk.d).toMatch(/^[A-Za-z0-9_-]{300,}$/);
    expect(row.private_key_ciphertext).not.toContain(jwk.d);
    expect(row.private_key_ciphertext).not.toContain('"d"');
    expect(row.public_jwk).toEqual({ kty: 'RSA', n: jwk.n, e: jwk.e });
    const jwks = await t.http().get(`${API}/verify/bodies/${body.id}/jwks`).expect(200);
    const kid = `https://verify.example.org/api/v1/verify/bodies/${body.id}/keys/${row.id}`;
    expect(jwks.body).toEqual({ keys: [{ kty: 'RSA', n: jwk.n, e: jwk.e, kid, alg: 'RS256', use: 'sig' }], current: kid });
    expect(JSON.stringify(jwks.body)).not.toContain(jwk.d);
    for (const k of ['p', 'q', 'dp', 'dq', 'qi']) expect(JSON.stringify(jwks.body)).not.toContain(jwk[k]);
  });
});

describe('verification', () => {
  it('answers valid by number and by presented credential, with the decoded claims', async () => {
    const { body, acc, jws } = await issued();
    const byNumber = await verifyNumber(acc.certificateNumber).expect(200);
    expect(byNumber.body).toMatchObject({
      result: 'valid',
      certificateNumber: acc.certificateNumber,
      holderName: null, // not listed in the public register
      level: { code: 'B', name: 'Practitioner' },
      body: { id: body.id, name: 'IPT Testland', countryCode: 'GB' },
      issuedOn: acc.issuedOn,
      expiresOn: acc.expiresOn,
      status: 'active',
    });
    const named = await t.http().get(`${API}/verify/${acc.certificateNumber}`).query({ name: '  ada  LOVELACE ' }).expect(200);
    expect(named.body).toMatchObject({ nameMatches: true, holderName: null });
    const wrongName = await t.http().get(`${API}/verify/${acc.certificateNumber}`).query({ name: 'Someone Else' }).expect(200);
    expect(wrongName.body.nameMatches).toBe(false);

    const presented = await verifyJws(jws).expect(200);
    expect(presented.body).toMatchObject({ result: 'valid', holderName: 'Ada Lovelace', kid: decodePart(jws, 0).kid, status: 'active' });
    expect(presented.body.claims).toEqual(decodePart(jws, 1));

    const status = await t.http().get(`${API}/verify/status/${acc.certificateNumber}`).expect(200);
    expect(status.body).toMatchObject({ certificateNumber: acc.certificateNumber, status: 'active', result: 'valid' });
    expect(Date.parse(status.body.updatedAt)).not.toBeNaN();

    const issuer = await t.http().get(`${API}/verify/bodies/${body.id}`).expect(200);
    expect(issuer.body).toEqual({
      '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
      id: (decodePart(jws, 1).issuer as { id: string }).id,
      type: ['Profile'],
      name: 'IPT Testland',
      description: expect.stringContaining('IPT Testland'),
      address: { type: ['Address'], addressCountryCode: 'GB' },
      bodyId: body.id,
      countryCode: 'GB',
      jwksUrl: expect.stringMatching(/\/jwks$/),
    });
  });

  it('answers invalid_signature for a tampered payload, a foreign kid, alg none, or a key of another body', async () => {
    const { jws } = await issued();
    const forged = tamper(jws, (p) => {
      p.credentialSubject.name = 'Mallory';
    });
    const res = await verifyJws(forged).expect(200);
    expect(res.body).toMatchObject({ result: 'invalid_signature', claims: null, kid: null, holderName: null });

    const [h, p, s] = jws.split('.');
    const header = decodePart(jws, 0);
    const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    expect(
      (await verifyJws([enc({ ...header, kid: '00000000-0000-4000-8000-000000000000' }), p, s].join('.')).expect(200)).body.result,
    ).toBe('invalid_signature');
    expect((await verifyJws([enc({ ...header, kid: 'https://evil.example/key.json' }), p, s].join('.')).expect(200)).body.result).toBe(
      'invalid_signature',
    );
    expect((await verifyJws([enc({ ...header, alg: 'ES256' }), p, s].join('.')).expect(200)).body.result).toBe('invalid_signature');
    expect((await verifyJws([enc({ ...header, alg: 'none' }), p, 'AA'].join('.')).expect(200)).body.result).toBe('invalid_signature');
    expect((await verifyJws([h, p, s.slice(0, -2) + (s.endsWith('AA') ? 'BB' : 'AA')].join('.')).expect(200)).body.result).toBe(
      'invalid_signature',
    );

    // the key of body X signing a credential that names body Y as issuer
    const other = await issued();
    const otherKid = decodePart(other.jws, 0).kid;
    expect((await verifyJws([enc({ ...header, kid: otherKid }), p, s].join('.')).expect(200)).body.result).toBe('invalid_signature');
  });

  it('rejects a credential that is not a compact JWS with 400, and unknown numbers with result unknown', async () => {
    const bad = await t.http().post(`${API}/verify`).send({ credential: 'not a jws' }).expect(400);
    expect(bad.body.details.credential).toBeDefined();
    await t.http().post(`${API}/verify`).send({ credential: 'a.b.c', extra: 1 }).expect(400);
    const unknown = await verifyNumber('NO-SUCH-CERT-1').expect(200);
    expect(unknown.body).toMatchObject({
      result: 'unknown',
      certificateNumber: 'NO-SUCH-CERT-1',
      holderName: null,
      level: null,
      body: null,
    });
    await t.http().get(`${API}/verify/status/NO-SUCH-CERT-1`).expect(404);
    await t.http().get(`${API}/verify/bad%3Bnumber`).expect(400); // spaces are dropped from a typed number (register.e2e-spec), a ';' is in no number
    await t.http().get(`${API}/verify/bodies/00000000-0000-4000-8000-000000000000/jwks`).expect(404);
  });

  it('follows the current status in the database: revoked, suspended, lapsed, and expired by date', async () => {
    const { acc, jws } = await issued();
    for (const status of [AccreditationStatus.Revoked, AccreditationStatus.Suspended, AccreditationStatus.Lapsed]) {
      await t.db.getRepository(Accreditation).update({ id: acc.id }, { status });
      expect((await verifyNumber(acc.certificateNumber).expect(200)).body).toMatchObject({ result: status, status });
      expect((await verifyJws(jws).expect(200)).body).toMatchObject({ result: status, status });
      expect((await t.http().get(`${API}/verify/status/${acc.certificateNumber}`).expect(200)).body).toMatchObject({
        status,
        result: status,
      });
    }

    const old = await issued({ issuedOn: dayOffset(-800), expiresOn: dayOffset(-1) });
    expect((await verifyNumber(old.acc.certificateNumber).expect(200)).body).toMatchObject({ result: 'expired', status: 'active' });
    expect((await verifyJws(old.jws).expect(200)).body.result).toBe('expired');
  });

  it('answers expired for a presented credential past its own validUntil even when the accreditation was renewed', async () => {
    const { acc } = await issued({ issuedOn: dayOffset(-400), expiresOn: dayOffset(-35) });
    const stale = await sign(t, acc, 'IPT Testland');
    await t.db.getRepository(Accreditation).update({ id: acc.id }, { expiresOn: dayOffset(330) });
    expect((await verifyNumber(acc.certificateNumber).expect(200)).body.result).toBe('valid');
    expect((await verifyJws(stale).expect(200)).body.result).toBe('expired');
  });
});

describe('key rotation', () => {
  it('retires the old key, keeps it in the JWKS, and old credentials still verify', async () => {
    const { body, acc, jws } = await issued();
    const admin = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: body.id }]);
    const oldKidUrl = decodePart(jws, 0).kid as string;
    const oldKid = oldKidUrl.split('/').pop();
    const res = await t.http().post(`${API}/bodies/${body.id}/signing-keys/rotate`).set(admin.auth).expect(201);
    expect(res.body.retired).toMatchObject({ kid: oldKid, status: 'retired', bodyId: body.id, publicJwk: { kid: oldKidUrl } });
    expect(res.body.active).toMatchObject({ status: 'active', bodyId: body.id, alg: 'RS256', publicJwk: { kty: 'RSA', alg: 'RS256' } });
    expect(res.body.retired.retiredAt).not.toBeNull();
    expect(JSON.stringify(res.body)).not.toMatch(/"d"|ciphertext/i);

    const jwks = await t.http().get(`${API}/verify/bodies/${body.id}/jwks`).expect(200);
    expect(jwks.body.keys.map((k: { kid: string }) => k.kid)).toEqual([res.body.active.publicJwk.kid, oldKidUrl]);
    expect(jwks.body.current).toBe(res.body.active.publicJwk.kid);
    expect(jwks.headers['cache-control']).toMatch(/max-age=\d+/);
    expect((await verifyJws(jws).expect(200)).body.result).toBe('valid');

    // new credentials use the new key
    const fresh = await sign(t, acc, body.name);
    expect(decodePart(fresh, 0).kid).toBe(res.body.active.publicJwk.kid);
    expect((await verifyJws(fresh).expect(200)).body.result).toBe('valid');

    const audit: { action: string; actor_role: string; body_id: string; changes: Record<string, unknown> }[] = await t.db.query(
      `SELECT action, actor_role, body_id, changes FROM audit_log WHERE entity_type = 'body' AND entity_id = $1`,
      [body.id],
    );
    expect(audit).toEqual([
      {
        action: 'signing_key.rotate',
        actor_role: 'BODY_ADMIN',
        body_id: body.id,
        changes: { retiredKid: oldKid, activeKid: res.body.active.kid },
      },
    ]);
  });

  it("creates a first key for a body without one, and is refused outside one's body", async () => {
    const body = await makeBody(t);
    const otherAdmin = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: (await makeBody(t)).id }]);
    const trainee = await makeUser(t, [{ role: Role.Trainee, bodyId: body.id }]);
    await t.http().post(`${API}/bodies/${body.id}/signing-keys/rotate`).set(otherAdmin.auth).expect(403);
    await t.http().post(`${API}/bodies/${body.id}/signing-keys/rotate`).set(trainee.auth).expect(403);
    const admin = await makeAdmin(t);
    const res = await t.http().post(`${API}/bodies/${body.id}/signing-keys/rotate`).set(admin.auth).expect(201);
    expect(res.body.retired).toBeNull();
    await t.http().post(`${API}/bodies/00000000-0000-4000-8000-000000000000/signing-keys/rotate`).set(admin.auth).expect(404);
    const rows: { n: number }[] = await t.db.query(`SELECT count(*)::int AS n FROM body_signing_keys WHERE body_id = $1`, [body.id]);
    expect(rows[0].n).toBe(1);
  });
});

describe("the holder's credential", () => {
  it("is downloadable by the holder and the issuing body's admins only", async () => {
    const { body, holder, acc, jws } = await issued();
    const dl = await t.http().get(`${API}/accreditations/${acc.id}/credential`).set(holder.auth).expect(200);
    expect(dl.body).toEqual({
      accreditationId: acc.id,
      certificateNumber: acc.certificateNumber,
      mediaType: 'application/vc+jwt',
      jws,
      credential: decodePart(jws, 1),
    });
    const bodyAdmin = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: body.id }]);
    await t.http().get(`${API}/accreditations/${acc.id}/credential`).set(bodyAdmin.auth).expect(200);
    const stranger = await makeUser(t, [{ role: Role.Trainee, bodyId: body.id }]);
    const otherAdmin = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: (await makeBody(t)).id }]);
    const hidden = await t.http().get(`${API}/accreditations/${acc.id}/credential`).set(stranger.auth).expect(404);
    const missing = await t
      .http()
      .get(`${API}/accreditations/00000000-0000-4000-8000-000000000000/credential`)
      .set(stranger.auth)
      .expect(404);
    expect(hidden.body).toEqual({ ...missing.body });
    await t.http().get(`${API}/accreditations/${acc.id}/credential`).set(otherAdmin.auth).expect(404);
  });

  it('lets only the holder consent to the public register, with If-Match, audited', async () => {
    const { body, holder, acc } = await issued();
    const url = `${API}/accreditations/${acc.id}/public-listing`;
    await t.http().put(url).set(holder.auth).send({ publicListing: true }).expect(428);
    await t
      .http()
      .put(url)
      .set(holder.auth)
      .set('If-Match', `"${acc.version + 5}"`)
      .send({ publicListing: true })
      .expect(412);
    await t.http().put(url).set(holder.auth).set('If-Match', `"${acc.version}"`).send({ publicListing: 'yes' }).expect(400);
    const bodyAdmin = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: body.id }]);
    await t.http().put(url).set(bodyAdmin.auth).set('If-Match', `"${acc.version}"`).send({ publicListing: true }).expect(404);

    const ok = await t.http().put(url).set(holder.auth).set('If-Match', `"${acc.version}"`).send({ publicListing: true }).expect(200);
    expect(ok.body).toEqual({ id: acc.id, certificateNumber: acc.certificateNumber, publicListing: true, version: acc.version + 1 });
    expect(ok.headers.etag).toBe(`"${acc.version + 1}"`);
    expect((await t.db.getRepository(Accreditation).findOneByOrFail({ id: acc.id })).publicListing).toBe(true);
    const audit: { action: string; actor_id: string; changes: unknown }[] = await t.db.query(
      `SELECT action, actor_id, changes FROM audit_log WHERE entity_type = 'accreditation' AND entity_id = $1`,
      [acc.id],
    );
    expect(audit).toEqual([
      { action: 'accreditation.public_listing', actor_id: holder.id, changes: { publicListing: { from: false, to: true } } },
    ]);

    // now listed: the number lookup shows the name
    expect((await verifyNumber(acc.certificateNumber).expect(200)).body.holderName).toBe('Ada Lovelace');
    // the stale ETag no longer applies
    await t.http().put(url).set(holder.auth).set('If-Match', `"${acc.version}"`).send({ publicListing: false }).expect(412);
  });
});

describe('credentials signed before OB 3.0 JWT proofs', () => {
  it('still verify: an EdDSA JWS with a bare-uuid kid, a jku and no JWT claims, under a key retired since', async () => {
    const cfg = t.config as { CREDENTIALS_SIGNING_ALG: string };
    cfg.CREDENTIALS_SIGNING_ALG = 'EdDSA';
    let old: Awaited<ReturnType<typeof issued>>;
    try {
      old = await issued();
    } finally {
      cfg.CREDENTIALS_SIGNING_ALG = 'RS256';
    }
    const { body, acc, jws } = old;
    // the shape the service issued before: same key, legacy header, the credential alone as payload
    const [row]: { id: string; private_key_ciphertext: string }[] = await t.db.query(
      `SELECT id, private_key_ciphertext FROM body_signing_keys WHERE body_id = $1`,
      [body.id],
    );
    const jwk = JSON.parse(decryptSecret(row.private_key_ciphertext, parseMasterKey(t.config.CREDENTIALS_MASTER_KEY), row.id)) as JWK;
    const payload = decodePart(jws, 1);
    for (const claim of ['iss', 'jti', 'sub', 'nbf', 'exp']) delete payload[claim];
    const legacy = await new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
      .setProtectedHeader({
        alg: 'EdDSA',
        typ: 'vc+jwt',
        kid: row.id,
        jku: `https://verify.example.org/api/v1/verify/bodies/${body.id}/jwks`,
      })
      .sign(await importJWK(jwk, 'EdDSA'));
    expect((await verifyJws(legacy).expect(200)).body).toMatchObject({ result: 'valid', kid: row.id });

    // the next signature retires the Ed25519 key for an RS256 one; the old credential keeps verifying
    const fresh = await sign(t, acc, body.name);
    expect(decodePart(fresh, 0).alg).toBe('RS256');
    expect((await t.db.query(`SELECT status FROM body_signing_keys WHERE id = $1`, [row.id]))[0].status).toBe('retired');
    expect((await verifyJws(legacy).expect(200)).body.result).toBe('valid');
    // and a tampered one is still caught
    const forged = tamper(legacy, (p) => {
      p.credentialSubject.name = 'Mallory';
    });
    expect((await verifyJws(forged).expect(200)).body.result).toBe('invalid_signature');
  });
});
