// The signed proof of an accreditation: a W3C Verifiable Credential (data model 2.0) shaped as an
// Open Badges 3.0 OpenBadgeCredential, secured with OB 3.0's JSON Web Token proof format: a compact JWS
// whose payload is the credential itself plus the JWT claims iss, jti, nbf, sub (and exp with validUntil),
// header { alg, kid: a URL that dereferences to the public JWK, typ: "JWT" } and no other header.
// Plain functions: no Nest, no database.
import { createHash } from 'node:crypto';

export const VC_CONTEXT = ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'] as const;
export const VC_TYPE = ['VerifiableCredential', 'OpenBadgeCredential'] as const;
// OB 3.0 §8.2: "typ: if present, MUST be set to JWT"
export const JWT_TYP = 'JWT';
// Algorithms a body key may have. RS256 is the one OB 3.0 requires every verifier to support; ES256 is
// widely supported; EdDSA keys predate this and keep verifying the credentials they signed.
export const SIGNING_ALGS = ['RS256', 'ES256', 'EdDSA'] as const;
export type SigningAlg = (typeof SIGNING_ALGS)[number];
// Bitstring Status List v1.0
export const STATUS_ENTRY_TYPE = 'BitstringStatusListEntry';
export const STATUS_PURPOSES = ['suspension', 'revocation'] as const;
export type StatusPurpose = (typeof STATUS_PURPOSES)[number];
// The credential names one list: OB 3.0 allows one credentialStatus object (its schema rejects an array),
// so the entry is the suspension list, whose bit means "do not accept now" (suspended, revoked, lapsed,
// expired) and is cleared on reinstatement or restoration. The revocation list (final states only: revoked,
// expired; never cleared) is published at the same index for verifiers that want the distinction.
export const CREDENTIAL_STATUS_PURPOSE: StatusPurpose = 'suspension';

export type Standing = 'valid' | 'revoked' | 'suspended' | 'expired' | 'lapsed';

export interface CredentialSource {
  accreditationId: string;
  certificateNumber: string;
  holderId: string;
  holderName: string;
  holderEmail: string;
  bodyId: string;
  bodyName: string;
  schemeVersionId: string;
  levelCode: string;
  levelName: string;
  /** the level's noun and the holder's title, as the scheme labels the level */
  noun: string;
  levelTitle: string;
  issuedOn: string; // YYYY-MM-DD
  expiresOn: string | null; // YYYY-MM-DD, null = no expiry
  statusListIndex: number;
}

export interface IdentityObject {
  type: 'IdentityObject';
  identityType: 'emailAddress' | 'identifier';
  hashed: boolean;
  identityHash: string;
  salt?: string;
}

export interface StatusListEntry {
  id: string;
  type: typeof STATUS_ENTRY_TYPE;
  statusPurpose: StatusPurpose;
  statusListIndex: string;
  statusListCredential: string;
}

export interface AccreditationCredential {
  '@context': string[];
  type: string[];
  id: string;
  name: string;
  description: string;
  issuer: { id: string; type: ['Profile']; name: string };
  validFrom: string;
  validUntil?: string;
  credentialSubject: {
    id: string;
    type: ['AchievementSubject'];
    name: string;
    identifier: IdentityObject[];
    achievement: {
      id: string;
      type: ['Achievement'];
      name: string;
      description: string;
      achievementType: 'License' | 'Certificate';
      criteria: { narrative: string };
    };
  };
  credentialStatus: StatusListEntry;
}

export interface JwtClaims {
  iss: string;
  jti: string;
  sub: string;
  nbf: number;
  exp?: number;
}

const BODY_PATH = /\/api\/v1\/verify\/bodies\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const verifyUrls = (baseUrl: string) => ({
  issuer: (bodyId: string) => `${baseUrl}/api/v1/verify/bodies/${bodyId}`,
  jwks: (bodyId: string) => `${baseUrl}/api/v1/verify/bodies/${bodyId}/jwks`,
  key: (bodyId: string, keyId: string) => `${baseUrl}/api/v1/verify/bodies/${bodyId}/keys/${keyId}`,
  statusList: (bodyId: string, purpose: StatusPurpose) => `${baseUrl}/api/v1/verify/bodies/${bodyId}/status-lists/${purpose}`,
  status: (certificateNumber: string) => `${baseUrl}/api/v1/verify/status/${encodeURIComponent(certificateNumber)}`,
});

/** OB 3.0 IdentityHash: "sha256$" + hex SHA-256 of the identity followed by the salt (both UTF-8). */
export const identityHash = (identity: string, salt: string): string =>
  `sha256$${createHash('sha256')
    .update(identity + salt, 'utf8')
    .digest('hex')}`;

export function buildCredential(src: CredentialSource, baseUrl: string, salt: string): AccreditationCredential {
  const urls = verifyUrls(baseUrl);
  const achievementDescription = `${src.levelTitle}: ${src.noun} in Interpersonal Psychotherapy (IPT) at level ${src.levelCode} (${src.levelName}), awarded by ${src.bodyName}.`;
  const credential: AccreditationCredential = {
    '@context': [...VC_CONTEXT],
    type: [...VC_TYPE],
    id: `urn:uuid:${src.accreditationId}`,
    name: `${src.levelTitle} — ${src.bodyName}`,
    description: `${achievementDescription} Certificate ${src.certificateNumber}.`,
    issuer: { id: urls.issuer(src.bodyId), type: ['Profile'], name: src.bodyName },
    validFrom: `${src.issuedOn}T00:00:00Z`,
    credentialSubject: {
      // the holder's stable id in this service (an opaque UUID, no personal data); the JWT's `sub`
      id: `urn:uuid:${src.holderId}`,
      type: ['AchievementSubject'],
      name: src.holderName,
      identifier: [
        // binds the credential to a person without publishing their address: a verifier who is given the
        // e-mail address hashes it with this salt and compares (e-mail is stored lower-case)
        { type: 'IdentityObject', identityType: 'emailAddress', hashed: true, identityHash: identityHash(src.holderEmail, salt), salt },
        // the certificate number, unhashed: it is printed on the certificate and is what verifiers look up
        { type: 'IdentityObject', identityType: 'identifier', hashed: false, identityHash: src.certificateNumber },
      ],
      achievement: {
        id: `urn:ipt-accreditation:scheme-version:${src.schemeVersionId}:level:${encodeURIComponent(src.levelCode)}`,
        type: ['Achievement'],
        name: src.levelTitle,
        description: achievementDescription,
        // a level that must be renewed is a licence to practise at that level; one without expiry a certificate
        achievementType: src.expiresOn ? 'License' : 'Certificate',
        criteria: {
          narrative: `Met the requirements of level ${src.levelCode} (${src.levelName}) of the accreditation scheme of ${src.bodyName}, as assessed by that body.`,
        },
      },
    },
    credentialStatus: statusEntry(urls.statusList(src.bodyId, CREDENTIAL_STATUS_PURPOSE), CREDENTIAL_STATUS_PURPOSE, src.statusListIndex),
  };
  // valid through the whole expiry date (UTC)
  if (src.expiresOn) credential.validUntil = `${src.expiresOn}T23:59:59Z`;
  return credential;
}

export function statusEntry(listUrl: string, purpose: StatusPurpose, index: number): StatusListEntry {
  return {
    id: `${listUrl}#${index}`,
    type: STATUS_ENTRY_TYPE,
    statusPurpose: purpose,
    statusListIndex: String(index),
    statusListCredential: listUrl,
  };
}

const numericDate = (iso: string): number => Math.floor(Date.parse(iso) / 1000);

/** OB 3.0 §8.2.3: the JWT claims that mirror the credential. */
export function jwtClaims(c: {
  id: string;
  issuer: string | { id: string };
  validFrom: string;
  validUntil?: string;
  credentialSubject: { id: string };
}): JwtClaims {
  const claims: JwtClaims = {
    iss: typeof c.issuer === 'string' ? c.issuer : c.issuer.id,
    jti: c.id,
    sub: c.credentialSubject.id,
    nbf: numericDate(c.validFrom),
  };
  if (c.validUntil) claims.exp = numericDate(c.validUntil);
  return claims;
}

/** Whether the JWT claims agree with the credential they wrap (OB 3.0 §8.2.5). */
export function claimsMatch(payload: Record<string, unknown>): boolean {
  const issuer = payload.issuer as string | { id?: unknown } | undefined;
  const issuerId = typeof issuer === 'string' ? issuer : issuer?.id;
  const subject = payload.credentialSubject as { id?: unknown } | undefined;
  if (typeof issuerId !== 'string' || typeof payload.id !== 'string' || typeof payload.validFrom !== 'string') return false;
  if (payload.iss !== issuerId || payload.jti !== payload.id || payload.sub !== subject?.id) return false;
  if (payload.nbf !== numericDate(payload.validFrom)) return false;
  if (typeof payload.validUntil === 'string' ? payload.exp !== numericDate(payload.validUntil) : payload.exp !== undefined) return false;
  return true;
}

export const jwsHeader = (alg: SigningAlg, kid: string) => ({ alg, kid, typ: JWT_TYP });

/**
 * The key id a presented header names: our key URL (…/verify/bodies/<body>/keys/<uuid>, under whatever
 * origin it was issued) or, in credentials signed before keys had URLs, the bare uuid. Null otherwise.
 */
export function keyIdOf(kid: unknown): string | null {
  if (typeof kid !== 'string') return null;
  if (UUID.test(kid)) return kid.toLowerCase();
  const m = /\/api\/v1\/verify\/bodies\/[0-9a-f-]{36}\/keys\/([0-9a-f-]{36})$/i.exec(kid);
  return m && UUID.test(m[1]) ? m[1].toLowerCase() : null;
}

/** The certificate number a credential is about (its plain `identifier` identity), or null when it has none. */
export function certificateNumberOf(credential: unknown): string | null {
  const ids = (credential as { credentialSubject?: { identifier?: unknown } } | null)?.credentialSubject?.identifier;
  if (!Array.isArray(ids)) return null;
  const plain = (ids as { identityType?: unknown; hashed?: unknown; identityHash?: unknown }[]).find(
    (i) => i?.identityType === 'identifier' && i.hashed === false,
  );
  return typeof plain?.identityHash === 'string' ? plain.identityHash : null;
}

/** The body id at the end of the issuer URL (whatever origin it was issued under), or null. */
export function issuerBodyId(credential: unknown): string | null {
  const issuer = (credential as { issuer?: { id?: unknown } | string } | null)?.issuer;
  const id = typeof issuer === 'string' ? issuer : issuer?.id;
  const m = typeof id === 'string' ? new RegExp(`${BODY_PATH.source}$`, 'i').exec(id) : null;
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
