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
  IsString,
  Length,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import type { ActivityRecord, EvaluationContext, PersonRecord } from '../person-record';
import {
  ACTIVITY_DELIVERIES,
  ACTIVITY_KINDS,
  ActivityCondition,
  activityNote,
  describeCondition,
  heldOn,
  LevelRef,
  levelReference,
  meetsCondition,
  plural,
  round2,
  withinMonths,
} from './common';
import type { RuleEvaluator, RuleReference } from './rule-types';
import { MaxDecimals } from '../../common/decimal';

// which activities a total or a cap looks at
export class ActivityFilter {
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5)
  @IsIn(ACTIVITY_KINDS, { each: true })
  kinds?: string[];

  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(2)
  @IsIn(ACTIVITY_DELIVERIES, { each: true })
  delivery?: string[];

  // trainer recognition: the trainer held one of these levels on the activity date
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => LevelRef)
  trainerLevels?: LevelRef[];

  // conditions on recorded activity attributes (kind, delivery, provider, title)
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => ActivityCondition)
  where?: ActivityCondition[];
}

// at most maxHours of the activities of this delivery mode and/or kind count (e.g. ≤ 20 h online)
export class HoursCap {
  // required unless kind is given
  @ValidateIf((o: HoursCap) => o.kind === undefined || o.delivery !== undefined)
  @IsIn(ACTIVITY_DELIVERIES)
  delivery?: string;

  @IsOptional()
  @IsIn(ACTIVITY_KINDS)
  kind?: string;

  @IsNumber()
  @MaxDecimals(2)
  @Min(0)
  @Max(10_000)
  maxHours!: number;
}

// one more total the counted hours must reach, e.g. { label: 'taught', minHours: 200, filter: { delivery: ['in_person'] } }
export class HoursTotal {
  @IsString()
  @Length(1, 80)
  label!: string;

  @IsNumber()
  @MaxDecimals(2)
  @Min(0.5)
  @Max(10_000)
  minHours!: number;

  @IsOptional()
  @ValidateNested()
  @Type(() => ActivityFilter)
  filter?: ActivityFilter;
}

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

  // count only activities delivered this way (in_person, online)
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(2)
  @IsIn(ACTIVITY_DELIVERIES, { each: true })
  delivery?: string[];

  // trainer recognition: the trainer held any one of these levels on the activity date
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => LevelRef)
  trainerLevels?: LevelRef[];

  // conditions on recorded activity attributes (kind, delivery, provider, title)
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => ActivityCondition)
  where?: ActivityCondition[];

  // caps on what counts, applied oldest activity first
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => HoursCap)
  caps?: HoursCap[];

  // further totals, each met by the counted hours of the activities its filter selects (all must be met)
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => HoursTotal)
  totals?: HoursTotal[];
}

const kindsText = (kinds: string[]) => kinds.join(' / ').replace(/_/g, ' ');
const levelsText = (refs: LevelRef[]) => refs.map((r) => r.levelCode).join(' or ');
const kindReferences = (kinds: string[] | undefined): RuleReference[] =>
  (kinds ?? []).map((code, i) => ({ kind: 'activityKind', code, path: `kinds.${i}` }));

const trainerHeld = (a: ActivityRecord, refs: LevelRef[], record: PersonRecord, ctx: EvaluationContext) =>
  a.trainerId !== null && refs.some((ref) => !!heldOn(record.othersLevels[a.trainerId!], ref, a.date, ctx));

function matchesActivity(a: ActivityRecord, f: ActivityFilter, record: PersonRecord, ctx: EvaluationContext): boolean {
  if (f.kinds && !f.kinds.includes(a.kind)) return false;
  if (f.delivery && !f.delivery.includes(a.delivery)) return false;
  if (f.trainerLevels && !trainerHeld(a, f.trainerLevels, record, ctx)) return false;
  return (f.where ?? []).every((w) => meetsCondition([activityAttribute(a, w.attribute)], w));
}

const activityAttribute = (a: ActivityRecord, name: string): string =>
  name === 'delivery' ? a.delivery : name === 'provider' ? a.provider : name === 'title' ? a.title : a.kind;

const capText = (c: HoursCap) => [c.delivery, c.kind].filter(Boolean).join(' ').replace(/_/g, ' ');

/** Hours credited per activity once the caps are applied, oldest activity first (what a cap leaves out is named). */
function applyCaps(activities: ActivityRecord[], caps: HoursCap[]): { credited: Map<string, number>; capped: string[] } {
  const left = caps.map((c) => c.maxHours);
  const over = caps.map(() => 0);
  const credited = new Map<string, number>();
  for (const a of [...activities].sort((x, y) => x.date.localeCompare(y.date) || x.id.localeCompare(y.id))) {
    const applying = caps
      .map((c, i) => ((!c.delivery || c.delivery === a.delivery) && (!c.kind || c.kind === a.kind) ? i : -1))
      .filter((i) => i >= 0);
    const credit = round2(Math.min(a.hours, ...applying.map((i) => left[i])));
    for (const i of applying) {
      left[i] = round2(left[i] - credit);
      over[i] = round2(over[i] + a.hours - credit);
    }
    credited.set(a.id, credit);
  }
  const capped = caps
    .map((c, i) => (over[i] > 0 ? `${over[i]} h of ${capText(c)} over the cap of ${c.maxHours} h not counted` : ''))
    .filter(Boolean);
  return { credited, capped };
}

/** Didactic hours by kind, delivery, trainer recognition and recorded attributes, with caps and several totals. */
export const learningHours: RuleEvaluator<LearningHoursParams> = {
  params: LearningHoursParams,
  evaluate(p, record, ctx) {
    // trainerLevel and trainerLevels together: a trainer holding any one of them on the day
    const trainerRefs = p.trainerLevel ? [p.trainerLevel, ...(p.trainerLevels ?? [])] : p.trainerLevels;
    const selected = record.activities.filter(
      (a) =>
        p.kinds.includes(a.kind) &&
        (p.verifiedOnly === false || a.verified) &&
        a.date <= ctx.asOf &&
        withinMonths(a.date, p.withinMonths, ctx.asOf) &&
        matchesActivity(a, { delivery: p.delivery, trainerLevels: trainerRefs, where: p.where }, record, ctx),
    );
    const { credited, capped } = applyCaps(selected, p.caps ?? []);
    const counted = selected.filter((a) => credited.get(a.id)! > 0);
    const hoursOf = (xs: ActivityRecord[]) => round2(xs.reduce((s, a) => s + credited.get(a.id)!, 0));
    const hours = hoursOf(counted);
    const totals = (p.totals ?? []).map((t) => {
      const reached = hoursOf(counted.filter((a) => !t.filter || matchesActivity(a, t.filter, record, ctx)));
      const gap = round2(t.minHours - reached);
      return { met: reached >= t.minHours, text: `${t.label}: ${reached} of ${t.minHours} h` + (gap > 0 ? ` (${gap} h more needed)` : '') };
    });
    const unverified =
      p.verifiedOnly === false
        ? 0
        : round2(record.activities.filter((a) => p.kinds.includes(a.kind) && !a.verified).reduce((s, a) => s + a.hours, 0));
    const gap = round2(p.minHours - hours);
    const qualifiers = [
      p.verifiedOnly === false ? '' : 'verified',
      p.delivery ? p.delivery.join(' or ').replace(/_/g, ' ') : '',
      trainerRefs ? `from a ${levelsText(trainerRefs)} trainer` : '',
      ...(p.where ?? []).map(describeCondition),
      p.withinMonths ? `in the last ${plural(p.withinMonths, 'month')}` : '',
    ]
      .filter(Boolean)
      .join(', ');
    return {
      met: hours >= p.minHours && totals.every((t) => t.met),
      reached: hours,
      required: p.minHours,
      unit: 'hours',
      message:
        `${hours} of ${p.minHours} h of ${kindsText(p.kinds)}${qualifiers ? ` (${qualifiers})` : ''}` +
        (gap > 0 ? `; ${gap} h more needed` : '') +
        (gap > 0 && unverified > 0 ? ` (${unverified} h await verification)` : '') +
        totals.map((t) => `; ${t.text}`).join('') +
        capped.map((c) => `; ${c}`).join(''),
      evidence: counted.map((a) => {
        const credit = credited.get(a.id)!;
        return {
          kind: 'activity' as const,
          id: a.id,
          note: activityNote(a) + (credit < a.hours ? ` (${credit} h counted under a cap)` : ''),
        };
      }),
    };
  },
  references: (p) => [
    ...kindReferences(p.kinds),
    ...levelReference(p.trainerLevel, 'trainerLevel.levelCode'),
    ...(p.trainerLevels ?? []).flatMap((ref, i) => levelReference(ref, `trainerLevels.${i}.levelCode`)),
  ],
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
