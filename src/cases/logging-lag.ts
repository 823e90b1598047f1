import { daysBetween, todayUtc } from '../common/dates';

// How late trainees log their sessions (domain.md: logs are back-filled because logging is a burden).
// Lag = whole days from the session date to the day it was logged (UTC), never below 0.

export const LATE_AFTER_DAYS = 7;

export interface LoggingLag {
  sessions: number;
  medianDays: number | null;
  /** nearest-rank 90th percentile */
  p90Days: number | null;
  /** sessions logged more than 7 days after they took place */
  loggedLate: number;
}

export const lagDays = (sessionDate: string, loggedAt: Date): number => Math.max(0, daysBetween(sessionDate, todayUtc(loggedAt)));

export function summariseLag(lags: readonly number[]): LoggingLag {
  if (!lags.length) return { sessions: 0, medianDays: null, p90Days: null, loggedLate: 0 };
  const s = [...lags].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  const p90 = s[Math.ceil(0.9 * s.length) - 1];
  return { sessions: s.length, medianDays: median, p90Days: p90, loggedLate: s.filter((l) => l > LATE_AFTER_DAYS).length };
}
