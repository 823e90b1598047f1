import type { EntityManager } from 'typeorm';
import { grantIn } from '../access/grants';
import { Role } from '../common/roles';
import { badRequest, forbidden } from '../common/errors';
import type { Actor, Grant } from '../common/request-context';
import type { CaseReviewInputDto } from './dto';

// Checks of a supervision session against the records, run inside the write's transaction with its
// EntityManager: the participants' supervision relationships (locked FOR SHARE so they cannot end
// underneath the write), the reviewed cases and the reviewed recordings.

export interface SessionInput {
  date: string;
  participantIds: string[];
  caseReviews: CaseReviewInputDto[];
}

export interface CheckedSession {
  bodyId: string;
  /** the caller's SUPERVISOR grant in that body (else in their own body: cross-border supervision), for the audit trail */
  via: Grant;
}

export async function checkAgainstRecords(em: EntityManager, actor: Actor, s: SessionInput): Promise<CheckedSession> {
  const bodyId = await checkParticipants(em, actor.userId, s);
  // a supervisor of another body supervises this body's trainees through the active relationships checked above
  const via = grantIn(actor, Role.Supervisor, bodyId) ?? actor.grants.find((g) => g.role === Role.Supervisor);
  if (!via) throw forbidden('You do not hold SUPERVISOR in any body');
  await checkCases(em, actor.userId, bodyId, s);
  await checkRecordings(em, s);
  return { bodyId, via };
}

// Every participant: a current TRAINEE of the body with a relationship to the caller that is active and
// had started by the session date. All of them in one body: a session belongs to one body's records.
async function checkParticipants(em: EntityManager, supervisorId: string, s: SessionInput): Promise<string> {
  const rows: { trainee_id: string; body_id: string }[] = await em.query(
    `SELECT r.trainee_id, r.body_id FROM supervision_relationships r
      WHERE r.supervisor_id = $1 AND r.trainee_id = ANY($2::uuid[]) AND r.status = 'active'
        AND (r.started_on IS NULL OR r.started_on <= $3::date)
        AND EXISTS (SELECT 1 FROM role_grants g WHERE g.user_id = r.trainee_id AND g.role = 'TRAINEE'
                     AND g.body_id = r.body_id AND g.revoked_at IS NULL)
      FOR SHARE OF r`,
    [supervisorId, s.participantIds, s.date],
  );
  const found = new Map(rows.map((r) => [r.trainee_id, r.body_id]));
  const missing = s.participantIds.filter((id) => !found.has(id));
  if (missing.length) {
    throw badRequest(
      'NO_ACTIVE_SUPERVISION',
      `No active supervision relationship with you on ${s.date} for participant(s): ${missing.join(', ')}`,
      {
        participantIds: missing.map((id) => `${id} is not a trainee you actively supervise`),
      },
    );
  }
  const bodies = [...new Set(found.values())];
  if (bodies.length > 1) {
    throw badRequest('PARTICIPANTS_IN_SEVERAL_BODIES', 'All participants must be supervised by you within the same body', {
      participantIds: ['participants are supervised in different bodies'],
    });
  }
  return bodies[0];
}

// Every reviewed case: supervised by the caller, within the session's body, and a case of a participant.
// A case the caller does not supervise gets the same answer as a missing one (no existence oracle).
async function checkCases(em: EntityManager, supervisorId: string, bodyId: string, s: SessionInput): Promise<void> {
  if (!s.caseReviews.length) return;
  const ids = s.caseReviews.map((r) => r.caseId);
  const rows: { id: string; trainee_id: string; body_id: string }[] = await em.query(
    `SELECT c.id, c.trainee_id, c.body_id FROM supervised_cases c WHERE c.id = ANY($1::uuid[]) AND c.supervisor_id = $2`,
    [ids, supervisorId],
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const problems: string[] = [];
  for (const id of ids) {
    const c = byId.get(id);
    if (!c || c.body_id !== bodyId) problems.push(`${id} is not a case you supervise in this body`);
    else if (!s.participantIds.includes(c.trainee_id)) problems.push(`${id} is not a case of a participant`);
  }
  if (problems.length)
    throw badRequest('CASE_NOT_REVIEWABLE', "Every reviewed case must be a participant's case that you supervise", {
      caseReviews: problems,
    });
}

// Reviewed recordings: therapy sessions of that very case, recorded, and held on or before the session date.
async function checkRecordings(em: EntityManager, s: SessionInput): Promise<void> {
  const wanted = s.caseReviews.flatMap((r) => (r.reviewedSessionIds ?? []).map((id) => ({ caseId: r.caseId, id })));
  if (!wanted.length) return;
  const rows: { id: string; case_id: string; recorded: boolean; date: string }[] = await em.query(
    `SELECT t.id, t.case_id, t.recorded, to_char(t.date, 'YYYY-MM-DD') AS date FROM therapy_sessions t WHERE t.id = ANY($1::uuid[])`,
    [wanted.map((w) => w.id)],
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const problems: string[] = [];
  for (const w of wanted) {
    const t = byId.get(w.id);
    if (!t || t.case_id !== w.caseId) problems.push(`${w.id} is not a therapy session of case ${w.caseId}`);
    else if (!t.recorded) problems.push(`${w.id} was not recorded`);
    else if (t.date > s.date) problems.push(`${w.id} took place after the supervision session`);
  }
  if (problems.length)
    throw badRequest('INVALID_REVIEWED_RECORDING', 'Reviewed recordings must be recorded sessions of the reviewed case', {
      'caseReviews.reviewedSessionIds': problems,
    });
}
