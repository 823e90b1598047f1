import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { type AggregateResult, aggregateRatings, type MultiRaterKind, type RubricDefinition } from '../../../rubrics/rubric-scoring';
import type { Phase, PersonRecord } from '../../person-record';
import { attended, phaseOf, PHASES, plural, round2 } from '../common';
import type { RuleEvaluator } from '../rule-types';
import { CaseRuleBase, caseRuleReferences, perCaseRule } from './case-rule';

class RaterPolicyParam {
  @IsIn(['single', 'mean_of_n', 'all_must_pass'])
  kind!: MultiRaterKind;

  @IsOptional()
  @IsInt()
  @Min(2)
  @Max(10)
  n?: number;

  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(100)
  disagreementThreshold?: number;
}

export class CaseRecordingsParams extends CaseRuleBase {
  @IsInt()
  @Min(1)
  @Max(100)
  minCases!: number;

  @IsOptional()
  @IsBoolean()
  allSessionsRecorded?: boolean;

  // recorded sessions must include these phases (e.g. one initial and one termination recording)
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @IsIn(PHASES, { each: true })
  recordedPhases?: Phase[];

  // rated targets (sessions, or the case itself) per case that pass
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(50)
  minRatedPerCase?: number;

  @IsOptional()
  @IsIn(['session', 'case'])
  ratingTarget?: 'session' | 'case';

  // the rubric to rate with (its code); absent = any
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_.-]{1,60}$/)
  rubricCode?: string;

  // a rated target counts only when the combined result passes (default true)
  @IsOptional()
  @IsBoolean()
  requirePass?: boolean;

  // only ratings by raters calibrated in the scheme's body count
  @IsOptional()
  @IsBoolean()
  calibratedRatersOnly?: boolean;

  // overrides the rubric's multi-rater policy
  @IsOptional()
  @ValidateNested()
  @Type(() => RaterPolicyParam)
  raterPolicy?: RaterPolicyParam;
}

// ratings grouped by target, once per loaded record (in record order): looking them up per recorded session
// was a scan of every rating for every session — quadratic in the size of the record
const ratingsByTarget = new WeakMap<PersonRecord, Map<string, PersonRecord['ratings']>>();
function ratingsOf(record: PersonRecord, targetId: string): PersonRecord['ratings'] {
  let byTarget = ratingsByTarget.get(record);
  if (!byTarget) {
    byTarget = new Map();
    for (const r of record.ratings) {
      const list = byTarget.get(r.targetId);
      if (list) list.push(r);
      else byTarget.set(r.targetId, [r]);
    }
    ratingsByTarget.set(record, byTarget);
  }
  return byTarget.get(targetId) ?? [];
}

function aggregateTarget(
  targetId: string,
  p: CaseRecordingsParams,
  record: PersonRecord,
): { result: AggregateResult; ratingIds: string[]; definition: RubricDefinition } | null {
  const calibrated = new Set(record.calibratedRaters);
  const ratings = ratingsOf(record, targetId).filter(
    (r) =>
      r.targetId === targetId &&
      r.targetType === (p.ratingTarget ?? 'session') &&
      (!p.rubricCode || record.rubrics[r.rubricVersionId]?.rubricCode === p.rubricCode) &&
      (!p.calibratedRatersOnly || r.raterRole === 'self' || calibrated.has(r.raterId)),
  );
  if (!ratings.length) return null;
  // one rubric version per target: the most used one
  const version = [...new Set(ratings.map((r) => r.rubricVersionId))].sort(
    (a, b) => ratings.filter((r) => r.rubricVersionId === b).length - ratings.filter((r) => r.rubricVersionId === a).length,
  )[0];
  const rubric = record.rubrics[version];
  if (!rubric) return null;
  const def = p.raterPolicy
    ? {
        ...rubric.definition,
        multiRater: {
          kind: p.raterPolicy.kind,
          n: p.raterPolicy.n,
          disagreementThreshold: p.raterPolicy.disagreementThreshold ?? rubric.definition.multiRater.disagreementThreshold,
        },
      }
    : rubric.definition;
  const used = ratings.filter((r) => r.rubricVersionId === version);
  return {
    result: aggregateRatings(
      def,
      used.map((r) => ({ ratingId: r.id, raterId: r.raterId, raterRole: r.raterRole, scores: r.scores })),
    ),
    ratingIds: used.map((r) => r.id),
    definition: def,
  };
}

/** Why a rated target failed, in the rubric's terms: 'total 40 ≥ 36, but item "agenda setting" scored 1 < 2'. */
export function failureText(def: RubricDefinition, result: AggregateResult): string {
  if (result.status === 'insufficient_raters') return `${result.countedRaters} of ${result.requiredRaters} raters so far`;
  if (result.status === 'disagreement') return `raters disagree by ${round2(result.spread ?? 0)}; awaits a second look`;
  const combined = result.combined!;
  const unit = def.aggregation === 'sum' ? 'total' : 'mean';
  const value = round2(combined.value);
  const label = (code: string) => `"${def.items.find((i) => i.code === code)?.label ?? code}"`;
  const items = combined.failedItems.map((f) =>
    f.reason === 'not_scored' ? `item ${label(f.code)} not scored` : `item ${label(f.code)} scored ${round2(f.score ?? 0)} < ${f.floor}`,
  );
  const perRater = result.perRater.filter((r) => !r.passed);
  if (value < def.passRule.threshold - 1e-9)
    return `${unit} ${value} < ${def.passRule.threshold} needed${items.length ? `; ${items.join(', ')}` : ''}`;
  if (items.length) return `${unit} ${value} ≥ ${def.passRule.threshold}, but ${items.join(', ')}`;
  // all_must_pass: the combined result passes, a rater's does not
  return `${unit} ${value} ≥ ${def.passRule.threshold}, but ${plural(perRater.length, 'rater')} scored it as not passing`;
}

/** Recordings and ratings per case: all recorded, phases recorded, N rated with a rubric and pass rule, calibrated raters, multi-rater policy. */
export const caseRecordings: RuleEvaluator<CaseRecordingsParams> = {
  params: CaseRecordingsParams,
  evaluate: (p, record, ctx) =>
    perCaseRule(p, CaseRecordingsParams, record, ctx, 'meet the recording and rating requirement', (p, c) => {
      const sessions = attended(c);
      const recorded = sessions.filter((s) => s.recorded);
      const gaps: string[] = [];
      if (p.allSessionsRecorded && recorded.length < sessions.length)
        gaps.push(`${recorded.length} of ${sessions.length} sessions recorded`);
      if (p.recordedPhases) {
        const phases = new Set(recorded.map((s) => phaseOf(s.number, c, ctx)));
        const missing = p.recordedPhases.filter((ph) => !phases.has(ph));
        if (missing.length) gaps.push(`no recording of the ${missing.join(', ')} phase`);
      }
      const found: string[] = [];
      if (p.minRatedPerCase) {
        const byCase = (p.ratingTarget ?? 'session') === 'case';
        const targets = byCase ? [{ id: c.id, name: 'the case rating' }] : recorded.map((s) => ({ id: s.id, name: `session ${s.number}` }));
        let passing = 0;
        let rated = 0;
        const failures: string[] = [];
        for (const target of targets) {
          const agg = aggregateTarget(target.id, p, record);
          if (!agg) continue;
          rated++;
          if (agg.result.status === 'pass' || (p.requirePass === false && agg.result.status === 'fail')) {
            passing++;
            found.push(...agg.ratingIds);
          } else
            failures.push(
              `${target.name} ${agg.result.status === 'fail' ? 'failed' : 'pending'}: ${failureText(agg.definition, agg.result)}`,
            );
        }
        if (passing < p.minRatedPerCase) {
          gaps.push(
            rated === 0
              ? 'not rated yet'
              : `${passing} of ${p.minRatedPerCase} ${byCase ? 'case ratings' : 'rated recordings'}${p.requirePass === false ? '' : ' passing'}` +
                  (failures.length ? ` (${failures.join('; ')})` : ''),
          );
        }
      }
      return {
        met: gaps.length === 0,
        message: gaps.length ? gaps.join('; ') : 'meets the recording requirement',
        evidence: found.map((id) => ({ kind: 'rating' as const, id })),
      };
    }),
  references: (p) => [
    ...caseRuleReferences(p),
    ...(p.rubricCode ? [{ kind: 'rubric' as const, code: p.rubricCode, path: 'rubricCode' }] : []),
  ],
};
