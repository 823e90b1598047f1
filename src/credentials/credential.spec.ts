import { buildCredential, certificateNumberOf, type CredentialSource, issuerBodyId, jwsHeader, presentedStanding, standing } from './credential';

const BASE = 'https://ipt.example.org';
const src: CredentialSource = {
  accreditationId: '11111111-1111-4111-8111-111111111111',
  certificateNumber: 'UK-IPT-2026-000123',
  holderName: 'Ada Lovelace',
  bodyId: '22222222-2222-4222-8222-222222222222',
  bodyName: 'IPT UK',
  schemeVersionId: '33333333-3333-4333-8333-333333333333',
  levelCode: 'B',
  levelName: 'Practitioner',
  issuedOn: '2026-03-01',
  expiresOn: '2027-02-28',
};

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

  it('describes the holder, the level and the certificate number', () => {
    const s = buildCredential(src, BASE).credentialSubject;
    expect(s.type).toEqual(['AchievementSubject']);
    expect(s.name).toBe('Ada Lovelace');
    expect(s.achievement).toMatchObject({ type: ['Achievement'], name: 'Practitioner', achievementType: 'License' });
    expect(s.achievement.criteria.narrative).toContain('IPT UK');
    expect(s.identifier).toEqual([{ type: 'IdentityObject', identityType: 'identifier', hashed: false, identityHash: 'UK-IPT-2026-000123' }]);
    expect(certificateNumberOf(buildCredential(src, BASE))).toBe('UK-IPT-2026-000123');
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

  it('points its status at the status endpoint of the certificate', () => {
    expect(buildCredential(src, BASE).credentialStatus).toEqual({ id: `${BASE}/api/v1/verify/status/UK-IPT-2026-000123`, type: 'CredentialStatusEndpoint' });
  });

  it('signs with EdDSA and names the key and the body JWKS in the header', () => {
    expect(jwsHeader(BASE, src.bodyId, 'kid-1')).toEqual({ alg: 'EdDSA', typ: 'vc+jwt', kid: 'kid-1', jku: `${BASE}/api/v1/verify/bodies/${src.bodyId}/jwks` });
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
