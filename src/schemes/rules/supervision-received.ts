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
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { MaxDecimals } from '../../common/decimal';
import { GroupCreditParam, toFormula } from './cases/case-supervision';
import { CASE_FORMATS, heldOn, LevelRef, levelName, levelReference, plural, round2, withinMonths } from './common';
import type { Evidence, RuleEvaluator } from './rule-types';
import { groupFallbackText, GroupSizeLimit, meetingCredit } from './supervision-credit';

export class SupervisionReceivedParams {
  @IsNumber()
  @MaxDecimals(2)
  @Min(0.5)
  @Max(10_000)
  minHours!: number;

  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(2)
  @IsIn(CASE_FORMATS, { each: true })
  formats?: string[];

  // only supervision by someone holding this level on the date of the meeting
  @IsOptional()
  @ValidateNested()
  @Type(() => LevelRef)
  supervisorLevel?: LevelRef;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(600)
  withinMonths?: number;

  // true: only meetings that reviewed one of this person's cases; false: only meetings tied to no case; absent: all
  @IsOptional()
  @IsBoolean()
  caseLinked?: boolean;

  // overrides the scheme's group-credit formula for this rule
  @IsOptional()
  @ValidateNested()
  @Type(() => GroupCreditParam)
  groupCredit?: GroupCreditParam;

  // a group supervision above N members counts as nothing, or as the fallback credit
  @IsOptional()
  @ValidateNested()
  @Type(() => GroupSizeLimit)
  groupSizeLimit?: GroupSizeLimit;
}

/** Supervision received across the whole record (case-linked or not): credited hours with format, level and size rules. */
export const supervisionReceived: RuleEvaluator<SupervisionReceivedParams> = {
  params: SupervisionReceivedParams,
  evaluate(p, record, ctx) {
    const formula = p.groupCredit ? toFormula(p.groupCredit) : ctx.groupCredit;
    const inScope = record.supervisionReceived
      .filter(
        (m) =>
          m.date <= ctx.asOf &&
          withinMonths(m.date, p.withinMonths, ctx.asOf) &&
          (!p.formats || p.formats.includes(m.format)) &&
          (p.caseLinked === undefined || p.caseLinked === m.caseReviews.length > 0),
      )
      .sort((a, b) => a.date.localeCompare(b.date) || a.meetingId.localeCompare(b.meetingId));
    let minutes = 0;
    const wrongLevel: string[] = [];
    let oversized = 0;
    const evidence: Evidence[] = [];
    for (const m of inScope) {
      if (p.supervisorLevel && !heldOn(record.othersLevels[m.supervisorId], p.supervisorLevel, m.date, ctx)) {
        wrongLevel.push(m.date);
        continue;
      }
      const credit = meetingCredit(m, formula, p.groupSizeLimit);
      if (credit.limited) oversized++;
      if (credit.minutes === 0) continue;
      minutes += credit.minutes;
      evidence.push({
        kind: 'supervision_session',
        id: m.meetingId,
        note: `${m.format}, ${m.minutes} min on ${m.date}` + (credit.minutes !== m.minutes ? `, ${credit.minutes} min credited` : ''),
      });
    }
    const hours = round2(minutes / 60);
    const gap = round2(p.minHours - hours);
    const qualifiers = [
      p.formats ? p.formats.join('/') : '',
      p.caseLinked === true ? 'on cases' : p.caseLinked === false ? 'not tied to a case' : '',
      p.supervisorLevel ? `from a ${levelName(p.supervisorLevel)}` : '',
      p.withinMonths ? `in the last ${plural(p.withinMonths, 'month')}` : '',
    ]
      .filter(Boolean)
      .join(', ');
    const notes = [
      gap > 0 ? `${gap} h more needed` : '',
      wrongLevel.length
        ? `${plural(wrongLevel.length, 'meeting')} not counted: the supervisor did not hold ${levelName(p.supervisorLevel!)} on ${wrongLevel.join(', ')}`
        : '',
      oversized
        ? `${plural(oversized, 'group meeting')} over ${p.groupSizeLimit!.maxMembers} members ${groupFallbackText(p.groupSizeLimit!)}`
        : '',
    ].filter(Boolean);
    return {
      met: hours >= p.minHours,
      reached: hours,
      required: p.minHours,
      unit: 'hours',
      message:
        `${hours} of ${p.minHours} h of supervision received${qualifiers ? ` (${qualifiers})` : ''} over ${plural(evidence.length, 'meeting')}` +
        notes.map((n) => `; ${n}`).join(''),
      evidence,
    };
  },
  references: (p) => levelReference(p.supervisorLevel, 'supervisorLevel.levelCode'),
};
