import { randomBytes } from 'node:crypto';

// Pure rules of erasure: the pseudonyms a person is replaced by, and how their identifiers are found in text.

export interface Pseudonym {
  email: string;
  displayName: string;
}

/** A non-routable e-mail (RFC 6761 `.invalid`) and a neutral name, neither derived from the person. */
export function newPseudonym(token = randomBytes(8).toString('hex')): Pseudonym {
  return { email: `erased-${token}@invalid`, displayName: `Erased person ${token.slice(0, 8)}` };
}

/** A value no password hash format accepts: sign-in can never succeed against it. */
export const UNUSABLE_PASSWORD_HASH = '!erased';

/** What free-text mentions of the person are replaced with (the audit trail's trigger accepts only this marker: migration AuditErasureScrub). */
export const REDACTED = '[erased]';

/** Escapes a literal for a PostgreSQL (ARE) regular expression. */
export const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Patterns that find the person in text: the e-mail anywhere, the display name as a whole phrase (not inside
 * a longer word). Names shorter than 3 characters are not searched (they would match unrelated text).
 * `json` gives the patterns as they appear inside JSON text (escaped quotes and backslashes).
 */
export function identifierPatterns(email: string, displayName: string, json = false): { pattern: string; replacement: string }[] {
  const lit = (s: string) => escapeRegex(json ? JSON.stringify(s).slice(1, -1) : s);
  const out = [{ pattern: lit(email), replacement: REDACTED }];
  const name = displayName.trim();
  if (name.length >= 3) out.push({ pattern: `(^|[^[:alnum:]_])${lit(name)}($|[^[:alnum:]_])`, replacement: `\\1${REDACTED}\\2` });
  return out;
}

/** A reason that names the person would itself put their data into the append-only audit trail. */
export function reasonMentionsPerson(reason: string, email: string, displayName: string): boolean {
  const r = reason.toLocaleLowerCase();
  const name = displayName.trim().toLocaleLowerCase();
  return r.includes(email.toLocaleLowerCase()) || (name.length >= 3 && r.includes(name));
}
