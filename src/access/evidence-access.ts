import type { Actor, Grant } from '../common/request-context';
import type { RecordRelation } from './record-access.service';
import { adminGrantFor } from './grants';

// Qualifications belong to the person's record of no body: the person keeps them; a body admin of a body in
// which the person is a TRAINEE reads them and verifies or rejects them; a global admin reads them. A supervisor
// sees none (404, like a missing record).
export const QUALIFICATION_READERS: readonly RecordRelation[] = ['own', 'body_admin', 'submitted_to', 'admin'];
export const QUALIFICATION_REVIEWERS: readonly RecordRelation[] = ['body_admin'];

// The body admin's list: people who hold TRAINEE in the body ($1). Same set as RecordAccessService's body_admin.
export const BODY_TRAINEES_SQL = `SELECT g.user_id FROM role_grants g WHERE g.body_id = $1 AND g.role = 'TRAINEE' AND g.revoked_at IS NULL`;

// A reference is requested for one body. The applicant sees its state and never its text; the referee writes
// it through the mailed link; only an admin of that body (or a global admin) reads it.
export const referenceReaderGrant = (actor: Actor, bodyId: string): Grant | undefined => adminGrantFor(actor, bodyId);

/** A person asks for references only for a body they belong to (hold any role in). */
export const belongsTo = (actor: Actor, bodyId: string): boolean => actor.grants.some((g) => g.bodyId === bodyId);
