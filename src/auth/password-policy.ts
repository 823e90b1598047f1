import { COMMON_PASSWORDS_TEXT } from './common-passwords';

// OWASP ASVS 5 / NIST 800-63B: length is what matters; no composition rules; refuse well-known passwords.
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

let common: Set<string> | undefined;
const commonPasswords = () => (common ??= new Set(COMMON_PASSWORDS_TEXT.split('\n').filter(Boolean)));

export type PasswordProblem = 'BLANK' | 'TOO_SHORT' | 'TOO_LONG' | 'TOO_COMMON' | 'CONTAINS_EMAIL';

/**
 * NIST SP 800-63B 5.1.1.2: passwords are Unicode-normalised (NFKC) before they are checked and hashed, so the
 * same password typed on another keyboard or system still matches. `password-hasher.ts` hashes this form.
 */
export const normalizePassword = (password: string): string => password.normalize('NFKC');

/**
 * What the length rule measures: the normalised password without leading/trailing white space and with runs of
 * white space counted as one. Spaces are allowed (passphrases), but padding is not length: twelve spaces, or
 * "a" followed by eleven spaces, are not twelve characters of secret.
 */
const measured = (normalized: string): string => normalized.trim().replace(/\s+/gu, ' ');

/** Returns what is wrong with a proposed password, or null when it is acceptable. */
export function checkPassword(password: string, context: { email?: string } = {}): PasswordProblem | null {
  const normalized = normalizePassword(password);
  const significant = measured(normalized);
  if (significant === '') return 'BLANK';
  // count code points, not UTF-16 units, so that non-Latin passwords are measured fairly
  if ([...significant].length < PASSWORD_MIN_LENGTH) return 'TOO_SHORT';
  if ([...normalized].length > PASSWORD_MAX_LENGTH) return 'TOO_LONG';
  const lower = significant.toLowerCase();
  if (commonPasswords().has(lower)) return 'TOO_COMMON';
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return 'CONTAINS_EMAIL';
  return null;
}

export const PASSWORD_PROBLEM_MESSAGES: Record<PasswordProblem, string> = {
  BLANK: 'password must not be only white space',
  TOO_SHORT: `password must be at least ${PASSWORD_MIN_LENGTH} characters (not counting white space at either end or repeated spaces)`,
  TOO_LONG: `password must be at most ${PASSWORD_MAX_LENGTH} characters`,
  TOO_COMMON: 'password is one of the most commonly used passwords; choose another',
  CONTAINS_EMAIL: 'password must not contain your e-mail address',
};
