// Calendar dates (YYYY-MM-DD strings, so string order is date order) and the two meanings of "today".
//
// - todayUtc(now): the SERVICE's date, in UTC. For the dates the service itself stamps or sweeps by: issue
//   dates, expiry and lapse sweeps, enrolment dates, the scheme version in force, an accreditation's standing.
//   One clock for everyone, so two replicas (or two readers) never disagree about a record.
// - isFutureDate(date, now): for a date TYPED BY A PERSON (a session, a case's end, an activity, a measure).
//   The person's own "today" depends on where they are, and we do not know where that is, so a date is in the
//   future only once it is after today in EVERY time zone on Earth, i.e. after the date at UTC+14 (Line
//   Islands, the first calendar to turn over). A trainee in Auckland logging this morning's session while it
//   is still yesterday in UTC is not refused; a date that has begun nowhere yet is.
//
// Rules take `now` (the clock) as an argument so their specs are deterministic; services pass `new Date()`.

export const DAY_MS = 86_400_000;
const LATEST_ZONE_OFFSET_MS = 14 * 3_600_000; // UTC+14

/** The UTC calendar date of an instant. */
export const isoDate = (instant: Date): string => instant.toISOString().slice(0, 10);

/** The service's today: the UTC date at `now`. */
export const todayUtc = (now: Date): string => isoDate(now);

/** The latest calendar date anywhere on Earth at `now` (the date at UTC+14): the last date a person may type as "today". */
export const latestToday = (now: Date): string => isoDate(new Date(now.getTime() + LATEST_ZONE_OFFSET_MS));

/** True when a person-typed `date` has not yet begun in any time zone at `now`. */
export const isFutureDate = (date: string, now: Date): boolean => date > latestToday(now);

/** A real calendar date in YYYY-MM-DD form (refuses 2023-02-29 and 2024-1-01). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && isoDate(d) === value;
}

/** A `date` column as read from the database (a Date or a string) as YYYY-MM-DD. */
export const dateOf = (v: unknown): string => (v instanceof Date ? isoDate(v) : String(v).slice(0, 10));
export const dateOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : dateOf(v));

export const addDays = (date: string, days: number): string => isoDate(new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS));

/** Calendar months later (or earlier); a day past the end of the target month becomes its last day (01-31 + 1 → 02-28/29). */
export function addMonths(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return isoDate(d);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
