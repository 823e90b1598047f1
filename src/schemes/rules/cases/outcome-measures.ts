import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { INSTRUMENT_CODE } from '../../../measures/instrument-definition';
import type { CaseRecord } from '../../person-record';
import { attended } from '../common';
import type { RuleEvaluator } from '../rule-types';
import { CaseRuleBase, caseRuleReferences, perCaseRule } from './case-rule';

export class OutcomeMeasuresParams extends CaseRuleBase {
  @IsInt()
  @Min(1)
  @Max(100)
  minCases!: number;

  // instrument codes (instruments.code): any instrument available to the scheme's body, the seeded PHQ9, GAD7, BDI2,
  // HAMD17 or one the body added. Here only their shape is checked; which codes the body has is a database question
  // (measures/instrument-catalog.ts instrumentCodesFor), asked when the scheme is saved.
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @Matches(INSTRUMENT_CODE, { each: true, message: 'each instrument must be an instrument code such as PHQ9 or CORE-10' })
  instruments!: string[];

  // a measure at intake (session 0 or 1) — default true
  @IsOptional()
  @IsBoolean()
  baseline?: boolean;

  // at least one measure in every block of N sessions (e.g. every 4 sessions)
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(20)
  everyNSessions?: number;

  // a measure at the last or second-to-last session — default true
  @IsOptional()
  @IsBoolean()
  atEnd?: boolean;
}

function measureGaps(c: CaseRecord, instrument: string, p: OutcomeMeasuresParams): string[] {
  const numbers = c.measures.filter((m) => m.instrument === instrument && m.sessionNumber !== null).map((m) => m.sessionNumber as number);
  const last = Math.max(0, ...attended(c).map((s) => s.number));
  const gaps: string[] = [];
  if (p.baseline !== false && !numbers.some((n) => n <= 1)) gaps.push(`${instrument} at intake`);
  if (p.everyNSessions) {
    for (let end = p.everyNSessions; end <= last; end += p.everyNSessions) {
      if (!numbers.some((n) => n > end - p.everyNSessions! && n <= end))
        gaps.push(`${instrument} in sessions ${end - p.everyNSessions + 1}–${end}`);
    }
  }
  if (p.atEnd !== false && last > 0 && !numbers.some((n) => n >= last - 1)) gaps.push(`${instrument} at the end`);
  return gaps;
}

/** Outcome-measure cadence per case: baseline, every N sessions, end. */
export const outcomeMeasures: RuleEvaluator<OutcomeMeasuresParams> = {
  params: OutcomeMeasuresParams,
  evaluate: (p, record, ctx) =>
    perCaseRule(p, OutcomeMeasuresParams, record, ctx, `have ${p.instruments.join(' and ')} at the required points`, (params, c) => {
      const gaps = params.instruments.flatMap((i) => measureGaps(c, i, params));
      return {
        met: !gaps.length,
        message: gaps.length ? `missing ${gaps.join(', ')}` : 'measures complete',
        evidence: c.measures
          .filter((m) => params.instruments.includes(m.instrument))
          .map((m) => ({ kind: 'measure' as const, id: m.id, note: `${m.instrument} of case ${c.clientCode} on ${m.administeredOn}` })),
      };
    }),
  references: (p) => [
    ...caseRuleReferences(p),
    ...p.instruments.map((code, i) => ({ kind: 'instrument' as const, code, path: `instruments.${i}` })),
  ],
};
