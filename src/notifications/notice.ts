import type { NotificationKind } from './templates';

// What a service asks to tell someone, inside its own transaction: `notifications.enqueue(em, notice)`.
export interface Notice {
  /** the account told; null for mail to an address without an account (then toAddress) */
  recipientId: string | null;
  /** send to this address instead of the account's (an invitation, a new address to confirm, the old address) */
  toAddress?: string;
  /** false keeps it out of the in-app list (mail that carries a one-time link) */
  inApp?: boolean;
  /** words the template names (the body, the role) */
  bodyName?: string;
  role?: string;
  kind: NotificationKind;
  /** path in the web app, e.g. /cases/<id>; PUBLIC_BASE_URL is put in front */
  path: string;
  clientCode?: string;
  security?: boolean;
  urgent?: boolean;
}

interface CaseRef {
  id: string;
  traineeId: string;
  supervisorId: string;
  clientCode: string;
}

const REVIEW: Record<'submit' | 'return' | 'sign_off', { kind: NotificationKind; to: 'trainee' | 'supervisor' }> = {
  submit: { kind: 'case.submitted', to: 'supervisor' },
  return: { kind: 'case.returned', to: 'trainee' },
  sign_off: { kind: 'case.signed_off', to: 'trainee' },
};

/** Submitted → the case's supervisor; returned or signed off → the trainee. */
export function caseReviewNotice(action: keyof typeof REVIEW, c: CaseRef): Notice {
  const r = REVIEW[action];
  return { recipientId: r.to === 'trainee' ? c.traineeId : c.supervisorId, kind: r.kind, path: `/cases/${c.id}`, clientCode: c.clientCode };
}

/** A measure that indicates risk → the case's supervisor, at once (never held for a digest). */
export function riskFlagNotice(c: CaseRef): Notice {
  return { recipientId: c.supervisorId, kind: 'case.risk_flag', path: `/cases/${c.id}`, clientCode: c.clientCode, urgent: true };
}
