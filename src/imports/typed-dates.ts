import { isCalendarDate } from '../common/dates';

// Dates as people type them into a spreadsheet: ISO (2024-03-05), day first with slashes (05/03/2024) or dots
// (5.3.2024). Slashes are also how US spreadsheets write month first, so 05/03/2024 could be 5 March or 3 May:
// such a date is refused rather than guessed. Two-digit years are refused for the same reason (which century?).
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const SLASHES = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const DOTS = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

export type TypedDate = { ok: true; date: string } | { ok: false; message: string };

const pad = (n: string) => n.padStart(2, '0');

function calendar(y: string, m: string, d: string, typed: string): TypedDate {
  const date = `${y}-${pad(m)}-${pad(d)}`;
  return isCalendarDate(date) ? { ok: true, date } : { ok: false, message: `"${typed}" is not a calendar date` };
}

/** A typed date as YYYY-MM-DD, or why it is refused (in words, for the row report). */
export function parseTypedDate(input: string): TypedDate {
  const typed = input.trim();
  let m = ISO.exec(typed);
  if (m) return calendar(m[1], m[2], m[3], typed);
  m = DOTS.exec(typed);
  if (m) return calendar(m[3], m[2], m[1], typed);
  m = SLASHES.exec(typed);
  if (m) {
    const [first, second] = [Number(m[1]), Number(m[2])];
    if (second > 12 && first <= 12)
      return { ok: false, message: `"${typed}" reads as month/day/year; write dates as YYYY-MM-DD or day/month/year` };
    if (first <= 12 && second <= 12 && first !== second)
      return { ok: false, message: `"${typed}" is ambiguous (day/month or month/day?); write it as YYYY-MM-DD` };
    return calendar(m[3], m[2], m[1], typed);
  }
  if (/^\d{1,2}[./-]\d{1,2}[./-]\d{2}$/.test(typed))
    return { ok: false, message: `"${typed}" has a two-digit year; write all four digits` };
  return { ok: false, message: `"${typed}" is not a date (use YYYY-MM-DD, dd/mm/yyyy or d.m.yyyy)` };
}
