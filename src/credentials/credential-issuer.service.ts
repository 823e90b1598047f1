import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { CompactSign, compactVerify, decodeProtectedHeader, importJWK } from 'jose';
import type { EntityManager } from 'typeorm';
import type { Accreditation } from '../accreditations/accreditation.entity';
import { AppConfig } from '../config/env';
import { buildCredential, claimsMatch, issuerBodyId, jwsHeader, jwtClaims, keyIdOf, verifyUrls } from './credential';
import { SigningKeysService } from './signing-keys.service';
import { StatusListsService } from './status-lists.service';

export type SignatureCheck = { ok: true; kid: string; bodyId: string; credential: Record<string, unknown> } | { ok: false };

/** Signs accreditations as credentials, and checks the signature of a presented one. */
@Injectable()
export class CredentialIssuer {
  constructor(
    private readonly keys: SigningKeysService,
    private readonly statusLists: StatusListsService,
    private readonly config: AppConfig,
  ) {}

  /**
   * The accreditation as an OB 3.0 VC-JWT under its body's active key (created on demand), with its
   * status-list index (drawn on first signing, kept after) — all inside `em`'s transaction.
   */
  async sign(em: EntityManager, accreditation: Accreditation, bodyName: string): Promise<string> {
    const key = await this.keys.activeKey(em, accreditation.bodyId);
    // a plain read, so credentials/ does not import users/ (folder boundaries)
    const [holder]: { email: string }[] = await em.query(`SELECT email FROM users WHERE id = $1`, [accreditation.holderId]);
    if (!holder) throw new Error(`Holder ${accreditation.holderId} of accreditation ${accreditation.id} not found`);
    const statusListIndex = await this.statusLists.indexFor(em, accreditation.id, accreditation.bodyId);
    const base = this.config.publicBaseUrl;
    const credential = buildCredential(
      {
        accreditationId: accreditation.id,
        certificateNumber: accreditation.certificateNumber,
        holderId: accreditation.holderId,
        holderName: accreditation.holderName,
        holderEmail: holder.email,
        bodyId: accreditation.bodyId,
        bodyName,
        schemeVersionId: accreditation.schemeVersionId,
        levelCode: accreditation.levelCode,
        levelName: accreditation.levelName,
        noun: accreditation.noun,
        levelTitle: accreditation.levelTitle,
        issuedOn: accreditation.issuedOn,
        expiresOn: accreditation.expiresOn,
        statusListIndex,
      },
      base,
      randomBytes(16).toString('hex'),
    );
    return new CompactSign(new TextEncoder().encode(JSON.stringify({ ...credential, ...jwtClaims(credential) })))
      .setProtectedHeader(jwsHeader(key.alg, verifyUrls(base).key(accreditation.bodyId, key.kid)))
      .sign(key.privateKey);
  }

  /**
   * Checks a presented JWS against our own copy of the issuing key (found by the key id in `kid`; no URL
   * named in a presented token is ever fetched), with the algorithm pinned to that key's, that the key
   * belongs to the body named as issuer, and that the JWT claims agree with the credential. Credentials
   * signed before OB 3.0 JWT proofs (EdDSA, bare-uuid kid, no claims) still verify. Anything that does not
   * hold — malformed, unknown key, bad signature, mismatched claims — is just `ok: false`.
   */
  async checkSignature(jws: string): Promise<SignatureCheck> {
    try {
      const header = decodeProtectedHeader(jws);
      const keyId = keyIdOf(header.kid);
      if (!keyId) return { ok: false };
      const key = await this.keys.findKey(keyId);
      if (!key || header.alg !== key.alg) return { ok: false };
      const { payload } = await compactVerify(jws, await importJWK({ ...key.publicJwk, alg: key.alg }, key.alg), { algorithms: [key.alg] });
      const credential: unknown = JSON.parse(new TextDecoder().decode(payload));
      if (!credential || typeof credential !== 'object' || Array.isArray(credential)) return { ok: false };
      const claims = credential as Record<string, unknown>;
      if (issuerBodyId(claims) !== key.bodyId) return { ok: false };
      // a kid URL means an OB 3.0 JWT proof, whose claims must mirror the credential
      if (keyId !== header.kid && !claimsMatch(claims)) return { ok: false };
      return { ok: true, kid: header.kid as string, bodyId: key.bodyId, credential: claims };
    } catch {
      return { ok: false };
    }
  }
}
