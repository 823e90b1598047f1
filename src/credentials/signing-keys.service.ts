import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { type CryptoKey, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import { DataSource, type EntityManager } from 'typeorm';
import { adminGrantFor } from '../access/grants';
import { UnitOfWork } from '../audit/unit-of-work';
import { forbidden, notFound } from '../common/errors';
import type { AuthedCtx } from '../common/request-context';
import { AppConfig } from '../config/env';
import { type SigningAlg } from './credential';
import type { RotatedKeysDto } from './dto';
import { decryptSecret, encryptSecret, parseMasterKey } from './key-encryption';
import { toSigningKeyDto } from './signing-key.mapper';
import { BodySigningKey, SigningKeyStatus } from './signing-key.entity';

export interface ActiveSigningKey {
  kid: string;
  bodyId: string;
  alg: SigningAlg;
  privateKey: CryptoKey | Uint8Array;
}

// Parameters of a new key per algorithm (RSA 2048 is RS256's usual minimum; P-256 is ES256's curve).
const KEY_OPTIONS: Record<SigningAlg, { crv?: string; modulusLength?: number }> = {
  RS256: { modulusLength: 2048 },
  ES256: { crv: 'P-256' },
  EdDSA: { crv: 'Ed25519' },
};
const PUBLIC_MEMBERS = ['kty', 'crv', 'x', 'y', 'n', 'e'] as const;

@Injectable()
export class SigningKeysService {
  private masterKey?: Buffer;

  constructor(
    private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly config: AppConfig,
  ) {}

  /**
   * The body's active signing key, created on first use. Runs inside the caller's transaction (only `em`).
   * Two first issuances racing: the partial unique index keeps one active key, the loser's insert is skipped.
   * An active key of another algorithm than CREDENTIALS_SIGNING_ALG (e.g. a body's Ed25519 key from before)
   * is retired here, in the same way, and stays published for what it signed.
   */
  async activeKey(em: EntityManager, bodyId: string): Promise<ActiveSigningKey> {
    const alg = this.config.CREDENTIALS_SIGNING_ALG;
    let key = await em.findOneBy(BodySigningKey, { bodyId, status: SigningKeyStatus.Active });
    if (key && key.alg !== alg) {
      await em
        .createQueryBuilder()
        .update(BodySigningKey)
        .set({ status: SigningKeyStatus.Retired, retiredAt: () => 'now()' })
        .where('id = :id AND status = :active', { id: key.id, active: SigningKeyStatus.Active })
        .execute();
      key = null;
    }
    if (!key) {
      await em
        .createQueryBuilder()
        .insert()
        .into(BodySigningKey)
        .values(await this.newKey(bodyId))
        .orIgnore()
        .execute();
      key = await em.findOneByOrFail(BodySigningKey, { bodyId, status: SigningKeyStatus.Active });
    }
    return this.privateKey(key);
  }

  /** The private half of any of the body's keys (the status lists are signed with the active one). */
  async privateKey(key: BodySigningKey): Promise<ActiveSigningKey> {
    const jwk = JSON.parse(decryptSecret(key.privateKeyCiphertext, this.master(), key.id)) as JWK;
    return { kid: key.id, bodyId: key.bodyId, alg: key.alg, privateKey: await importJWK(jwk, key.alg) };
  }

  /** A new active key for the body; the old one is retired but stays in the JWKS for earlier credentials. */
  async rotate(ctx: AuthedCtx, bodyId: string): Promise<RotatedKeysDto> {
    const via = adminGrantFor(ctx.actor, bodyId);
    if (!via) throw forbidden('You may rotate signing keys only for a body you administer');
    const fresh = await this.newKey(bodyId);
    return this.uow.run(ctx, async (em, audit) => {
      // serialises concurrent rotations of one body; NO KEY UPDATE does not block inserts referencing the body
      const locked: unknown[] = await em.query(`SELECT id FROM bodies WHERE id = $1 FOR NO KEY UPDATE`, [bodyId]);
      if (!locked.length) throw notFound('Body');
      const old = await em.findOneBy(BodySigningKey, { bodyId, status: SigningKeyStatus.Active });
      if (old) await em.update(BodySigningKey, { id: old.id }, { status: SigningKeyStatus.Retired, retiredAt: () => 'now()' });
      await em.insert(BodySigningKey, fresh);
      audit({
        action: 'signing_key.rotate',
        entityType: 'body',
        entityId: bodyId,
        via,
        bodyId,
        changes: { retiredKid: old?.id ?? null, activeKid: fresh.id },
      });
      const active = await em.findOneByOrFail(BodySigningKey, { id: fresh.id });
      const retired = old ? await em.findOneByOrFail(BodySigningKey, { id: old.id }) : null;
      return {
        active: toSigningKeyDto(active, this.config.publicBaseUrl),
        retired: retired ? toSigningKeyDto(retired, this.config.publicBaseUrl) : null,
      };
    });
  }

  /** Every key the body has signed with (active and retired), newest first: the body's JWKS. */
  async publicKeys(bodyId: string): Promise<BodySigningKey[]> {
    return this.db.getRepository(BodySigningKey).find({ where: { bodyId }, order: { createdAt: 'DESC', id: 'ASC' } });
  }

  /** The public half of one key, looked up by kid — never fetched from a URL named in a presented token. */
  findKey(kid: string): Promise<BodySigningKey | null> {
    return this.db.getRepository(BodySigningKey).findOneBy({ id: kid });
  }

  private async newKey(
    bodyId: string,
  ): Promise<Pick<BodySigningKey, 'id' | 'bodyId' | 'alg' | 'publicJwk' | 'privateKeyCiphertext' | 'status'>> {
    const kid = randomUUID();
    const alg = this.config.CREDENTIALS_SIGNING_ALG;
    const { publicKey, privateKey } = await generateKeyPair(alg, { ...KEY_OPTIONS[alg], extractable: true });
    const pub = await exportJWK(publicKey);
    const priv = await exportJWK(privateKey);
    return {
      id: kid,
      bodyId,
      alg,
      publicJwk: Object.fromEntries(PUBLIC_MEMBERS.filter((m) => typeof pub[m] === 'string').map((m) => [m, String(pub[m])])),
      privateKeyCiphertext: encryptSecret(JSON.stringify(priv), this.master(), kid),
      status: SigningKeyStatus.Active,
    };
  }

  private master(): Buffer {
    return (this.masterKey ??= parseMasterKey(this.config.CREDENTIALS_MASTER_KEY));
  }
}
