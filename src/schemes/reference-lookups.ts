import type { EntityManager } from 'typeorm';
import { instrumentCodesFor } from '../measures/instrument-catalog';
import { ACTIVITY_KINDS } from './rules/common';

// The lists a scheme's references are resolved against, for the scheme's body: the published instruments it may
// use (its own and those for every body), the values of the published taxonomies its cases may name, and the
// activity kinds. Each is one function taking the transaction's EntityManager.

export async function lookupInstrumentCodes(em: EntityManager, bodyId: string): Promise<Set<string>> {
  return new Set(await instrumentCodesFor(em, bodyId));
}

// reference kinds of the rule filters → the taxonomy attribute they name
const TAXONOMY_ATTRIBUTE: Record<string, string> = { case_format: 'format', adaptation: 'adaptation' };

/** Every value (retired ones included: an old case may still hold them) of each attribute, over the published
 *  taxonomies the body's cases may name. */
export async function lookupTaxonomyValues(em: EntityManager, bodyId: string): Promise<Map<string, Set<string>>> {
  const rows: { definition: { attributes?: { code: string; values?: { code: string }[] }[] } }[] = await em.query(
    `SELECT definition FROM taxonomies WHERE status = 'published' AND (body_id IS NULL OR body_id = $1)`,
    [bodyId],
  );
  const out = new Map<string, Set<string>>();
  for (const [kind, attribute] of Object.entries(TAXONOMY_ATTRIBUTE)) {
    const values = new Set<string>();
    for (const r of rows)
      for (const a of r.definition.attributes ?? []) if (a.code === attribute) for (const v of a.values ?? []) values.add(v.code);
    out.set(kind, values);
  }
  return out;
}

export async function lookupActivityKinds(em: EntityManager): Promise<Set<string>> {
  void em;
  return new Set<string>(ACTIVITY_KINDS);
}
