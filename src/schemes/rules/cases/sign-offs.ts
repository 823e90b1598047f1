import { IsInt, Max, Min } from 'class-validator';
import { matchCases, plural } from '../common';
import type { RuleEvaluator, RuleResult } from '../rule-types';
import { caseEvidence, CaseRuleBase } from './case-rule';

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
    const { matched } = matchCases(record.cases, { ...p.filter, signedOffOnly: true }, record.othersLevels, ctx);
    const waiting = matchCases(record.cases, { ...p.filter, signedOffOnly: false }, record.othersLevels, ctx).matched.filter(
      (c) => c.reviewState !== 'signed_off',
    );
    return {
      met: matched.length >= p.minCases,
      reached: matched.length,
      required: p.minCases,
      unit: 'cases',
      message:
        `${matched.length} of ${p.minCases} cases signed off by the supervisor` +
        (waiting.length ? `; ${plural(waiting.length, 'case')} awaiting sign-off (${waiting.map((c) => c.clientCode).join(', ')})` : ''),
      evidence: caseEvidence(matched),
    };
  },
};
