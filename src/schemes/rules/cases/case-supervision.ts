import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNumber, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { type GroupCreditFormula, perCaseMinutes } from '../../../supervision-sessions/group-credit';
import type { CaseRecord, EvaluationContext, PersonRecord } from '../../person-record';
import { attended, heldOn, LevelRef, levelName, levelReference, plural, round2 } from '../common';
import type { RuleEvaluator } from '../rule-types';
import { groupFallbackText, GroupSizeLimit, meetingCredit } from '../supervision-credit';
import { CaseRuleBase, caseRuleReferences, perCaseRule } from './case-rule';

export class GroupCreditParam {
  @IsIn(['full', 'share', 'fixed_fraction'])
  kind!: 'full' | 'share' | 'fixed_fraction';

  @IsOptional()
  @IsNumber()
  @Min(0.1)
  @Max(10)
  multiplier?: number;

  @IsOptional()
  @IsBoolean()
  capAtGroupMinutes?: boolean;

  @IsOptional()
  @IsNumber()
  @Min(0.01)
  @Max(1)
  fraction?: number;
}

export class CaseSupervisionParams extends CaseRuleBase {
  @IsInt()
  @Min(1)
  @Max(100)
  minCases!: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  minMinutesPerCase?: number;

  // supervision meetings about the case ÷ attended sessions (e.g. 12 of 16 = 0.75)
  @IsOptional()
  @IsNumber()
  @Min(0.01)
  @Max(1)
  minShareOfSessionsSupervised?: number;

  // credited supervision minutes ÷ therapy minutes (e.g. 1 h per 2 h = 0.5)
  @IsOptional()
  @IsNumber()
  @Min(0.01)
  @Max(10)
  minSupervisionToTherapyRatio?: number;

  // minutes on this case in group supervision (e.g. in groups, ≥ 4 h on one's own case)
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  minOwnCaseMinutesInGroup?: number;

  // only supervision by someone holding this level on the date of the supervision
  @IsOptional()
  @ValidateNested()
  @Type(() => LevelRef)
  supervisorLevel?: LevelRef;

  // "supervised from recordings": a meeting counts for a session only if it reviewed that session's recording
  @IsOptional()
  @IsBoolean()
  fromRecordings?: boolean;

  // overrides the scheme's group-credit formula for this rule
  @IsOptional()
  @ValidateNested()
  @Type(() => GroupCreditParam)
  groupCredit?: GroupCreditParam;

  // a group above N members counts as nothing, or as the body's stated fallback
  @IsOptional()
  @ValidateNested()
  @Type(() => GroupSizeLimit)
  groupSizeLimit?: GroupSizeLimit;
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
  /** sessions of the case supervised: by meeting count, or (fromRecordings) the recorded sessions reviewed */
  supervisedSessions: number;
  excludedMeetings: number;
  /** meetings about the case that reviewed none of its recordings (fromRecordings only) */
  withoutRecording: number;
  /** group meetings over the rule's size limit */
  oversizedGroups: number;
}

function supervisionOfCase(c: CaseRecord, p: CaseSupervisionParams, record: PersonRecord, ctx: EvaluationContext): CaseSupervision {
  const formula = p.groupCredit ? toFormula(p.groupCredit) : ctx.groupCredit;
  const out: CaseSupervision = {
    minutes: 0,
    groupMinutes: 0,
    meetings: [],
    supervisedSessions: 0,
    excludedMeetings: 0,
    withoutRecording: 0,
    oversizedGroups: 0,
  };
  const recordings = new Set(
    attended(c)
      .filter((s) => s.recorded)
      .map((s) => s.id),
  );
  const reviewed = new Set<string>();
  for (const m of record.supervisionReceived) {
    const review = m.caseReviews.find((r) => r.caseId === c.id);
    if (!review) continue;
    if (p.supervisorLevel && !heldOn(record.othersLevels[m.supervisorId], p.supervisorLevel, m.date, ctx)) {
      out.excludedMeetings++;
      continue;
    }
    const { minutes: credit, limited } = meetingCredit(m, formula, p.groupSizeLimit);
    if (limited) out.oversizedGroups++;
    // a group over the size limit that counts as nothing is not supervision of the case at all
    if (limited && credit === 0) continue;
    if (p.fromRecordings) {
      const sessions = review.reviewedSessionIds.filter((id) => recordings.has(id));
      if (!sessions.length) {
        out.withoutRecording++;
        continue;
      }
      sessions.forEach((id) => reviewed.add(id));
    }
    const share =
      perCaseMinutes(
        credit,
        m.caseReviews.map((r) => ({ caseId: r.caseId, minutes: r.minutes })),
      ).find((x) => x.caseId === c.id)?.minutes ?? 0;
    out.minutes += share;
    if (m.format === 'group') out.groupMinutes += share;
    out.meetings.push(m.meetingId);
  }
  out.supervisedSessions = p.fromRecordings ? reviewed.size : Math.min(out.meetings.length, attended(c).length);
  out.minutes = round2(out.minutes);
  out.groupMinutes = round2(out.groupMinutes);
  return out;
}

const pct = (n: number) => `${Math.round(n * 100)} %`;

/** "10 of 14 sessions supervised (71 %); 75 % needed = 11" — a share read as a share. */
export function shareText(done: number, total: number, share: number, what: string): string {
  return `${done} of ${total} sessions ${what} (${total ? pct(done / total) : '0 %'}); ${pct(share)} needed = ${Math.ceil(share * total - 1e-9)}`;
}

function checkCase(p: CaseSupervisionParams, c: CaseRecord, record: PersonRecord, ctx: EvaluationContext) {
  const s = supervisionOfCase(c, p, record, ctx);
  const sessions = attended(c);
  const therapyMinutes = sessions.reduce((sum, x) => sum + x.durationMinutes, 0);
  const share = sessions.length ? s.supervisedSessions / sessions.length : 0;
  const ratio = therapyMinutes ? s.minutes / therapyMinutes : 0;
  const gaps: string[] = [];
  if (p.minMinutesPerCase && s.minutes < p.minMinutesPerCase) gaps.push(`${s.minutes} of ${p.minMinutesPerCase} min of supervision`);
  const shareMet = !p.minShareOfSessionsSupervised || share + 1e-9 >= p.minShareOfSessionsSupervised;
  const shareLine = p.minShareOfSessionsSupervised
    ? [
        shareText(
          s.supervisedSessions,
          sessions.length,
          p.minShareOfSessionsSupervised,
          p.fromRecordings ? 'supervised from recordings' : 'supervised',
        ),
      ]
    : [];
  if (p.minSupervisionToTherapyRatio && ratio + 1e-9 < p.minSupervisionToTherapyRatio)
    gaps.push(
      `supervision:therapy ${s.minutes} of ${therapyMinutes} min (${round2(ratio)}); ${p.minSupervisionToTherapyRatio} needed = ${Math.ceil(p.minSupervisionToTherapyRatio * therapyMinutes - 1e-9)} min`,
    );
  if (p.minOwnCaseMinutesInGroup && s.groupMinutes < p.minOwnCaseMinutesInGroup)
    gaps.push(`${s.groupMinutes} of ${p.minOwnCaseMinutesInGroup} min on this case in group supervision`);
  const notes = [
    ...(s.excludedMeetings
      ? [`${plural(s.excludedMeetings, 'meeting')} not counted: the supervisor did not hold ${levelName(p.supervisorLevel!)} on the date`]
      : []),
    ...(s.withoutRecording ? [`${plural(s.withoutRecording, 'meeting')} not counted: no recording of this case reviewed`] : []),
    ...(s.oversizedGroups
      ? [
          `${plural(s.oversizedGroups, 'group meeting')} over ${p.groupSizeLimit!.maxMembers} members ${groupFallbackText(p.groupSizeLimit!)}`,
        ]
      : []),
  ];
  const lines = [...shareLine, ...gaps, ...notes];
  return {
    met: gaps.length === 0 && shareMet,
    message: `${s.minutes} min credited over ${plural(s.meetings.length, 'meeting')}${lines.length ? `; ${lines.join('; ')}` : ''}`,
    evidence: s.meetings.map((id) => ({ kind: 'supervision_session' as const, id })),
  };
}

/** Supervision per case: minutes, share of sessions supervised (from recordings), supervision:therapy ratio, group credit, supervisor's level on the date. */
export const caseSupervision: RuleEvaluator<CaseSupervisionParams> = {
  params: CaseSupervisionParams,
  evaluate: (p, record, ctx) =>
    perCaseRule(p, CaseSupervisionParams, record, ctx, 'meet the supervision requirement', (params, c) =>
      checkCase(params, c, record, ctx),
    ),
  references: (p) => [...caseRuleReferences(p), ...levelReference(p.supervisorLevel, 'supervisorLevel.levelCode')],
};
