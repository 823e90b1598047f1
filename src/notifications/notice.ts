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
  /** the person the message is about, by name (a reference's applicant) */
  personName?: string;
  kind: NotificationKind;
  /** path in the web app, e.g. /cases/<id>; PUBLIC_BASE_URL is put in front */
  path: string;
  clientCode?: string;
  /** level code of the application or accreditation */
  level?: string;
  /** the date the message is about (YYYY-MM-DD) */
  date?: string;
  /** at most one notification ever carries this key: a scheduled reminder that runs again writes nothing */
  onceKey?: string;
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

// ── Applications ────────────────────────────────────────────────────────────────────────────────────────────────

interface ApplicationRef {
  id: string;
  applicantId: string;
  levelCode: string;
}

/**
 * A new application (or the applicant's answer to a request for information) → every admin of the deciding body
 * except the applicant (an admin applying to their own body must not be asked to decide it).
 */
export function applicationToBodyNotices(event: 'submitted' | 'responded', app: ApplicationRef, bodyAdminIds: readonly string[]): Notice[] {
  return [...new Set(bodyAdminIds)]
    .filter((id) => id !== app.applicantId)
    .map((recipientId) => ({
      recipientId,
      kind: `application.${event}` as const,
      path: `/admin/applications/${app.id}`,
      level: app.levelCode,
    }));
}

/** Information requested, approved or rejected → the applicant only (the deciding admin knows; other admins see the queue). */
export function applicationToApplicantNotice(event: 'info_requested' | 'approved' | 'rejected', app: ApplicationRef): Notice {
  return { recipientId: app.applicantId, kind: `application.${event}`, path: '/trainee/applications', level: app.levelCode };
}

// ── Accreditations ──────────────────────────────────────────────────────────────────────────────────────────────

interface AccreditationRef {
  id: string;
  holderId: string;
  levelCode: string;
}

export type AccreditationStatusEvent = 'lapsed' | 'expired' | 'suspended' | 'reinstated' | 'revoked' | 'restored';

/** A change of an accreditation's status → its holder. */
export function accreditationStatusNotice(event: AccreditationStatusEvent, acc: AccreditationRef): Notice {
  return { recipientId: acc.holderId, kind: `accreditation.${event}`, path: '/trainee/accreditations', level: acc.levelCode };
}

/** Renewal due → the holder; once per accreditation and expiry date (a renewal or a leave moves the date: a new period). */
export function renewalDueNotice(acc: AccreditationRef & { expiresOn: string }): Notice {
  return {
    recipientId: acc.holderId,
    kind: 'accreditation.renewal_due',
    path: '/trainee/accreditations',
    level: acc.levelCode,
    date: acc.expiresOn,
    onceKey: `renewal_due:${acc.id}:${acc.expiresOn}`,
  };
}

/** Calibration running out → the rater; once per body and calibrating attempt (a new attempt starts a new period). */
export function calibrationExpiringNotice(c: { raterId: string; bodyId: string; attemptAt: Date; validUntil: string }): Notice {
  return {
    recipientId: c.raterId,
    kind: 'calibration.expiring',
    path: '/supervisor/calibration',
    date: c.validUntil,
    onceKey: `calibration_expiring:${c.bodyId}:${c.raterId}:${c.attemptAt.toISOString()}`,
  };
}

// ── References ──────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * A reference request → the referee's address (in the product or not). The link carries the single-use token in
 * its fragment, so it is security mail kept out of any in-app list, like an invitation.
 */
export function referenceRequestNotice(r: { refereeEmail: string; applicantName: string; bodyName: string; token: string }): Notice {
  return {
    recipientId: null,
    toAddress: r.refereeEmail,
    kind: 'reference.requested',
    path: `/references/write#${r.token}`,
    bodyName: r.bodyName,
    personName: r.applicantName,
    security: true,
    inApp: false,
  };
}
