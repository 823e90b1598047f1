import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, Max, Min, ValidateNested } from 'class-validator';
import { type AggregateResult, aggregateRatings, type MultiRaterKind } from '../../rubrics/rubric-scoring';
import { creditedMinutes, type GroupCreditFormula, perCaseMinutes } from '../../supervision-sessions/group-credit';
import type { CaseRecord, EvaluationContext, Phase, PersonRecord } from '../person-record';
import { attended, CaseFilter, describeFilter, heldOn, LevelRef, matchCases, phaseOf, PHASES, plural, round2 } from './common';
import type { Evidence, RuleEvaluator, RuleResult } from './rule-types';

const INSTRUMENTS = ['PHQ9', 'GAD7', 'BDI2', 'HAMD17'] as const;
const ORDINAL = ['first', 'second', 'third', 'fourth', 'fifth'];

class CaseRuleBase {
  @IsOptional() @ValidateNested() @Type(() => CaseFilter)
  filter?: CaseFilter;
}

class PhaseCoverage {
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(3) @IsIn(PHASES, { each: true })
  phases!: Phase[];

  // count only sessions whose recording was rated (by someone other than the trainee)
  @IsOptional() @IsBoolean()
  ratedOnly?: boolean;

  // every counted case must cover the phases (default: the counted cases together)
  @IsOptional() @IsBoolean()
  perCase?: boolean;
}

export class CompletedCasesParams extends CaseRuleBase {
  @IsInt() @Min(1) @Max(100)
  minCount!: number;

  @IsOptional() @IsInt() @Min(2) @Max(5)
  distinctProblemAreas?: number;

  // each counted case must be a different client (by client code)
  @IsOptional() @IsBoolean()
  distinctClients?: boolean;

  // the first counted case must have one of these diagnoses (e.g. major depression: F32, F33)
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @IsString({ each: true }) @Matches(/^[A-Z][0-9A-Z.]{0,6}$/, { each: true })
  firstCaseDiagnosisPrefixes?: string[];

  @IsOptional() @ValidateNested() @Type(() => PhaseCoverage)
  phaseCoverage?: PhaseCoverage;
}

const caseEvidence = (cases: CaseRecord[]): Evidence[] => cases.map((c) => ({ kind: 'case', id: c.id, note: c.clientCode }));

/** Completed supervised cases with filters, distinct problem areas and clients, first-case diagnosis, phase coverage. */
export const completedCases: RuleEvaluator<CompletedCasesParams> = {
  params: CompletedCasesParams,
  evaluate(p, record, ctx) {
    const { matched, excluded } = matchCases(record.cases, p.filter, record.othersLevels, ctx);
    const counted = p.distinctClients ? matched.filter((c, i) => matched.findIndex((o) => o.clientCode === c.clientCode) === i) : matched;
    const areas = new Set(counted.map((c) => c.focusProblemArea));
    const problems: string[] = [];
    const countGap = Math.max(0, p.minCount - counted.length);
    const areaGap = p.distinctProblemAreas ? Math.max(0, p.distinctProblemAreas - areas.size) : 0;
    if (areaGap > 0) problems.push(`${plural(Math.max(areaGap, countGap), 'more case')} needed, ${areaGap === 1 ? `one in a ${ORDINAL[areas.size] ?? 'new'} problem area` : `${areaGap} in new problem areas`}`);
    else if (countGap > 0) problems.push(`${plural(countGap, 'more case')} needed`);
    if (p.firstCaseDiagnosisPrefixes && counted.length && !p.firstCaseDiagnosisPrefixes.some((d) => counted[0].primaryDiagnosis.startsWith(d))) {
      problems.push(`the first case (${counted[0].clientCode}) must have diagnosis ${p.firstCaseDiagnosisPrefixes.join('/')}, not ${counted[0].primaryDiagnosis}`);
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
      message: `${counted.length} of ${p.minCount} ${describeFilter(p.filter)} cases` +
        (p.distinctProblemAreas ? ` in ${areas.size} of ${p.distinctProblemAreas} problem areas` : '') + (problems.length ? `; ${problems.join('; ')}` : ''),
      evidence: caseEvidence(counted),
      breakdown: excluded.map((e) => ({ id: e.id, met: false, message: `not counted: ${e.reason}` })),
    };
  },
};

function ratedSessionIds(record: PersonRecord): Set<string> {
  return new Set(record.ratings.filter((r) => r.targetType === 'session' && r.raterRole !== 'self').map((r) => r.targetId));
}

function phaseGaps(cov: PhaseCoverage, cases: CaseRecord[], record: PersonRecord, ctx: EvaluationContext): string | null {
  const rated = cov.ratedOnly ? ratedSessionIds(record) : null;
  const phasesOf = (c: CaseRecord) => new Set(attended(c).filter((s) => !rated || rated.has(s.id)).map((s) => phaseOf(s.number, c, ctx)));
  const what = cov.ratedOnly ? 'rated sessions' : 'sessions';
  if (cov.perCase) {
    const short = cases.filter((c) => cov.phases.some((ph) => !phasesOf(c).has(ph)));
    return short.length ? `${short.map((c) => c.clientCode).join(', ')}: ${what} must cover ${cov.phases.join(', ')} phases` : null;
  }
  const covered = new Set(cases.flatMap((c) => [...phasesOf(c)]));
  const missing = cov.phases.filter((ph) => !covered.has(ph));
  return missing.length ? `no ${what} in the ${missing.join(', ')} phase${missing.length > 1 ? 's' : ''} yet` : null;
}

export class GroupCreditParam {
  @IsIn(['full', 'share', 'fixed_fraction'])
  kind!: 'full' | 'share' | 'fixed_fraction';

  @IsOptional() @IsNumber() @Min(0.1) @Max(10)
  multiplier?: number;

  @IsOptional() @IsBoolean()
  capAtGroupMinutes?: boolean;

  @IsOptional() @IsNumber() @Min(0.01) @Max(1)
  fraction?: number;
}

export class CaseSupervisionParams extends CaseRuleBase {
  @IsInt() @Min(1) @Max(100)
  minCases!: number;

  @IsOptional() @IsInt() @Min(1) @Max(100_000)
  minMinutesPerCase?: number;

  // supervision meetings about the case ÷ attended sessions (e.g. 12 of 16 = 0.75)
  @IsOptional() @IsNumber() @Min(0.01) @Max(1)
  minShareOfSessionsSupervised?: number;

  // credited supervision minutes ÷ therapy minutes (e.g. 1 h per 2 h = 0.5)
  @IsOptional() @IsNumber() @Min(0.01) @Max(10)
  minSupervisionToTherapyRatio?: number;

  // minutes on this case in group supervision (e.g. in groups, ≥ 4 h on one's own case)
  @IsOptional() @IsInt() @Min(1) @Max(100_000)
  minOwnCaseMinutesInGroup?: number;

  // only supervision by someone holding this level on the date of the supervision
  @IsOptional() @ValidateNested() @Type(() => LevelRef)
  supervisorLevel?: LevelRef;

  // overrides the scheme's group-credit formula for this rule
  @IsOptional() @ValidateNested() @Type(() => GroupCreditParam)
  groupCredit?: GroupCreditParam;
}

export function toFormula(p: GroupCreditParam): GroupCreditFormula {
  if (p.kind === 'share') return { kind: 'share', multiplier: p.multiplier ?? 2, capAtGroupMinutes: p.capAtGroupMinutes ?? true };
  if (p.kind === 'fixed_fraction') return { kind: 'fixed_fraction', fraction: p.fraction ?? 0.5 };
  return { kind: 'full' };
}

interface CaseSupervision {
  minutes: number;
  groupMinutes: number;
  meetings: string[];
  excludedMeetings: number;
}

function supervisionOfCase(c: CaseRecord, p: CaseSupervisionParams, record: PersonRecord, ctx: EvaluationContext): CaseSupervision {
  const formula = p.groupCredit ? toFormula(p.groupCredit) : ctx.groupCredit;
  const out: CaseSupervision = { minutes: 0, groupMinutes: 0, meetings: [], excludedMeetings: 0 };
  for (const m of record.supervisionReceived) {
    if (!m.caseReviews.some((r) => r.caseId === c.id)) continue;
    if (p.supervisorLevel && !heldOn(record.othersLevels[m.supervisorId], p.supervisorLevel, m.date, ctx)) {
      out.excludedMeetings++;
      continue;
    }
    const credit = creditedMinutes({ format: m.format, minutes: m.minutes, memberCount: m.memberCount }, formula);
    const share = perCaseMinutes(credit, m.caseReviews.map((r) => ({ caseId: r.caseId, minutes: r.minutes }))).find((x) => x.caseId === c.id)?.minutes ?? 0;
    out.minutes += share;
    if (m.format === 'group') out.groupMinutes += share;
    out.meetings.push(m.meetingId);
  }
  out.minutes = round2(out.minutes);
  out.groupMinutes = round2(out.groupMinutes);
  return out;
}

interface CaseCheck {
  met: boolean;
  message: string;
  /** records that count when the case meets the requirement */
  evidence: Evidence[];
}

/** The shape shared by per-case rules: check each matching case, count those that meet it, explain the rest. */
function perCaseRule(minCases: number, filter: CaseFilter | undefined, record: PersonRecord, ctx: EvaluationContext, what: string, check: (c: CaseRecord) => CaseCheck): RuleResult {
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

/** Supervision per case: minutes, share of sessions supervised, supervision:therapy ratio, group credit, supervisor's level on the date. */
export const caseSupervision: RuleEvaluator<CaseSupervisionParams> = {
  params: CaseSupervisionParams,
  evaluate: (p, record, ctx) =>
    perCaseRule(p.minCases, p.filter, record, ctx, 'meet the supervision requirement', (c) => {
      const s = supervisionOfCase(c, p, record, ctx);
      const sessions = attended(c);
      const therapyMinutes = sessions.reduce((sum, x) => sum + x.durationMinutes, 0);
      const share = sessions.length ? Math.min(1, s.meetings.length / sessions.length) : 0;
      const ratio = therapyMinutes ? s.minutes / therapyMinutes : 0;
      const gaps: string[] = [];
      if (p.minMinutesPerCase && s.minutes < p.minMinutesPerCase) gaps.push(`${s.minutes} of ${p.minMinutesPerCase} min of supervision`);
      if (p.minShareOfSessionsSupervised && share + 1e-9 < p.minShareOfSessionsSupervised) {
        gaps.push(`${s.meetings.length} of ${Math.ceil(p.minShareOfSessionsSupervised * sessions.length)} sessions supervised`);
      }
      if (p.minSupervisionToTherapyRatio && ratio + 1e-9 < p.minSupervisionToTherapyRatio) gaps.push(`supervision:therapy ${round2(ratio)} of ${p.minSupervisionToTherapyRatio}`);
      if (p.minOwnCaseMinutesInGroup && s.groupMinutes < p.minOwnCaseMinutesInGroup) gaps.push(`${s.groupMinutes} of ${p.minOwnCaseMinutesInGroup} min on this case in group supervision`);
      const notes = s.excludedMeetings ? [`${plural(s.excludedMeetings, 'meeting')} not counted: the supervisor did not hold ${p.supervisorLevel!.levelCode} on the date`] : [];
      return {
        met: gaps.length === 0,
        message: `${s.minutes} min credited over ${plural(s.meetings.length, 'meeting')}${[...gaps, ...notes].length ? `; ${[...gaps, ...notes].join('; ')}` : ''}`,
        evidence: s.meetings.map((id) => ({ kind: 'supervision_session' as const, id })),
      };
    }),
};

class RaterPolicyParam {
  @IsIn(['single', 'mean_of_n', 'all_must_pass'])
  kind!: MultiRaterKind;

  @IsOptional() @IsInt() @Min(2) @Max(10)
  n?: number;

  @IsOptional() @IsNumber() @Min(0) @Max(100)
  disagreementThreshold?: number;
}

export class CaseRecordingsParams extends CaseRuleBase {
  @IsInt() @Min(1) @Max(100)
  minCases!: number;

  @IsOptional() @IsBoolean()
  allSessionsRecorded?: boolean;

  // recorded sessions must include these phases (e.g. one initial and one termination recording)
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(3) @IsIn(PHASES, { each: true })
  recordedPhases?: Phase[];

  // rated targets (sessions, or the case itself) per case that pass
  @IsOptional() @IsInt() @Min(1) @Max(50)
  minRatedPerCase?: number;

  @IsOptional() @IsIn(['session', 'case'])
  ratingTarget?: 'session' | 'case';

  // the rubric to rate with (its code); absent = any
  @IsOptional() @IsString() @Matches(/^[A-Za-z0-9_.-]{1,60}$/)
  rubricCode?: string;

  // a rated target counts only when the combined result passes (default true)
  @IsOptional() @IsBoolean()
  requirePass?: boolean;

  // only ratings by raters calibrated in the scheme's body count
  @IsOptional() @IsBoolean()
  calibratedRatersOnly?: boolean;

  // overrides the rubric's multi-rater policy
  @IsOptional() @ValidateNested() @Type(() => RaterPolicyParam)
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

function aggregateTarget(targetId: string, p: CaseRecordingsParams, record: PersonRecord): { result: AggregateResult; ratingIds: string[] } | null {
  const calibrated = new Set(record.calibratedRaters);
  const ratings = ratingsOf(record, targetId).filter(
    (r) => r.targetId === targetId && r.targetType === (p.ratingTarget ?? 'session') &&
      (!p.rubricCode || record.rubrics[r.rubricVersionId]?.rubricCode === p.rubricCode) &&
      (!p.calibratedRatersOnly || r.raterRole === 'self' || calibrated.has(r.raterId)),
  );
  if (!ratings.length) return null;
  // one rubric version per target: the most used one
  const version = [...new Set(ratings.map((r) => r.rubricVersionId))].sort((a, b) => ratings.filter((r) => r.rubricVersionId === b).length - ratings.filter((r) => r.rubricVersionId === a).length)[0];
  const rubric = record.rubrics[version];
  if (!rubric) return null;
  const def = p.raterPolicy
    ? { ...rubric.definition, multiRater: { kind: p.raterPolicy.kind, n: p.raterPolicy.n, disagreementThreshold: p.raterPolicy.disagreementThreshold ?? rubric.definition.multiRater.disagreementThreshold } }
    : rubric.definition;
  const used = ratings.filter((r) => r.rubricVersionId === version);
  return { result: aggregateRatings(def, used.map((r) => ({ ratingId: r.id, raterId: r.raterId, raterRole: r.raterRole, scores: r.scores }))), ratingIds: used.map((r) => r.id) };
}

/** Recordings and ratings per case: all recorded, phases recorded, N rated with a rubric and pass rule, calibrated raters, multi-rater policy. */
export const caseRecordings: RuleEvaluator<CaseRecordingsParams> = {
  params: CaseRecordingsParams,
  evaluate: (p, record, ctx) =>
    perCaseRule(p.minCases, p.filter, record, ctx, 'meet the recording and rating requirement', (c) => {
      const sessions = attended(c);
      const recorded = sessions.filter((s) => s.recorded);
      const gaps: string[] = [];
      if (p.allSessionsRecorded && recorded.length < sessions.length) gaps.push(`${recorded.length} of ${sessions.length} sessions recorded`);
      if (p.recordedPhases) {
        const phases = new Set(recorded.map((s) => phaseOf(s.number, c, ctx)));
        const missing = p.recordedPhases.filter((ph) => !phases.has(ph));
        if (missing.length) gaps.push(`no recording of the ${missing.join(', ')} phase`);
      }
      const found: string[] = [];
      if (p.minRatedPerCase) {
        const targets = (p.ratingTarget ?? 'session') === 'case' ? [c.id] : recorded.map((s) => s.id);
        let passing = 0;
        let disagreements = 0;
        for (const target of targets) {
          const agg = aggregateTarget(target, p, record);
          if (!agg) continue;
          if (agg.result.status === 'disagreement') disagreements++;
          if (agg.result.status === 'pass' || (p.requirePass === false && agg.result.status === 'fail')) {
            passing++;
            found.push(...agg.ratingIds);
          }
        }
        if (passing < p.minRatedPerCase) {
          gaps.push(`${passing} of ${p.minRatedPerCase} ${p.ratingTarget === 'case' ? 'case ratings' : 'rated recordings'}${p.requirePass === false ? '' : ' passing'}` +
            (disagreements ? ` (${plural(disagreements, 'target')} await a second look: raters disagree)` : ''));
        }
      }
      return { met: gaps.length === 0, message: gaps.length ? gaps.join('; ') : 'meets the recording requirement', evidence: found.map((id) => ({ kind: 'rating' as const, id })) };
    }),
};

export class OutcomeMeasuresParams extends CaseRuleBase {
  @IsInt() @Min(1) @Max(100)
  minCases!: number;

  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(4) @IsIn(INSTRUMENTS, { each: true })
  instruments!: string[];

  // a measure at intake (session 0 or 1) — default true
  @IsOptional() @IsBoolean()
  baseline?: boolean;

  // at least one measure in every block of N sessions (e.g. every 4 sessions)
  @IsOptional() @IsInt() @Min(1) @Max(20)
  everyNSessions?: number;

  // a measure at the last or second-to-last session — default true
  @IsOptional() @IsBoolean()
  atEnd?: boolean;
}

function measureGaps(c: CaseRecord, instrument: string, p: OutcomeMeasuresParams): string[] {
  const numbers = c.measures.filter((m) => m.instrument === instrument && m.sessionNumber !== null).map((m) => m.sessionNumber as number);
  const last = Math.max(0, ...attended(c).map((s) => s.number));
  const gaps: string[] = [];
  if (p.baseline !== false && !numbers.some((n) => n <= 1)) gaps.push(`${instrument} at intake`);
  if (p.everyNSessions) {
    for (let end = p.everyNSessions; end <= last; end += p.everyNSessions) {
      if (!numbers.some((n) => n > end - p.everyNSessions! && n <= end)) gaps.push(`${instrument} in sessions ${end - p.everyNSessions + 1}–${end}`);
    }
  }
  if (p.atEnd !== false && last > 0 && !numbers.some((n) => n >= last - 1)) gaps.push(`${instrument} at the end`);
  return gaps;
}

/** Outcome-measure cadence per case: baseline, every N sessions, end. */
export const outcomeMeasures: RuleEvaluator<OutcomeMeasuresParams> = {
  params: OutcomeMeasuresParams,
  evaluate: (p, record, ctx) =>
    perCaseRule(p.minCases, p.filter, record, ctx, `have ${p.instruments.join(' and ')} at the required points`, (c) => {
      const gaps = p.instruments.flatMap((i) => measureGaps(c, i, p));
      return {
        met: !gaps.length,
        message: gaps.length ? `missing ${gaps.join(', ')}` : 'measures complete',
        evidence: c.measures.filter((m) => p.instruments.includes(m.instrument)).map((m) => ({ kind: 'measure' as const, id: m.id })),
      };
    }),
};

export class SignOffsParams extends CaseRuleBase {
  @IsInt() @Min(1) @Max(100)
  minCases!: number;
}

/** Cases (matching the filter) signed off by their supervisor — the case attestation co-signed by both. */
export const signOffs: RuleEvaluator<SignOffsParams> = {
  params: SignOffsParams,
  evaluate(p, record, ctx): RuleResult {
    const { matched } = matchCases(record.cases, { ...p.filter, signedOffOnly: true }, record.othersLevels, ctx);
    const waiting = matchCases(record.cases, { ...p.filter, signedOffOnly: false }, record.othersLevels, ctx).matched.filter((c) => c.reviewState !== 'signed_off');
    return {
      met: matched.length >= p.minCases,
      reached: matched.length,
      required: p.minCases,
      unit: 'cases',
      message: `${matched.length} of ${p.minCases} cases signed off by the supervisor` + (waiting.length ? `; ${plural(waiting.length, 'case')} awaiting sign-off (${waiting.map((c) => c.clientCode).join(', ')})` : ''),
      evidence: caseEvidence(matched),
    };
  },
};
