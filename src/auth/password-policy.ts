import { COMMON_PASSWORDS_TEXT } from './common-passwords';

// OWASP ASVS 5 / NIST 800-63B: length is what matters; no composition rules; refuse well-known passwords.
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

let common: Set<string> | undefined;
const commonPasswords = () => (common ??= new Set(COMMON_PASSWORDS_TEXT.split('\n').filter(Boolean)));

export type PasswordProblem = 'TOO_SHORT' | 'TOO_LONG' | 'TOO_COMMON' | 'CONTAINS_EMAIL';

/** Returns what is wrong with a proposed password, or null when it is acceptable. */
export function checkPassword(password: string, context: { email?: string } = {}): PasswordProblem | null {
  // count code points, not UTF-16 units, so that non-Latin passwords are measured fairly
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return 'TOO_SHORT';
  if (length > PASSWORD_MAX_LENGTH) return 'TOO_LONG';
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower)) return 'TOO_COMMON';
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return 'CONTAINS_EMAIL';
  return null;
}

export const PASSWORD_PROBLEM_MESSAGES: Record<PasswordProblem, string> = {
  TOO_SHORT: `password must be at least ${PASSWORD_MIN_LENGTH} characters`,
  TOO_LONG: `password must be at most ${PASSWORD_MAX_LENGTH} characters`,
  TOO_COMMON: 'password is one of the most commonly used passwords; choose another',
  CONTAINS_EMAIL: 'password must not contain your e-mail address',
};
