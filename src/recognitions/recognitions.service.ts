import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In } from 'typeorm';
import { UnitOfWork } from '../audit/unit-of-work';
import { schemeAdminGrant } from '../access/scheme-administration';
import { Body } from '../bodies/body.entity';
import { todayUtc } from '../common/dates';
import { expectedVersion } from '../common/etag';
import { conflict, DomainError, forbidden, invalid, notFound, preconditionFailed } from '../common/errors';
import type { AuthedCtx } from '../common/request-context';
import { validateSchemeDefinition, type RuleDef, type SchemeDefinition } from '../schemes/scheme-definition';
import { Scheme, SchemeVersion, SchemeVersionStatus } from '../schemes/scheme.entity';
import { SchemeReferenceChecker } from '../schemes/scheme-reference-checker';
import { confirmPastEffectiveDate } from '../schemes/past-effective-date';
import type { CreateRecognitionDto, ListRecognitionsQuery, PublishRecognitionDto, RecognitionDto, UpdateRecognitionDto } from './dto';
import { toRecognitionDto } from './recognition.mapper';
import { inForceOn, topUpPaths } from './recognition-rules';
import { Recognition, RecognitionStatus } from './recognition.entity';

const day = (d: string | null | undefined) => (d ? String(d).slice(0, 10) : null);

/** A body's recognitions of other bodies' levels: drafts, publication, withdrawal; public policy once published. */
@Injectable()
export class RecognitionsService {
  constructor(
    private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly references: SchemeReferenceChecker,
  ) {}

  // published and withdrawn ones are public policy; drafts only for the body's admins
  async list(ctx: AuthedCtx, bodyId: string, q: ListRecognitionsQuery): Promise<RecognitionDto[]> {
    if (!(await this.db.getRepository(Body).existsBy({ id: bodyId }))) throw notFound('Body');
    const admin = !!(await schemeAdminGrant(this.db.manager, ctx.actor, bodyId));
    const statuses = admin ? Object.values(RecognitionStatus) : [RecognitionStatus.Published, RecognitionStatus.Withdrawn];
    const rows = await this.db.getRepository(Recognition).find({
      where: { bodyId, status: In(statuses) },
      relations: { fromBody: true, toScheme: true },
      order: { toLevelCode: 'ASC', fromSchemeCode: 'ASC', fromLevelCode: 'ASC', versionNumber: 'DESC' },
    });
    const visible = q.inForceOn
      ? rows.filter((r) => inForceOn({ ...r, effectiveFrom: day(r.effectiveFrom)!, effectiveTo: day(r.effectiveTo) }, q.inForceOn!))
      : rows;
    return this.toDtos(this.db.manager, visible);
  }

  async get(ctx: AuthedCtx, id: string): Promise<RecognitionDto> {
    const r = await this.db.getRepository(Recognition).findOne({ where: { id }, relations: { fromBody: true, toScheme: true } });
    if (!r || (r.status === RecognitionStatus.Draft && !(await schemeAdminGrant(this.db.manager, ctx.actor, r.bodyId))))
      throw notFound('Recognition');
    return (await this.toDtos(this.db.manager, [r]))[0];
  }

  /** A new draft version of the recognition of A:L as B:M (the next version number of that pair); one draft at a time. */
  async create(ctx: AuthedCtx, dto: CreateRecognitionDto): Promise<RecognitionDto> {
    return this.uow.run(ctx, async (em, audit) => {
      const scheme = await em.findOneBy(Scheme, { id: dto.toSchemeId });
      if (!scheme) throw invalid('toSchemeId', 'toSchemeId does not name a known scheme');
      const via = await schemeAdminGrant(em, ctx.actor, scheme.bodyId);
      if (!via) throw forbidden('You may declare recognitions only for a body you administer');
      await this.assertSource(em, dto, scheme.bodyId);
      const topUps = await this.assertTerms(em, scheme, dto.toLevelCode, dto);
      const pair = {
        toSchemeId: scheme.id,
        toLevelCode: dto.toLevelCode,
        fromBodyId: dto.fromBodyId,
        fromSchemeCode: dto.fromSchemeCode,
        fromLevelCode: dto.fromLevelCode,
      };
      const versions = await em.find(Recognition, { where: pair, order: { versionNumber: 'DESC' }, lock: { mode: 'pessimistic_write' } });
      if (versions.some((v) => v.status === RecognitionStatus.Draft))
        throw conflict('DRAFT_EXISTS', 'This recognition already has a draft version; edit or publish it');
      const r = await em.save(
        em.create(Recognition, {
          ...pair,
          bodyId: scheme.bodyId,
          versionNumber: (versions[0]?.versionNumber ?? 0) + 1,
          status: RecognitionStatus.Draft,
          effectiveFrom: dto.effectiveFrom,
          effectiveTo: dto.effectiveTo ?? null,
          topUps,
          note: dto.note ?? null,
        }),
      );
      audit({
        action: 'recognition.create',
        entityType: 'recognition',
        entityId: r.id,
        via,
        bodyId: scheme.bodyId,
        changes: {
          ...pair,
          versionNumber: r.versionNumber,
          effectiveFrom: dto.effectiveFrom,
          effectiveTo: r.effectiveTo,
          topUps: topUps.map((t) => t.id),
        },
      });
      return this.reload(em, r.id);
    });
  }

  async update(ctx: AuthedCtx, id: string, ifMatch: string | undefined, dto: UpdateRecognitionDto): Promise<RecognitionDto> {
    const expected = expectedVersion(ifMatch);
    return this.uow.run(ctx, async (em, audit) => {
      const { r, via, scheme } = await this.loadForChange(em, ctx, id);
      if (r.status !== RecognitionStatus.Draft)
        throw conflict('VERSION_PUBLISHED', 'A published recognition is immutable; create a new version');
      const topUps = await this.assertTerms(em, scheme, r.toLevelCode, dto);
      const res = await em
        .createQueryBuilder()
        .update(Recognition)
        .set({
          effectiveFrom: dto.effectiveFrom,
          effectiveTo: dto.effectiveTo ?? null,
          topUps: topUps as never,
          note: dto.note ?? null,
          version: () => 'version + 1',
        })
        .where('id = :id AND version = :expected AND status = :draft', { id, expected, draft: RecognitionStatus.Draft })
        .execute();
      if (!res.affected) throw preconditionFailed();
      audit({
        action: 'recognition.update',
        entityType: 'recognition',
        entityId: id,
        via,
        bodyId: r.bodyId,
        changes: { effectiveFrom: dto.effectiveFrom, effectiveTo: dto.effectiveTo ?? null, topUps: topUps.map((t) => t.id) },
      });
      return this.reload(em, id);
    });
  }

  // publishing checks the terms again: a rubric or level named by a top-up may have gone since the draft was saved
  // (an effective date already past, holders' routes change retroactively: confirmed with a reason, as for a scheme version)
  async publish(ctx: AuthedCtx, id: string, dto: PublishRecognitionDto = {}): Promise<RecognitionDto> {
    return this.uow.run(ctx, async (em, audit) => {
      const { r, via, scheme } = await this.loadForChange(em, ctx, id);
      if (r.status !== RecognitionStatus.Draft) throw conflict('NOT_A_DRAFT', 'Only a draft can be published');
      const past = confirmPastEffectiveDate(day(r.effectiveFrom)!, dto);
      await this.assertSource(em, r, r.bodyId);
      await this.assertTerms(em, scheme, r.toLevelCode, {
        effectiveFrom: day(r.effectiveFrom)!,
        effectiveTo: day(r.effectiveTo),
        topUps: r.topUps as never,
      });
      await em.update(Recognition, { id }, { status: RecognitionStatus.Published, publishedAt: new Date(), version: r.version + 1 });
      audit({
        action: 'recognition.publish',
        entityType: 'recognition',
        entityId: id,
        via,
        bodyId: r.bodyId,
        changes: { versionNumber: r.versionNumber, effectiveFrom: day(r.effectiveFrom), effectiveTo: day(r.effectiveTo), ...past },
      });
      return this.reload(em, id);
    });
  }

  // a withdrawn recognition ends today: supervision and holdings before then keep counting, nobody applies through it again
  async withdraw(ctx: AuthedCtx, id: string): Promise<RecognitionDto> {
    return this.uow.run(ctx, async (em, audit) => {
      const { r, via } = await this.loadForChange(em, ctx, id);
      if (r.status !== RecognitionStatus.Published) throw conflict('NOT_PUBLISHED', 'Only a published recognition can be withdrawn');
      const today = todayUtc(new Date());
      const end = day(r.effectiveTo) && day(r.effectiveTo)! < today ? day(r.effectiveTo)! : today;
      await em.update(
        Recognition,
        { id },
        { status: RecognitionStatus.Withdrawn, withdrawnAt: new Date(), effectiveTo: end, version: r.version + 1 },
      );
      audit({
        action: 'recognition.withdraw',
        entityType: 'recognition',
        entityId: id,
        via,
        bodyId: r.bodyId,
        changes: { effectiveTo: end },
      });
      return this.reload(em, id);
    });
  }

  /** Body A exists and is not B; A:L is a level of a published (or retired) version of A's scheme. */
  private async assertSource(
    em: EntityManager,
    src: { fromBodyId: string; fromSchemeCode: string; fromLevelCode: string },
    recognisingBodyId: string,
  ): Promise<void> {
    if (src.fromBodyId === recognisingBodyId) throw invalid('fromBodyId', 'a body does not recognise its own levels');
    if (!(await em.existsBy(Body, { id: src.fromBodyId }))) throw invalid('fromBodyId', 'fromBodyId does not name a known body');
    const levels = await publishedLevels(em, src.fromBodyId, src.fromSchemeCode);
    if (!levels) throw invalid('fromSchemeCode', `the body has no published scheme ${src.fromSchemeCode}`);
    if (!levels.has(src.fromLevelCode))
      throw invalid('fromLevelCode', `level ${src.fromLevelCode} is not a level of a published version of ${src.fromSchemeCode}`);
  }

  /**
   * Dates in order; the target level exists in the scheme's newest version; the top-ups pass the same rule validation
   * and reference checks as a scheme's own rules (checked as the target level's requirements), paths as `topUps.N…`.
   */
  private async assertTerms(
    em: EntityManager,
    scheme: Scheme,
    toLevelCode: string,
    dto: { effectiveFrom: string; effectiveTo?: string | null; topUps: unknown[] },
  ): Promise<RuleDef[]> {
    if (dto.effectiveTo && dto.effectiveTo < dto.effectiveFrom)
      throw invalid('effectiveTo', 'effectiveTo is before effectiveFrom', 'INVALID_RECOGNITION');
    const latest = await em.findOne(SchemeVersion, {
      where: { schemeId: scheme.id, status: In([SchemeVersionStatus.Published, SchemeVersionStatus.Draft]) },
      order: { status: 'DESC', versionNumber: 'DESC' },
    });
    const definition = latest?.definition as SchemeDefinition | undefined;
    const li = definition?.levels.findIndex((l) => l.code === toLevelCode) ?? -1;
    if (!definition || li < 0)
      throw invalid('toLevelCode', `level ${toLevelCode} is not a level of scheme ${scheme.code}`, 'INVALID_RECOGNITION');
    const synthetic: SchemeDefinition = {
      ...definition,
      levels: definition.levels.map((l, i) => (i === li ? { ...l, requirements: dto.topUps as RuleDef[] } : l)),
    };
    const errors = topUpPaths(validateSchemeDefinition(synthetic), li);
    if (Object.keys(errors).length) throw new DomainError('INVALID_RECOGNITION', 'The top-up rules are not valid', errors);
    try {
      await this.references.assertResolved(em, synthetic, scheme);
    } catch (e) {
      const unresolved = e instanceof DomainError && e.details ? topUpPaths(e.details, li) : null;
      if (!unresolved) throw e;
      if (Object.keys(unresolved).length)
        throw new DomainError('SCHEME_UNKNOWN_REFERENCE', 'A top-up rule names something that does not exist', unresolved);
    }
    return dto.topUps as RuleDef[];
  }

  private async loadForChange(em: EntityManager, ctx: AuthedCtx, id: string) {
    const r = await em.findOne(Recognition, { where: { id }, lock: { mode: 'pessimistic_write' } });
    const via = r && (await schemeAdminGrant(em, ctx.actor, r.bodyId));
    if (!r || !via) throw notFound('Recognition');
    return { r, via, scheme: await em.findOneByOrFail(Scheme, { id: r.toSchemeId }) };
  }

  private async reload(em: EntityManager, id: string): Promise<RecognitionDto> {
    const r = await em.findOneOrFail(Recognition, { where: { id }, relations: { fromBody: true, toScheme: true } });
    return (await this.toDtos(em, [r]))[0];
  }

  async toDtos(em: EntityManager, rows: Recognition[]): Promise<RecognitionDto[]> {
    const names = new Map<string, string>();
    for (const r of rows) {
      const key = `${r.fromBodyId}|${r.fromSchemeCode}`;
      if (names.has(`${key}|${r.fromLevelCode}`)) continue;
      const defs = await publishedDefinitions(em, r.fromBodyId, r.fromSchemeCode);
      for (const d of defs) for (const l of d.levels) if (!names.has(`${key}|${l.code}`)) names.set(`${key}|${l.code}`, l.name);
    }
    return rows.map((r) => toRecognitionDto(r, names.get(`${r.fromBodyId}|${r.fromSchemeCode}|${r.fromLevelCode}`) ?? r.fromLevelCode));
  }
}

/** The definitions of the published and retired versions of a body's scheme, newest first. */
export async function publishedDefinitions(em: EntityManager, bodyId: string, schemeCode: string): Promise<SchemeDefinition[]> {
  const scheme = await em.findOneBy(Scheme, { bodyId, code: schemeCode });
  if (!scheme) return [];
  const versions = await em.find(SchemeVersion, {
    where: { schemeId: scheme.id, status: In([SchemeVersionStatus.Published, SchemeVersionStatus.Retired]) },
    order: { versionNumber: 'DESC' },
  });
  return versions.map((v) => v.definition);
}

async function publishedLevels(em: EntityManager, bodyId: string, schemeCode: string): Promise<Set<string> | null> {
  const defs = await publishedDefinitions(em, bodyId, schemeCode);
  return defs.length ? new Set(defs.flatMap((d) => d.levels.map((l) => l.code))) : null;
}
