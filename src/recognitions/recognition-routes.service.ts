import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In } from 'typeorm';
import { Accreditation } from '../accreditations/accreditation.entity';
import { RecordAccessService } from '../access/record-access.service';
import { todayUtc } from '../common/dates';
import { badRequest, conflict, DomainError, notFound } from '../common/errors';
import type { AuthedCtx } from '../common/request-context';
import { identityHash, standing } from '../credentials/credential';
import type { PresentedVerificationDto } from '../register/dto';
import { VerificationService } from '../register/verification.service';
import { evaluateLevel } from '../schemes/evaluate-level';
import type { ProgressQuery } from '../schemes/dto';
import { type HeldVersion, ProgressService } from '../schemes/progress.service';
import type { SchemeDefinition } from '../schemes/scheme-definition';
import { Scheme, SchemeVersion } from '../schemes/scheme.entity';
import { User } from '../users/user.entity';
import type { RecognitionRouteDto } from './dto';
import {
  credentialNamesPerson,
  recognitionLevel,
  recognitionReport,
  recognitionsInForce,
  type RecognitionReport,
  type RecognitionUsed,
  sourceSpanOn,
} from './recognition-rules';
import { Recognition, RecognitionStatus } from './recognition.entity';
import { publishedDefinitions, RecognitionsService } from './recognitions.service';

export interface RecognitionBasis {
  [key: string]: unknown;
  kind: 'recognition';
  recognitionId: string;
  recognitionVersion: number;
  via: 'held' | 'credential';
  sourceAccreditationId: string;
  credentialId: string | null;
  certificateNumber: string;
  sourceBody: { id: string; code: string; name: string };
  sourceScheme: { code: string; name: string };
  sourceLevel: { code: string; name: string };
}

const day = (d: string | null) => (d ? String(d).slice(0, 10) : null);

/** Reaching a level through a recognition: who holds a recognised level, the top-up evaluation, the basis of an application. */
@Injectable()
export class RecognitionRoutes {
  constructor(
    private readonly db: DataSource,
    private readonly progress: ProgressService,
    private readonly access: RecordAccessService,
    private readonly verification: VerificationService,
    private readonly recognitions: RecognitionsService,
  ) {}

  /** Every recognition in force on the date that leads to a level of this scheme and whose source level the trainee holds then. */
  async routes(ctx: AuthedCtx, traineeId: string, schemeId: string, q: ProgressQuery): Promise<RecognitionRouteDto[]> {
    await this.access.require(ctx.actor, traineeId, ['own', 'supervisor', 'body_admin', 'admin'], 'Trainee');
    const em = this.db.manager;
    const held = await this.progress.heldVersion(em, traineeId, schemeId);
    const asOf = q.asOf ?? todayUtc(new Date());
    const candidates = (await this.inForce(em, held, asOf)).filter((r) => !q.level || r.toLevelCode === q.level);
    if (!candidates.length) return [];
    const out: RecognitionRouteDto[] = [];
    for (const r of candidates) {
      const { report, span } = await this.evaluate(em, traineeId, held, r, { asOf });
      if (span?.accreditationId)
        out.push({ recognition: (await this.recognitions.toDtos(em, [r]))[0], sourceAccreditationId: span.accreditationId, report });
    }
    return out;
  }

  /**
   * An application through a recognition: the recognition must be published, in force today and lead to this level; the
   * applicant holds the source level today, or presents a credential of it that verifies (signature and status) and names them.
   */
  async forApplication(
    em: EntityManager,
    applicantId: string,
    held: HeldVersion,
    levelCode: string,
    recognitionId: string,
    credential: PresentedVerificationDto | undefined,
    applicationDate: string,
  ): Promise<{ report: RecognitionReport; basis: RecognitionBasis }> {
    const r = await em.findOne(Recognition, { where: { id: recognitionId }, relations: { fromBody: true, toScheme: true } });
    if (!r || r.status === RecognitionStatus.Draft) throw notFound('Recognition');
    const inForce = (await this.inForce(em, held, applicationDate)).some((x) => x.id === r.id);
    if (r.toSchemeId !== held.scheme.id || r.toLevelCode !== levelCode || !inForce)
      throw badRequest('RECOGNITION_NOT_APPLICABLE', `The recognition does not lead to ${levelCode} of this scheme today`, {
        recognitionId: [
          `leads to ${r.toLevelCode} of ${r.toScheme?.code}, version ${r.versionNumber} (${r.status}); not in force for this application`,
        ],
      });
    const { report, span } = await this.evaluate(em, applicantId, held, r, { asOf: applicationDate, applicationDate });
    const source = credential
      ? await this.presented(em, applicantId, r, credential)
      : span?.accreditationId
        ? { accreditationId: span.accreditationId, credentialId: null }
        : null;
    if (!source)
      throw conflict(
        'RECOGNISED_LEVEL_NOT_HELD',
        `You do not hold ${r.fromLevelCode} of ${r.fromBody?.name ?? 'the recognised body'} today; present its credential instead`,
      );
    const acc = await em.findOneByOrFail(Accreditation, { id: source.accreditationId });
    // held on the day is not enough when it was revoked or suspended that very day: it must be in good standing now
    if (standing(acc.status, acc.expiresOn, todayUtc(new Date())) !== 'valid')
      throw conflict('RECOGNISED_LEVEL_NOT_HELD', `Your ${r.fromLevelCode} (certificate ${acc.certificateNumber}) is not in good standing`);
    return {
      report,
      basis: {
        kind: 'recognition',
        recognitionId: r.id,
        recognitionVersion: r.versionNumber,
        via: credential ? 'credential' : 'held',
        sourceAccreditationId: acc.id,
        credentialId: source.credentialId,
        certificateNumber: acc.certificateNumber,
        sourceBody: report.recognition.sourceBody,
        sourceScheme: report.recognition.sourceScheme,
        sourceLevel: report.recognition.sourceLevel,
      },
    };
  }

  /** Re-evaluates an application made through a recognition (same version); with checkSource, the source must still be in good standing. */
  async reevaluate(
    em: EntityManager,
    applicantId: string,
    held: HeldVersion,
    basis: RecognitionBasis,
    opts: { applicationDate: string; checkSource: boolean },
  ): Promise<RecognitionReport> {
    const r = await em.findOneOrFail(Recognition, { where: { id: basis.recognitionId }, relations: { fromBody: true, toScheme: true } });
    if (opts.checkSource) {
      const acc = await em.findOneBy(Accreditation, { id: basis.sourceAccreditationId });
      const today = todayUtc(new Date());
      if (!acc || standing(acc.status, acc.expiresOn, today) !== 'valid')
        throw conflict(
          'RECOGNISED_LEVEL_NOT_HELD',
          `The recognised level (certificate ${basis.certificateNumber}) is no longer in good standing`,
        );
    }
    return (await this.evaluate(em, applicantId, held, r, { applicationDate: opts.applicationDate })).report;
  }

  private async evaluate(
    em: EntityManager,
    personId: string,
    held: HeldVersion,
    r: Recognition,
    opts: { asOf?: string; applicationDate?: string },
  ) {
    const definition = held.version.definition as SchemeDefinition;
    const target = definition.levels.find((l) => l.code === r.toLevelCode);
    if (!target) throw badRequest('RECOGNITION_NOT_APPLICABLE', `The version you are held to has no level ${r.toLevelCode}`);
    const level = recognitionLevel(target, r.topUps);
    const { record, ctx } = await this.progress.evaluationInput(em, personId, held, [level], opts);
    const report = recognitionReport(evaluateLevel(definition, level, record, ctx), await this.used(em, r));
    return { report, span: sourceSpanOn(record.levels, r, ctx.asOf) };
  }

  private async used(em: EntityManager, r: Recognition): Promise<RecognitionUsed> {
    const sourceScheme = await em.findOneBy(Scheme, { bodyId: r.fromBodyId, code: r.fromSchemeCode });
    const defs = await publishedDefinitions(em, r.fromBodyId, r.fromSchemeCode);
    const levelName = defs.flatMap((d) => d.levels).find((l) => l.code === r.fromLevelCode)?.name ?? r.fromLevelCode;
    return {
      id: r.id,
      versionNumber: r.versionNumber,
      sourceBody: { id: r.fromBodyId, code: r.fromBody?.code ?? '', name: r.fromBody?.name ?? '' },
      sourceScheme: { code: r.fromSchemeCode, name: sourceScheme?.name ?? r.fromSchemeCode },
      sourceLevel: { code: r.fromLevelCode, name: levelName },
      full: r.topUps.length === 0,
    };
  }

  private async inForce(em: EntityManager, held: HeldVersion, on: string): Promise<Recognition[]> {
    const rows = await em.find(Recognition, {
      where: { toSchemeId: held.scheme.id, status: In([RecognitionStatus.Published]) },
      relations: { fromBody: true, toScheme: true },
    });
    const terms = rows.map((r) => ({
      ...r,
      status: r.status,
      toSchemeCode: held.scheme.code,
      effectiveFrom: day(r.effectiveFrom)!,
      effectiveTo: day(r.effectiveTo),
      row: r,
    }));
    return recognitionsInForce(terms, on).map((t) => t.row);
  }

  /** A presented credential checked by the public verifier (signature, then today's status). Call it outside a transaction:
   *  it reads through the pool. */
  verifyPresented(jws: string): Promise<PresentedVerificationDto> {
    return this.verification.presented(jws);
  }

  // the verified credential is bound to the applicant and the level
  private async presented(em: EntityManager, applicantId: string, r: Recognition, check: PresentedVerificationDto) {
    const refuse = (why: string) =>
      new DomainError('CREDENTIAL_NOT_ACCEPTED', `The presented credential cannot be used: ${why}`, { credential: [why] });
    if (check.result !== 'valid' || !check.claims) throw refuse(`it verifies as ${check.result}`);
    const accId = typeof check.claims.id === 'string' ? check.claims.id.replace(/^urn:uuid:/, '') : '';
    const acc = await em.findOne(Accreditation, { where: { id: accId }, relations: { schemeVersion: true } });
    const user = await em.findOneByOrFail(User, { id: applicantId });
    if (!acc) throw refuse('it names no accreditation held here');
    if (!credentialNamesPerson(check.claims, { id: user.id, email: user.email }, identityHash))
      throw refuse('it was issued to someone else');
    const scheme = await em.findOneBy(Scheme, { id: (acc.schemeVersion as SchemeVersion).schemeId });
    if (acc.bodyId !== r.fromBodyId || scheme?.code !== r.fromSchemeCode || acc.levelCode !== r.fromLevelCode)
      throw refuse(
        `it is for ${acc.levelCode} of ${scheme?.code ?? 'another scheme'}, not the recognised ${r.fromLevelCode} of ${r.fromSchemeCode}`,
      );
    return { accreditationId: acc.id, credentialId: check.claims.id as string };
  }
}
