import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { Body } from '../bodies/body.entity';
import { CredentialIssuer } from '../credentials/credential-issuer.service';
import type { HeldVersion } from '../schemes/progress.service';
import { User } from '../users/user.entity';
import { Accreditation, AccreditationEvent, AccreditationStatus } from './accreditation.entity';
import { certificateNumber, expiryOnIssue } from './accreditation-lifecycle';
import { todayUtc } from '../common/dates';
import { levelOf } from './accreditation-rules';
import { type LevelDef, levelLabels, type SchemeDefinition } from '../schemes/scheme-definition';

/** The noun and title an accreditation at this level carries (the level's own, else the scheme's noun and the level name). */
export const labelsOf = (definition: SchemeDefinition, level: LevelDef) => {
  const { noun, title } = levelLabels(definition, level);
  return { noun, levelTitle: title.slice(0, 120) };
};

const MAX_NUMBER_ATTEMPTS = 5;

export interface IssueRequest {
  holderId: string;
  bodyId: string;
  held: HeldVersion;
  levelCode: string;
  applicationId: string | null;
  actorId: string;
  /** what the award rests on when not the ordinary route (a recognition); recorded on the accreditation */
  basis?: Record<string, unknown> | null;
}

const isCertificateCollision = (err: unknown): boolean => {
  const e = err as { code?: unknown; constraint?: unknown; driverError?: { code?: unknown; constraint?: unknown } };
  return (e.driverError?.code ?? e.code) === '23505' && (e.driverError?.constraint ?? e.constraint) === 'uq_accreditations_certificate';
};

/** Issues and (re-)signs accreditations inside the caller's transaction: the decision and the credential commit together. */
@Injectable()
export class AccreditationIssuance {
  constructor(private readonly issuer: CredentialIssuer) {}

  async issue(em: EntityManager, req: IssueRequest): Promise<Accreditation> {
    const [holder, body] = await Promise.all([
      em.findOneByOrFail(User, { id: req.holderId }),
      em.findOneByOrFail(Body, { id: req.bodyId }),
    ]);
    const level = levelOf(req.held.version, req.levelCode);
    const issuedOn = todayUtc(new Date());
    const id = await this.insertWithFreshNumber(em, body.code, Number(issuedOn.slice(0, 4)), {
      holderId: holder.id,
      holderName: holder.displayName.slice(0, 120),
      bodyId: body.id,
      schemeVersionId: req.held.version.id,
      levelCode: level.code,
      levelName: level.name,
      ...labelsOf(req.held.version.definition, level),
      applicationId: req.applicationId,
      status: AccreditationStatus.Active,
      issuedOn,
      expiresOn: expiryOnIssue(level.validity, issuedOn),
      // issued unlisted: the public register lists only what the holder consented to (PUT …/public-listing)
      publicListing: false,
      basis: (req.basis ?? null) as QueryDeepPartialEntity<Record<string, unknown>> | null,
    });
    await em.insert(AccreditationEvent, {
      accreditationId: id,
      kind: 'issued',
      fromStatus: null,
      toStatus: AccreditationStatus.Active,
      reason: null,
      actorId: req.actorId,
    });
    return this.resign(em, id, body.name);
  }

  /** Signs the accreditation as it now stands and stores the credential; returns the updated row. */
  async resign(em: EntityManager, accreditationId: string, bodyName?: string): Promise<Accreditation> {
    const acc = await em.findOneByOrFail(Accreditation, { id: accreditationId });
    const name = bodyName ?? (await em.findOneByOrFail(Body, { id: acc.bodyId })).name;
    const jws = await this.issuer.sign(em, acc, name);
    await em.update(Accreditation, { id: acc.id }, { credentialJws: jws });
    return em.findOneByOrFail(Accreditation, { id: acc.id });
  }

  /**
   * Inserts an accreditation under the given certificate number (an imported one, kept as the body issued it), or
   * under a fresh one of this service's shape when none is given. Returns its id.
   */
  async insertNumbered(
    em: EntityManager,
    givenNumber: string | null,
    bodyCode: string,
    year: number,
    values: QueryDeepPartialEntity<Accreditation>,
  ): Promise<string> {
    if (!givenNumber) return this.insertWithFreshNumber(em, bodyCode, year, values);
    const res = await em.insert(Accreditation, { ...values, certificateNumber: givenNumber });
    return String(res.identifiers[0].id);
  }

  // A collision on the random suffix is retried under a savepoint, so the surrounding transaction survives it.
  private async insertWithFreshNumber(
    em: EntityManager,
    bodyCode: string,
    year: number,
    values: QueryDeepPartialEntity<Accreditation>,
  ): Promise<string> {
    for (let attempt = 1; ; attempt++) {
      await em.query('SAVEPOINT certificate_number');
      try {
        const res = await em.insert(Accreditation, { ...values, certificateNumber: certificateNumber(bodyCode, year) });
        await em.query('RELEASE SAVEPOINT certificate_number');
        return String(res.identifiers[0].id);
      } catch (err) {
        await em.query('ROLLBACK TO SAVEPOINT certificate_number');
        if (!isCertificateCollision(err) || attempt >= MAX_NUMBER_ATTEMPTS) throw err;
      }
    }
  }
}
