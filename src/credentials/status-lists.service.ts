import { Injectable } from '@nestjs/common';
import { CompactSign } from 'jose';
import { DataSource, type EntityManager } from 'typeorm';
import { Body } from '../bodies/body.entity';
import { notFound } from '../common/errors';
import { AppConfig } from '../config/env';
import { jwsHeader, jwtClaims, type StatusPurpose, verifyUrls, VC_CONTEXT } from './credential';
import { CredentialStatusEntry } from './credential-status-entry.entity';
import { BodySigningKey, SigningKeyStatus } from './signing-key.entity';
import { SigningKeysService } from './signing-keys.service';
import { encodeStatusList, randomStatusIndex, STATUS_LIST_LENGTH, statusesSettingBit } from './status-list';

// How long a verifier may cache a status list (seconds): the `ttl` in the list and the Cache-Control max-age.
export const STATUS_LIST_TTL_SECONDS = 300;
const RANDOM_ATTEMPTS = 32;

/** The bodies' Bitstring Status Lists: index allocation, and the signed BitstringStatusListCredential. */
@Injectable()
export class StatusListsService {
  constructor(
    private readonly db: DataSource,
    private readonly keys: SigningKeysService,
    private readonly config: AppConfig,
  ) {}

  /**
   * The accreditation's index in its body's lists, drawn at random on first use and kept (inside `em`'s
   * transaction). A drawn index already taken — also by a concurrent transaction, whose insert the unique
   * index makes this one wait for — is skipped and another drawn; only a nearly full list falls back to
   * a random pick among the free indexes.
   */
  async indexFor(em: EntityManager, accreditationId: string, bodyId: string): Promise<number> {
    const existing = await em.findOneBy(CredentialStatusEntry, { accreditationId });
    if (existing) return existing.statusIndex;
    for (let attempt = 0; attempt <= RANDOM_ATTEMPTS; attempt++) {
      const index = attempt < RANDOM_ATTEMPTS ? randomStatusIndex() : await this.randomFreeIndex(em, bodyId);
      const res = await em
        .createQueryBuilder()
        .insert()
        .into(CredentialStatusEntry)
        .values({ accreditationId, bodyId, statusIndex: index })
        .orIgnore()
        .returning(['status_index'])
        .execute();
      if ((res.raw as unknown[]).length) return index;
    }
    throw new Error(`The status list of body ${bodyId} is full`);
  }

  /** The body's status list for one purpose, as a BitstringStatusListCredential signed with its active key (a compact JWS). */
  async listCredential(bodyId: string, purpose: StatusPurpose): Promise<string> {
    if (!(await this.db.getRepository(Body).existsBy({ id: bodyId }))) throw notFound('Body');
    const rows: { status_index: number }[] = await this.db.query(
      `SELECT e.status_index FROM credential_status_entries e JOIN accreditations a ON a.id = e.accreditation_id
        WHERE e.body_id = $1 AND a.status::text = ANY($2::text[])`,
      [bodyId, [...statusesSettingBit(purpose)]],
    );
    const urls = verifyUrls(this.config.publicBaseUrl);
    const listUrl = urls.statusList(bodyId, purpose);
    const credential = {
      '@context': [VC_CONTEXT[0]],
      id: listUrl,
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      issuer: urls.issuer(bodyId),
      // whole seconds, so the nbf claim equals it exactly
      validFrom: new Date(Math.floor(Date.now() / 1000) * 1000).toISOString().replace('.000Z', 'Z'),
      credentialSubject: {
        id: `${listUrl}#list`,
        type: 'BitstringStatusList',
        statusPurpose: purpose,
        encodedList: encodeStatusList(
          rows.map((r) => Number(r.status_index)),
          STATUS_LIST_LENGTH,
        ),
        ttl: STATUS_LIST_TTL_SECONDS * 1000,
      },
    };
    // signed with the body's current key; a body that has never signed has issued nothing to look up
    const active = await this.db.getRepository(BodySigningKey).findOneBy({ bodyId, status: SigningKeyStatus.Active });
    if (!active) throw notFound('Status list');
    const key = await this.keys.privateKey(active);
    return new CompactSign(new TextEncoder().encode(JSON.stringify({ ...credential, ...jwtClaims(credential) })))
      .setProtectedHeader(jwsHeader(key.alg, urls.key(bodyId, key.kid)))
      .sign(key.privateKey);
  }

  private async randomFreeIndex(em: EntityManager, bodyId: string): Promise<number> {
    const [row]: { i: number }[] = await em.query(
      `SELECT i FROM generate_series(0, $2::int - 1) i
        WHERE NOT EXISTS (SELECT 1 FROM credential_status_entries e WHERE e.body_id = $1 AND e.status_index = i)
        ORDER BY random() LIMIT 1`,
      [bodyId, STATUS_LIST_LENGTH],
    );
    if (!row) throw new Error(`The status list of body ${bodyId} is full`);
    return Number(row.i);
  }
}
