// A case's lists come from its taxonomy version (GET /taxonomies/:id; the ones a body may use:
// GET /bodies/:bodyId/taxonomies). The seeded international IPT taxonomy is what a case uses by default.
import { api, call, type Schemas } from '../../api/client';

export type Taxonomy = Schemas['TaxonomyDto'];
export type TaxonomyDefinition = Schemas['TaxonomyDefinitionResponseDto'];
export type TaxonomyAttribute = Schemas['TaxonomyAttributeDto'];

/** The attributes that are fields of the case itself; the others go into its `attributes` map. */
export const BUILT_IN = ['problemArea', 'format', 'adaptation', 'setting', 'ageBand'] as const;

export const loadTaxonomy = (id: string) => call(api.GET('/api/v1/taxonomies/{id}', { params: { path: { id } } }));
export const loadBodyTaxonomies = (bodyId: string) => call(api.GET('/api/v1/bodies/{bodyId}/taxonomies', { params: { path: { bodyId } } }));

export const attributeOf = (def: TaxonomyDefinition | undefined, code: string): TaxonomyAttribute | undefined =>
  def?.attributes.find((a) => a.code === code);

/** The values a field may take: the ones not retired, plus the case's current value (old cases keep a retired one). */
export function optionsOf(def: TaxonomyDefinition | undefined, code: string, current?: string | null): { code: string; label: string }[] {
  const values = attributeOf(def, code)?.values ?? [];
  return values.filter((v) => !v.retired || v.code === current).map((v) => ({ code: v.code, label: v.label }));
}

/** The label of a value, or the code itself when the taxonomy does not know it. */
export const labelOf = (def: TaxonomyDefinition | undefined, attribute: string, code: string | null | undefined): string =>
  (code && attributeOf(def, attribute)?.values.find((v) => v.code === code)?.label) || (code ?? '');

export const phaseLabel = (def: TaxonomyDefinition | undefined, code: string): string =>
  def?.phases.find((p) => p.code === code)?.label ?? code;
