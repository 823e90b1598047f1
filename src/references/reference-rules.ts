// Pure rules of reference requests: their state, what may be done in each, how long a link works.

export type ReferenceState = 'requested' | 'submitted' | 'expired' | 'cancelled';
export const REFERENCE_STATES: ReferenceState[] = ['requested', 'submitted', 'expired', 'cancelled'];

// A referee gets a month to write (issue 15: "expires, e.g. 30 days"); a resend starts a new month.
export const REFERENCE_TTL_DAYS = 30;
export const REFERENCE_KIND = /^[a-z][a-z0-9_]{1,39}$/;

export interface ReferenceFacts {
  expiresAt: Date;
  submittedAt: Date | null;
  cancelledAt: Date | null;
}

export function referenceState(r: ReferenceFacts, now: Date): ReferenceState {
  if (r.submittedAt) return 'submitted';
  if (r.cancelledAt) return 'cancelled';
  return r.expiresAt <= now ? 'expired' : 'requested';
}

/** Resending or cancelling is for a request the referee has not answered: requested, or expired unanswered. */
export const isOpen = (state: ReferenceState): boolean => state === 'requested' || state === 'expired';

export const referenceExpiry = (now: Date): Date => new Date(now.getTime() + REFERENCE_TTL_DAYS * 86_400_000);
