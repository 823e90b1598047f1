import { IsInt, Max, Min } from 'class-validator';
import { matchCases, plural, windowBounds } from '../common';
import type { RuleEvaluator, RuleResult } from '../rule-types';
import { caseEvidence, CaseRuleBase, caseRuleReferences } from './case-rule';

export class SignOffsParams extends CaseRuleBase {
  @IsInt()
  @Min(1)
  @Max(100)
  minCases!: number;
}

/** Cases (matching the filter) signed off by their supervisor — the case attestation co-signed by both. */
export const signOffs: RuleEvaluator<SignOffsParams> = {
  params: SignOffsParams,
  evaluate(p, record, ctx): RuleResult {
    const bounds = windowBounds(p.window, record, ctx);
    const { matched } = matchCases(record.cases, { ...p.filter, signedOffOnly: true }, record.othersLevels, ctx, bounds);
    const waiting = matchCases(record.cases, { ...p.filter, signedOffOnly: false }, record.othersLevels, ctx, bounds).matched.filter(
      (c) => c.reviewState !== 'signed_off',
    );
    return {
      met: matched.length >= p.minCases,
      reached: matched.length,
      required: p.minCases,
      unit: 'cases',
      message:
        `${matched.length} of ${p.minCases} cases${bounds ? ` ${bounds.text}` : ''} signed off by the supervisor` +
        (waiting.length ? `; ${plural(waiting.length, 'case')} awaiting sign-off (${waiting.map((c) => c.clientCode).join(', ')})` : ''),
      evidence: caseEvidence(matched),
    };
  },
  references: caseRuleReferences,
};
