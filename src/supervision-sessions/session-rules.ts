import { findClientIdentifiers } from '../common/client-identifiers';
import { isFutureDate } from '../common/dates';
import type { SupervisionFormat } from './group-credit';

// Rules a supervision session must satisfy on its own, before any record is consulted. Returns problems
// keyed by field (empty when there are none), so every problem is reported at once.

export interface SessionShape {
  date: string;
  minutes: number;
  format: SupervisionFormat;
  participantIds: readonly string[];
  caseReviews: readonly { caseId: string; minutes?: number | null }[];
  notes?: string | null;
}

export function sessionShapeProblems(s: SessionShape, supervisorId: string, now: Date): Record<string, string[]> {
  const problems: Record<string, string[]> = {};
  const add = (field: string, message: string) => (problems[field] ??= []).push(message);

  if (isFutureDate(s.date, now)) add('date', 'date must not be in the future');
  if (s.format === 'individual' && s.participantIds.length !== 1)
    add('participantIds', 'an individual session has exactly one participant');
  if (s.participantIds.includes(supervisorId)) add('participantIds', 'the supervisor cannot be a participant');
  const caseIds = s.caseReviews.map((r) => r.caseId);
  if (new Set(caseIds).size !== caseIds.length) add('caseReviews', 'each case can be reviewed only once per session');
  const perCase = s.caseReviews.reduce((sum, r) => sum + (r.minutes ?? 0), 0);
  if (perCase > s.minutes) add('caseReviews', `minutes per case add up to ${perCase}, more than the session's ${s.minutes}`);
  const identifiers = s.notes ? findClientIdentifiers(s.notes) : [];
  if (identifiers.length) add('notes', `notes must not identify a client (found: ${identifiers.join(', ')})`);
  return problems;
}
