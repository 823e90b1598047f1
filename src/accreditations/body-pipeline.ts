import { addDays } from '../common/dates';

// The body's pipeline as plain rules: which renewal window an accreditation's expiry falls in, relative to today.
export const RENEWAL_WINDOWS = ['overdue', 'within_30_days', 'within_60_days', 'within_90_days'] as const;
export type RenewalWindow = (typeof RENEWAL_WINDOWS)[number];

/** null = not due within 90 days (or never expires). Overdue = expired but still active: inside its grace period. */
export function renewalWindow(expiresOn: string | null, today: string): RenewalWindow | null {
  if (!expiresOn) return null;
  if (expiresOn < today) return 'overdue';
  if (expiresOn <= addDays(today, 30)) return 'within_30_days';
  if (expiresOn <= addDays(today, 60)) return 'within_60_days';
  if (expiresOn <= addDays(today, 90)) return 'within_90_days';
  return null;
}
