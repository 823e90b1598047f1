import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { addMonths } from '../../common/dates';
import { heldOn, LevelRef, levelReference, levelSpansOf, plural } from './common';
import type { RuleEvaluator } from './rule-types';

export const PROFESSIONS = [
  'psychologist',
  'psychiatrist',
  'nurse',
  'social_worker',
  'occupational_therapist',
  'counsellor',
  'psychotherapist',
  'other_licensed',
  'none',
] as const;

export class ProfessionParams {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(9)
  @IsIn(PROFESSIONS, { each: true })
  allowed!: string[];
}

/** A core profession from the scheme's list (e.g. a UK-style scheme's core professions). */
export const profession: RuleEvaluator<ProfessionParams> = {
  params: ProfessionParams,
  evaluate(p, record) {
    const held = record.profile?.profession ?? null;
    const met = held !== null && p.allowed.includes(held);
    return {
      met,
      reached: met ? 1 : 0,
      required: 1,
      unit: 'profession',
      message:
        held === null
          ? `No core profession recorded in the profile; accepted: ${p.allowed.join(', ').replace(/_/g, ' ')}`
          : met
            ? `Core profession ${held.replace(/_/g, ' ')} is accepted`
            : `Core profession ${held.replace(/_/g, ' ')} is not one of: ${p.allowed.join(', ').replace(/_/g, ' ')}`,
      evidence: record.profile ? [{ kind: 'profile', id: record.personId }] : [],
    };
  },
};

export class LicenceParams {
  // jurisdictions accepted (as recorded on the licence, e.g. "GB", "US-NY"); absent = any
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Matches(/^[A-Za-z0-9 -]{2,40}$/, { each: true })
  jurisdictions?: string[];

  // an expired licence does not count (default true)
  @IsOptional()
  @IsBoolean()
  current?: boolean;
}

/** A professional licence (optionally in given jurisdictions), current on the evaluation date. */
export const licence: RuleEvaluator<LicenceParams> = {
  params: LicenceParams,
  evaluate(p, record, ctx) {
    const all = record.profile?.licences ?? [];
    const ok = all.filter(
      (l) =>
        (!p.jurisdictions || p.jurisdictions.some((j) => j.toLowerCase() === l.jurisdiction.toLowerCase())) &&
        (p.current === false || l.expiresOn === null || l.expiresOn >= ctx.asOf),
    );
    const where = p.jurisdictions ? ` in ${p.jurisdictions.join('/')}` : '';
    return {
      met: ok.length > 0,
      reached: ok.length,
      required: 1,
      unit: 'licence',
      message: ok.length
        ? `Holds a ${p.current === false ? '' : 'current '}licence${where}`
        : all.length
          ? `No ${p.current === false ? '' : 'current '}licence${where} (${plural(all.length, 'licence')} recorded)`
          : `No licence recorded${where}`,
      evidence: ok.map((l) => ({ kind: 'licence' as const, id: `${l.jurisdiction}:${l.number}` })),
    };
  },
};

export class MembershipParams {
  // the body; absent = the body that owns the scheme
  @IsOptional()
  @IsUUID('all', { message: 'bodyId must be a UUID' })
  bodyId?: string;

  // continuous membership for at least this many months up to the evaluation date
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(600)
  minMonths?: number;
}

/** Current membership of a body (e.g. ISIPT's annual membership), optionally for at least N months. */
export const membership: RuleEvaluator<MembershipParams> = {
  params: MembershipParams,
  evaluate(p, record, ctx) {
    const bodyId = p.bodyId ?? ctx.schemeBodyId;
    const since = p.minMonths ? addMonths(ctx.asOf, -p.minMonths) : ctx.asOf;
    const current = (record.profile?.memberships ?? []).filter(
      (m) => m.bodyId === bodyId && m.from <= since && (m.to === null || m.to >= ctx.asOf),
    );
    const any = (record.profile?.memberships ?? []).filter(
      (m) => m.bodyId === bodyId && m.from <= ctx.asOf && (m.to === null || m.to >= ctx.asOf),
    );
    const span = p.minMonths ? ` for at least ${plural(p.minMonths, 'month')}` : '';
    return {
      met: current.length > 0,
      reached: current.length ? 1 : 0,
      required: 1,
      unit: 'membership',
      message: current.length
        ? `Member of the body${span}`
        : any.length
          ? `Member, but not yet${span} (since ${any[0].from})`
          : 'No current membership of the body recorded',
      evidence: current.map((m) => ({ kind: 'membership' as const, id: `${m.bodyId}:${m.from}` })),
    };
  },
};

export class LevelHeldParams extends LevelRef {
  // held continuously for at least N months (e.g. ≥ 1 year of practice since certification)
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(600)
  minMonthsHeld?: number;

  // awarded within the last N months (e.g. level A within the last 3 years)
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(600)
  awardedWithinMonths?: number;
}

/** An earlier level held now, for N months, or awarded within the last N months. */
export const levelHeld: RuleEvaluator<LevelHeldParams> = {
  params: LevelHeldParams,
  evaluate(p, record, ctx) {
    const span = heldOn(record.levels, p, ctx.asOf, ctx);
    const anyAward = levelSpansOf(record.levels, p, ctx);
    let met = !!span;
    let message = span
      ? `Holds ${p.levelCode} since ${span.from}`
      : anyAward.length
        ? `${p.levelCode} is not currently held`
        : `${p.levelCode} not yet awarded`;
    if (span && p.minMonthsHeld) {
      const needed = addMonths(span.from, p.minMonthsHeld);
      met = needed <= ctx.asOf;
      if (!met) message = `Holds ${p.levelCode} since ${span.from}; ${plural(p.minMonthsHeld, 'month')} are needed, reached on ${needed}`;
    }
    if (p.awardedWithinMonths) {
      const recent = anyAward.filter((l) => l.from > addMonths(ctx.asOf, -p.awardedWithinMonths!) && l.from <= ctx.asOf);
      met = (p.minMonthsHeld ? met : true) && recent.length > 0;
      message = recent.length
        ? `${p.levelCode} awarded on ${recent[0].from}, within the last ${plural(p.awardedWithinMonths, 'month')}`
        : `${p.levelCode} must have been awarded within the last ${plural(p.awardedWithinMonths, 'month')}`;
    }
    return {
      met,
      reached: met ? 1 : 0,
      required: 1,
      unit: 'level',
      message,
      evidence: anyAward.map((l) => ({ kind: 'accreditation_level' as const, id: `${l.schemeCode}:${l.levelCode}:${l.from}` })),
    };
  },
  references: (p) => levelReference(p, 'levelCode'),
};
