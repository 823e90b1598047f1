import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { UnitOfWork } from '../audit/unit-of-work';
import { notFound, preconditionFailed } from '../common/errors';
import { expectedVersion } from '../common/etag';
import type { AuthedCtx } from '../common/request-context';
import { entityRows } from '../database/entity-rows';
import { ReviewEventKind } from './case-review-event.entity';
import { CaseReviewState, SupervisedCase } from './supervised-case.entity';

// The one way case content changes (case fields, sessions, outcome measures): the change is no longer what a
// supervisor saw, so a submitted, returned or signed-off case goes back to draft and its sign-off is voided
// (case_signoffs keeps the signed version).

/** What one content edit wrote: the audit row's `changes`, and the reply, built from this transaction. */
export interface CaseEdit<R> {
  changes: Record<string, unknown>;
  reply: R;
}

@Injectable()
export class CaseContentEdits {
  constructor(private readonly uow: UnitOfWork) {}

  /**
   * One content edit, in one transaction, the same for every kind of content:
   * - If-Match (the CASE's ETag) is required: missing → 428, stale → 412, and nothing is written;
   * - owner only: a case that is not the caller's is a 404 as if absent (checked in the version bump's statement);
   * - the case's version is bumped and its review reopened (markCaseEdited), then `work` writes against the case
   *   as it now stands (it may update `c` in memory to what it wrote) and builds the reply from what it read;
   * - exactly one audit row: `action` on entity `case`, the case's body, `changes` plus the review state it left.
   */
  run<R>(
    ctx: AuthedCtx,
    caseId: string,
    ifMatch: string | undefined,
    action: string,
    work: (em: EntityManager, c: SupervisedCase) => Promise<CaseEdit<R>>,
  ): Promise<R> {
    const version = expectedVersion(ifMatch);
    return this.uow.run(ctx, async (em, audit) => {
      const { c, reopenedFrom } = await markCaseEdited(em, caseId, version, ctx.actor.userId, ctx.actor.userId);
      const { changes, reply } = await work(em, c);
      audit({
        action,
        entityType: 'case',
        entityId: caseId,
        bodyId: c.bodyId,
        changes: { ...changes, reviewState: { from: reopenedFrom } },
      });
      return reply;
    });
  }
}

/**
 * Bumps the case's version (which locks its row) and reopens its review; returns the case as it now stands and
 * the review state it was in. One `UPDATE … RETURNING` checks the version (If-Match: stale → 412) and the owner
 * (a case that is not `ownerId`'s → 404 as if absent), so nothing is read before it. Run inside the caller's
 * transaction, with its `em`.
 */
export async function markCaseEdited(
  em: EntityManager,
  caseId: string,
  version: number,
  actorId: string,
  ownerId: string,
): Promise<{ c: SupervisedCase; reopenedFrom: CaseReviewState }> {
  const rows = entityRows(em.connection, SupervisedCase);
  const res: unknown[] = await em.query(
    `UPDATE supervised_cases AS c SET version = c.version + 1, updated_at = now() WHERE c.id = $1 AND c.version = $2 AND c.trainee_id = $3 RETURNING ${rows.select('c')}`,
    [caseId, version, ownerId],
  );
  const updated = flatRows<Record<string, unknown>>(res);
  if (!updated.length) {
    const found: { trainee_id: string }[] = await em.query(`SELECT trainee_id FROM supervised_cases WHERE id = $1`, [caseId]);
    if (!found.length || found[0].trainee_id !== ownerId) throw notFound('Case');
    throw preconditionFailed();
  }
  const c = rows.map(updated[0], 'c');
  const reopenedFrom = c.reviewState;
  if (reopenedFrom !== CaseReviewState.Draft) {
    await reopenReview(em, caseId, reopenedFrom, actorId);
    c.reviewState = CaseReviewState.Draft;
    c.submittedAt = null;
  }
  return { c, reopenedFrom };
}

/** SELECT … FOR UPDATE of the case's review state and version (for the writes that are not content edits: delete, review). */
export async function lockCase(em: EntityManager, caseId: string): Promise<{ reviewState: CaseReviewState; version: number }> {
  const rows: { review_state: CaseReviewState; version: number }[] = await em.query(
    `SELECT review_state, version FROM supervised_cases WHERE id = $1 FOR UPDATE`,
    [caseId],
  );
  if (!rows.length) throw notFound('Case');
  return { reviewState: rows[0].review_state, version: rows[0].version };
}

/** Moves a case whose content changed back to draft; voids a current sign-off and records why. */
export async function reopenReview(em: EntityManager, caseId: string, previous: CaseReviewState, actorId: string | null): Promise<void> {
  if (previous === CaseReviewState.Draft) return;
  await em.query(`UPDATE supervised_cases SET review_state = 'draft', submitted_at = NULL WHERE id = $1`, [caseId]);
  if (previous === CaseReviewState.SignedOff) {
    await em.query(
      `UPDATE case_signoffs SET voided_at = now(), void_reason = 'content edited after sign-off' WHERE case_id = $1 AND voided_at IS NULL`,
      [caseId],
    );
    await recordEvent(em, caseId, ReviewEventKind.Voided, actorId);
  } else if (previous === CaseReviewState.Submitted) {
    await recordEvent(em, caseId, ReviewEventKind.Withdrawn, actorId);
  }
}

export async function recordEvent(
  em: EntityManager,
  caseId: string,
  kind: ReviewEventKind,
  actorId: string | null,
  comments: string | null = null,
  contentHash: string | null = null,
): Promise<void> {
  await em.query(`INSERT INTO case_review_events (case_id, kind, actor_id, comments, content_hash) VALUES ($1, $2, $3, $4, $5)`, [
    caseId,
    kind,
    actorId,
    comments,
    contentHash,
  ]);
}

/** The rows of an `UPDATE … RETURNING`: they come back as [rows, count] from the pg driver through TypeORM. */
export const flatRows = <T = unknown>(res: unknown[]): T[] => (Array.isArray(res[0]) ? (res[0] as T[]) : (res as T[]));
