// The signed proof of an accreditation: a W3C Verifiable Credential (data model 2.0) shaped as an
// Open Badges 3.0 OpenBadgeCredential, signed as a compact JWS (alg EdDSA, typ vc+jwt) whose payload is
// the credential JSON itself. Plain functions: no Nest, no database.

export const VC_CONTEXT = ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'] as const;
export const VC_TYPE = ['VerifiableCredential', 'OpenBadgeCredential'] as const;
export const JWS_ALG = 'EdDSA';
export const JWS_TYP = 'vc+jwt';
// Not a registered W3C status type: a plain HTTPS endpoint answering { status, updatedAt } for the
// certificate (GET credentialStatus.id). A verifier must ask it (or POST /verify) for revocation.
export const STATUS_TYPE = 'CredentialStatusEndpoint';

export type Standing = 'valid' | 'revoked' | 'suspended' | 'expired' | 'lapsed';

export interface CredentialSource {
  accreditationId: string;
  certificateNumber: string;
  holderName: string;
  bodyId: string;
  bodyName: string;
  schemeVersionId: string;
  levelCode: string;
  levelName: string;
  issuedOn: string; // YYYY-MM-DD
  expiresOn: string | null; // YYYY-MM-DD, null = no expiry
}

export interface IdentityObject {
  type: 'IdentityObject';
  identityType: 'identifier';
  hashed: false;
  identityHash: string;
}

export interface AccreditationCredential {
  '@context': string[];
  type: string[];
  id: string;
  name: string;
  issuer: { id: string; type: ['Profile']; name: string };
  validFrom: string;
  validUntil?: string;
  credentialSubject: {
    type: ['AchievementSubject'];
    name: string;
    identifier: IdentityObject[];
    achievement: {
      id: string;
      type: ['Achievement'];
      name: string;
      achievementType: 'License' | 'Certificate';
      criteria: { narrative: string };
    };
  };
  credentialStatus: { id: string; type: typeof STATUS_TYPE };
}

export const verifyUrls = (baseUrl: string) => ({
  issuer: (bodyId: string) => `${baseUrl}/api/v1/verify/bodies/${bodyId}`,
  jwks: (bodyId: string) => `${baseUrl}/api/v1/verify/bodies/${bodyId}/jwks`,
  status: (certificateNumber: string) => `${baseUrl}/api/v1/verify/status/${encodeURIComponent(certificateNumber)}`,
});

export function buildCredential(src: CredentialSource, baseUrl: string): AccreditationCredential {
  const urls = verifyUrls(baseUrl);
  const credential: AccreditationCredential = {
    '@context': [...VC_CONTEXT],
    type: [...VC_TYPE],
    id: `urn:uuid:${src.accreditationId}`,
    name: `${src.levelName} — ${src.bodyName}`,
    issuer: { id: urls.issuer(src.bodyId), type: ['Profile'], name: src.bodyName },
    validFrom: `${src.issuedOn}T00:00:00Z`,
    credentialSubject: {
      type: ['AchievementSubject'],
      name: src.holderName,
      // the certificate number, unhashed: it is printed on the certificate and is what verifiers look up
      identifier: [{ type: 'IdentityObject', identityType: 'identifier', hashed: false, identityHash: src.certificateNumber }],
      achievement: {
        id: `urn:ipt-accreditation:scheme-version:${src.schemeVersionId}:level:${encodeURIComponent(src.levelCode)}`,
        type: ['Achievement'],
        name: src.levelName,
        // a level that must be renewed is a licence to practise at that level; one without expiry a certificate
        achievementType: src.expiresOn ? 'License' : 'Certificate',
        criteria: {
          narrative: `Met the requirements of level ${src.levelCode} (${src.levelName}) of the accreditation scheme of ${src.bodyName}, as assessed by that body.`,
        },
      },
    },
    credentialStatus: { id: urls.status(src.certificateNumber), type: STATUS_TYPE },
  };
  // valid through the whole expiry date (UTC)
  if (src.expiresOn) credential.validUntil = `${src.expiresOn}T23:59:59Z`;
  return credential;
}

export function jwsHeader(baseUrl: string, bodyId: string, kid: string) {
  return { alg: JWS_ALG, typ: JWS_TYP, kid, jku: verifyUrls(baseUrl).jwks(bodyId) };
}

/** The certificate number a credential is about (its first identifier), or null when it has none. */
export function certificateNumberOf(credential: unknown): string | null {
  const ids = (credential as { credentialSubject?: { identifier?: unknown } } | null)?.credentialSubject?.identifier;
  const first = Array.isArray(ids) ? (ids[0] as { identityHash?: unknown } | undefined) : undefined;
  return typeof first?.identityHash === 'string' ? first.identityHash : null;
}

/** The body id at the end of the issuer URL (whatever origin it was issued under), or null. */
export function issuerBodyId(credential: unknown): string | null {
  const issuer = (credential as { issuer?: { id?: unknown } } | null)?.issuer?.id;
  const m = typeof issuer === 'string' ? /\/api\/v1\/verify\/bodies\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.exec(issuer) : null;
  return m ? m[1].toLowerCase() : null;
}

/**
 * Where an accreditation stands today. The recorded status wins when it is not active; an active record
 * whose expiry date has passed counts as expired even before the nightly lapse job has marked it.
 */
export function standing(status: string, expiresOn: string | null, today: string): Standing {
  switch (status) {
    case 'revoked':
    case 'suspended':
    case 'lapsed':
    case 'expired':
      return status;
    default:
      return expiresOn !== null && expiresOn < today ? 'expired' : 'valid';
  }
}

/** A presented credential is also expired once its own validUntil has passed (e.g. superseded by a renewal). */
export function presentedStanding(current: Standing, validUntil: unknown, now: Date): Standing {
  if (current !== 'valid') return current;
  if (typeof validUntil === 'string' && !Number.isNaN(Date.parse(validUntil)) && Date.parse(validUntil) < now.getTime()) return 'expired';
  return current;
}
