// What the case rules (one file per rule type beside this one) share: the case filter, a case as evidence, and
// the shape of the per-case rules.
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import type { CaseRecord, EvaluationContext, PersonRecord } from '../../person-record';
import { CaseFilter, matchCases, plural } from '../common';
import type { Evidence, RuleResult } from '../rule-types';

export class CaseRuleBase {
  @IsOptional()
  @ValidateNested()
  @Type(() => CaseFilter)
  filter?: CaseFilter;
}

export const caseEvidence = (cases: CaseRecord[]): Evidence[] => cases.map((c) => ({ kind: 'case', id: c.id, note: c.clientCode }));

export interface CaseCheck {
  met: boolean;
  message: string;
  /** records that count when the case meets the requirement */
  evidence: Evidence[];
}

/** The shape shared by per-case rules: check each matching case, count those that meet it, explain the rest. */
export function perCaseRule(
  minCases: number,
  filter: CaseFilter | undefined,
  record: PersonRecord,
  ctx: EvaluationContext,
  what: string,
  check: (c: CaseRecord) => CaseCheck,
): RuleResult {
  const { matched } = matchCases(record.cases, filter, record.othersLevels, ctx);
  const evidence: Evidence[] = [];
  const breakdown = matched.map((c) => {
    const r = check(c);
    if (r.met) evidence.push({ kind: 'case', id: c.id, note: c.clientCode }, ...r.evidence);
    return { id: c.id, met: r.met, message: `${c.clientCode}: ${r.message}` };
  });
  const ok = breakdown.filter((b) => b.met).length;
  return {
    met: ok >= minCases,
    reached: ok,
    required: minCases,
    unit: 'cases',
    message: `${ok} of ${minCases} cases ${what}` + (ok < minCases ? `; ${plural(minCases - ok, 'more case')} needed` : ''),
    evidence,
    breakdown,
  };
}
