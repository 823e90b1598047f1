import { SupervisionStatus } from './supervision-relationship.entity';

// Who may move a supervision relationship from one status to another. The request is the trainee's to
// withdraw and the supervisor's to answer; once active, either party or the body's administration may end it.
export type SupervisionAction = 'accept' | 'decline' | 'cancel' | 'end';
export type SupervisionParty = 'trainee' | 'supervisor' | 'body_admin' | 'admin';

interface Rule {
  from: SupervisionStatus;
  to: SupervisionStatus;
  by: readonly SupervisionParty[];
}

export const SUPERVISION_TRANSITIONS: Readonly<Record<SupervisionAction, Rule>> = {
  accept: { from: SupervisionStatus.Requested, to: SupervisionStatus.Active, by: ['supervisor'] },
  decline: { from: SupervisionStatus.Requested, to: SupervisionStatus.Declined, by: ['supervisor'] },
  cancel: { from: SupervisionStatus.Requested, to: SupervisionStatus.Cancelled, by: ['trainee'] },
  end: { from: SupervisionStatus.Active, to: SupervisionStatus.Ended, by: ['trainee', 'supervisor', 'body_admin', 'admin'] },
};

export type TransitionResult =
  { ok: true; from: SupervisionStatus; to: SupervisionStatus } | { ok: false; error: 'NOT_ALLOWED' | 'WRONG_STATUS'; message: string };

/** Whether someone standing in `parties` to the relationship may apply `action` to it while it is `status`. */
export function supervisionTransition(
  status: SupervisionStatus,
  action: SupervisionAction,
  parties: readonly SupervisionParty[],
): TransitionResult {
  const rule = SUPERVISION_TRANSITIONS[action];
  if (!parties.some((p) => rule.by.includes(p))) {
    return { ok: false, error: 'NOT_ALLOWED', message: `Only the ${rule.by.join(', ').replace('_', ' ')} may ${action} this relationship` };
  }
  if (status !== rule.from) {
    return { ok: false, error: 'WRONG_STATUS', message: `Cannot ${action} a relationship that is ${status}; it must be ${rule.from}` };
  }
  return { ok: true, from: rule.from, to: rule.to };
}
