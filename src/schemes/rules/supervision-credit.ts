// How one supervision meeting is credited under a rule: the group-credit formula, and a body's limit on group
// size (a group above N members counts as nothing, or as a stated fallback credit).
import { IsInt, Max, Min, registerDecorator, type ValidationOptions } from 'class-validator';
import { creditedMinutes, type GroupCreditFormula } from '../../supervision-sessions/group-credit';
import type { SupervisionReceived } from '../person-record';
import { round2 } from './common';

// 'none', or { creditMinutes: N } (a union, so checked by hand: class-transformer cannot type it)
function IsGroupFallback(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isGroupFallback',
      target: target.constructor,
      propertyName,
      options: { message: "fallback must be 'none' or { creditMinutes: 1–600 }", ...options },
      validator: {
        validate: (v: unknown) =>
          v === 'none' ||
          (typeof v === 'object' &&
            v !== null &&
            !Array.isArray(v) &&
            Object.keys(v).length === 1 &&
            Number.isInteger((v as { creditMinutes?: unknown }).creditMinutes) &&
            (v as { creditMinutes: number }).creditMinutes >= 1 &&
            (v as { creditMinutes: number }).creditMinutes <= 600),
      },
    });
}

export type GroupFallback = 'none' | { creditMinutes: number };

export class GroupSizeLimit {
  // a group supervision with more trainees than this counts only as the fallback
  @IsInt()
  @Min(1)
  @Max(100)
  maxMembers!: number;

  @IsGroupFallback()
  fallback!: GroupFallback;
}

export interface MeetingCredit {
  minutes: number;
  /** why the formula's credit was not given, in words */
  limited: string | null;
}

/** Minutes a member is credited for a meeting: the formula's credit, unless the group is over the size limit. */
export function meetingCredit(m: SupervisionReceived, formula: GroupCreditFormula, limit: GroupSizeLimit | undefined): MeetingCredit {
  if (m.format === 'group' && limit && m.memberCount > limit.maxMembers) {
    const fallback = limit.fallback === 'none' ? 0 : round2(Math.min(limit.fallback.creditMinutes, m.minutes));
    return { minutes: fallback, limited: `a group of ${m.memberCount} (more than ${limit.maxMembers}) counts ${fallback} min` };
  }
  return { minutes: creditedMinutes({ format: m.format, minutes: m.minutes, memberCount: m.memberCount }, formula), limited: null };
}

export const groupFallbackText = (limit: GroupSizeLimit): string =>
  limit.fallback === 'none' ? 'counted as nothing' : `counted as ${limit.fallback.creditMinutes} min each`;
