import { isGlobalRole, type Role } from '../common/roles';

// Pure rules of invitations: which roles a body invites to, the state of an invitation, what a link shows.

export type InvitationState = 'pending' | 'accepted' | 'expired' | 'withdrawn';

export interface InvitationFacts {
  expiresAt: Date;
  acceptedAt: Date | null;
  withdrawnAt: Date | null;
}

/** Every role held within a body (all but the global ADMIN role) — the roles a body admin may grant there. */
export const isInvitableRole = (role: Role): boolean => !isGlobalRole(role);

export function invitationState(i: InvitationFacts, now: Date): InvitationState {
  if (i.acceptedAt) return 'accepted';
  if (i.withdrawnAt) return 'withdrawn';
  return i.expiresAt <= now ? 'expired' : 'pending';
}

/** Resending is for an invitation nobody has acted on yet: pending, or expired before anyone used it. */
export const mayResend = (state: InvitationState): boolean => state === 'pending' || state === 'expired';

/**
 * The address as an invitation link shows it: the first letter of the local part and the domain. The link's
 * holder got it at that address, but a forwarded or leaked link should not hand out the whole address.
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '***';
  return `${email[0]}***${email.slice(at)}`;
}
