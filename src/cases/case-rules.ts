import { isFutureDate } from '../common/dates';
import { contactDetailsIn } from './client-code';
import { CaseStatus } from './supervised-case.entity';

export interface CaseFields {
  status: CaseStatus;
  startDate: string;
  endDate: string | null;
  focusProblemArea: string;
  secondaryProblemArea: string | null;
  presentingProblem: string | null;
  formulation: string | null;
  course: string | null;
  techniques: string | null;
  outcome: string | null;
}

export const NARRATIVE_FIELDS = ['presentingProblem', 'formulation', 'course', 'techniques', 'outcome'] as const;
const CLOSED = new Set([CaseStatus.Completed, CaseStatus.DroppedOut, CaseStatus.Transferred]);

/** Cross-field rules of a case (after a PATCH is merged into it); field → messages, empty when valid. */
export function checkCaseFields(c: CaseFields, now: Date): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const add = (field: string, message: string) => (out[field] ??= []).push(message);
  if (CLOSED.has(c.status) && !c.endDate) add('endDate', `endDate is required when the case is ${c.status}`);
  if (c.endDate && c.endDate < c.startDate) add('endDate', 'endDate must not be before startDate');
  if (c.endDate && isFutureDate(c.endDate, now) && CLOSED.has(c.status)) add('endDate', 'a closed case cannot end in the future');
  if (c.secondaryProblemArea && c.secondaryProblemArea === c.focusProblemArea)
    add('secondaryProblemArea', 'the secondary problem area must differ from the focus');
  for (const f of NARRATIVE_FIELDS) {
    const problem = contactDetailsIn(c[f]);
    if (problem) add(f, `${f} ${problem}`);
  }
  return out;
}
