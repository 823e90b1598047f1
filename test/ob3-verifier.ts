// An independent Open Badges 3.0 verifier for the tests: node:crypto and zlib only (not jose, which signs),
// following the specs rather than the service's code — OB 3.0 §8.2 (JWT proof: header, kid dereferenced to a
// JWK, claims mirroring the credential), W3C Bitstring Status List v1.0 §3.2 (fetch the list credential,
// verify it, check its purpose, decompress, read the bit), and 1EdTech's OB 3.0 JSON Schema (vendored in
// test/fixtures/ob3, see its README).
import { createPublicKey, verify as cryptoVerify, type JsonWebKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Ajv2019 } from 'ajv/dist/2019';
import addFormatsModule from 'ajv-formats';

/** Dereferences a URL (an absolute https URL of the service) to its body: JSON or text. */
export type Fetch = (url: string) => Promise<{ status: number; text: string; headers: Record<string, string> }>;

const fixture = (name: string): unknown => JSON.parse(readFileSync(join(process.cwd(), 'test/fixtures/ob3', name), 'utf8'));
/* eslint-disable @typescript-eslint/no-explicit-any */
const addFormats = ((addFormatsModule as any).default ?? addFormatsModule) as (ajv: Ajv2019) => Ajv2019;
const ajv = addFormats(new Ajv2019({ allErrors: true, strict: false }));
export const validateAchievementCredential = ajv.compile(fixture('ob_v3p0_achievementcredential_schema.json') as object);
export const validateProfile = ajv.compile(fixture('ob_v3p0_profile_schema.json') as object);

const b64json = (part: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;

export class VerificationFailure extends Error {}
const fail = (why: string): never => {
  throw new VerificationFailure(why);
};

/** OB 3.0 §8.2.5: verify a compact JWS credential; returns the payload (the credential with its claims). */
export async function verifyVcJwt(
  jws: string,
  fetch: Fetch,
  now = new Date(),
): Promise<{ header: Record<string, unknown>; payload: Record<string, any>; jwk: JsonWebKey }> {
  const parts = jws.split('.');
  if (parts.length !== 3) fail('not a compact JWS');
  const header = b64json(parts[0]);
  const extra = Object.keys(header).filter((k) => !['alg', 'kid', 'jwk', 'typ'].includes(k));
  if (extra.length) fail(`header members not allowed by OB 3.0: ${extra.join(', ')}`);
  if (header.typ !== undefined && header.typ !== 'JWT') fail('typ must be JWT');
  if (typeof header.kid !== 'string' || !/^https?:\/\//.test(header.kid)) fail('kid is not a URL');
  const res = await fetch(header.kid as string);
  if (res.status !== 200) fail(`kid did not dereference (${res.status})`);
  const jwk = JSON.parse(res.text) as JsonWebKey & { d?: string; alg?: string };
  if (jwk.d !== undefined) fail('the published JWK holds a private key');
  if (jwk.alg !== undefined && jwk.alg !== header.alg) fail('the JWK is for another algorithm');
  const key = createPublicKey({ key: jwk, format: 'jwk' });
  const data = Buffer.from(`${parts[0]}.${parts[1]}`, 'ascii');
  const sig = Buffer.from(parts[2], 'base64url');
  const ok =
    header.alg === 'RS256'
      ? cryptoVerify('sha256', data, key, sig)
      : header.alg === 'ES256'
        ? cryptoVerify('sha256', data, { key, dsaEncoding: 'ieee-p1363' }, sig)
        : header.alg === 'EdDSA'
          ? cryptoVerify(null, data, key, sig)
          : fail(`unsupported alg ${String(header.alg)}`);
  if (!ok) fail('bad signature');
  const payload = b64json(parts[1]) as Record<string, any>;
  const issuerId = typeof payload.issuer === 'string' ? payload.issuer : payload.issuer?.id;
  if (payload.iss !== issuerId) fail('iss does not match issuer.id');
  if (payload.sub !== payload.credentialSubject?.id) fail('sub does not match credentialSubject.id');
  if (payload.jti !== payload.id) fail('jti does not match id');
  if (typeof payload.nbf !== 'number' || payload.nbf * 1000 !== Date.parse(payload.validFrom)) fail('nbf does not match validFrom');
  if (payload.nbf * 1000 > now.getTime()) fail('not valid yet');
  if (payload.validUntil !== undefined || payload.exp !== undefined) {
    if (payload.exp * 1000 !== Date.parse(payload.validUntil)) fail('exp does not match validUntil');
    if (payload.exp * 1000 < now.getTime()) fail('expired');
  }
  return { header, payload, jwk };
}

/** Bitstring Status List v1.0 §3.2: the credential's status bit (0 or 1) in the list its entry names. */
export async function statusBit(
  entry: Record<string, any>,
  fetch: Fetch,
  purpose = entry.statusPurpose as string,
  index = Number(entry.statusListIndex),
): Promise<number> {
  if (entry.type !== 'BitstringStatusListEntry') fail('not a BitstringStatusListEntry');
  const url =
    purpose === entry.statusPurpose
      ? (entry.statusListCredential as string)
      : (entry.statusListCredential as string).replace(/[^/]+$/, purpose);
  const res = await fetch(url);
  if (res.status !== 200) fail(`status list did not dereference (${res.status})`);
  const { payload: list } = await verifyVcJwt(res.text, fetch);
  if (!list.type?.includes('BitstringStatusListCredential')) fail('not a BitstringStatusListCredential');
  if (list.credentialSubject?.type !== 'BitstringStatusList') fail('subject is not a BitstringStatusList');
  if (![list.credentialSubject.statusPurpose].flat().includes(purpose)) fail('status purpose mismatch');
  const encoded = list.credentialSubject.encodedList as string;
  if (!encoded.startsWith('u')) fail('encodedList is not multibase base64url');
  const bits = gunzipSync(Buffer.from(encoded.slice(1), 'base64url'));
  if (bits.length * 8 < 131_072) fail('status list shorter than 131,072 entries');
  if (!Number.isInteger(index) || index < 0 || index >= bits.length * 8) fail('index out of range');
  return (bits[index >> 3] >> (7 - (index & 7))) & 1;
}
