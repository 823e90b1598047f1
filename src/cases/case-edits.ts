import type { EntityManager } from 'typeorm';
import { notFound, preconditionFailed } from '../common/errors';
import { entityRows } from '../database/entity-rows';
import { ReviewEventKind } from './case-review-event.entity';
import { CaseReviewState, SupervisedCase } from './supervised-case.entity';

// The one way case content changes (case fields, sessions, outcome measures): the change is no longer what a
// supervisor saw, so a submitted, returned or signed-off case goes back to draft and its sign-off is voided
// (case_signoffs keeps the signed version). Run inside the caller's transaction, with its `em`.

/**
 * Bumps the case's version (which locks its row) and reopens its review; returns the case as it now stands.
 * With `expectedVersion` (the case's If-Match), a stale version is a 412 and nothing is written. With `ownerId`,
 * the case must be that trainee's (the owner-only check folded into the same statement), else 404 as if absent.
 */
export async function markCaseEdited(
  em: EntityManager,
  caseId: string,
  expectedVersion?: number,
  actorId: string | null = null,
  ownerId?: string,
): Promise<SupervisedCase> {
  const rows = entityRows(em.connection, SupervisedCase);
  const params: unknown[] = [caseId];
  const stale = expectedVersion === undefined ? '' : ` AND c.version = $${params.push(expectedVersion)}`;
  const owner = ownerId === undefined ? '' : ` AND c.trainee_id = $${params.push(ownerId)}`;
  const res: unknown[] = await em.query(
    `UPDATE supervised_cases AS c SET version = c.version + 1, updated_at = now() WHERE c.id = $1${stale}${owner} RETURNING ${rows.select('c')}`,
    params,
  );
  const updated = flatRows(res) as Record<string, unknown>[];
  if (!updated.length) {
    const found: { trainee_id: string }[] = await em.query(`SELECT trainee_id FROM supervised_cases WHERE id = $1`, [caseId]);
    if (!found.length || (ownerId !== undefined && found[0].trainee_id !== ownerId)) throw notFound('Case');
    throw preconditionFailed();
  }
  const c = rows.map(updated[0], 'c');
  if (c.reviewState !== CaseReviewState.Draft) {
    await reopenReview(em, caseId, c.reviewState, actorId);
    c.reviewState = CaseReviewState.Draft;
    c.submittedAt = null;
  }
  return c;
}

/** SELECT … FOR UPDATE of the case's review state and version; 412 if the version is not the expected one. */
export async function lockCase(em: EntityManager, caseId: string, expectedVersion?: number): Promise<{ reviewState: CaseReviewState; version: number }> {
  const rows: { review_state: CaseReviewState; version: number }[] = await em.query(
    `SELECT review_state, version FROM supervised_cases WHERE id = $1 FOR UPDATE`,
    [caseId],
  );
  if (!rows.length) throw notFound('Case');
  if (expectedVersion !== undefined && rows[0].version !== expectedVersion) throw preconditionFailed();
  return { reviewState: rows[0].review_state, version: rows[0].version };
}

/** Moves a case whose content changed back to draft; voids a current sign-off and records why. */
export async function reopenReview(em: EntityManager, caseId: string, previous: CaseReviewState, actorId: string | null): Promise<void> {
  if (previous === CaseReviewState.Draft) return;
  await em.query(`UPDATE supervised_cases SET review_state = 'draft', submitted_at = NULL WHERE id = $1`, [caseId]);
  if (previous === CaseReviewState.SignedOff) {
    await em.query(`UPDATE case_signoffs SET voided_at = now(), void_reason = 'content edited after sign-off' WHERE case_id = $1 AND voided_at IS NULL`, [caseId]);
    await recordEvent(em, caseId, ReviewEventKind.Voided, actorId);
  } else if (previous === CaseReviewState.Submitted) {
    await recordEvent(em, caseId, ReviewEventKind.Withdrawn, actorId);
  }
}

export async function recordEvent(em: EntityManager, caseId: string, kind: ReviewEventKind, actorId: string | null, comments: string | null = null, contentHash: string | null = null): Promise<void> {
  await em.query(`INSERT INTO case_review_events (case_id, kind, actor_id, comments, content_hash) VALUES ($1, $2, $3, $4, $5)`, [
    caseId,
    kind,
    actorId,
    comments,
    contentHash,
  ]);
}

// `UPDATE … RETURNING` comes back as [rows, count] from the pg driver through TypeORM
const flatRows = (res: unknown[]): unknown[] => (Array.isArray(res[0]) ? (res[0] as unknown[]) : res);
