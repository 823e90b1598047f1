import { plainToInstance } from 'class-transformer';
import type { EvaluationContext, PersonRecord } from '../person-record';
import { CTX } from './record-builder.fixture';
import type { RuleEvaluator, RuleResult } from './rule-types';

/** Evaluates a rule the way the engine does: plain params → class instance → evaluate. */
export function run<P extends object>(
  rule: RuleEvaluator<P>,
  params: object,
  record: PersonRecord,
  ctx: EvaluationContext = CTX,
): RuleResult {
  return rule.evaluate(plainToInstance(rule.params, params), record, ctx);
}
