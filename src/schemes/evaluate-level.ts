import { plainToInstance } from 'class-transformer';
import type { EvaluationContext, PersonRecord } from './person-record';
import { RULE_TYPES } from './rules';
import { type RecordPart, ruleReads } from './rules/record-parts';
import type { RuleResult } from './rules/rule-types';
import { type LevelDef, levelLabels, type RuleDef, type SchemeDefinition } from './scheme-definition';

export interface RuleReport extends RuleResult {
  ruleId: string;
  type: string;
  label: string;
  group: 'prerequisites' | 'requirements' | 'renewal';
  /** shown with its verdict, never blocking eligibility */
  advisory: boolean;
}

export interface LevelReport {
  levelCode: string;
  levelName: string;
  noun: string;
  title: string;
  asOf: string;
  met: boolean;
  metCount: number;
  ruleCount: number;
  summary: string;
  rules: RuleReport[];
}

/** Instantiated params by rule definition object (rules are not changed once loaded). */
const PARAMS = new WeakMap<RuleDef, object>();

function evaluateRule(rule: RuleDef, group: RuleReport['group'], record: PersonRecord, ctx: EvaluationContext): RuleReport {
  const evaluator = RULE_TYPES[rule.type];
  // params were validated when the version was saved; instantiate so defaults and nested classes apply (once per rule
  // object: evaluating many people against one definition, the what-if, does not instantiate them again per person)
  let params = PARAMS.get(rule);
  if (!params) PARAMS.set(rule, (params = plainToInstance(evaluator.params as new () => object, rule.params) as object));
  const result = evaluator.evaluate(params as never, record, ctx);
  return {
    ruleId: rule.id,
    type: rule.type,
    label: rule.label ?? rule.type.replace(/_/g, ' '),
    group,
    advisory: rule.advisory === true,
    ...result,
  };
}

/** The per-rule verdict of one person against one level: met or not, figure vs requirement, gap, records counted. */
export function evaluateLevel(
  definition: SchemeDefinition,
  level: LevelDef,
  record: PersonRecord,
  ctx: EvaluationContext,
  mode: 'award' | 'renewal' = 'award',
  /** a rule's report already known for this record and context (the what-if: a rule the draft left as it was) */
  known?: (rule: RuleDef, group: RuleReport['group']) => RuleReport | undefined,
): LevelReport {
  const groups: [RuleReport['group'], RuleDef[]][] =
    mode === 'renewal'
      ? [['renewal', level.renewal?.requirements ?? []]]
      : [
          ['prerequisites', level.prerequisites],
          ['requirements', level.requirements],
        ];
  const rules = groups.flatMap(([group, defs]) => defs.map((r) => known?.(r, group) ?? evaluateRule(r, group, record, ctx)));
  // advisory rules keep their verdict in the report but never decide eligibility
  const binding = rules.filter((r) => !r.advisory);
  const metCount = binding.filter((r) => r.met).length;
  const advisoryUnmet = rules.length - binding.length - rules.filter((r) => r.advisory && r.met).length;
  const summary =
    metCount === binding.length
      ? binding.length === 1
        ? 'The requirement is met'
        : `All ${binding.length} requirements met`
      : `${metCount} of ${binding.length} requirements met`;
  return {
    levelCode: level.code,
    levelName: level.name,
    ...levelLabels(definition, level),
    asOf: ctx.asOf,
    met: metCount === binding.length,
    metCount,
    ruleCount: binding.length,
    summary: advisoryUnmet
      ? `${summary}; ${advisoryUnmet} advisory ${advisoryUnmet === 1 ? 'rule' : 'rules'} not met (not blocking)`
      : summary,
    rules,
  };
}

/** Whether the level is met (award), as `evaluateLevel(...).met`, evaluating its binding rules only until the first that
 *  is not met (the what-if of a level a draft left as it was needs its verdict only). */
export function levelMet(level: LevelDef, record: PersonRecord, ctx: EvaluationContext): boolean {
  // every part loaded: lightVerdict decides (it is never undefined then)
  return lightVerdict(level, record, ctx, NOTHING_UNLOADED) === true;
}

const NOTHING_UNLOADED: ReadonlySet<RecordPart> = new Set();

/**
 * The level's verdict (award) as far as the rules that read none of `unloaded` can tell: false when one of them is not
 * met (whatever the others say), true when all are met and no binding rule reads an unloaded part, undefined when the
 * verdict depends on rules that do. Rules are independent (the level is met when every binding rule is), so a false
 * here is the full evaluation's verdict.
 */
export function lightVerdict(
  level: LevelDef,
  record: PersonRecord,
  ctx: EvaluationContext,
  unloaded: ReadonlySet<RecordPart>,
): boolean | undefined {
  let undecided = false;
  for (const [group, defs] of [
    ['prerequisites', level.prerequisites],
    ['requirements', level.requirements],
  ] as const)
    for (const r of defs) {
      if (r.advisory === true) continue;
      if (ruleReads(r).some((p) => unloaded.has(p))) undecided = true;
      else if (!evaluateRule(r, group, record, ctx).met) return false;
    }
  return undecided ? undefined : true;
}
