import { createHash } from 'node:crypto';
import {
  buildCredential as build,
  certificateNumberOf,
  claimsMatch,
  type CredentialSource,
  identityHash,
  issuerBodyId,
  jwsHeader,
  jwtClaims,
  keyIdOf,
  presentedStanding,
  standing,
} from './credential';

const BASE = 'https://ipt.example.org';
const src: CredentialSource = {
  accreditationId: '11111111-1111-4111-8111-111111111111',
  certificateNumber: 'UK-IPT-2026-000123',
  holderId: '44444444-4444-4444-8444-444444444444',
  holderName: 'Ada Lovelace',
  holderEmail: 'ada@example.org',
  bodyId: '22222222-2222-4222-8222-222222222222',
  bodyName: 'IPT UK',
  schemeVersionId: '33333333-3333-4333-8333-333333333333',
  levelCode: 'B',
  levelName: 'Practitioner',
  noun: 'accredited',
  levelTitle: 'Accredited IPT Practitioner',
  issuedOn: '2026-03-01',
  expiresOn: '2027-02-28',
  statusListIndex: 4242,
};
const SALT = 'c0ffee';
const buildCredential = (source: CredentialSource, base: string) => build(source, base, SALT);

describe('an accreditation as an Open Badges 3.0 credential', () => {
  it('carries the VC 2.0 and OB 3.0 contexts, types and the accreditation id', () => {
    const c = buildCredential(src, BASE);
    expect(c['@context']).toEqual(['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json']);
    expect(c.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(c.id).toBe('urn:uuid:11111111-1111-4111-8111-111111111111');
  });

  it('names the issuing body by its public verification URL', () => {
    const c = buildCredential(src, BASE);
    expect(c.issuer).toEqual({ id: `${BASE}/api/v1/verify/bodies/${src.bodyId}`, type: ['Profile'], name: 'IPT UK' });
    expect(issuerBodyId(c)).toBe(src.bodyId);
  });

  it('describes the holder, the level (with the description OB 3.0 requires) and the certificate number', () => {
    const s = buildCredential(src, BASE).credentialSubject;
    expect(s.type).toEqual(['AchievementSubject']);
    expect(s.name).toBe('Ada Lovelace');
    expect(s.achievement).toMatchObject({ type: ['Achievement'], name: 'Accredited IPT Practitioner', achievementType: 'License' });
    expect(s.achievement.description).toContain('level B (Practitioner)');
    expect(s.achievement.description).toContain('Accredited IPT Practitioner: accredited in Interpersonal Psychotherapy');
    expect(s.achievement.criteria.narrative).toContain('IPT UK');
    expect(certificateNumberOf(buildCredential(src, BASE))).toBe('UK-IPT-2026-000123');
  });

  it('binds the credential to its holder: a subject id, and the e-mail address salted and hashed as an OB 3.0 IdentityHash', () => {
    const s = buildCredential(src, BASE).credentialSubject;
    expect(s.id).toBe(`urn:uuid:${src.holderId}`);
    const expected = `sha256$${createHash('sha256').update('ada@example.orgc0ffee').digest('hex')}`;
    expect(s.identifier[0]).toEqual({
      type: 'IdentityObject',
      identityType: 'emailAddress',
      hashed: true,
      identityHash: expected,
      salt: SALT,
    });
    expect(identityHash('ada@example.org', SALT)).toBe(expected);
    expect(JSON.stringify(s)).not.toContain('ada@example.org');
  });

  it('reads the certificate number of credentials issued before the e-mail identity was added', () => {
    expect(
      certificateNumberOf({
        credentialSubject: { identifier: [{ type: 'IdentityObject', identityType: 'identifier', hashed: false, identityHash: 'UK-1' }] },
      }),
    ).toBe('UK-1');
  });

  it('is valid from the issue date through the whole expiry date', () => {
    const c = buildCredential(src, BASE);
    expect(c.validFrom).toBe('2026-03-01T00:00:00Z');
    expect(c.validUntil).toBe('2027-02-28T23:59:59Z');
  });

  it('has no validUntil and is a certificate when the level never expires', () => {
    const c = buildCredential({ ...src, expiresOn: null }, BASE);
    expect('validUntil' in c).toBe(false);
    expect(c.credentialSubject.achievement.achievementType).toBe('Certificate');
  });

  it("carries a Bitstring Status List entry: the body's suspension list at the accreditation's index", () => {
    const list = `${BASE}/api/v1/verify/bodies/${src.bodyId}/status-lists/suspension`;
    expect(buildCredential(src, BASE).credentialStatus).toEqual({
      id: `${list}#4242`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'suspension',
      statusListIndex: '4242',
      statusListCredential: list,
    });
  });

  it('has the JWT claims OB 3.0 asks for, mirroring the credential', () => {
    const c = buildCredential(src, BASE);
    expect(jwtClaims(c)).toEqual({
      iss: c.issuer.id,
      jti: c.id,
      sub: `urn:uuid:${src.holderId}`,
      nbf: Date.parse('2026-03-01T00:00:00Z') / 1000,
      exp: Date.parse('2027-02-28T23:59:59Z') / 1000,
    });
    expect('exp' in jwtClaims(buildCredential({ ...src, expiresOn: null }, BASE))).toBe(false);
    expect(claimsMatch({ ...c, ...jwtClaims(c) })).toBe(true);
  });

  it('refuses claims that do not mirror the credential', () => {
    const c = buildCredential(src, BASE);
    const ok = { ...c, ...jwtClaims(c) } as Record<string, unknown>;
    expect(claimsMatch({ ...ok, sub: 'urn:uuid:someone-else' })).toBe(false);
    expect(claimsMatch({ ...ok, iss: 'https://evil.example/issuer' })).toBe(false);
    expect(claimsMatch({ ...ok, jti: 'urn:uuid:other' })).toBe(false);
    expect(claimsMatch({ ...ok, nbf: 0 })).toBe(false);
    expect(claimsMatch({ ...ok, exp: undefined })).toBe(false);
    expect(claimsMatch({ ...c })).toBe(false);
  });

  it('names the key by its URL in a header with only alg, kid and typ JWT', () => {
    expect(jwsHeader('RS256', 'https://x/k')).toEqual({ alg: 'RS256', kid: 'https://x/k', typ: 'JWT' });
  });

  it('finds the key id in a key URL under any origin, or a bare uuid from older credentials', () => {
    const kid = '55555555-5555-4555-8555-555555555555';
    expect(keyIdOf(`https://elsewhere.example/api/v1/verify/bodies/${src.bodyId}/keys/${kid}`)).toBe(kid);
    expect(keyIdOf(kid.toUpperCase())).toBe(kid);
    expect(keyIdOf('https://evil.example/keys/1')).toBeNull();
    expect(keyIdOf(undefined)).toBeNull();
  });

  it('finds no body in a foreign issuer URL', () => {
    expect(issuerBodyId({ issuer: { id: 'https://evil.example/issuer' } })).toBeNull();
    expect(issuerBodyId(null)).toBeNull();
    expect(certificateNumberOf({ credentialSubject: {} })).toBeNull();
  });
});

describe('where an accreditation stands', () => {
  it('is valid while active and not past its expiry date', () => {
    expect(standing('active', '2027-02-28', '2027-02-28')).toBe('valid');
    expect(standing('active', null, '2090-01-01')).toBe('valid');
  });

  it('is expired once an active record passes its expiry date, before any job marks it', () => {
    expect(standing('active', '2027-02-28', '2027-03-01')).toBe('expired');
  });

  it('reports revoked, suspended, lapsed and expired records as recorded', () => {
    for (const s of ['revoked', 'suspended', 'lapsed', 'expired'] as const) expect(standing(s, '2099-01-01', '2026-01-01')).toBe(s);
  });

  it('treats a presented credential past its own validUntil as expired even if the accreditation was renewed', () => {
    const now = new Date('2027-03-01T00:00:00Z');
    expect(presentedStanding('valid', '2027-02-28T23:59:59Z', now)).toBe('expired');
    expect(presentedStanding('valid', undefined, now)).toBe('valid');
    expect(presentedStanding('revoked', '2099-01-01T00:00:00Z', now)).toBe('revoked');
  });
});
