import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { UnitOfWork } from '../audit/unit-of-work';
import { badRequest, conflict, invalid } from '../common/errors';
import { decodeCursor, type Page, toPage } from '../common/pagination';
import type { AuthedCtx } from '../common/request-context';
import { casesReadablePredicate, OWNER, READERS } from '../access/case-access';
import { CaseAccess } from './case-access.service';
import { loadCaseContent, measuresOf, sessionsOf, withContent } from './case-content';
import { CaseContentEdits, lockCase } from './case-edits';
import { checkCaseFields } from './case-rules';
import { CaseSignoff } from './case-signoff.entity';
import { caseReply, toCaseSummaryDto } from './case.mapper';
import { checkClientCode, generateClientCode } from './client-code';
import type { CaseDto, CaseSummaryDto, CreateCaseDto, ListCasesQuery, UpdateCaseDto } from './dto';
import { checkSessions, issueDetails } from './session-consistency';
import { CaseStatus, SupervisedCase } from './supervised-case.entity';
import { checkCaseValues, phaseOrder } from '../taxonomies/case-attributes';
import { taxonomyForCase, taxonomyOfCase } from '../taxonomies/taxonomy-lookup';

// timestamps are compared at millisecond precision, the precision of the cursor
const SORT_COLUMNS = {
  startDate: 'c.start_date',
  updatedAt: "date_trunc('milliseconds', c.updated_at)",
  createdAt: "date_trunc('milliseconds', c.created_at)",
} as const;

@Injectable()
export class CasesService {
  constructor(
    private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly access: CaseAccess,
    private readonly edits: CaseContentEdits,
  ) {}

  async create(ctx: AuthedCtx, dto: CreateCaseDto): Promise<CaseDto> {
    const traineeId = ctx.actor.userId;
    if (dto.supervisorId === traineeId) throw invalid('supervisorId', 'You cannot supervise your own case');
    const chosenCode = dto.clientCode === undefined ? null : validCode(dto.clientCode);
    const fields = {
      ...dto,
      status: dto.status ?? CaseStatus.Active,
      endDate: dto.endDate ?? null,
      endReason: dto.endReason ?? null,
      secondaryProblemArea: dto.secondaryProblemArea ?? null,
      attributes: dto.attributes ?? {},
      presentingProblem: dto.presentingProblem ?? null,
      formulation: dto.formulation ?? null,
      course: dto.course ?? null,
      techniques: dto.techniques ?? null,
      outcome: dto.outcome ?? null,
    };
    failIfAny(checkCaseFields(fields, new Date()));
    const id = await this.uow.run(ctx, async (em, audit) => {
      const bodyId = await activeSupervision(em, traineeId, dto.supervisorId);
      const taxonomy = await taxonomyForCase(em, dto.taxonomyVersionId, bodyId);
      failIfAny(checkCaseValues(taxonomy.definition, fields, null));
      const clientCode = chosenCode ?? (await freshCode(em, traineeId));
      if (chosenCode && (await em.existsBy(SupervisedCase, { traineeId, clientCode }))) throw codeTaken();
      const row = await em.save(em.create(SupervisedCase, { ...fields, taxonomyVersionId: taxonomy.id, clientCode, traineeId, bodyId }));
      audit({
        action: 'case.create',
        entityType: 'case',
        entityId: row.id,
        bodyId,
        changes: { clientCode, supervisorId: dto.supervisorId, taxonomyVersionId: taxonomy.id, fields: Object.keys(dto).sort() },
      });
      return row.id;
    });
    return this.get(ctx, id);
  }

  async list(ctx: AuthedCtx, q: ListCasesQuery): Promise<Page<CaseSummaryDto>> {
    const limit = q.limit ?? 20;
    const sort = q.sort ?? 'updatedAt';
    const column = SORT_COLUMNS[sort];
    const cursor = decodeCursor(q.cursor, 2);
    const scope = casesReadablePredicate(ctx.actor, 'c');
    const qb = this.db.getRepository(SupervisedCase).createQueryBuilder('c').where(scope.sql, scope.params);
    if (q.reviewState) qb.andWhere('c.review_state = :rs', { rs: q.reviewState });
    if (q.status) qb.andWhere('c.status = :st', { st: q.status });
    if (q.problemArea) qb.andWhere('(c.focus_problem_area = :pa OR c.secondary_problem_area = :pa)', { pa: q.problemArea });
    if (q.from) qb.andWhere('c.start_date >= :from', { from: q.from });
    if (q.to) qb.andWhere('c.start_date <= :to', { to: q.to });
    if (q.supervisorId) qb.andWhere('c.supervisor_id = :sup', { sup: q.supervisorId });
    if (q.traineeId) qb.andWhere('c.trainee_id = :tr', { tr: q.traineeId });
    if (cursor) {
      const value = sort === 'startDate' ? String(cursor[0]) : new Date(Number(cursor[0]));
      if (sort === 'startDate' && !/^\d{4}-\d{2}-\d{2}$/.test(String(value))) throw invalid('cursor', 'cursor is not a valid cursor');
      qb.andWhere(`(${column}, c.id) < (:cv, :cid)`, { cv: value, cid: String(cursor[1]) });
    }
    const rows = await qb
      .orderBy(column, 'DESC')
      .addOrderBy('c.id', 'DESC')
      .limit(limit + 1)
      .getMany();
    const key = (c: SupervisedCase): (string | number)[] => [
      sort === 'startDate' ? c.startDate : (sort === 'updatedAt' ? c.updatedAt : c.createdAt).getTime(),
      c.id,
    ];
    return toPage(rows, limit, key, toCaseSummaryDto);
  }

  async get(ctx: AuthedCtx, id: string): Promise<CaseDto> {
    const { c } = await this.access.load(ctx.actor, id, READERS);
    return caseReply(this.db.manager, await loadCaseContent(this.db.manager, c));
  }

  update(ctx: AuthedCtx, id: string, ifMatch: string | undefined, dto: UpdateCaseDto): Promise<CaseDto> {
    if (!Object.keys(dto).length)
      throw badRequest('VALIDATION_FAILED', 'Send at least one field to change', { body: ['no fields to change'] });
    const patch: Partial<SupervisedCase> = { ...dto };
    if (dto.clientCode !== undefined) patch.clientCode = validCode(dto.clientCode);
    return this.edits.run(ctx, id, ifMatch, 'case.update', async (em, c) => {
      if (dto.supervisorId === c.traineeId) throw invalid('supervisorId', 'You cannot supervise your own case');
      const merged = { ...c, ...patch };
      failIfAny(checkCaseFields(merged, new Date()));
      if (patch.supervisorId && patch.supervisorId !== c.supervisorId)
        patch.bodyId = await activeSupervision(em, c.traineeId, patch.supervisorId);
      // another taxonomy or another body: the taxonomy must be one the case's body may use; values always fit it
      const taxonomy =
        (patch.taxonomyVersionId ?? c.taxonomyVersionId) !== c.taxonomyVersionId || (patch.bodyId ?? c.bodyId) !== c.bodyId
          ? await taxonomyForCase(em, patch.taxonomyVersionId ?? c.taxonomyVersionId, patch.bodyId ?? c.bodyId)
          : await taxonomyOfCase(em, c.taxonomyVersionId);
      failIfAny(checkCaseValues(taxonomy.definition, { ...c, ...patch }, c));
      if (
        patch.clientCode &&
        patch.clientCode !== c.clientCode &&
        (await em.existsBy(SupervisedCase, { traineeId: c.traineeId, clientCode: patch.clientCode }))
      )
        throw codeTaken();
      const sessions = await sessionsOf(em, id);
      if (patch.startDate !== undefined || patch.endDate !== undefined)
        failIfAny(issueDetails(checkSessions(merged, sessions, new Date(), phaseOrder(taxonomy.definition)), null));
      // the version was bumped once by the edit path; naming it here keeps TypeORM from bumping it again
      await em
        .createQueryBuilder()
        .update(SupervisedCase)
        .set({ ...(patch as QueryDeepPartialEntity<SupervisedCase>), version: c.version })
        .where('id = :id', { id })
        .execute();
      Object.assign(c, patch);
      return {
        changes: { fields: Object.keys(dto).sort() },
        reply: await caseReply(em, withContent({ c, sessions, measures: await measuresOf(em, id), signoff: null })),
      };
    });
  }

  async remove(ctx: AuthedCtx, id: string): Promise<void> {
    await this.access.load(ctx.actor, id, OWNER);
    await this.uow.run(ctx, async (em, audit) => {
      const state = await lockCase(em, id);
      // a sign-off is part of the accreditation record: a case signed off even once stays, voided or not
      if (await em.existsBy(CaseSignoff, { caseId: id }))
        throw conflict('CASE_WAS_SIGNED_OFF', 'A case that was ever signed off cannot be deleted');
      const c = await em.findOneByOrFail(SupervisedCase, { id });
      await em.delete(SupervisedCase, { id });
      audit({
        action: 'case.delete',
        entityType: 'case',
        entityId: id,
        bodyId: c.bodyId,
        changes: { clientCode: c.clientCode, reviewState: state.reviewState },
      });
    });
  }
}

function validCode(input: string): string {
  const r = checkClientCode(input);
  if (!r.ok) throw invalid('clientCode', `clientCode ${r.reason}`, 'IDENTIFYING_CLIENT_CODE');
  return r.code;
}

const codeTaken = () =>
  conflict('CLIENT_CODE_TAKEN', 'You already have a case with this client code', {
    clientCode: ['already used for another of your cases'],
  });

function failIfAny(details: Record<string, string[]>): void {
  if (Object.keys(details).length) throw badRequest('VALIDATION_FAILED', 'The case is not valid', details);
}

/** The body of an ACTIVE supervision of the trainee by this supervisor (locked against a concurrent end), or 400. */
export async function activeSupervision(em: EntityManager, traineeId: string, supervisorId: string): Promise<string> {
  const rows: { body_id: string }[] = await em.query(
    `SELECT body_id FROM supervision_relationships WHERE trainee_id = $1 AND supervisor_id = $2 AND status = 'active' LIMIT 1 FOR SHARE`,
    [traineeId, supervisorId],
  );
  if (!rows.length) throw invalid('supervisorId', 'supervisorId must be one of your active supervisors', 'NOT_ACTIVE_SUPERVISOR');
  return rows[0].body_id;
}

async function freshCode(em: EntityManager, traineeId: string): Promise<string> {
  for (let i = 0; i < 20; i++) {
    const code = generateClientCode((n) => randomInt(n));
    if (!(await em.existsBy(SupervisedCase, { traineeId, clientCode: code }))) return code;
  }
  throw conflict('CLIENT_CODE_EXHAUSTED', 'Could not generate a free client code; choose one');
}
