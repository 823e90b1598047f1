// Free text (case narratives, supervision and calibration notes) must stay pseudonymous: no client e-mail address or phone number (domain: a case log
// never holds a name, birth date, address, phone, e-mail or record number). Names cannot be detected
// reliably; these two patterns can, so free text containing them is refused rather than stored.

const EMAIL = /[A-Z0-9._%+-]+@[A-Z0-9-]+(?:\.[A-Z0-9-]+)+/i;
// also the written-out forms people use to dodge filters: anna (at) mail (dot) com
const EMAIL_AT = /[A-Z0-9._%+-]+\s*(?:@|\(at\)|\[at\])\s*[A-Z0-9-]+\s*(?:\.|\(dot\)|\[dot\])\s*[A-Z]{2,}/i;
// A phone number is written as groups of 2–5 digits (optionally bracketed, separated by one space, dot or
// dash), 9–15 digits in all — or 7+ digits after a leading +. Dates (2024-05-01: 8 digits), score lists
// ("12 10 8") and session numbers ("sessions 3 4 5 …": single digits) do not look like that.
const DIGIT_GROUPS = /(\+\s?)?\(?\d{2,5}\)?(?:[\s.-]?\(?\d{2,5}\)?)*/g;

export const containsEmail = (text: string): boolean => EMAIL.test(text) || EMAIL_AT.test(text);

export function containsPhoneNumber(text: string): boolean {
  for (const m of text.matchAll(DIGIT_GROUPS)) {
    const digits = m[0].replace(/\D/g, '').length;
    if (digits >= 9 && digits <= 15) return true;
    if (m[1] && digits >= 7 && digits <= 15) return true;
  }
  return false;
}

export type ClientIdentifierKind = 'email' | 'phone';

/** The kinds of client identifier found in the text (empty when none). */
export function findClientIdentifiers(text: string): ClientIdentifierKind[] {
  const found: ClientIdentifierKind[] = [];
  if (containsEmail(text)) found.push('email');
  if (containsPhoneNumber(text)) found.push('phone');
  return found;
}
