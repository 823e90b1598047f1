import { Injectable } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { DataSource, type EntityManager, In } from 'typeorm';
import { UnitOfWork } from '../audit/unit-of-work';
import { Body } from '../bodies/body.entity';
import { dateOf, todayUtc } from '../common/dates';
import { conflict, DomainError, forbidden, invalid, notFound, preconditionFailed } from '../common/errors';
import { expectedVersion } from '../common/etag';
import type { AuthedCtx } from '../common/request-context';
import type {
  CreateSchemeDto,
  CreateSchemeVersionDto,
  PublishSchemeVersionDto,
  RuleTypeDto,
  SchemeDto,
  SchemeVersionDto,
  UpdateSchemeVersionDto,
} from './dto';
import { RULE_TYPES } from './rules';
import { schemeAdminGrant } from '../access/scheme-administration';
import { type SchemeDefinition, validateSchemeDefinition } from './scheme-definition';
import { toSchemeDto, toSchemeVersionDto } from './scheme.mapper';
import { Scheme, SchemeVersion, SchemeVersionStatus } from './scheme.entity';
import { SchemeReferenceChecker } from './scheme-reference-checker';
import { confirmPastEffectiveDate } from './past-effective-date';

function assertValidDefinition(definition: unknown): SchemeDefinition {
  const errors = validateSchemeDefinition(definition);
  if (Object.keys(errors).length) throw new DomainError('INVALID_SCHEME', 'The scheme definition is not valid', errors);
  return definition as SchemeDefinition;
}

@Injectable()
export class SchemesService {
  constructor(
    private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly references: SchemeReferenceChecker,
  ) {}

  ruleTypes(): RuleTypeDto[] {
    return Object.entries(RULE_TYPES).map(([type, r]) => ({ type, description: DESCRIPTIONS[type] ?? '', params: paramNames(r.params) }));
  }

  async list(): Promise<SchemeDto[]> {
    const schemes = await this.db.getRepository(Scheme).find({ order: { name: 'ASC' } });
    const versions = schemes.length
      ? await this.db.getRepository(SchemeVersion).find({ where: { schemeId: In(schemes.map((s) => s.id)) } })
      : [];
    return schemes.map((s) => toSchemeDto(s, versions));
  }

  async get(id: string): Promise<SchemeDto> {
    const scheme = await this.db.getRepository(Scheme).findOneBy({ id });
    if (!scheme) throw notFound('Scheme');
    return toSchemeDto(scheme, await this.db.getRepository(SchemeVersion).findBy({ schemeId: id }));
  }

  async getVersion(ctx: AuthedCtx, id: string): Promise<SchemeVersionDto> {
    const v = await this.db.getRepository(SchemeVersion).findOne({ where: { id }, relations: { scheme: true } });
    // drafts are visible only to those who administer the scheme
    if (!v || (v.status === SchemeVersionStatus.Draft && !(await schemeAdminGrant(this.db.manager, ctx.actor, v.scheme!.bodyId))))
      throw notFound('Scheme version');
    return toSchemeVersionDto(v);
  }

  async create(ctx: AuthedCtx, dto: CreateSchemeDto): Promise<SchemeDto> {
    return this.uow.run(ctx, async (em, audit) => {
      if (!(await em.existsBy(Body, { id: dto.bodyId }))) throw invalid('bodyId', 'bodyId does not name a known body');
      const via = await schemeAdminGrant(em, ctx.actor, dto.bodyId);
      if (!via) throw forbidden('You may define schemes only for a body you administer');
      if (await em.existsBy(Scheme, { bodyId: dto.bodyId, code: dto.code }))
        throw conflict('SCHEME_CODE_TAKEN', `The body already has a scheme ${dto.code}`);
      const scheme = await em.save(em.create(Scheme, { bodyId: dto.bodyId, code: dto.code, name: dto.name }));
      audit({
        action: 'scheme.create',
        entityType: 'scheme',
        entityId: scheme.id,
        via,
        bodyId: dto.bodyId,
        changes: { code: dto.code, name: dto.name },
      });
      return toSchemeDto(scheme, []);
    });
  }

  /** A new draft: the given definition, or a copy of the latest version. One draft at a time. */
  async createVersion(ctx: AuthedCtx, schemeId: string, dto: CreateSchemeVersionDto): Promise<SchemeVersionDto> {
    const definition = dto.definition ? assertValidDefinition(dto.definition) : undefined;
    return this.uow.run(ctx, async (em, audit) => {
      const scheme = await em.findOne(Scheme, { where: { id: schemeId }, lock: { mode: 'pessimistic_write' } });
      if (!scheme) throw notFound('Scheme');
      const via = await schemeAdminGrant(em, ctx.actor, scheme.bodyId);
      if (!via) throw forbidden('You may change schemes only of a body you administer');
      const versions = await em.find(SchemeVersion, { where: { schemeId }, order: { versionNumber: 'DESC' } });
      if (versions.some((v) => v.status === SchemeVersionStatus.Draft))
        throw conflict('DRAFT_EXISTS', 'The scheme already has a draft version; edit or publish it');
      const base = definition ?? versions[0]?.definition;
      if (!base) throw invalid('definition', 'the first version of a scheme needs a definition');
      await this.references.assertResolved(em, base, scheme);
      const v = await em.save(
        em.create(SchemeVersion, {
          schemeId,
          versionNumber: (versions[0]?.versionNumber ?? 0) + 1,
          status: SchemeVersionStatus.Draft,
          effectiveFrom: dto.effectiveFrom ?? todayUtc(new Date()),
          definition: base,
        }),
      );
      audit({
        action: 'scheme_version.create',
        entityType: 'scheme_version',
        entityId: v.id,
        via,
        bodyId: scheme.bodyId,
        changes: { versionNumber: v.versionNumber, copiedFrom: definition ? null : (versions[0]?.id ?? null) },
      });
      return toSchemeVersionDto(v);
    });
  }

  async updateVersion(ctx: AuthedCtx, id: string, ifMatch: string | undefined, dto: UpdateSchemeVersionDto): Promise<SchemeVersionDto> {
    const expected = expectedVersion(ifMatch);
    const definition = assertValidDefinition(dto.definition);
    return this.uow.run(ctx, async (em, audit) => {
      const v = await this.loadForChange(em, ctx, id);
      if (v.version.status !== SchemeVersionStatus.Draft)
        throw conflict('VERSION_PUBLISHED', 'A published or retired version is immutable; create a new version');
      await this.references.assertResolved(em, definition, v.scheme);
      const r = await em
        .createQueryBuilder()
        .update(SchemeVersion)
        .set({ definition: definition as never, effectiveFrom: dto.effectiveFrom, version: () => 'version + 1' })
        .where('id = :id AND version = :expected AND status = :draft', { id, expected, draft: SchemeVersionStatus.Draft })
        .execute();
      if (!r.affected) throw preconditionFailed();
      audit({
        action: 'scheme_version.update',
        entityType: 'scheme_version',
        entityId: id,
        via: v.via,
        bodyId: v.bodyId,
        changes: { effectiveFrom: dto.effectiveFrom, levels: definition.levels.map((l) => l.code) },
      });
      return toSchemeVersionDto((await em.findOneBy(SchemeVersion, { id }))!);
    });
  }

  /**
   * Publishes a draft once its definition is valid and every reference resolves. An effective date in the past
   * (people's eligibility would change retroactively) needs allowPastEffectiveDate with a reason, which is audited.
   */
  async publish(ctx: AuthedCtx, id: string, dto: PublishSchemeVersionDto = {}): Promise<SchemeVersionDto> {
    return this.uow.run(ctx, async (em, audit) => {
      const v = await this.loadForChange(em, ctx, id);
      if (v.version.status !== SchemeVersionStatus.Draft) throw conflict('NOT_A_DRAFT', 'Only a draft can be published');
      const definition = assertValidDefinition(v.version.definition);
      await this.references.assertResolved(em, definition, v.scheme);
      const effectiveFrom = dateOf(v.version.effectiveFrom);
      const past = confirmPastEffectiveDate(effectiveFrom, dto);
      await em.update(
        SchemeVersion,
        { id },
        { status: SchemeVersionStatus.Published, publishedAt: new Date(), version: v.version.version + 1 },
      );
      audit({
        action: 'scheme_version.publish',
        entityType: 'scheme_version',
        entityId: id,
        via: v.via,
        bodyId: v.bodyId,
        changes: {
          versionNumber: v.version.versionNumber,
          effectiveFrom,
          ...past,
        },
      });
      return toSchemeVersionDto((await em.findOneBy(SchemeVersion, { id }))!);
    });
  }

  // retired versions keep evaluating for the people held to them; nobody new enrols on them
  async retire(ctx: AuthedCtx, id: string): Promise<SchemeVersionDto> {
    return this.uow.run(ctx, async (em, audit) => {
      const v = await this.loadForChange(em, ctx, id);
      if (v.version.status !== SchemeVersionStatus.Published) throw conflict('NOT_PUBLISHED', 'Only a published version can be retired');
      await em.update(
        SchemeVersion,
        { id },
        { status: SchemeVersionStatus.Retired, retiredAt: new Date(), version: v.version.version + 1 },
      );
      audit({ action: 'scheme_version.retire', entityType: 'scheme_version', entityId: id, via: v.via, bodyId: v.bodyId });
      return toSchemeVersionDto((await em.findOneBy(SchemeVersion, { id }))!);
    });
  }

  private async loadForChange(em: EntityManager, ctx: AuthedCtx, id: string) {
    const version = await em.findOne(SchemeVersion, { where: { id }, lock: { mode: 'pessimistic_write' } });
    const scheme = version && (await em.findOneBy(Scheme, { id: version.schemeId }));
    const via = scheme && (await schemeAdminGrant(em, ctx.actor, scheme.bodyId));
    if (!version || !scheme || !via) throw notFound('Scheme version');
    return { version, via, bodyId: scheme.bodyId, scheme };
  }
}

const DESCRIPTIONS: Record<string, string> = {
  profession: 'Core profession in a list',
  licence: 'A current professional licence, optionally in given jurisdictions',
  membership: 'Current membership of a body, optionally for N months',
  level_held: 'An earlier level held (for N months) or awarded within N months',
  learning_hours:
    'Training hours by kind, delivery mode, trainer recognition and recorded attributes, verified, recent; caps (e.g. ≤ N h online) and several totals',
  completed_cases: 'Completed supervised cases with filters, distinct problem areas/clients, first-case diagnosis, phase coverage',
  case_supervision:
    'Per case: supervision minutes, share of sessions supervised (optionally from the recordings reviewed), supervision:therapy ratio, group credit and group-size limit, supervisor level on the date',
  case_recordings: 'Per case: recordings, phases recorded, N rated with a rubric and pass rule, calibrated raters, multi-rater policy',
  outcome_measures:
    "Per case: outcome measures at baseline, every N sessions and at the end; instruments by code, any published instrument available to the scheme's body (GET /instruments?bodyId=…)",
  supervision_given: 'Supervision given: hours and distinct supervisees in a window',
  teaching_given: 'Teaching led or co-led: hours in a window',
  cpd: 'Continuing professional development in a window: items and/or hours',
  sign_offs: 'Cases signed off by their supervisor',
  supervision_received:
    'Supervision received across the record (case-linked or not): hours by format, supervisor level on the date, window, group-size limit',
  practice_hours: 'Practice hours from the case log (attended session minutes) with case filters and a window',
  distinct_case_attribute: 'Distinct values of a case attribute (problem area, setting, age band, diagnosis group, …) across counted cases',
  qualification:
    'One qualification (degree, licence, prior training) from a list of codes, verified by the body unless verifiedOnly is false',
  references: 'N references of the given kind(s) submitted by referees for the body, optionally within N months',
};
// Every case rule also takes `window` (since a level was awarded / N months before the application; per-case rules:
// `earlier` thresholds for the cases before the event), and every rule `advisory: true` beside its params.

// the parameter names class-validator knows for a params class (including inherited ones)
function paramNames(cls: new () => object): string[] {
  return [
    ...new Set(
      getMetadataStorage()
        .getTargetValidationMetadatas(cls, '', true, false)
        .map((m) => m.propertyName),
    ),
  ];
}
