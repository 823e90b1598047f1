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
      ...new Set(
        refs.flatMap((r) => (r.kind === 'level' && !r.bodyCode && r.schemeCode && r.schemeCode !== scheme.code ? [r.schemeCode] : [])),
      ),
    ];
    const bodyNamed = refs.flatMap((r) =>
      r.kind === 'level' && r.bodyCode && r.schemeCode ? [{ body: r.bodyCode, scheme: r.schemeCode }] : [],
    );
    const rubricCodes = [...new Set(refs.flatMap((r) => (r.kind === 'rubric' ? [r.code] : [])))];
    const otherSchemeLevels = new Map<string, Set<string>>();
    if (schemeCodes.length) {
      const versions = await em
        .createQueryBuilder(SchemeVersion, 'v')
        .innerJoin(Scheme, 's', 's.id = v.scheme_id')
        .select(['s.code AS code', 's.body_id AS body_id', 'v.definition AS definition'])
        .where('s.code IN (:...codes) AND v.status IN (:...statuses)', {
          codes: schemeCodes,
          statuses: [SchemeVersionStatus.Published, SchemeVersionStatus.Retired],
        })
        .getRawMany<{ code: string; body_id: string; definition: SchemeDefinition }>();
      // a scheme code is unique per body only: the saved scheme's body's own scheme so coded wins (as in evaluation)
      const ownCodes = new Set(versions.filter((v) => v.body_id === scheme.bodyId).map((v) => v.code));
      for (const v of versions.filter((x) => !ownCodes.has(x.code) || x.body_id === scheme.bodyId)) {
        const set = otherSchemeLevels.get(v.code) ?? new Set<string>();
        for (const l of v.definition.levels ?? []) set.add(l.code);
        otherSchemeLevels.set(v.code, set);
      }
    }
    const bodySchemeLevels = new Map<string, Set<string>>();
    const bodyCodes = new Set<string>();
    if (bodyNamed.length) {
      const rows: { body: string; scheme: string | null; definition: SchemeDefinition | null }[] = await em.query(
        `SELECT b.code AS body, s.code AS scheme, v.definition
           FROM bodies b
           LEFT JOIN schemes s ON s.body_id = b.id AND s.code = ANY($2::text[])
           LEFT JOIN scheme_versions v ON v.scheme_id = s.id AND v.status IN ('published', 'retired')
          WHERE b.code = ANY($1::text[])`,
        [[...new Set(bodyNamed.map((r) => r.body))], [...new Set(bodyNamed.map((r) => r.scheme))]],
      );
      for (const r of rows) {
        bodyCodes.add(r.body);
        if (!r.scheme || !r.definition) continue;
        const key = `${r.body}/${r.scheme}`;
        const set = bodySchemeLevels.get(key) ?? new Set<string>();
        for (const l of r.definition.levels ?? []) set.add(l.code);
        bodySchemeLevels.set(key, set);
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
      bodySchemeLevels,
      bodyCodes,
      rubricCodes: new Set(rubrics.map((r) => r.code)),
      instrumentCodes: await lookupInstrumentCodes(em, scheme.bodyId),
      taxonomyValues: await lookupTaxonomyValues(em, scheme.bodyId),
      activityKinds: await lookupActivityKinds(em),
    };
  }
}
