// Client codes are pseudonymous by rule (domain.md: never a name, birth date, address, phone, e-mail or
// record number). These detectors also screen the case narrative for contact details.

import { containsEmail, containsPhoneNumber } from '../common/client-identifiers';

export type CodeCheck = { ok: true; code: string } | { ok: false; reason: string };

const ALLOWED = /^[A-Z0-9_-]{2,16}$/;
const MONTHS =
  'JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|SEPT|OCT|NOV|DEC|JANUARY|FEBRUARY|MARCH|APRIL|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER';
const TITLES = 'MR|MRS|MS|MISS|MX|DR|PROF|SIR|REV|LADY|LORD';
// without 0/O, 1/I/L: codes are read aloud and copied by hand
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

// one detector of contact details for every free-text field of the service
export { containsEmail, containsPhoneNumber };

const validDay = (d: number, m: number) => m >= 1 && m <= 12 && d >= 1 && d <= 31;
const validYear = (y: string) => y.length === 2 || (Number(y) >= 1900 && Number(y) <= 2099);

/** True if the text contains a full calendar date: 1985-03-12, 12/03/85, 12.3.1985, 19850312, 12MAR1985, MAR-12-85… */
export function looksLikeDate(text: string): boolean {
  const t = text.toUpperCase();
  for (const m of t.matchAll(/(\d{1,4})[\s./_-](\d{1,2})[\s./_-](\d{1,4})/g)) {
    const [a, b, c] = [m[1], m[2], m[3]];
    if (a.length === 4 && validYear(a) && c.length <= 2 && validDay(Number(c), Number(b))) return true; // Y-M-D
    if (a.length <= 2 && (c.length === 2 || c.length === 4) && validYear(c)) {
      if (validDay(Number(a), Number(b)) || validDay(Number(b), Number(a))) return true; // D-M-Y / M-D-Y
    }
  }
  for (const m of t.matchAll(/\d+/g)) if (compactDate(m[0])) return true;
  if (new RegExp(`\\d{1,2}[\\s./_-]?(?:${MONTHS})[\\s./_-]?\\d{2,4}`).test(t)) return true;
  if (new RegExp(`(?:${MONTHS})[\\s./_-]?\\d{1,2}[\\s.,/_-]*\\d{2,4}`).test(t)) return true;
  return false;
}

// 8 digits as YYYYMMDD / DDMMYYYY / MMDDYYYY, or 6 as DDMMYY / YYMMDD / MMDDYY
function compactDate(run: string): boolean {
  const n = (s: string) => Number(s);
  if (run.length === 8) {
    const [y1, m1, d1] = [run.slice(0, 4), run.slice(4, 6), run.slice(6, 8)];
    if (validYear(y1) && validDay(n(d1), n(m1))) return true;
    const [p, q, y2] = [run.slice(0, 2), run.slice(2, 4), run.slice(4, 8)];
    return validYear(y2) && (validDay(n(p), n(q)) || validDay(n(q), n(p)));
  }
  if (run.length === 6) {
    const [p, q, r] = [run.slice(0, 2), run.slice(2, 4), run.slice(4, 6)];
    return validDay(n(p), n(q)) || validDay(n(r), n(q)) || validDay(n(q), n(p));
  }
  return false;
}

function personalName(raw: string): boolean {
  const words = raw.split(/[-_]/).filter(Boolean);
  // "JohnSmith", "John-Smith", "Mary_Ann_Jones": two or more capitalised words as typed
  const capitalised = raw.match(/[A-Z][a-z]+/g) ?? [];
  if (capitalised.length >= 2 && !/\d/.test(raw)) return true;
  const upper = raw.toUpperCase();
  // "Mrs Smith", "MRS-SMITH", "DrJones"
  if (new RegExp(`^(?:${TITLES})[-_]?[A-Z]{2,}$`).test(upper) && upper.replace(/[-_]/g, '').length >= 5) return true;
  // initials + surname: "J-Smith", "JR_SMITH", "J.Smith" is already refused by the alphabet
  if (words.length >= 2 && /^[A-Z]{1,2}$/i.test(words[0]) && /^[A-Z]{3,}$/i.test(words[words.length - 1]) && !/\d/.test(raw)) return true;
  // a code made only of 5+ letters could be any name ("SMITH", "JSMITH"): ask for a digit
  return !/\d/.test(raw) && upper.replace(/[-_]/g, '').length >= 5;
}

function recordNumber(raw: string): 'nhs' | 'number' | null {
  // NHS numbers are often written 3-3-4 with spaces or dashes
  for (const m of raw.matchAll(/\d(?:[-_\s]?\d)*/g)) {
    const digits = m[0].replace(/\D/g, '');
    if (digits.length === 10 && nhsChecksumValid(digits)) return 'nhs';
  }
  return /\d{6,}/.test(raw) ? 'number' : null;
}

// NHS numbers: 10 digits, the last a modulus-11 check digit
export function nhsChecksumValid(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  const sum = [...digits.slice(0, 9)].reduce((s, d, i) => s + Number(d) * (10 - i), 0);
  const check = 11 - (sum % 11);
  return (check === 11 ? 0 : check) === Number(digits[9]) && check !== 10;
}

/** Validates a trainee-chosen client code; returns it upper-cased (codes are case-insensitive). */
export function checkClientCode(input: string): CodeCheck {
  const raw = input.trim();
  if (containsEmail(raw)) return { ok: false, reason: 'looks like an e-mail address' };
  const record = recordNumber(raw);
  if (record === 'nhs') return { ok: false, reason: 'looks like an NHS number' };
  if (containsPhoneNumber(raw)) return { ok: false, reason: 'looks like a phone number' };
  if (looksLikeDate(raw)) return { ok: false, reason: 'looks like a date (e.g. a birth date)' };
  if (record) return { ok: false, reason: 'contains a run of 6 or more digits, like a record or phone number' };
  if (personalName(raw.replace(/[\s.,']+/g, '-')))
    return { ok: false, reason: 'looks like a personal name; use a code with at least one digit' };
  const code = raw.toUpperCase();
  if (!ALLOWED.test(code)) return { ok: false, reason: 'must be 2–16 characters of A–Z, 0–9, "-" or "_"' };
  return { ok: true, code };
}

/** A fresh code like "C-7KQ2"; `random` returns an integer in [0, n). The caller retries on collision. */
export function generateClientCode(random: (n: number) => number): string {
  for (;;) {
    let s = '';
    for (let i = 0; i < 4; i++) s += CODE_ALPHABET[random(CODE_ALPHABET.length)];
    const code = `C-${s}`;
    if (checkClientCode(code).ok) return code;
  }
}

/** Field problems for free text that must not carry contact details. */
export function contactDetailsIn(text: string | null | undefined): string | null {
  if (!text) return null;
  if (containsEmail(text)) return 'must not contain an e-mail address';
  if (containsPhoneNumber(text)) return 'must not contain a phone number';
  return null;
}
