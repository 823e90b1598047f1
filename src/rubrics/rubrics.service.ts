import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In } from 'typeorm';
import { canSeeRubric, manageGrant, rubricsVisiblePredicate } from '../access/rubric-access';
import { UnitOfWork } from '../audit/unit-of-work';
import { Body } from '../bodies/body.entity';
import { badRequest, conflict, forbidden, invalid, notFound, preconditionFailed } from '../common/errors';
import { expectedVersion } from '../common/etag';
import { decodeCursor, type Page, toPage } from '../common/pagination';
import type { Actor, AuthedCtx, Grant } from '../common/request-context';
import type { CreateRubricDto, ListRubricsQuery, RubricDto, RubricVersionDto, UpdateRubricVersionDto } from './dto';
import { type RubricDefinition, validateRubricDefinition } from './rubric-scoring';
import { Rubric, RubricVersion, RubricVersionStatus } from './rubric.entity';
import { toRubricDto, toRubricVersionDto } from './rubric.mapper';

export function definitionOrThrow(definition: unknown): RubricDefinition {
  const errors = validateRubricDefinition(definition);
  if (Object.keys(errors).length) throw badRequest('INVALID_RUBRIC_DEFINITION', 'The rubric definition is not valid', errors);
  return definition as RubricDefinition;
}

@Injectable()
export class RubricsService {
  constructor(
    private readonly db: DataSource,
    private readonly uow: UnitOfWork,
  ) {}

  async create(ctx: AuthedCtx, dto: CreateRubricDto): Promise<RubricDto> {
    const ownerBodyId = dto.ownerBodyId ?? null;
    const via = manageGrant(ctx.actor, { ownerBodyId });
    if (!via)
      throw forbidden(
        ownerBodyId ? 'You may create rubrics only for a body you administer' : 'Only a global admin may create a global rubric',
      );
    const definition = definitionOrThrow(dto.definition);
    const id = await this.uow.run(ctx, async (em, audit) => {
      if (ownerBodyId && !(await em.existsBy(Body, { id: ownerBodyId })))
        throw invalid('ownerBodyId', 'ownerBodyId does not name a known body');
      const clash = await em
        .createQueryBuilder(Rubric, 'r')
        .where('r.code = :code AND r.owner_body_id IS NOT DISTINCT FROM :owner', { code: dto.code, owner: ownerBodyId })
        .getExists();
      if (clash) throw conflict('RUBRIC_CODE_TAKEN', `A rubric with code ${dto.code} already exists here`);
      const rubric = await em.save(
        em.create(Rubric, {
          ownerBodyId,
          code: dto.code,
          name: dto.name,
          modality: dto.modality,
          target: dto.target,
          createdBy: ctx.actor.userId,
        }),
      );
      const v = await em.save(
        em.create(RubricVersion, { rubricId: rubric.id, versionNumber: 1, status: RubricVersionStatus.Draft, definition }),
      );
      audit({
        action: 'rubric.create',
        entityType: 'rubric',
        entityId: rubric.id,
        via,
        bodyId: ownerBodyId,
        changes: { code: dto.code, target: dto.target, versionId: v.id },
      });
      return rubric.id;
    });
    return this.get(ctx, id);
  }

  async list(ctx: AuthedCtx, q: ListRubricsQuery): Promise<Page<RubricDto>> {
    const limit = q.limit ?? 20;
    const cursor = decodeCursor(q.cursor, 2);
    const qb = this.db.getRepository(Rubric).createQueryBuilder('r');
    const visible = rubricsVisiblePredicate(ctx.actor, 'r.owner_body_id');
    qb.where(visible.sql, visible.params);
    if (q.target) qb.andWhere('r.target = :target', { target: q.target });
    if (q.modality) qb.andWhere('r.modality = :modality', { modality: q.modality });
    if (cursor) qb.andWhere('(r.code, r.id) > (:cc, :cid)', { cc: String(cursor[0]), cid: String(cursor[1]) });
    const rows = await qb
      .orderBy('r.code', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .limit(limit + 1)
      .getMany();
    const versions = rows.length ? await this.db.getRepository(RubricVersion).findBy({ rubricId: In(rows.map((r) => r.id)) }) : [];
    return toPage(
      rows,
      limit,
      (r) => [r.code, r.id],
      (r) => toRubricDto(r, this.visibleVersions(ctx.actor, r, versions)),
    );
  }

  async get(ctx: AuthedCtx, id: string): Promise<RubricDto> {
    const rubric = await this.db.getRepository(Rubric).findOneBy({ id });
    if (!rubric || !canSeeRubric(ctx.actor, rubric)) throw notFound('Rubric');
    const versions = await this.db.getRepository(RubricVersion).findBy({ rubricId: id });
    return toRubricDto(rubric, this.visibleVersions(ctx.actor, rubric, versions));
  }

  async getVersion(ctx: AuthedCtx, id: string): Promise<RubricVersionDto> {
    const v = await this.db.getRepository(RubricVersion).findOne({ where: { id }, relations: { rubric: true } });
    if (!v?.rubric || !canSeeRubric(ctx.actor, v.rubric) || (v.status === RubricVersionStatus.Draft && !manageGrant(ctx.actor, v.rubric)))
      throw notFound('Rubric version');
    return toRubricVersionDto(v);
  }

  /** A new draft, copied from the latest version; one draft at a time. */
  async newDraft(ctx: AuthedCtx, rubricId: string): Promise<RubricVersionDto> {
    const rubric = await this.manageable(ctx.actor, rubricId);
    const via = manageGrant(ctx.actor, rubric) as Grant;
    const id = await this.uow.run(ctx, async (em, audit) => {
      await em.findOne(Rubric, { where: { id: rubricId }, lock: { mode: 'pessimistic_write' } });
      const latest = await em.findOne(RubricVersion, { where: { rubricId }, order: { versionNumber: 'DESC' } });
      if (!latest) throw notFound('Rubric');
      if (latest.status === RubricVersionStatus.Draft)
        throw conflict('DRAFT_EXISTS', 'This rubric already has a draft version; edit or publish it first');
      const v = await em.save(
        em.create(RubricVersion, {
          rubricId,
          versionNumber: latest.versionNumber + 1,
          status: RubricVersionStatus.Draft,
          definition: latest.definition,
        }),
      );
      audit({
        action: 'rubric_version.create',
        entityType: 'rubric_version',
        entityId: v.id,
        via,
        bodyId: rubric.ownerBodyId,
        changes: { rubricId, versionNumber: v.versionNumber, copiedFrom: latest.id },
      });
      return v.id;
    });
    return this.getVersion(ctx, id);
  }

  async updateDraft(ctx: AuthedCtx, id: string, ifMatch: string | undefined, dto: UpdateRubricVersionDto): Promise<RubricVersionDto> {
    const expected = expectedVersion(ifMatch);
    const { rubric } = await this.manageableVersion(ctx.actor, id);
    const definition = definitionOrThrow(dto.definition);
    await this.uow.run(ctx, async (em, audit) => {
      await this.lockDraft(em, id);
      const res = await em
        .createQueryBuilder()
        .update(RubricVersion)
        .set({ definition: () => ':definition::jsonb', version: () => 'version + 1' })
        .setParameter('definition', JSON.stringify(definition))
        .where('id = :id AND version = :v', { id, v: expected })
        .execute();
      if (!res.affected) throw preconditionFailed();
      audit({
        action: 'rubric_version.update',
        entityType: 'rubric_version',
        entityId: id,
        via: manageGrant(ctx.actor, rubric),
        bodyId: rubric.ownerBodyId,
        changes: { items: definition.items.length },
      });
    });
    return this.getVersion(ctx, id);
  }

  /** Publishing freezes the draft and retires the version published before it. */
  async publish(ctx: AuthedCtx, id: string): Promise<RubricVersionDto> {
    const { rubric } = await this.manageableVersion(ctx.actor, id);
    await this.uow.run(ctx, async (em, audit) => {
      const draft = await this.lockDraft(em, id);
      definitionOrThrow(draft.definition);
      const retired = await em.update(
        RubricVersion,
        { rubricId: draft.rubricId, status: RubricVersionStatus.Published },
        { status: RubricVersionStatus.Retired },
      );
      await em.update(
        RubricVersion,
        { id },
        { status: RubricVersionStatus.Published, publishedAt: new Date(), publishedBy: ctx.actor.userId, version: draft.version + 1 },
      );
      audit({
        action: 'rubric_version.publish',
        entityType: 'rubric_version',
        entityId: id,
        via: manageGrant(ctx.actor, rubric),
        bodyId: rubric.ownerBodyId,
        changes: { versionNumber: draft.versionNumber, retired: retired.affected ?? 0 },
      });
    });
    return this.getVersion(ctx, id);
  }

  private async lockDraft(em: EntityManager, id: string): Promise<RubricVersion> {
    const v = await em.findOne(RubricVersion, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!v) throw notFound('Rubric version');
    if (v.status !== RubricVersionStatus.Draft)
      throw conflict(
        'RUBRIC_VERSION_NOT_DRAFT',
        `Version ${v.versionNumber} is ${v.status} and can no longer change; create a new version`,
      );
    return v;
  }

  private async manageable(actor: Actor, rubricId: string): Promise<Rubric> {
    const rubric = await this.db.getRepository(Rubric).findOneBy({ id: rubricId });
    if (!rubric || !canSeeRubric(actor, rubric)) throw notFound('Rubric');
    if (!manageGrant(actor, rubric)) throw forbidden('Only the admins of the owning body (or global admins for a global rubric) manage it');
    return rubric;
  }

  private async manageableVersion(actor: Actor, id: string): Promise<{ version: RubricVersion; rubric: Rubric }> {
    const v = await this.db.getRepository(RubricVersion).findOne({ where: { id }, relations: { rubric: true } });
    if (!v?.rubric || !canSeeRubric(actor, v.rubric)) throw notFound('Rubric version');
    if (!manageGrant(actor, v.rubric)) {
      if (v.status === RubricVersionStatus.Draft) throw notFound('Rubric version');
      throw forbidden('Only the admins of the owning body (or global admins for a global rubric) manage it');
    }
    return { version: v, rubric: v.rubric };
  }

  private visibleVersions(actor: Actor, r: Rubric, versions: RubricVersion[]): RubricVersion[] {
    const manages = !!manageGrant(actor, r);
    return versions.filter((v) => v.rubricId === r.id && (manages || v.status !== RubricVersionStatus.Draft));
  }
}
