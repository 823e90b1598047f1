// Short labels and badge tones shared by the trainee, supervisor and admin pages.
import i18next from '../../i18n';

export const shortId = (id: string | null | undefined) => (id ? `…${id.slice(-6)}` : '—');

export const reviewTone = (s: string) => (s === 'signed_off' ? 'ok' : s === 'returned' ? 'bad' : s === 'submitted' ? 'warn' : 'neutral');

export const appTone = (s: string) => (s === 'approved' ? 'ok' : s === 'rejected' ? 'bad' : s === 'withdrawn' ? 'neutral' : 'warn');

/** The kinds of enum-like API values people see; each is a group of keys in `locales/<lang>/labels.json`. */
export type LabelKind =
  | 'accreditationStatus'
  | 'activityDelivery'
  | 'activityKind'
  | 'applicationStatus'
  | 'bodyKind'
  | 'calibrationStatus'
  | 'caseAdaptation'
  | 'caseFormat'
  | 'caseSetting'
  | 'caseStatus'
  | 'conflictKind'
  | 'coreProfession'
  | 'emailPreference'
  | 'invitationState'
  | 'problemArea'
  | 'raterRole'
  | 'ratingStatus'
  | 'reliabilityStatus'
  | 'reliabilityBand'
  | 'reviewEvent'
  | 'reviewState'
  | 'role'
  | 'rubricTarget'
  | 'sessionPhase'
  | 'severity'
  | 'supervisionFormat'
  | 'supervisionStatus'
  | 'userStatus'
  | 'verificationResult'
  | 'versionStatus';

/**
 * An enum-like API value (a case status, review state, problem area, role…) in the reader's language, e.g.
 * `label('reviewState', 'signed_off')` → "signed off" / "abgezeichnet". A value without a key (a new one the
 * service added) shows as its words. Call it while rendering a component that uses `useTranslation`, so a
 * language change re-renders it.
 */
export function label(kind: LabelKind, value: string | null | undefined): string {
  if (!value) return '';
  return i18next.t(`labels:${kind}.${value}`, { defaultValue: value.replace(/_/g, ' ') });
}

/** A value's words in the reader's language where the app knows the value (IPT's own lists), else the words the
 *  data gives (a body's own taxonomy labels, which stay as the body wrote them). */
export function labelOr(kind: LabelKind, value: string, fallback: string): string {
  return i18next.t(`labels:${kind}.${value}`, { defaultValue: fallback });
}

/** A level's evaluation in words ("3 of 5 requirements met"), built from its counts so it reads in any language
 *  (the service's own `summary` is English). */
export function levelSummary(l: { met: boolean; metCount: number; ruleCount: number }): string {
  if (l.met) return l.ruleCount === 1 ? i18next.t('labels:levelSummary.one') : i18next.t('labels:levelSummary.all', { count: l.ruleCount });
  return i18next.t('labels:levelSummary.some', { met: l.metCount, count: l.ruleCount });
}
