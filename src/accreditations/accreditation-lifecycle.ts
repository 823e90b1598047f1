import { randomInt } from 'node:crypto';
import { addDays, addMonths, daysBetween } from '../common/dates';
import { AccreditationStatus } from './accreditation.entity';

// The calendar of an accreditation: when it expires, when it may be renewed, when it lapses, how leave
// of absence moves it. Dates are ISO YYYY-MM-DD (UTC); every rule here is a plain function over them.

export interface ValidityRule {
  kind: 'none' | 'fixed_term' | 'annual';
  months?: number;
}

export interface RenewalTerms {
  graceDays: number;
  reminderDaysBefore: number;
}

/** Months one cycle lasts: annual is 12 (a yearly declaration), a fixed term its own length, none never ends. */
export function cycleMonths(validity: ValidityRule): number | null {
  if (validity.kind === 'annual') return 12;
  if (validity.kind === 'fixed_term') return validity.months ?? null;
  return null;
}

/** Expiry of a newly issued accreditation: issue date + one cycle; null when the level does not expire. */
export function expiryOnIssue(validity: ValidityRule, issuedOn: string): string | null {
  const months = cycleMonths(validity);
  return months === null ? null : addMonths(issuedOn, months);
}

/**
 * Expiry after a renewal: one more cycle counted from the previous expiry, not from the renewal date, so
 * renewing early loses nothing and renewing late (in the grace period) gains nothing.
 */
export function expiryOnRenewal(validity: ValidityRule, previousExpiry: string): string | null {
  const months = cycleMonths(validity);
  return months === null ? null : addMonths(previousExpiry, months);
}

/** Length of a leave of absence in days, both ends included (a leave from the 1st to the 1st is one day). */
export const leaveDays = (from: string, to: string): number => daysBetween(from, to) + 1;

/** Expiry moved on by the length of a leave of absence (the holder cannot meet renewal rules while on leave). */
export const expiryAfterLeave = (expiresOn: string, from: string, to: string): string => addDays(expiresOn, leaveDays(from, to));

export type RenewalWindow = 'not_renewable' | 'too_early' | 'open' | 'closed';

/** Renewal is open from `reminderDaysBefore` days before expiry until the last day of the grace period. */
export function renewalWindow(expiresOn: string | null, terms: RenewalTerms, today: string): RenewalWindow {
  if (expiresOn === null) return 'not_renewable';
  if (today < addDays(expiresOn, -terms.reminderDaysBefore)) return 'too_early';
  if (today > addDays(expiresOn, terms.graceDays)) return 'closed';
  return 'open';
}

/** The first day on which a renewal reminder is due (expiry − reminderDaysBefore); null without expiry. */
export const reminderDueOn = (expiresOn: string | null, terms: RenewalTerms): string | null =>
  expiresOn === null ? null : addDays(expiresOn, -terms.reminderDaysBefore);

/**
 * Whether the holder of an active accreditation is reminded to renew on `today`: from the reminder date
 * (expiry − reminderDaysBefore) up to and including the expiry date itself, so a job that missed days catches up.
 * After expiry the holder hears of the lapse instead. Sent once per expiry date (see renewalDueNotice).
 */
export function renewalReminderDue(expiresOn: string | null, terms: RenewalTerms, today: string): boolean {
  const dueOn = reminderDueOn(expiresOn, terms);
  return dueOn !== null && expiresOn !== null && today >= dueOn && today <= expiresOn;
}

/**
 * The status an accreditation has on a date. Only an active one changes on its own: past its expiry plus the
 * grace period, an annual one lapses (it can be restored by the body) and a fixed-term one expires.
 * Suspended, revoked, lapsed and expired ones are left as they are.
 */
export function statusOn(
  acc: { status: AccreditationStatus; expiresOn: string | null },
  validity: ValidityRule,
  graceDays: number,
  today: string,
): AccreditationStatus {
  if (acc.status !== AccreditationStatus.Active || acc.expiresOn === null || validity.kind === 'none') return acc.status;
  if (today <= addDays(acc.expiresOn, graceDays)) return acc.status;
  return validity.kind === 'annual' ? AccreditationStatus.Lapsed : AccreditationStatus.Expired;
}

// No 0/O, 1/I/L: a certificate number is read aloud and typed in by people checking it.
export const CERTIFICATE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CERTIFICATE_PATTERN = /^[A-Z0-9-]{1,28}-\d{4}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/;

/** `<BODYCODE>-<YEAR>-<6 random characters>`; the body code is cut so the number fits its 40-character column. */
export function certificateNumber(bodyCode: string, year: number, pick: (n: number) => number = randomInt): string {
  const code =
    bodyCode
      .toUpperCase()
      .replace(/[^A-Z0-9-]/g, '')
      .slice(0, 28) || 'X';
  const suffix = Array.from({ length: 6 }, () => CERTIFICATE_ALPHABET[pick(CERTIFICATE_ALPHABET.length)]).join('');
  return `${code}-${year}-${suffix}`;
}

/** How many of n renewals a random audit of `sharePercent` selects: the share, rounded up. */
export const auditSampleSize = (n: number, sharePercent: number): number =>
  Math.max(0, Math.min(n, Math.ceil((n * sharePercent) / 100 - 1e-9)));

/** k items chosen uniformly at random (partial Fisher–Yates with a cryptographic source by default). */
export function randomSample<T>(items: readonly T[], k: number, pick: (n: number) => number = randomInt): T[] {
  const pool = [...items];
  const take = Math.min(k, pool.length);
  for (let i = 0; i < take; i++) {
    const j = i + pick(pool.length - i);
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, take);
}
