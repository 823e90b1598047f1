import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Accreditation } from '../accreditations/accreditation.entity';
import { Body } from '../bodies/body.entity';
import { todayUtc } from '../common/dates';
import { notFound } from '../common/errors';
import { entityRows } from '../database/entity-rows';
import { AppConfig } from '../config/env';
import { certificateNumberOf, presentedStanding, standing, type StatusPurpose, VC_CONTEXT, verifyUrls } from '../credentials/credential';
import { CredentialIssuer } from '../credentials/credential-issuer.service';
import type { JwksDto, PublicJwkDto } from '../credentials/dto';
import { toPublicJwkDto } from '../credentials/signing-key.mapper';
import { SigningKeyStatus } from '../credentials/signing-key.entity';
import { StatusListsService } from '../credentials/status-lists.service';
import { SigningKeysService } from '../credentials/signing-keys.service';
import { certificateNumberCandidates } from './certificate-number';
import type { CredentialStatusDto, IssuerProfileDto, PresentedVerificationDto, VerificationDto, VerificationResult } from './dto';

const normaliseName = (s: string) => s.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase();

// Public answers about issued accreditations. Who learns what:
// - by certificate number: the result, level, body and dates; the holder's name only if they consented to
//   the public register (numbers are sequential, so a name for every guessed number would leak the whole
//   list); a verifier who already knows the name can confirm it with ?name= (nameMatches) instead.
// - by a presented credential: everything in it (the holder handed it over), checked against today's status.
@Injectable()
export class VerificationService {
  constructor(
    private readonly db: DataSource,
    private readonly issuer: CredentialIssuer,
    private readonly keys: SigningKeysService,
    private readonly statusLists: StatusListsService,
    private readonly config: AppConfig,
  ) {}

  async byNumber(certificateNumber: string, name?: string): Promise<VerificationDto> {
    const acc = await this.load(certificateNumber);
    if (!acc) return unknown(certificateNumber);
    return {
      ...describe(acc, standing(acc.status, acc.expiresOn, todayUtc(new Date()))),
      holderName: acc.publicListing ? acc.holderName : null,
      nameMatches: name === undefined ? null : normaliseName(name) === normaliseName(acc.holderName),
    };
  }

  async presented(jws: string): Promise<PresentedVerificationDto> {
    const check = await this.issuer.checkSignature(jws);
    if (!check.ok) return { ...unknown(''), result: 'invalid_signature', kid: null, claims: null };
    const number = certificateNumberOf(check.credential) ?? '';
    const acc = number ? await this.load(number) : null;
    // a genuine signature over a record we no longer hold (or that is not this one) proves nothing today
    if (!acc || check.credential.id !== `urn:uuid:${acc.id}` || acc.bodyId !== check.bodyId) {
      return { ...unknown(number), kid: check.kid, claims: check.credential };
    }
    const result = presentedStanding(standing(acc.status, acc.expiresOn, todayUtc(new Date())), check.credential.validUntil, new Date());
    return { ...describe(acc, result), holderName: acc.holderName, nameMatches: null, kid: check.kid, claims: check.credential };
  }

  // a plain status lookup by certificate number (credentials carry a Bitstring Status List entry instead)
  async status(certificateNumber: string): Promise<CredentialStatusDto> {
    const acc = await this.load(certificateNumber);
    if (!acc) throw notFound('Certificate');
    const [row]: { at: Date | string | null }[] = await this.db.query(
      `SELECT max(occurred_at) AS at FROM accreditation_events WHERE accreditation_id = $1`,
      [acc.id],
    );
    return {
      certificateNumber: acc.certificateNumber,
      status: acc.status,
      result: standing(acc.status, acc.expiresOn, todayUtc(new Date())),
      updatedAt: new Date(row?.at ?? acc.createdAt).toISOString(),
    };
  }

  async jwks(bodyId: string): Promise<JwksDto> {
    if (!(await this.db.getRepository(Body).existsBy({ id: bodyId }))) throw notFound('Body');
    const keys = await this.keys.publicKeys(bodyId);
    const current = keys.find((k) => k.status === SigningKeyStatus.Active);
    return {
      keys: keys.map((k) => toPublicJwkDto(k, this.config.publicBaseUrl)),
      current: current ? verifyUrls(this.config.publicBaseUrl).key(bodyId, current.id) : null,
    };
  }

  /** One key, at the URL that is the `kid` of what it signed (OB 3.0: the kid dereferences to the JWK). */
  async key(bodyId: string, keyId: string): Promise<PublicJwkDto> {
    const key = await this.keys.findKey(keyId);
    if (!key || key.bodyId !== bodyId) throw notFound('Key');
    return toPublicJwkDto(key, this.config.publicBaseUrl);
  }

  statusList(bodyId: string, purpose: StatusPurpose): Promise<string> {
    return this.statusLists.listCredential(bodyId, purpose);
  }

  /** The issuing body as an Open Badges 3.0 Profile, served at its own id. */
  async issuerProfile(bodyId: string): Promise<IssuerProfileDto> {
    const body = await this.db.getRepository(Body).findOneBy({ id: bodyId });
    if (!body) throw notFound('Body');
    const urls = verifyUrls(this.config.publicBaseUrl);
    return {
      '@context': [...VC_CONTEXT],
      id: urls.issuer(body.id),
      type: ['Profile'],
      name: body.name,
      description: `${body.name}: an accrediting body for Interpersonal Psychotherapy (IPT) practitioners and supervisors.`,
      ...(body.countryCode ? { address: { type: ['Address'], addressCountryCode: body.countryCode } } : {}),
      bodyId: body.id,
      countryCode: body.countryCode,
      jwksUrl: urls.jwks(body.id),
    };
  }

  /**
   * The accreditation with its body, in one statement (verification is the public's hot path); a number typed in
   * lower case finds the upper-case number it means, an exact match first.
   */
  private async load(certificateNumber: string): Promise<Accreditation | null> {
    const a = entityRows(this.db, Accreditation),
      b = entityRows(this.db, Body);
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT ${a.select('a')}, ${b.select('b')} FROM accreditations a JOIN bodies b ON b.id = a.body_id
        WHERE a.certificate_number = ANY($1::varchar[]) ORDER BY a.certificate_number = $2 DESC LIMIT 1`,
      [certificateNumberCandidates(certificateNumber), certificateNumber],
    );
    if (!rows.length) return null;
    const acc = a.map(rows[0], 'a');
    acc.body = b.map(rows[0], 'b');
    return acc;
  }
}

function unknown(certificateNumber: string): VerificationDto {
  return {
    result: 'unknown',
    certificateNumber,
    holderName: null,
    nameMatches: null,
    level: null,
    body: null,
    issuedOn: null,
    expiresOn: null,
    status: null,
    checkedAt: new Date().toISOString(),
  };
}

function describe(acc: Accreditation, result: VerificationResult): Omit<VerificationDto, 'holderName' | 'nameMatches'> {
  return {
    result,
    certificateNumber: acc.certificateNumber,
    level: { code: acc.levelCode, name: acc.levelName, noun: acc.noun, title: acc.levelTitle },
    body: { id: acc.bodyId, name: acc.body?.name ?? '', countryCode: acc.body?.countryCode ?? null },
    issuedOn: acc.issuedOn,
    expiresOn: acc.expiresOn,
    status: acc.status,
    checkedAt: new Date().toISOString(),
  };
}
