import { type CodeWithStatus, statusOf } from '../common/error-codes';
import { CaseReviewState } from './supervised-case.entity';

export type ReviewAction = 'submit' | 'return' | 'sign_off';

export interface ReviewFacts {
  state: CaseReviewState;
  action: ReviewAction;
  /** the caller is the case's trainee */
  isTrainee: boolean;
  /** the caller is the supervisor named on the case (with an active relationship) */
  isCaseSupervisor: boolean;
  /** for sign-off: the hash the supervisor read equals the current content hash */
  hashMatches?: boolean;
}

export type ReviewDecision =
  { ok: true; next: CaseReviewState } | { ok: false; status: 403 | 409; code: CodeWithStatus<403 | 409>; message: string };

// draft/returned → submitted (the trainee) → signed_off or returned (only the case's supervisor, never the
// trainee themself). A sign-off must name the content it approves (content hash); anything else changed since
// is CONTENT_CHANGED.
export function decideReview(f: ReviewFacts): ReviewDecision {
  if (f.action === 'submit') {
    if (!f.isTrainee) return deny('NOT_CASE_TRAINEE', 'Only the trainee who logged the case can submit it');
    if (f.state !== CaseReviewState.Draft && f.state !== CaseReviewState.Returned) {
      return deny('INVALID_REVIEW_STATE', `A ${f.state} case cannot be submitted; only a draft or returned one`);
    }
    return { ok: true, next: CaseReviewState.Submitted };
  }
  if (f.isTrainee) return deny('SELF_REVIEW', 'Nobody can review or sign off their own case');
  if (!f.isCaseSupervisor) return deny('NOT_CASE_SUPERVISOR', "Only the case's supervisor can review it");
  if (f.state !== CaseReviewState.Submitted) return deny('INVALID_REVIEW_STATE', `A ${f.state} case is not awaiting review`);
  if (f.action === 'return') return { ok: true, next: CaseReviewState.Returned };
  if (!f.hashMatches) return deny('CONTENT_CHANGED', 'The case changed since you read it; reload it and review the current content');
  return { ok: true, next: CaseReviewState.SignedOff };
}

// the status belongs to the code (error-codes.ts)
const deny = (code: CodeWithStatus<403 | 409>, message: string): ReviewDecision => ({
  ok: false,
  status: statusOf(code) as 403 | 409,
  code,
  message,
});
