import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { BODY_TRAINEES_SQL, QUALIFICATION_READERS, QUALIFICATION_REVIEWERS } from '../access/evidence-access';
import { adminGrantFor } from '../access/grants';
import { RecordAccessService } from '../access/record-access.service';
import { UnitOfWork } from '../audit/unit-of-work';
import { isFutureDate } from '../common/dates';
import { badRequest, conflict, DomainError, forbidden, invalid, notFound, preconditionFailed } from '../common/errors';
import { expectedVersion } from '../common/etag';
import type { FileDownload } from '../common/file-download';
import type { AuthedCtx } from '../common/request-context';
import { cleanFileName, documentProblem, DOCUMENT_TYPES } from './document-rules';
import type {
  BodyQualificationListDto,
  CreateQualificationDto,
  ListBodyQualificationsQuery,
  QualificationDto,
  QualificationListDto,
  ReviewQualificationDto,
  UpdateQualificationDto,
} from './dto';
import { Qualification, QualificationDocument, VerificationState } from './qualification.entity';
import { type DocumentInfo, toQualificationDto } from './qualification.mapper';
import { mayReview } from './qualification-rules';

const DOC_INFO: (keyof QualificationDocument)[] = ['qualificationId', 'fileName', 'contentType', 'sizeBytes', 'sha256', 'uploadedAt'];

// A person's qualifications (degree, licence, prior training) with their documents; the body verifies them.
@Injectable()
export class QualificationsService {
  constructor(
    private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly access: RecordAccessService,
  ) {}

  async list(ctx: AuthedCtx, personId: string): Promise<QualificationListDto> {
    await this.access.require(ctx.actor, personId, QUALIFICATION_READERS, 'Trainee');
    const rows = await this.db.getRepository(Qualification).find({ where: { personId }, order: { awardedOn: 'DESC', id: 'ASC' } });
    return { items: await this.withDocuments(this.db.manager, rows) };
  }

  async get(ctx: AuthedCtx, id: string): Promise<QualificationDto> {
    const row = await this.readable(ctx, id);
    return (await this.withDocuments(this.db.manager, [row]))[0];
  }

  async create(ctx: AuthedCtx, personId: string, dto: CreateQualificationDto): Promise<QualificationDto> {
    const access = await this.access.relation(ctx.actor, personId);
    if (!access) throw notFound('Trainee');
    if (access.relation !== 'own') throw forbidden('Only the person may record their own qualifications');
    this.checkDate(dto.awardedOn);
    return this.uow.run(ctx, async (em, audit) => {
      const { identifiers } = await em.insert(Qualification, { personId, ...dto });
      const id = String(identifiers[0].id);
      audit({
        action: 'qualification.create',
        entityType: 'qualification',
        entityId: id,
        via: 'SELF',
        bodyId: access.bodyId,
        changes: { kind: dto.kind, code: dto.code, awardedOn: dto.awardedOn },
      });
      return this.dto(em, id);
    });
  }

  /** Any change to a decided qualification makes it pending again: what was verified is no longer what is there. */
  async update(ctx: AuthedCtx, id: string, dto: UpdateQualificationDto, ifMatch: string | undefined): Promise<QualificationDto> {
    await this.findOwn(ctx, id);
    const fields = (Object.keys(dto) as (keyof UpdateQualificationDto)[]).filter((k) => dto[k] !== undefined);
    if (!fields.length) throw badRequest('VALIDATION_FAILED', 'Send at least one field to change', { body: ['no fields to change'] });
    if (dto.awardedOn) this.checkDate(dto.awardedOn);
    const version = expectedVersion(ifMatch);
    return this.uow.run(ctx, async (em, audit) => {
      const before = await this.bumpToPending(em, id, version, Object.fromEntries(fields.map((k) => [k, dto[k]])));
      audit({
        action: 'qualification.update',
        entityType: 'qualification',
        entityId: id,
        via: 'SELF',
        changes: { fields, verificationCleared: before.state !== VerificationState.Pending ? before.state : null },
      });
      return this.dto(em, id);
    });
  }

  async remove(ctx: AuthedCtx, id: string, ifMatch: string | undefined): Promise<void> {
    await this.findOwn(ctx, id);
    const version = expectedVersion(ifMatch);
    await this.uow.run(ctx, async (em, audit) => {
      const row = await em.findOne(Qualification, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw notFound('Qualification');
      if (row.version !== version) throw preconditionFailed();
      if (row.state === VerificationState.Verified)
        throw conflict('QUALIFICATION_VERIFIED', 'A verified qualification cannot be deleted; it may have counted towards a decision');
      await em.delete(Qualification, { id });
      audit({
        action: 'qualification.delete',
        entityType: 'qualification',
        entityId: id,
        via: 'SELF',
        changes: { kind: row.kind, code: row.code },
      });
    });
  }

  /** Uploads (or replaces) the document: raw bytes, checked against the declared type; the record goes back to pending. */
  async putDocument(
    ctx: AuthedCtx,
    id: string,
    contentType: string,
    body: unknown,
    rawName: string | undefined,
    ifMatch: string | undefined,
  ): Promise<QualificationDto> {
    await this.findOwn(ctx, id);
    if (!DOCUMENT_TYPES.includes(contentType))
      throw new DomainError('UNSUPPORTED_MEDIA_TYPE', `The document must be sent as one of: ${DOCUMENT_TYPES.join(', ')}`);
    const problem = documentProblem(contentType, body);
    if (problem) throw invalid('document', problem, 'INVALID_DOCUMENT');
    const bytes = body as Buffer;
    const version = expectedVersion(ifMatch);
    const fileName = cleanFileName(safeDecode(rawName), contentType);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    return this.uow.run(ctx, async (em, audit) => {
      const before = await this.bumpToPending(em, id, version, {});
      await em.upsert(
        QualificationDocument,
        { qualificationId: id, fileName, contentType, sizeBytes: bytes.length, sha256, content: bytes, uploadedAt: new Date() },
        ['qualificationId'],
      );
      audit({
        action: 'qualification.document',
        entityType: 'qualification',
        entityId: id,
        via: 'SELF',
        changes: {
          fileName,
          contentType,
          sizeBytes: bytes.length,
          sha256,
          verificationCleared: before.state !== VerificationState.Pending,
        },
      });
      return this.dto(em, id);
    });
  }

  async document(ctx: AuthedCtx, id: string): Promise<FileDownload> {
    await this.readable(ctx, id);
    const doc = await this.db.getRepository(QualificationDocument).findOneBy({ qualificationId: id });
    if (!doc) throw notFound('Document');
    return { filename: doc.fileName, contentType: doc.contentType, body: doc.content };
  }

  /** A body admin of a body in which the person is a trainee decides the qualification they have looked at (If-Match). */
  async review(
    ctx: AuthedCtx,
    id: string,
    decision: 'verified' | 'rejected',
    dto: ReviewQualificationDto,
    ifMatch: string | undefined,
  ): Promise<QualificationDto> {
    const row = await this.db.getRepository(Qualification).findOneBy({ id });
    if (!row) throw notFound('Qualification');
    const access = await this.access.relation(ctx.actor, row.personId);
    if (!access || !['own', 'body_admin', 'admin'].includes(access.relation)) throw notFound('Qualification');
    if (access.relation === 'own') throw forbidden('Nobody verifies their own qualification', 'CANNOT_VERIFY_OWN');
    if (!QUALIFICATION_REVIEWERS.includes(access.relation)) throw forbidden('Only an admin of a body of the person may decide this');
    if (decision === 'rejected' && !dto.note) throw invalid('note', 'Say why the qualification is rejected');
    const version = expectedVersion(ifMatch);
    return this.uow.run(ctx, async (em, audit) => {
      const locked = await em.findOne(Qualification, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!locked) throw notFound('Qualification');
      const now = await this.access.require(ctx.actor, locked.personId, QUALIFICATION_REVIEWERS, 'Qualification', em);
      if (locked.version !== version) throw preconditionFailed();
      if (!mayReview(locked.state))
        throw conflict('QUALIFICATION_NOT_PENDING', `The qualification is already ${locked.state}`, { state: [locked.state] });
      await em
        .createQueryBuilder()
        .update(Qualification)
        .set({
          state: decision === 'verified' ? VerificationState.Verified : VerificationState.Rejected,
          reviewedBy: ctx.actor.userId,
          reviewedAt: () => 'now()',
          reviewNote: dto.note ?? null,
          version: () => 'version + 1',
        })
        .where('id = :id', { id })
        .execute();
      audit({
        action: decision === 'verified' ? 'qualification.verify' : 'qualification.reject',
        entityType: 'qualification',
        entityId: id,
        via: now.via,
        bodyId: now.bodyId,
        changes: { personId: locked.personId, code: locked.code, state: { from: locked.state, to: decision } },
      });
      return this.dto(em, id);
    });
  }

  /** The body admin's queue: qualifications of the body's trainees, pending first. */
  async listForBody(ctx: AuthedCtx, bodyId: string, q: ListBodyQualificationsQuery): Promise<BodyQualificationListDto> {
    if (!adminGrantFor(ctx.actor, bodyId)) throw notFound('Body');
    const qb = this.db
      .getRepository(Qualification)
      .createQueryBuilder('q')
      .innerJoin('users', 'u', 'u.id = q.person_id')
      .addSelect('u.display_name', 'person_name')
      .where(`q.person_id IN (${BODY_TRAINEES_SQL.replace('$1', ':bodyId')})`, { bodyId })
      .orderBy(`CASE q.state WHEN 'pending' THEN 0 ELSE 1 END`)
      .addOrderBy('q.created_at', 'ASC')
      .limit(500);
    if (q.state) qb.andWhere('q.state = :state', { state: q.state });
    const { entities, raw } = await qb.getRawAndEntities<{ q_id: string; person_name: string }>();
    const names = new Map(raw.map((r) => [r.q_id, r.person_name]));
    const dtos = await this.withDocuments(this.db.manager, entities);
    return { items: dtos.map((d) => ({ ...d, personName: names.get(d.id) ?? '' })) };
  }

  private async bumpToPending(em: EntityManager, id: string, version: number, values: Partial<Qualification>): Promise<Qualification> {
    const before = await em.findOne(Qualification, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!before) throw notFound('Qualification');
    const res = await em
      .createQueryBuilder()
      .update(Qualification)
      .set({
        ...values,
        state: VerificationState.Pending,
        reviewedBy: null,
        reviewedAt: null,
        reviewNote: null,
        version: () => 'version + 1',
      })
      .where('id = :id AND version = :version', { id, version })
      .execute();
    if (!res.affected) throw preconditionFailed();
    return before;
  }

  private async readable(ctx: AuthedCtx, id: string): Promise<Qualification> {
    const row = await this.db.getRepository(Qualification).findOneBy({ id });
    if (!row) throw notFound('Qualification');
    await this.access.require(ctx.actor, row.personId, QUALIFICATION_READERS, 'Qualification');
    return row;
  }

  private async findOwn(ctx: AuthedCtx, id: string): Promise<Qualification> {
    const row = await this.readable(ctx, id);
    if (row.personId !== ctx.actor.userId) throw forbidden('Only the person may change their own qualifications');
    return row;
  }

  private checkDate(awardedOn: string): void {
    if (isFutureDate(awardedOn, new Date())) throw invalid('awardedOn', 'awardedOn must not be in the future');
  }

  private async dto(em: EntityManager, id: string): Promise<QualificationDto> {
    return (await this.withDocuments(em, [await em.findOneByOrFail(Qualification, { id })]))[0];
  }

  // document metadata only: the bytes stay in the database until someone downloads them
  private async withDocuments(em: EntityManager, rows: Qualification[]): Promise<QualificationDto[]> {
    if (!rows.length) return [];
    const docs = await em
      .getRepository(QualificationDocument)
      .createQueryBuilder('d')
      .select(DOC_INFO.map((c) => `d.${c}`))
      .where('d.qualification_id IN (:...ids)', { ids: rows.map((r) => r.id) })
      .getMany();
    const byId = new Map<string, DocumentInfo>(docs.map((d) => [d.qualificationId, d]));
    return rows.map((r) => toQualificationDto(r, byId.get(r.id) ?? null));
  }
}

function safeDecode(name: string | undefined): string | undefined {
  if (!name) return undefined;
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}
