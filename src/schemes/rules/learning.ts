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
import { ACTIVITY_KINDS, activityNote, heldOn, LevelRef, levelReference, plural, round2, withinMonths } from './common';
import type { RuleEvaluator, RuleReference } from './rule-types';
import { MaxDecimals } from '../../common/decimal';

export class LearningHoursParams {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5)
  @IsIn(ACTIVITY_KINDS, { each: true })
  kinds!: string[];

  @IsNumber()
  @MaxDecimals(2)
  @Min(0.5)
  @Max(10_000)
  minHours!: number;

  // count only activities a supervisor or body admin verified (default true)
  @IsOptional()
  @IsBoolean()
  verifiedOnly?: boolean;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(600)
  withinMonths?: number;

  // the trainer must have held this level on the activity date (e.g. "from an endorsed trainer")
  @IsOptional()
  @ValidateNested()
  @Type(() => LevelRef)
  trainerLevel?: LevelRef;
}

const kindsText = (kinds: string[]) => kinds.join(' / ').replace(/_/g, ' ');
const kindReferences = (kinds: string[] | undefined): RuleReference[] =>
  (kinds ?? []).map((code, i) => ({ kind: 'activityKind', code, path: `kinds.${i}` }));

/** Didactic hours by kind, optionally verified, recent, and from a trainer of a given level. */
export const learningHours: RuleEvaluator<LearningHoursParams> = {
  params: LearningHoursParams,
  evaluate(p, record, ctx) {
    const counted = record.activities.filter(
      (a) =>
        p.kinds.includes(a.kind) &&
        (p.verifiedOnly === false || a.verified) &&
        a.date <= ctx.asOf &&
        withinMonths(a.date, p.withinMonths, ctx.asOf) &&
        (!p.trainerLevel || (a.trainerId !== null && !!heldOn(record.othersLevels[a.trainerId], p.trainerLevel, a.date, ctx))),
    );
    const hours = round2(counted.reduce((s, a) => s + a.hours, 0));
    const unverified =
      p.verifiedOnly === false
        ? 0
        : round2(record.activities.filter((a) => p.kinds.includes(a.kind) && !a.verified).reduce((s, a) => s + a.hours, 0));
    const gap = round2(p.minHours - hours);
    const qualifiers = [
      p.verifiedOnly === false ? '' : 'verified',
      p.trainerLevel ? `from a ${p.trainerLevel.levelCode} trainer` : '',
      p.withinMonths ? `in the last ${plural(p.withinMonths, 'month')}` : '',
    ]
      .filter(Boolean)
      .join(', ');
    return {
      met: hours >= p.minHours,
      reached: hours,
      required: p.minHours,
      unit: 'hours',
      message:
        `${hours} of ${p.minHours} h of ${kindsText(p.kinds)}${qualifiers ? ` (${qualifiers})` : ''}` +
        (gap > 0 ? `; ${gap} h more needed` : '') +
        (gap > 0 && unverified > 0 ? ` (${unverified} h await verification)` : ''),
      evidence: counted.map((a) => ({ kind: 'activity' as const, id: a.id, note: activityNote(a) })),
    };
  },
  references: (p) => [...kindReferences(p.kinds), ...levelReference(p.trainerLevel, 'trainerLevel.levelCode')],
};

export class CpdParams {
  @IsInt()
  @Min(1)
  @Max(120)
  withinMonths!: number;

  @IsOptional()
  @IsNumber()
  @MaxDecimals(2)
  @Min(0.5)
  @Max(10_000)
  minHours?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  minCount?: number;

  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5)
  @IsIn(ACTIVITY_KINDS, { each: true })
  kinds?: string[];
}

/** Continuing professional development in a window: a number of items and/or hours (renewal cycles). */
export const cpd: RuleEvaluator<CpdParams> = {
  params: CpdParams,
  evaluate(p, record, ctx) {
    const kinds = p.kinds ?? ['cpd', 'booster', 'workshop', 'didactic_course'];
    const counted = record.activities.filter(
      (a) => kinds.includes(a.kind) && a.date <= ctx.asOf && withinMonths(a.date, p.withinMonths, ctx.asOf),
    );
    const hours = round2(counted.reduce((s, a) => s + a.hours, 0));
    const hoursOk = p.minHours === undefined || hours >= p.minHours;
    const countOk = p.minCount === undefined || counted.length >= p.minCount;
    const parts = [
      p.minCount !== undefined ? `${counted.length} of ${p.minCount} CPD items` : '',
      p.minHours !== undefined ? `${hours} of ${p.minHours} h` : `${hours} h`,
    ].filter(Boolean);
    return {
      met: hoursOk && countOk,
      reached: p.minHours !== undefined ? hours : counted.length,
      required: p.minHours ?? p.minCount ?? 0,
      unit: p.minHours !== undefined ? 'hours' : 'items',
      message:
        `${parts.join(', ')} in the last ${plural(p.withinMonths, 'month')}` +
        (!countOk ? `; ${plural(p.minCount! - counted.length, 'more item')} needed` : '') +
        (!hoursOk ? `; ${round2(p.minHours! - hours)} h more needed` : ''),
      evidence: counted.map((a) => ({ kind: 'activity' as const, id: a.id, note: activityNote(a) })),
    };
  },
  references: (p) => kindReferences(p.kinds),
};

export class TeachingGivenParams {
  @IsNumber()
  @MaxDecimals(2)
  @Min(0.5)
  @Max(10_000)
  minHours!: number;

  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5)
  @IsIn(ACTIVITY_KINDS, { each: true })
  kinds?: string[];

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(600)
  withinMonths?: number;
}

/** Teaching led or co-led (training activities recorded with this person as trainer), e.g. trainer levels. */
export const teachingGiven: RuleEvaluator<TeachingGivenParams> = {
  params: TeachingGivenParams,
  evaluate(p, record, ctx) {
    const counted = record.teaching.filter(
      (a) => (!p.kinds || p.kinds.includes(a.kind)) && a.date <= ctx.asOf && withinMonths(a.date, p.withinMonths, ctx.asOf),
    );
    const hours = round2(counted.reduce((s, a) => s + a.hours, 0));
    return {
      met: hours >= p.minHours,
      reached: hours,
      required: p.minHours,
      unit: 'hours',
      message:
        `${hours} of ${p.minHours} h of teaching given` + (hours < p.minHours ? `; ${round2(p.minHours - hours)} h more needed` : ''),
      evidence: counted.map((a) => ({ kind: 'activity' as const, id: a.id, note: activityNote(a) })),
    };
  },
  references: (p) => kindReferences(p.kinds),
};

export class SupervisionGivenParams {
  @IsNumber()
  @MaxDecimals(2)
  @Min(0.5)
  @Max(10_000)
  minHours!: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  minDistinctSupervisees?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(600)
  withinMonths?: number;
}

/** Supervision given (e.g. ≥ 80 h to ≥ 4 different clinicians for a supervisor level). */
export const supervisionGiven: RuleEvaluator<SupervisionGivenParams> = {
  params: SupervisionGivenParams,
  evaluate(p, record, ctx) {
    const counted = record.supervisionGiven.filter((s) => s.date <= ctx.asOf && withinMonths(s.date, p.withinMonths, ctx.asOf));
    const hours = round2(counted.reduce((sum, s) => sum + s.minutes, 0) / 60);
    const supervisees = new Set(counted.flatMap((s) => s.traineeIds)).size;
    const hoursOk = hours >= p.minHours;
    const peopleOk = p.minDistinctSupervisees === undefined || supervisees >= p.minDistinctSupervisees;
    const window = p.withinMonths ? ` in the last ${plural(p.withinMonths, 'month')}` : '';
    return {
      met: hoursOk && peopleOk,
      reached: hours,
      required: p.minHours,
      unit: 'hours',
      message:
        `${hours} of ${p.minHours} h of supervision given${window}` +
        (p.minDistinctSupervisees !== undefined ? ` to ${supervisees} of ${p.minDistinctSupervisees} different clinicians` : '') +
        (!hoursOk ? `; ${round2(p.minHours - hours)} h more needed` : '') +
        (!peopleOk ? `; ${plural(p.minDistinctSupervisees! - supervisees, 'more supervisee')} needed` : ''),
      evidence: counted.map((s) => ({ kind: 'supervision_session' as const, id: s.id, note: `${s.minutes} min on ${s.date}` })),
    };
  },
};
