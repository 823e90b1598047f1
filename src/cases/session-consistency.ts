import { isFutureDate } from '../common/dates';

export interface SessionFacts {
  number: number;
  date: string; // YYYY-MM-DD
  durationMinutes: number;
  phase: string;
}

export interface CaseDates {
  startDate: string;
  endDate: string | null;
}

export interface SessionIssue {
  number: number;
  field: 'number' | 'date' | 'durationMinutes' | 'phase';
  message: string;
  /** the other session of an order problem between two sessions */
  other?: number;
}

/** IPT's phases in session order: the seeded taxonomy's, for callers that name none. */
export const IPT_PHASES: readonly string[] = ['initial', 'middle', 'termination'];

// IPT runs initial → middle → termination (domain.md); a taxonomy lists its phases in that sense, so phases never
// go backwards by session number (`phases`: the case taxonomy's phase codes in order); a
// session cannot happen before the case started, after it ended, in the future, or out of order with its
// neighbours. Dates are ISO strings, so string comparison is date comparison; "in the future" is common/dates.ts.
export function checkSessions(
  c: CaseDates,
  sessions: readonly SessionFacts[],
  now: Date,
  phases: readonly string[] = IPT_PHASES,
): SessionIssue[] {
  const rank = (phase: string) => phases.indexOf(phase);
  const issues: SessionIssue[] = [];
  const seen = new Set<number>();
  for (const s of sessions) {
    if (seen.has(s.number))
      issues.push({ number: s.number, field: 'number', message: `session ${s.number} is already logged for this case` });
    seen.add(s.number);
    if (!Number.isInteger(s.number) || s.number < 1)
      issues.push({ number: s.number, field: 'number', message: 'session numbers start at 1' });
    if (!Number.isInteger(s.durationMinutes) || s.durationMinutes < 10 || s.durationMinutes > 180) {
      issues.push({ number: s.number, field: 'durationMinutes', message: 'a session lasts 10–180 minutes' });
    }
    if (s.date < c.startDate)
      issues.push({ number: s.number, field: 'date', message: `session ${s.number} is before the case start (${c.startDate})` });
    if (c.endDate && s.date > c.endDate)
      issues.push({ number: s.number, field: 'date', message: `session ${s.number} is after the case end (${c.endDate})` });
    if (isFutureDate(s.date, now)) issues.push({ number: s.number, field: 'date', message: `session ${s.number} is in the future` });
  }
  const sorted = [...sessions].sort((a, b) => a.number - b.number);
  for (let i = 1; i < sorted.length; i++) {
    const [prev, cur] = [sorted[i - 1], sorted[i]];
    if (prev.number === cur.number) continue;
    if (cur.date < prev.date) {
      issues.push({
        number: cur.number,
        field: 'date',
        message: `session ${cur.number} (${cur.date}) is dated before session ${prev.number} (${prev.date})`,
        other: prev.number,
      });
    }
    if (rank(cur.phase) >= 0 && rank(prev.phase) >= 0 && rank(cur.phase) < rank(prev.phase)) {
      issues.push({
        number: cur.number,
        field: 'phase',
        message: `session ${cur.number} is ${cur.phase} after session ${prev.number} was ${prev.phase}: phases cannot go backwards`,
        other: prev.number,
      });
    }
  }
  return issues;
}

/** Issues as error details: those involving the session being written by field name, the others as sessions.N.field. */
export function issueDetails(issues: readonly SessionIssue[], focusNumber: number | null): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const i of issues) {
    const key =
      i.number === focusNumber || (i.other !== undefined && i.other === focusNumber) ? i.field : `sessions.${i.number}.${i.field}`;
    (out[key] ??= []).push(i.message);
  }
  return out;
}
