import type { EntityManager } from 'typeorm';
import { Instrument } from '../measures/outcome-measure.entity';
import { ACTIVITY_KINDS, ADAPTATIONS, CASE_FORMATS } from './rules/common';

// The lists a scheme's references are resolved against that are code today and data tomorrow: instruments
// (moving to a table), taxonomies (moving to data) and activity kinds. Each is one function taking the
// transaction's EntityManager, so repointing one at its table changes nothing else.

export async function lookupInstrumentCodes(em: EntityManager): Promise<Set<string>> {
  void em;
  return new Set<string>(Object.values(Instrument));
}

export async function lookupTaxonomyValues(em: EntityManager): Promise<Map<string, Set<string>>> {
  void em;
  return new Map<string, Set<string>>([
    ['case_format', new Set<string>(CASE_FORMATS)],
    ['adaptation', new Set<string>(ADAPTATIONS)],
  ]);
}

export async function lookupActivityKinds(em: EntityManager): Promise<Set<string>> {
  void em;
  return new Set<string>(ACTIVITY_KINDS);
}
