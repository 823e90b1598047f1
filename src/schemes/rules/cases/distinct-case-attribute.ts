import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { attributeValues } from '../../case-attributes';
import { ATTRIBUTE_NAME, describeFilter, matchCases, plural } from '../common';
import type { RuleEvaluator } from '../rule-types';
import { caseEvidence, CaseRuleBase } from './case-rule';

export class DistinctCaseAttributeParams extends CaseRuleBase {
  // problemArea, focusProblemArea, format, adaptation, setting, ageBand, diagnosis, diagnosisGroup, …
  @IsString()
  @Matches(ATTRIBUTE_NAME, { message: 'attribute must be an attribute name such as problemArea or diagnosisGroup' })
  attribute!: string;

  @IsInt()
  @Min(1)
  @Max(50)
  minDistinct!: number;

  // only these values count (e.g. the four IPT problem areas, leaving out "other")
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  values?: string[];
}

const NAMES: Record<string, [string, string]> = {
  problemArea: ['problem area', 'problem areas'],
  focusProblemArea: ['focus problem area', 'focus problem areas'],
  ageBand: ['age band', 'age bands'],
  diagnosis: ['diagnosis', 'diagnoses'],
  diagnosisGroup: ['diagnosis group', 'diagnosis groups'],
};
const nameOf = (attribute: string, n: number): string => {
  const [one, many] = NAMES[attribute] ?? [
    attribute.replace(/([A-Z])/g, ' $1').toLowerCase(),
    `${attribute.replace(/([A-Z])/g, ' $1').toLowerCase()}s`,
  ];
  return n === 1 ? one : many;
};
const words = (values: string[]) => values.map((v) => v.replace(/_/g, ' ')).join(', ');

/** Distinct values of any categorical case attribute across the counted cases (problem areas, settings, diagnosis groups, …). */
export const distinctCaseAttribute: RuleEvaluator<DistinctCaseAttributeParams> = {
  params: DistinctCaseAttributeParams,
  evaluate(p, record, ctx) {
    const { matched } = matchCases(record.cases, p.filter, record.othersLevels, ctx);
    const allowed = p.values ? new Set(p.values.map((v) => v.toLowerCase())) : null;
    // value → the cases (by client code) that bring it, in the order the cases started
    const byValue = new Map<string, typeof matched>();
    for (const c of matched) {
      for (const v of attributeValues(c.attributes, p.attribute)) {
        if (allowed && !allowed.has(v.toLowerCase())) continue;
        byValue.set(v, [...(byValue.get(v) ?? []), c]);
      }
    }
    const found = [...byValue.keys()].sort();
    const missing = p.values ? p.values.filter((v) => !found.some((f) => f.toLowerCase() === v.toLowerCase())) : [];
    const gap = Math.max(0, p.minDistinct - found.length);
    const counted = matched.filter((c) => [...byValue.values()].some((cs) => cs.includes(c)));
    return {
      met: gap === 0,
      reached: found.length,
      required: p.minDistinct,
      unit: nameOf(p.attribute, 2),
      message:
        `${found.length} of ${p.minDistinct} ${nameOf(p.attribute, p.minDistinct)} in ${describeFilter(p.filter)} cases` +
        (found.length ? `: ${words(found)}` : '') +
        (gap > 0 && missing.length ? `; missing: ${words(missing)}` : '') +
        (gap > 0 ? `; ${plural(gap, `more ${nameOf(p.attribute, 1)}`, `more ${nameOf(p.attribute, 2)}`)} needed` : '') +
        (matched.length && !matched.some((c) => attributeValues(c.attributes, p.attribute).length)
          ? `; no counted case records a ${nameOf(p.attribute, 1)}`
          : ''),
      evidence: caseEvidence(counted),
      breakdown: found.map((v) => ({
        id: v,
        met: true,
        message: `${v.replace(/_/g, ' ')}: ${byValue
          .get(v)!
          .map((c) => c.clientCode)
          .join(', ')}`,
      })),
    };
  },
};
