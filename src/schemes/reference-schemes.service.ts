import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { schemeAdminGrant } from '../access/scheme-administration';
import { UnitOfWork } from '../audit/unit-of-work';
import { Body, BodyKind } from '../bodies/body.entity';
import { todayUtc } from '../common/dates';
import { conflict, forbidden, invalid, notFound } from '../common/errors';
import type { Actor, AuthedCtx } from '../common/request-context';
import { compareLevels } from './compare/compare-levels';
import type { SchemeDto, SchemeVersionDto } from './dto';
import type { ComparedLevelDto, DeriveSchemeDto, ReferenceSchemeDto, SchemeComparisonDto } from './reference.dto';
import type { SchemeDefinition } from './scheme-definition';
import { toSchemeDto, toSchemeVersionDto } from './scheme.mapper';
import { Scheme, SchemeVersion, SchemeVersionStatus } from './scheme.entity';

// Reference schemes and national derivations: the international body marks a published version of its scheme
// as a reference; a body starts its own scheme as a draft copy of a reference that remembers its origin; any
// two levels of visible versions compare rule by rule (compare/compare-levels.ts).

@Injectable()
export class ReferenceSchemesService {
  constructor(
    private readonly db: DataSource,
    private readonly uow: UnitOfWork,
  ) {}

  async listReferences(): Promise<ReferenceSchemeDto[]> {
    const versions = await this.db.getRepository(SchemeVersion).find({
      where: { isReference: true },
      relations: { scheme: { body: true } },
      order: { referenceMarkedAt: 'ASC' },
    });
    return versions
      .filter((v) => v.status !== SchemeVersionStatus.Draft)
      .map((v) => ({
        versionId: v.id,
        schemeId: v.schemeId,
        schemeCode: v.scheme!.code,
        schemeName: v.scheme!.name,
        bodyId: v.scheme!.bodyId,
        bodyName: v.scheme!.body!.name,
        versionNumber: v.versionNumber,
        status: v.status,
        effectiveFrom: String(v.effectiveFrom).slice(0, 10),
        markedAt: v.referenceMarkedAt?.toISOString() ?? null,
        levels: (v.definition.levels ?? []).map((l) => ({ code: l.code, name: l.name })),
      }));
  }

  /** Mark (or unmark) a published version of the international body's scheme as a reference. */
  async setReference(ctx: AuthedCtx, id: string, isReference: boolean): Promise<SchemeVersionDto> {
    return this.uow.run(ctx, async (em, audit) => {
      const version = await em.findOne(SchemeVersion, { where: { id }, lock: { mode: 'pessimistic_write' } });
      const scheme = version && (await em.findOneBy(Scheme, { id: version.schemeId }));
      const via = scheme && (await schemeAdminGrant(em, ctx.actor, scheme.bodyId));
      if (!version || !scheme || !via) throw notFound('Scheme version');
      if (isReference) {
        const body = await em.findOneByOrFail(Body, { id: scheme.bodyId });
        if (body.kind !== BodyKind.International)
          throw conflict('REFERENCE_NOT_INTERNATIONAL', "Only a version of the international body's scheme can be a reference");
        if (version.status !== SchemeVersionStatus.Published)
          throw conflict('REFERENCE_NOT_PUBLISHED', 'Only a published version can be marked as a reference');
      }
      // marking what is already marked (or unmarking twice) changes nothing but is still the person's audited act
      const changed = version.isReference !== isReference;
      if (changed)
        await em.update(
          SchemeVersion,
          { id },
          isReference
            ? { isReference, referenceMarkedBy: ctx.actor.userId, referenceMarkedAt: new Date(), version: version.version + 1 }
            : { isReference, referenceMarkedBy: null, referenceMarkedAt: null, version: version.version + 1 },
        );
      audit({
        action: isReference ? 'scheme_version.mark_reference' : 'scheme_version.unmark_reference',
        entityType: 'scheme_version',
        entityId: id,
        via,
        bodyId: scheme.bodyId,
        changes: { isReference, changed },
      });
      return toSchemeVersionDto((await em.findOneBy(SchemeVersion, { id }))!);
    });
  }

  /** A new scheme of the body whose first version is a draft copy of the reference; it remembers the reference. */
  async derive(ctx: AuthedCtx, bodyId: string, dto: DeriveSchemeDto): Promise<SchemeDto> {
    return this.uow.run(ctx, async (em, audit) => {
      if (!(await em.existsBy(Body, { id: bodyId }))) throw notFound('Body');
      const via = await schemeAdminGrant(em, ctx.actor, bodyId);
      if (!via) throw forbidden('You may define schemes only for a body you administer');
      const reference = await em.findOneBy(SchemeVersion, { id: dto.referenceVersionId });
      if (!reference?.isReference || reference.status === SchemeVersionStatus.Draft)
        throw invalid('referenceVersionId', 'referenceVersionId does not name a reference scheme version');
      if (await em.existsBy(Scheme, { bodyId, code: dto.code }))
        throw conflict('SCHEME_CODE_TAKEN', `The body already has a scheme ${dto.code}`);
      const scheme = await em.save(em.create(Scheme, { bodyId, code: dto.code, name: dto.name, derivedFromVersionId: reference.id }));
      const draft = await em.save(
        em.create(SchemeVersion, {
          schemeId: scheme.id,
          versionNumber: 1,
          status: SchemeVersionStatus.Draft,
          effectiveFrom: todayUtc(new Date()),
          definition: structuredClone(reference.definition),
        }),
      );
      audit({
        action: 'scheme.derive',
        entityType: 'scheme',
        entityId: scheme.id,
        via,
        bodyId,
        changes: { code: dto.code, name: dto.name, derivedFromVersionId: reference.id, draftVersionId: draft.id },
      });
      return toSchemeDto(scheme, [draft]);
    });
  }

  async compare(ctx: AuthedCtx, a: string, b: string): Promise<SchemeComparisonDto> {
    const la = await this.loadLevel(this.db.manager, ctx.actor, a, 'a');
    const lb = await this.loadLevel(this.db.manager, ctx.actor, b, 'b');
    const result = compareLevels(la.level, lb.level, la.context, lb.context);
    return { a: la.dto, b: lb.dto, items: result.items, implies: result.implies, reasons: result.reasons, counts: result.counts };
  }

  private async loadLevel(em: EntityManager, actor: Actor, ref: string, field: 'a' | 'b') {
    const [versionId, levelCode] = ref.split(':');
    const v = await em.findOne(SchemeVersion, { where: { id: versionId }, relations: { scheme: { body: true } } });
    // drafts compare only for those who administer the scheme; to everyone else they do not exist
    if (!v || (v.status === SchemeVersionStatus.Draft && !(await schemeAdminGrant(em, actor, v.scheme!.bodyId))))
      throw notFound('Scheme version');
    const def: SchemeDefinition = v.definition;
    const level = def.levels.find((l) => l.code === levelCode);
    if (!level) throw conflict('LEVEL_NOT_IN_VERSION', `${field}: the level ${levelCode} is not part of that scheme version`);
    const scheme = v.scheme!;
    const title = `${scheme.code} v${v.versionNumber} ${level.code}`;
    const dto: ComparedLevelDto = {
      versionId: v.id,
      levelCode: level.code,
      levelName: level.name,
      schemeCode: scheme.code,
      schemeName: scheme.name,
      bodyName: scheme.body!.name,
      versionNumber: v.versionNumber,
      status: v.status,
      title,
    };
    return {
      level,
      dto,
      context: {
        title,
        groupCredit: def.groupCredit as unknown as Record<string, unknown>,
        phaseBoundaries: def.phaseBoundaries as unknown as Record<string, unknown>,
      },
    };
  }
}
