import { randomBytes } from 'node:crypto';
import { Accreditation, AccreditationStatus } from '../src/accreditations/accreditation.entity';
import type { Body } from '../src/bodies/body.entity';
import { CredentialIssuer } from '../src/credentials/credential-issuer.service';
import { Scheme, SchemeVersion, SchemeVersionStatus } from '../src/schemes/scheme.entity';
import type { TestApp } from './support/test-app';

export const API = '/api/v1';
export const dayOffset = (n: number): string => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

// Accreditations are inserted directly (not through the issuance flow) and signed with the real CredentialIssuer.
export async function makeAccreditation(
  t: TestApp,
  body: Body,
  holderId: string,
  over: Partial<
    Pick<
      Accreditation,
      'holderName' | 'status' | 'publicListing' | 'issuedOn' | 'expiresOn' | 'levelCode' | 'levelName' | 'noun' | 'levelTitle'
    >
  > = {},
): Promise<Accreditation> {
  const suffix = randomBytes(4).toString('hex').toUpperCase();
  const scheme = await t.db.getRepository(Scheme).save({ bodyId: body.id, code: `S-${suffix}`, name: 'Test scheme' });
  const version = await t.db.getRepository(SchemeVersion).save({
    schemeId: scheme.id,
    versionNumber: 1,
    status: SchemeVersionStatus.Published,
    effectiveFrom: '2020-01-01',
    definition: {} as SchemeVersion['definition'],
  });
  const acc = await t.db.getRepository(Accreditation).save({
    certificateNumber: `T-IPT-${suffix}`,
    holderId,
    holderName: 'Ada Lovelace',
    bodyId: body.id,
    schemeVersionId: version.id,
    levelCode: 'B',
    levelName: 'Practitioner',
    noun: 'accredited',
    levelTitle: over.levelName ?? 'Practitioner',
    status: AccreditationStatus.Active,
    issuedOn: dayOffset(-30),
    expiresOn: dayOffset(335),
    publicListing: false,
    credentialJws: null,
    ...over,
  });
  return acc;
}

/** Signs the accreditation inside a transaction, as issuance does, and stores the JWS on the row. */
export async function sign(t: TestApp, acc: Accreditation, bodyName: string): Promise<string> {
  const issuer = t.app.get(CredentialIssuer);
  return t.db.transaction(async (em) => {
    const jws = await issuer.sign(em, acc, bodyName);
    await em.update(Accreditation, { id: acc.id }, { credentialJws: jws });
    return jws;
  });
}

export const decodePart = (jws: string, i: 0 | 1): Record<string, unknown> =>
  JSON.parse(Buffer.from(jws.split('.')[i], 'base64url').toString('utf8')) as Record<string, unknown>;

/** The same signature over a different payload. */
export function tamper(jws: string, change: (payload: { credentialSubject: { name: string } }) => void): string {
  const [h, p, s] = jws.split('.');
  const payload = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as { credentialSubject: { name: string } };
  change(payload);
  return [h, Buffer.from(JSON.stringify(payload)).toString('base64url'), s].join('.');
}
