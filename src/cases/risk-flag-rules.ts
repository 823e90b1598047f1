import type { CodeWithStatus } from '../common/error-codes';

export interface RiskAcknowledgementFacts {
  /** the caller is the supervisor named on the case, with an active relationship */
  isCaseSupervisor: boolean;
  flagged: boolean;
  /** an acknowledgement is in force (none since the last flagged measure cleared it) */
  acknowledged: boolean;
}

export type RiskAcknowledgementDecision = { ok: true; write: boolean } | { ok: false; code: CodeWithStatus<403 | 409>; message: string };

// Only the case's supervisor acknowledges a risk flag (they are the one responsible for acting on it); a body
// admin who can read the case cannot do it for them. Acknowledging again while an acknowledgement is in force
// changes nothing (a double click, a retried request); a new flagged measure clears it, and then it is needed again.
export function decideRiskAcknowledgement(f: RiskAcknowledgementFacts): RiskAcknowledgementDecision {
  if (!f.isCaseSupervisor)
    return { ok: false, code: 'NOT_CASE_SUPERVISOR', message: "Only the case's supervisor can acknowledge its risk flag" };
  if (!f.flagged) return { ok: false, code: 'NO_RISK_FLAG', message: 'The case has no risk flag to acknowledge' };
  return { ok: true, write: !f.acknowledged };
}
