import { EmailPreference, EmailStatus } from './notification.entity';

// Pure rules of mail delivery: what a new notification's e-mail waits for, when a failed one is tried again,
// and when the daily digest is due.

export const MAX_RETRY_DELAY_MS = 60 * 60 * 1000;
export const DIGEST_JOB = 'mail.digest';
/** the digest of a day goes out at the first worker tick from this hour (UTC) on */
export const DIGEST_HOUR_UTC = 7;

export interface Urgency {
  /** security mail (sign-in, password, e-mail change): sent at once, whatever the preference */
  security?: boolean;
  /** clinical safety (risk flag): never held for a digest; still honours "off" (the in-app list has it) */
  urgent?: boolean;
}

export function initialEmailStatus(pref: EmailPreference, u: Urgency = {}): EmailStatus {
  if (u.security) return EmailStatus.Pending;
  if (pref === EmailPreference.Off) return EmailStatus.Skipped;
  if (pref === EmailPreference.Daily && !u.urgent) return EmailStatus.Digest;
  return EmailStatus.Pending;
}

/** Exponential backoff: base, 2×base, 4×base … capped at an hour. `attempts` counts the failed tries so far (≥ 1). */
export function retryDelayMs(attempts: number, baseMs: number): number {
  return Math.min(MAX_RETRY_DELAY_MS, baseMs * 2 ** Math.max(0, attempts - 1));
}

export type FailureOutcome = { status: EmailStatus.Failed } | { status: EmailStatus.Pending; delayMs: number };

export function afterFailure(attempts: number, maxAttempts: number, permanent: boolean, baseMs: number): FailureOutcome {
  if (permanent || attempts >= maxAttempts) return { status: EmailStatus.Failed };
  return { status: EmailStatus.Pending, delayMs: retryDelayMs(attempts, baseMs) };
}

/** An SMTP 5xx reply is a permanent refusal (no such mailbox, policy); anything else (4xx, network) is worth a retry. */
export function isPermanentFailure(err: unknown): boolean {
  const code = (err as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/** Short error text to keep on the row (never the message itself). */
export function describeError(err: unknown): string {
  const e = err as { code?: unknown; responseCode?: unknown; message?: unknown } | null;
  const parts = [e?.code, e?.responseCode, e?.message ?? String(err)].filter((x) => x !== undefined && x !== null && x !== '');
  return parts.join(' ').slice(0, 1000);
}

/** The digest period due at `now` (the UTC date), or null before DIGEST_HOUR_UTC. */
export function dueDigestPeriod(now: Date, hourUtc = DIGEST_HOUR_UTC): string | null {
  return now.getUTCHours() >= hourUtc ? now.toISOString().slice(0, 10) : null;
}
