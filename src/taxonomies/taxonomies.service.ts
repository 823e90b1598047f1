import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import { administeredTaxonomiesPredicate, taxonomyAdminGrant } from '../access/taxonomy-administration';
import { UnitOfWork } from '../audit/unit-of-work';
import { Body } from '../bodies/body.entity';
import { conflict, DomainError, forbidden, invalid, notFound, preconditionFailed } from '../common/errors';
import { expectedVersion } from '../common/etag';
import type { AuthedCtx } from '../common/request-context';
import type { CreateTaxonomyDto, TaxonomyDto, TaxonomySummaryDto, UpdateTaxonomyDto } from './dto';
import { type TaxonomyDefinition, validateTaxonomyDefinition } from './taxonomy-definition';
import { Taxonomy, TaxonomyStatus } from './taxonomy.entity';
import { toTaxonomyDto, toTaxonomySummaryDto } from './taxonomy.mapper';

function assertValidDefinition(definition: unknown): TaxonomyDefinition {
  const errors = validateTaxonomyDefinition(definition);
  if (Object.keys(errors).length) throw new DomainError('INVALID_TAXONOMY', 'The taxonomy definition is not valid', errors);
  return definition as TaxonomyDefinition;
}

@Injectable()
export class TaxonomiesService {
  constructor(
    private readonly db: DataSource,
    private readonly uow: UnitOfWork,
  ) {}

  /** Every published version, and the drafts the caller administers. */
  async list(ctx: AuthedCtx): Promise<TaxonomySummaryDto[]> {
    const drafts = administeredTaxonomiesPredicate(ctx.actor, 't');
    const rows = await this.db
      .getRepository(Taxonomy)
      .createQueryBuilder('t')
      .where(`(t.status = :published OR ${drafts.sql})`, { ...drafts.params, published: TaxonomyStatus.Published })
      .orderBy('t.code', 'ASC')
      .addOrderBy('t.version_number', 'ASC')
      .getMany();
    return rows.map(toTaxonomySummaryDto);
  }

  /** The published versions a body's cases may use: its own and the international ones. */
  async availableTo(bodyId: string): Promise<TaxonomyDto[]> {
    if (!(await this.db.getRepository(Body).existsBy({ id: bodyId }))) throw notFound('Body');
    const rows = await this.db
      .getRepository(Taxonomy)
      .createQueryBuilder('t')
      .where('t.status = :published AND (t.body_id IS NULL OR t.body_id = :bodyId)', { published: TaxonomyStatus.Published, bodyId })
      .orderBy('t.body_id IS NULL', 'ASC')
      .addOrderBy('t.code', 'ASC')
      .addOrderBy('t.version_number', 'DESC')
      .getMany();
    return rows.map(toTaxonomyDto);
  }

  async get(ctx: AuthedCtx, id: string): Promise<TaxonomyDto> {
    const t = await this.db.getRepository(Taxonomy).findOneBy({ id });
    // drafts are visible only to those who administer them
    if (!t || (t.status === TaxonomyStatus.Draft && !(await taxonomyAdminGrant(this.db.manager, ctx.actor, t.bodyId))))
      throw notFound('Taxonomy');
    return toTaxonomyDto(t);
  }

  /** A new draft version of a code: the given definition, or a copy of the latest version. One draft at a time. */
  async create(ctx: AuthedCtx, dto: CreateTaxonomyDto): Promise<TaxonomyDto> {
    const definition = dto.definition ? assertValidDefinition(dto.definition) : undefined;
    const bodyId = dto.bodyId ?? null;
    return this.uow.run(ctx, async (em, audit) => {
      if (bodyId && !(await em.existsBy(Body, { id: bodyId }))) throw invalid('bodyId', 'bodyId does not name a known body');
      const via = await taxonomyAdminGrant(em, ctx.actor, bodyId);
      if (!via)
        throw forbidden(
          bodyId
            ? 'You may define taxonomies only for a body you administer'
            : 'Only international administrators define international taxonomies',
        );
      // serialises concurrent drafts of one code (the unique index is the backstop)
      await em.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`taxonomy:${bodyId ?? 'international'}:${dto.code}`]);
      const same = await em.find(Taxonomy, { where: { bodyId: bodyId ?? IsNull(), code: dto.code }, order: { versionNumber: 'DESC' } });
      if (same.some((v) => v.status === TaxonomyStatus.Draft))
        throw conflict('DRAFT_EXISTS', 'This taxonomy already has a draft version; edit or publish it');
      const base = definition ?? same[0]?.definition;
      if (!base) throw invalid('definition', 'the first version of a taxonomy needs a definition');
      const t = await em.save(
        em.create(Taxonomy, { bodyId, code: dto.code, name: dto.name, versionNumber: (same[0]?.versionNumber ?? 0) + 1, definition: base }),
      );
      audit({
        action: 'taxonomy.create',
        entityType: 'taxonomy',
        entityId: t.id,
        via,
        bodyId,
        changes: { code: t.code, versionNumber: t.versionNumber, copiedFrom: definition ? null : (same[0]?.id ?? null) },
      });
      return toTaxonomyDto(t);
    });
  }

  async update(ctx: AuthedCtx, id: string, ifMatch: string | undefined, dto: UpdateTaxonomyDto): Promise<TaxonomyDto> {
    const expected = expectedVersion(ifMatch);
    const definition = assertValidDefinition(dto.definition);
    return this.uow.run(ctx, async (em, audit) => {
      const { t, via } = await this.loadForChange(em, ctx, id);
      if (t.status !== TaxonomyStatus.Draft)
        throw conflict('VERSION_PUBLISHED', 'A published taxonomy version is immutable; create a new version');
      const r = await em
        .createQueryBuilder()
        .update(Taxonomy)
        .set({ name: dto.name, definition: definition as never, version: () => 'version + 1' })
        .where('id = :id AND version = :expected AND status = :draft', { id, expected, draft: TaxonomyStatus.Draft })
        .execute();
      if (!r.affected) throw preconditionFailed();
      audit({
        action: 'taxonomy.update',
        entityType: 'taxonomy',
        entityId: id,
        via,
        bodyId: t.bodyId,
        changes: { name: dto.name, attributes: definition.attributes.map((a) => a.code), phases: definition.phases.map((p) => p.code) },
      });
      return toTaxonomyDto(await em.findOneByOrFail(Taxonomy, { id }));
    });
  }

  async publish(ctx: AuthedCtx, id: string): Promise<TaxonomyDto> {
    return this.uow.run(ctx, async (em, audit) => {
      const { t, via } = await this.loadForChange(em, ctx, id);
      if (t.status !== TaxonomyStatus.Draft) throw conflict('NOT_A_DRAFT', 'Only a draft can be published');
      assertValidDefinition(t.definition);
      await em.update(Taxonomy, { id }, { status: TaxonomyStatus.Published, publishedAt: new Date(), version: t.version + 1 });
      audit({
        action: 'taxonomy.publish',
        entityType: 'taxonomy',
        entityId: id,
        via,
        bodyId: t.bodyId,
        changes: { code: t.code, versionNumber: t.versionNumber },
      });
      return toTaxonomyDto(await em.findOneByOrFail(Taxonomy, { id }));
    });
  }

  // locked, and 404 unless the caller administers it (a draft of another body is not there for them)
  private async loadForChange(em: EntityManager, ctx: AuthedCtx, id: string) {
    const t = await em.findOne(Taxonomy, { where: { id }, lock: { mode: 'pessimistic_write' } });
    const via = t && (await taxonomyAdminGrant(em, ctx.actor, t.bodyId));
    if (!t || !via) throw notFound('Taxonomy');
    return { t, via };
  }
}
