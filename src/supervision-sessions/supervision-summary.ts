import {
  type CaseMinutes,
  type CaseReviewForCredit,
  creditedMinutes,
  DEFAULT_GROUP_FORMULA,
  type GroupCreditFormula,
  perCaseMinutes,
  sumMinutes,
  type SupervisionFormat,
} from './group-credit';

// One trainee's supervision received, totalled: per session (credited minutes and their split over the
// trainee's reviewed cases), per case, and overall with individual and group supervision kept apart
// (schemes count them differently, e.g. "in groups, ≥4 h on one's own case").

export interface ReceivedSession {
  sessionId: string;
  date: string;
  format: SupervisionFormat;
  minutes: number;
  memberCount: number;
  /** only this trainee's cases reviewed in the session */
  reviews: CaseReviewForCredit[];
}

export interface CreditedSession extends Omit<ReceivedSession, 'reviews'> {
  creditedMinutes: number;
  cases: CaseMinutes[];
}

export interface CaseTotal {
  caseId: string;
  minutes: number;
  individualMinutes: number;
  groupMinutes: number;
  sessionCount: number;
}

export interface SupervisionTotals {
  sessionCount: number;
  individualSessions: number;
  groupSessions: number;
  individualMinutes: number;
  groupMinutes: number;
  totalMinutes: number;
}

export interface SupervisionSummary {
  sessions: CreditedSession[];
  cases: CaseTotal[];
  totals: SupervisionTotals;
}

export function summariseSupervision(
  received: readonly ReceivedSession[],
  formula: GroupCreditFormula = DEFAULT_GROUP_FORMULA,
): SupervisionSummary {
  const sessions = received.map(({ reviews, ...s }): CreditedSession => {
    const credited = creditedMinutes(s, formula);
    return { ...s, creditedMinutes: credited, cases: perCaseMinutes(credited, reviews) };
  });
  const ofFormat = (f: SupervisionFormat) => sessions.filter((s) => s.format === f);
  const individualMinutes = sumMinutes(ofFormat('individual').map((s) => s.creditedMinutes));
  const groupMinutes = sumMinutes(ofFormat('group').map((s) => s.creditedMinutes));
  return {
    sessions,
    cases: caseTotals(sessions),
    totals: {
      sessionCount: sessions.length,
      individualSessions: ofFormat('individual').length,
      groupSessions: ofFormat('group').length,
      individualMinutes,
      groupMinutes,
      totalMinutes: sumMinutes([individualMinutes, groupMinutes]),
    },
  };
}

function caseTotals(sessions: readonly CreditedSession[]): CaseTotal[] {
  const byCase = new Map<string, { individual: number[]; group: number[]; sessions: number }>();
  for (const s of sessions) {
    for (const c of s.cases) {
      const entry = byCase.get(c.caseId) ?? { individual: [], group: [], sessions: 0 };
      entry[s.format].push(c.minutes);
      entry.sessions += 1;
      byCase.set(c.caseId, entry);
    }
  }
  return [...byCase.entries()].map(([caseId, e]) => {
    const individualMinutes = sumMinutes(e.individual);
    const groupMinutes = sumMinutes(e.group);
    return { caseId, minutes: sumMinutes([individualMinutes, groupMinutes]), individualMinutes, groupMinutes, sessionCount: e.sessions };
  });
}
