import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import type { CaseRecord, EvaluationContext, Phase, PersonRecord } from '../../person-record';
import { attended, describeFilter, matchCases, phaseOf, PHASES, plural, windowBounds } from '../common';
import type { RuleEvaluator } from '../rule-types';
import { caseEvidence, CaseRuleBase, caseRuleReferences } from './case-rule';

const ORDINAL = ['first', 'second', 'third', 'fourth', 'fifth'];

class PhaseCoverage {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @IsIn(PHASES, { each: true })
  phases!: Phase[];

  // count only sessions whose recording was rated (by someone other than the trainee)
  @IsOptional()
  @IsBoolean()
  ratedOnly?: boolean;

  // every counted case must cover the phases (default: the counted cases together)
  @IsOptional()
  @IsBoolean()
  perCase?: boolean;
}

export class CompletedCasesParams extends CaseRuleBase {
  @IsInt()
  @Min(1)
  @Max(100)
  minCount!: number;

  @IsOptional()
  @IsInt()
  @Min(2)
  @Max(5)
  distinctProblemAreas?: number;

  // each counted case must be a different client (by client code)
  @IsOptional()
  @IsBoolean()
  distinctClients?: boolean;

  // the first counted case must have one of these diagnoses (e.g. major depression: F32, F33)
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Matches(/^[A-Z][0-9A-Z.]{0,6}$/, { each: true })
  firstCaseDiagnosisPrefixes?: string[];

  @IsOptional()
  @ValidateNested()
  @Type(() => PhaseCoverage)
  phaseCoverage?: PhaseCoverage;
}

/** Completed supervised cases with filters, distinct problem areas and clients, first-case diagnosis, phase coverage. */
export const completedCases: RuleEvaluator<CompletedCasesParams> = {
  params: CompletedCasesParams,
  evaluate(p, record, ctx) {
    const bounds = windowBounds(p.window, record, ctx);
    const { matched, excluded } = matchCases(record.cases, p.filter, record.othersLevels, ctx, bounds);
    const counted = p.distinctClients ? matched.filter((c, i) => matched.findIndex((o) => o.clientCode === c.clientCode) === i) : matched;
    const areas = new Set(counted.map((c) => c.focusProblemArea));
    const problems: string[] = [];
    const countGap = Math.max(0, p.minCount - counted.length);
    const areaGap = p.distinctProblemAreas ? Math.max(0, p.distinctProblemAreas - areas.size) : 0;
    if (areaGap > 0)
      problems.push(
        `${plural(Math.max(areaGap, countGap), 'more case')} needed, ${areaGap === 1 ? `one in a ${ORDINAL[areas.size] ?? 'new'} problem area` : `${areaGap} in new problem areas`}`,
      );
    else if (countGap > 0) problems.push(`${plural(countGap, 'more case')} needed`);
    if (
      p.firstCaseDiagnosisPrefixes &&
      counted.length &&
      !p.firstCaseDiagnosisPrefixes.some((d) => counted[0].primaryDiagnosis.startsWith(d))
    ) {
      problems.push(
        `the first case (${counted[0].clientCode}) must have diagnosis ${p.firstCaseDiagnosisPrefixes.join('/')}, not ${counted[0].primaryDiagnosis}`,
      );
    }
    if (p.phaseCoverage) {
      const missing = phaseGaps(p.phaseCoverage, counted, record, ctx);
      if (missing) problems.push(missing);
    }
    return {
      met: problems.length === 0,
      reached: counted.length,
      required: p.minCount,
      unit: 'cases',
      message:
        `${counted.length} of ${p.minCount} ${describeFilter(p.filter)} cases${bounds ? ` ${bounds.text}` : ''}` +
        (p.distinctProblemAreas ? ` in ${areas.size} of ${p.distinctProblemAreas} problem areas` : '') +
        (problems.length ? `; ${problems.join('; ')}` : ''),
      evidence: caseEvidence(counted),
      // each line names its case by client code, the name the trainee knows it by (as per-case rules do)
      breakdown: [
        ...excluded.map((e) => ({ id: e.id, met: false, message: `${e.clientCode}: not counted, ${e.reason}` })),
        ...matched
          .filter((c) => !counted.includes(c))
          .map((c) => ({ id: c.id, met: false, message: `${c.clientCode}: not counted, the same client as an earlier case` })),
      ],
    };
  },
  references: caseRuleReferences,
};

function ratedSessionIds(record: PersonRecord): Set<string> {
  return new Set(record.ratings.filter((r) => r.targetType === 'session' && r.raterRole !== 'self').map((r) => r.targetId));
}

function phaseGaps(cov: PhaseCoverage, cases: CaseRecord[], record: PersonRecord, ctx: EvaluationContext): string | null {
  const rated = cov.ratedOnly ? ratedSessionIds(record) : null;
  const phasesOf = (c: CaseRecord) =>
    new Set(
      attended(c)
        .filter((s) => !rated || rated.has(s.id))
        .map((s) => phaseOf(s.number, c, ctx)),
    );
  const what = cov.ratedOnly ? 'rated sessions' : 'sessions';
  if (cov.perCase) {
    const short = cases.filter((c) => cov.phases.some((ph) => !phasesOf(c).has(ph)));
    return short.length ? `${short.map((c) => c.clientCode).join(', ')}: ${what} must cover ${cov.phases.join(', ')} phases` : null;
  }
  const covered = new Set(cases.flatMap((c) => [...phasesOf(c)]));
  const missing = cov.phases.filter((ph) => !covered.has(ph));
  return missing.length ? `no ${what} in the ${missing.join(', ')} phase${missing.length > 1 ? 's' : ''} yet` : null;
}
