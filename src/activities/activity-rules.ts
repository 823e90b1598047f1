import { isFutureDate } from '../common/dates';
// Plain rules about training activities. Dates ("in the future" for a date a person typed) are common/dates.ts.

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

/** The checks beyond the DTO's shape that an activity's fields must pass (the API's and the record import's): field → messages. */
export function activityInputProblems(
  dto: { hours?: number; date?: string; evidenceRef?: string | null },
  now: Date,
): Record<string, string[]> {
  const details: Record<string, string[]> = {};
  if (dto.hours !== undefined) {
    const p = hoursProblem(dto.hours);
    if (p) details.hours = [p];
  }
  if (dto.date !== undefined && isFutureDate(dto.date, now)) details.date = ['date must not be in the future'];
  if (dto.evidenceRef && !isPlainText(dto.evidenceRef))
    details.evidenceRef = ['evidenceRef must be plain text (no markup or control characters)'];
  return details;
}
