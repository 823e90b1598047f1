import { plainToInstance } from 'class-transformer';
import { RULE_TYPES, type RuleType } from './rules';
import type { RuleReference } from './rules/rule-types';
import type { RuleDef, SchemeDefinition } from './scheme-definition';

// Every reference a (structurally valid) scheme definition makes to something outside its rules — rubric
// codes, level codes, instrument codes, taxonomy values, activity kinds — with the field path that names it.
// Resolving them is the SchemeReferenceChecker's job; this file is pure so specs can exercise it directly.

export type DefinitionReference = RuleReference;

/** What the references are resolved against (loaded once per save). */
export interface ReferenceCatalog {
  /** the code of the scheme being saved (a LevelRef naming it means this definition) */
  schemeCode: string;
  /** level codes of the published versions of other schemes, by scheme code (the saved scheme's body's scheme so
   *  coded when it has one, else any body's) */
  otherSchemeLevels: ReadonlyMap<string, ReadonlySet<string>>;
  /** level codes of published versions of schemes named with a body, by `BODYCODE/SCHEMECODE` */
  bodySchemeLevels?: ReadonlyMap<string, ReadonlySet<string>>;
  /** the codes of the bodies that exist, of those named */
  bodyCodes?: ReadonlySet<string>;
  rubricCodes: ReadonlySet<string>;
  instrumentCodes: ReadonlySet<string>;
  /** values by taxonomy name (case_format, adaptation, …) */
  taxonomyValues: ReadonlyMap<string, ReadonlySet<string>>;
  activityKinds: ReadonlySet<string>;
}

function ruleReferences(rule: RuleDef, path: string): DefinitionReference[] {
  const evaluator = RULE_TYPES[rule.type as RuleType];
  if (!evaluator?.references) return [];
  const params = plainToInstance(evaluator.params as new () => object, rule.params) as never;
  const refs = (evaluator.references as (p: never) => RuleReference[])(params);
  // per-subset params (window.earlier.params) name references too: read them with the rule's own class
  const earlier = (rule.params as { window?: { earlier?: { params?: Record<string, unknown> } } }).window?.earlier?.params;
  // (merged over the rule's params, as evaluation does, so a references() reading a required param finds it)
  const earlierRefs = earlier
    ? (evaluator.references as (p: never) => RuleReference[])(
        plainToInstance(evaluator.params as new () => object, { ...rule.params, window: undefined, ...earlier }) as never,
      )
        .filter((r) => Object.keys(earlier).includes(r.path.split('.')[0]))
        .map((r) => ({ ...r, path: `window.earlier.params.${r.path}` }))
    : [];
  return [...refs, ...earlierRefs].map((r) => ({ ...r, path: `${path}.params.${r.path}` }));
}

/** The references of every rule of every level, paths like `definition.levels.1.requirements.0.params.rubricCode`. */
export function definitionReferences(def: SchemeDefinition): DefinitionReference[] {
  return def.levels.flatMap((level, li) =>
    (
      [
        ['prerequisites', level.prerequisites],
        ['requirements', level.requirements],
        ['renewal.requirements', level.renewal?.requirements ?? []],
      ] as const
    ).flatMap(([group, rules]) => rules.flatMap((rule, ri) => ruleReferences(rule, `definition.levels.${li}.${group}.${ri}`))),
  );
}

function problem(ref: DefinitionReference, def: SchemeDefinition, catalog: ReferenceCatalog): string | null {
  switch (ref.kind) {
    case 'level': {
      if (ref.bodyCode) {
        if (!catalog.bodyCodes?.has(ref.bodyCode)) return `body ${ref.bodyCode} is not a known body`;
        const levels = catalog.bodySchemeLevels?.get(`${ref.bodyCode}/${ref.schemeCode}`);
        if (!levels) return `scheme ${ref.schemeCode} of body ${ref.bodyCode} has no published version`;
        return levels.has(ref.code) ? null : `level ${ref.code} is not a level of scheme ${ref.schemeCode} of body ${ref.bodyCode}`;
      }
      if (!ref.schemeCode || ref.schemeCode === catalog.schemeCode)
        return def.levels.some((l) => l.code === ref.code) ? null : `level ${ref.code} is not a level of this scheme`;
      const levels = catalog.otherSchemeLevels.get(ref.schemeCode);
      if (!levels) return `scheme ${ref.schemeCode} has no published version`;
      return levels.has(ref.code) ? null : `level ${ref.code} is not a level of scheme ${ref.schemeCode}`;
    }
    case 'rubric':
      return catalog.rubricCodes.has(ref.code) ? null : `rubric ${ref.code} is not a rubric this body can use`;
    case 'instrument':
      return catalog.instrumentCodes.has(ref.code) ? null : `instrument ${ref.code} is not a known instrument`;
    case 'taxonomyValue':
      return catalog.taxonomyValues.get(ref.taxonomy)?.has(ref.code)
        ? null
        : `${ref.code} is not a value of ${ref.taxonomy.replace(/_/g, ' ')}`;
    case 'activityKind':
      return catalog.activityKinds.has(ref.code) ? null : `${ref.code} is not a training activity kind`;
  }
}

/** Field-keyed problems for references that do not resolve (empty when all do). */
export function unresolvedReferences(def: SchemeDefinition, catalog: ReferenceCatalog): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const ref of definitionReferences(def)) {
    const message = problem(ref, def, catalog);
    // an unknown body is the bodyCode's fault, not the levelCode's
    const path = ref.kind === 'level' && message?.startsWith('body ') ? ref.path.replace(/levelCode$/, 'bodyCode') : ref.path;
    if (message) (errors[path] ??= []).push(message);
  }
  return errors;
}
