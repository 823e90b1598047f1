import type { TaxonomyAttribute, TaxonomyDefinition } from './taxonomy-definition';

// A case's categorical values checked against its taxonomy version. Built-in attributes are case columns
// (problemArea: focusProblemArea and secondaryProblemArea); the others live in the case's `attributes` map.
// A retired value is refused, except where the case already had exactly that value (old cases keep theirs).

export type AttributeValue = string | string[];

export interface CaseCategoricalValues {
  format: string;
  adaptation: string;
  ageBand: string;
  setting: string;
  focusProblemArea: string;
  secondaryProblemArea: string | null;
  attributes: Record<string, AttributeValue>;
}

const COLUMN_FIELDS: Record<string, (keyof CaseCategoricalValues)[]> = {
  problemArea: ['focusProblemArea', 'secondaryProblemArea'],
  format: ['format'],
  adaptation: ['adaptation'],
  setting: ['setting'],
  ageBand: ['ageBand'],
};

/** The codes a new value may take (not retired), for messages and forms. */
export const allowedCodes = (a: TaxonomyAttribute): string[] => a.values.filter((v) => !v.retired).map((v) => v.code);

/** Field → messages (empty when every value fits). `previous` is the case before an update (null on create). */
export function checkCaseValues(
  def: TaxonomyDefinition,
  next: CaseCategoricalValues,
  previous: CaseCategoricalValues | null,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const add = (field: string, message: string) => (out[field] ??= []).push(message);
  const fits = (a: TaxonomyAttribute, value: string, kept: boolean): boolean => {
    const v = a.values.find((x) => x.code === value);
    return !!v && (!v.retired || kept);
  };
  const oneOf = (a: TaxonomyAttribute) => `one of: ${allowedCodes(a).join(', ')}`;
  for (const a of def.attributes) {
    const fields = COLUMN_FIELDS[a.code];
    if (fields) {
      for (const f of fields) {
        const value = next[f] as string | null;
        if (value === null || value === undefined) continue;
        if (!fits(a, value, previous?.[f] === value)) add(f, `${f} must be ${oneOf(a)}`);
      }
      continue;
    }
    const field = `attributes.${a.code}`;
    const value = next.attributes[a.code];
    const before = previous?.attributes[a.code];
    if (value === undefined || (Array.isArray(value) && !value.length)) {
      if (a.required) add(field, `${field} is required (${oneOf(a)})`);
      continue;
    }
    if (a.multiple) {
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
        add(field, `${field} must be a list of values, each ${oneOf(a)}`);
      else if (new Set(value).size !== value.length) add(field, `${field} names a value twice`);
      else
        for (const v of value)
          if (!fits(a, v, Array.isArray(before) && before.includes(v)))
            add(field, `${field} value ${v} is not allowed: each must be ${oneOf(a)}`);
    } else if (typeof value !== 'string') add(field, `${field} must be a single value, ${oneOf(a)}`);
    else if (!fits(a, value, before === value)) add(field, `${field} must be ${oneOf(a)}`);
  }
  const known = new Set(def.attributes.map((a) => a.code));
  for (const key of Object.keys(next.attributes)) {
    if (COLUMN_FIELDS[key]) add(`attributes.${key}`, `${key} is a field of the case, not an attribute`);
    else if (!known.has(key)) add(`attributes.${key}`, `${key} is not an attribute of the case's taxonomy`);
  }
  return out;
}

/** The phase codes of a taxonomy in session order. */
export const phaseOrder = (def: TaxonomyDefinition): string[] => def.phases.map((p) => p.code);

/** Every categorical attribute of a case as one map (what scheme rules count distinct values of). */
export function attributeMap(c: CaseCategoricalValues): Record<string, AttributeValue> {
  const out: Record<string, AttributeValue> = {
    ...c.attributes,
    problemArea: c.focusProblemArea,
    format: c.format,
    adaptation: c.adaptation,
    setting: c.setting,
    ageBand: c.ageBand,
  };
  if (c.secondaryProblemArea) out.secondaryProblemArea = c.secondaryProblemArea;
  return out;
}
