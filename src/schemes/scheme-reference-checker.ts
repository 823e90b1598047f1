import { Injectable } from '@nestjs/common';
import { type EntityManager, In, IsNull } from 'typeorm';
import { DomainError } from '../common/errors';
import { Rubric } from '../rubrics/rubric.entity';
import { lookupActivityKinds, lookupInstrumentCodes, lookupTaxonomyValues } from './reference-lookups';
import type { SchemeDefinition } from './scheme-definition';
import { Scheme, SchemeVersion, SchemeVersionStatus } from './scheme.entity';
import { definitionReferences, type ReferenceCatalog, unresolvedReferences } from './scheme-references';

/**
 * Resolves every reference of a scheme definition when it is saved and published: levels (this definition's,
 * or the published versions of the scheme named), rubric codes (global or the body's own), instruments,
 * taxonomy values and activity kinds. An unknown one is a 400 naming the field path, so a typo cannot publish
 * and silently make every case fail.
 */
@Injectable()
export class SchemeReferenceChecker {
  async assertResolved(em: EntityManager, definition: SchemeDefinition, scheme: { code: string; bodyId: string }): Promise<void> {
    const errors = unresolvedReferences(definition, await this.catalog(em, definition, scheme));
    if (Object.keys(errors).length)
      throw new DomainError('SCHEME_UNKNOWN_REFERENCE', 'The scheme definition names something that does not exist', errors);
  }

  private async catalog(
    em: EntityManager,
    definition: SchemeDefinition,
    scheme: { code: string; bodyId: string },
  ): Promise<ReferenceCatalog> {
    const refs = definitionReferences(definition);
    const schemeCodes = [
      ...new Set(refs.flatMap((r) => (r.kind === 'level' && r.schemeCode && r.schemeCode !== scheme.code ? [r.schemeCode] : []))),
    ];
    const rubricCodes = [...new Set(refs.flatMap((r) => (r.kind === 'rubric' ? [r.code] : [])))];
    const otherSchemeLevels = new Map<string, Set<string>>();
    if (schemeCodes.length) {
      const versions = await em
        .createQueryBuilder(SchemeVersion, 'v')
        .innerJoin(Scheme, 's', 's.id = v.scheme_id')
        .select(['s.code AS code', 'v.definition AS definition'])
        .where('s.code IN (:...codes) AND v.status IN (:...statuses)', {
          codes: schemeCodes,
          statuses: [SchemeVersionStatus.Published, SchemeVersionStatus.Retired],
        })
        .getRawMany<{ code: string; definition: SchemeDefinition }>();
      for (const v of versions) {
        const set = otherSchemeLevels.get(v.code) ?? new Set<string>();
        for (const l of v.definition.levels ?? []) set.add(l.code);
        otherSchemeLevels.set(v.code, set);
      }
    }
    const rubrics = rubricCodes.length
      ? await em.find(Rubric, {
          select: { code: true },
          where: [
            { code: In(rubricCodes), ownerBodyId: IsNull() },
            { code: In(rubricCodes), ownerBodyId: scheme.bodyId },
          ],
        })
      : [];
    return {
      schemeCode: scheme.code,
      otherSchemeLevels,
      rubricCodes: new Set(rubrics.map((r) => r.code)),
      instrumentCodes: await lookupInstrumentCodes(em, scheme.bodyId),
      taxonomyValues: await lookupTaxonomyValues(em, scheme.bodyId),
      activityKinds: await lookupActivityKinds(em),
    };
  }
}
