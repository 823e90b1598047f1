// Plain rules about training activities (and dates entered by people in any time zone).

const DAY_MS = 86_400_000;
// UTC+14 (Line Islands) is the earliest calendar on earth: a date that is "today" anywhere is not future.
const EARLIEST_ZONE_MS = 14 * 3_600_000;

/** Today's date (YYYY-MM-DD) in UTC. */
export const todayUtc = (now: Date): string => now.toISOString().slice(0, 10);

/** True when `date` (YYYY-MM-DD) has not yet begun in any time zone at `now`. */
export function isFutureDate(date: string, now: Date): boolean {
  const latestToday = new Date(now.getTime() + EARLIEST_ZONE_MS).toISOString().slice(0, 10);
  return date > latestToday;
}

/** A real calendar date in YYYY-MM-DD form (rejects 2024-02-30). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

// Evidence references are plain text shown to reviewers: no control characters and no markup.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const MARKUP = /<\s*[a-z!/?]/i;
export const isPlainText = (value: string): boolean => !CONTROL.test(value) && !MARKUP.test(value);

/** Hours as entered: more than 0, at most 200, at most two decimals. */
export function hoursProblem(hours: number): string | null {
  if (!Number.isFinite(hours) || hours <= 0) return 'hours must be more than 0';
  if (hours > 200) return 'hours must be at most 200';
  if (Math.abs(Math.round(hours * 100) - hours * 100) > 1e-6) return 'hours may have at most 2 decimals';
  return null;
}
