import { Injectable } from '@nestjs/common';
import { CompactSign, compactVerify, decodeProtectedHeader, importJWK } from 'jose';
import type { EntityManager } from 'typeorm';
import type { Accreditation } from '../accreditations/accreditation.entity';
import { AppConfig } from '../config/env';
import { buildCredential, issuerBodyId, JWS_ALG, jwsHeader } from './credential';
import { SigningKeysService } from './signing-keys.service';

export type SignatureCheck = { ok: true; kid: string; bodyId: string; credential: Record<string, unknown> } | { ok: false };

/** Signs accreditations as credentials, and checks the signature of a presented one. */
@Injectable()
export class CredentialIssuer {
  constructor(
    private readonly keys: SigningKeysService,
    private readonly config: AppConfig,
  ) {}

  /** The accreditation as a compact JWS under its body's active key (created on demand, inside `em`'s transaction). */
  async sign(em: EntityManager, accreditation: Accreditation, bodyName: string): Promise<string> {
    const key = await this.keys.activeKey(em, accreditation.bodyId);
    const base = this.config.publicBaseUrl;
    const credential = buildCredential(
      {
        accreditationId: accreditation.id,
        certificateNumber: accreditation.certificateNumber,
        holderName: accreditation.holderName,
        bodyId: accreditation.bodyId,
        bodyName,
        schemeVersionId: accreditation.schemeVersionId,
        levelCode: accreditation.levelCode,
        levelName: accreditation.levelName,
        issuedOn: accreditation.issuedOn,
        expiresOn: accreditation.expiresOn,
      },
      base,
    );
    return new CompactSign(new TextEncoder().encode(JSON.stringify(credential)))
      .setProtectedHeader(jwsHeader(base, accreditation.bodyId, key.kid))
      .sign(key.privateKey);
  }

  /**
   * Checks a presented JWS against our own copy of the issuing key (found by kid; the `jku` in the header
   * is never fetched), with the algorithm pinned to EdDSA, and that the key belongs to the body named as
   * issuer. Anything that does not hold — malformed, unknown key, bad signature — is just `ok: false`.
   */
  async checkSignature(jws: string): Promise<SignatureCheck> {
    try {
      const header = decodeProtectedHeader(jws);
      if (header.alg !== JWS_ALG || typeof header.kid !== 'string' || !/^[0-9a-f-]{36}$/i.test(header.kid)) return { ok: false };
      const key = await this.keys.findKey(header.kid.toLowerCase());
      if (!key) return { ok: false };
      const { payload } = await compactVerify(jws, await importJWK({ ...key.publicJwk, alg: JWS_ALG }, JWS_ALG), { algorithms: [JWS_ALG] });
      const credential: unknown = JSON.parse(new TextDecoder().decode(payload));
      if (!credential || typeof credential !== 'object' || Array.isArray(credential)) return { ok: false };
      if (issuerBodyId(credential) !== key.bodyId) return { ok: false };
      return { ok: true, kid: key.id, bodyId: key.bodyId, credential: credential as Record<string, unknown> };
    } catch {
      return { ok: false };
    }
  }
}
