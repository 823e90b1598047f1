import { plainToInstance } from 'class-transformer';
import type { EvaluationContext, PersonRecord } from './person-record';
import { RULE_TYPES } from './rules';
import type { RuleResult } from './rules/rule-types';
import type { LevelDef, RuleDef, SchemeDefinition } from './scheme-definition';

export interface RuleReport extends RuleResult {
  ruleId: string;
  type: string;
  label: string;
  group: 'prerequisites' | 'requirements' | 'renewal';
}

export interface LevelReport {
  levelCode: string;
  levelName: string;
  asOf: string;
  met: boolean;
  metCount: number;
  ruleCount: number;
  summary: string;
  rules: RuleReport[];
}

function evaluateRule(rule: RuleDef, group: RuleReport['group'], record: PersonRecord, ctx: EvaluationContext): RuleReport {
  const evaluator = RULE_TYPES[rule.type];
  // params were validated when the version was saved; instantiate so defaults and nested classes apply
  const params = plainToInstance(evaluator.params as new () => object, rule.params) as never;
  const result = evaluator.evaluate(params, record, ctx);
  return { ruleId: rule.id, type: rule.type, label: rule.label ?? rule.type.replace(/_/g, ' '), group, ...result };
}

/** The per-rule verdict of one person against one level: met or not, figure vs requirement, gap, records counted. */
export function evaluateLevel(
  definition: SchemeDefinition,
  level: LevelDef,
  record: PersonRecord,
  ctx: EvaluationContext,
  mode: 'award' | 'renewal' = 'award',
): LevelReport {
  const groups: [RuleReport['group'], RuleDef[]][] =
    mode === 'renewal'
      ? [['renewal', level.renewal?.requirements ?? []]]
      : [
          ['prerequisites', level.prerequisites],
          ['requirements', level.requirements],
        ];
  const rules = groups.flatMap(([group, defs]) => defs.map((r) => evaluateRule(r, group, record, ctx)));
  const metCount = rules.filter((r) => r.met).length;
  void definition;
  return {
    levelCode: level.code,
    levelName: level.name,
    asOf: ctx.asOf,
    met: metCount === rules.length,
    metCount,
    ruleCount: rules.length,
    summary:
      metCount === rules.length
        ? rules.length === 1
          ? 'The requirement is met'
          : `All ${rules.length} requirements met`
        : `${metCount} of ${rules.length} requirements met`,
    rules,
  };
}
