import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UnitOfWork } from '../audit/unit-of-work';
import { DomainError } from '../common/errors';
import { decodeCursor, type Page, toPage } from '../common/pagination';
import type { AuthedCtx } from '../common/request-context';
import { READERS } from '../access/case-access';
import { CaseAccess, findCase } from './case-access.service';
import { entityRows } from '../database/entity-rows';
import { caseReviewNotice } from '../notifications/notice';
import { NotificationsService } from '../notifications/notifications.service';
import { loadCaseContent } from './case-content';
import { lockCase, recordEvent } from './case-edits';
import { CaseReviewEvent, ReviewEventKind } from './case-review-event.entity';
import { CaseSignoff } from './case-signoff.entity';
import { caseReply, toCaseSummaryDto, toSignoffDto } from './case.mapper';
import type { CaseDto, CaseHistoryDto, QueueItemDto, QueueQuery, ReturnCaseDto, SignOffDto } from './dto';
import { decideReview, type ReviewAction } from './review-rules';
import { CaseReviewState, SupervisedCase } from './supervised-case.entity';

const EVENT: Record<ReviewAction, ReviewEventKind> = {
  submit: ReviewEventKind.Submitted,
  return: ReviewEventKind.Returned,
  sign_off: ReviewEventKind.SignedOff,
};

// draft → submitted → returned | signed_off. Who may act, and on which state, is review-rules.ts; this
// service loads, locks, calls it and records the event, the sign-off and the audit row in one transaction.
@Injectable()
export class CaseReviewService {
  constructor(
    private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly access: CaseAccess,
    private readonly notifications: NotificationsService,
  ) {}

  submit(ctx: AuthedCtx, id: string): Promise<CaseDto> {
    return this.transition(ctx, id, 'submit');
  }

  returnCase(ctx: AuthedCtx, id: string, dto: ReturnCaseDto): Promise<CaseDto> {
    return this.transition(ctx, id, 'return', dto.comments);
  }

  signOff(ctx: AuthedCtx, id: string, dto: SignOffDto): Promise<CaseDto> {
    return this.transition(ctx, id, 'sign_off', null, dto.contentHash);
  }

  private async transition(
    ctx: AuthedCtx,
    id: string,
    action: ReviewAction,
    comments: string | null = null,
    readHash?: string,
  ): Promise<CaseDto> {
    return this.uow.run(ctx, async (em, audit) => {
      // locked first, then read and checked once: readers only, anyone else gets the same 404 as for a missing case
      await lockCase(em, id);
      const { c, access } = await this.access.load(ctx.actor, id, READERS, em);
      const loaded = action === 'sign_off' ? await loadCaseContent(em, c) : null;
      const decision = decideReview({
        state: c.reviewState,
        action,
        isTrainee: c.traineeId === ctx.actor.userId,
        isCaseSupervisor: access.relation === 'supervisor' && c.supervisorId === ctx.actor.userId,
        hashMatches: loaded ? loaded.hash === readHash : undefined,
      });
      if (!decision.ok) throw new DomainError(decision.code, decision.message);
      await em.update(
        SupervisedCase,
        { id },
        { reviewState: decision.next, submittedAt: decision.next === CaseReviewState.Submitted ? () => 'now()' : c.submittedAt },
      );
      if (loaded) {
        await em.save(
          em.create(CaseSignoff, { caseId: id, supervisorId: ctx.actor.userId, contentHash: loaded.hash, snapshot: { ...loaded.content } }),
        );
      }
      await recordEvent(em, id, EVENT[action], ctx.actor.userId, comments, loaded?.hash ?? null);
      await this.notifications.enqueue(em, caseReviewNotice(action, c));
      audit({
        action: `case.${action}`,
        entityType: 'case',
        entityId: id,
        via: access.via,
        bodyId: c.bodyId,
        changes: { reviewState: { from: c.reviewState, to: decision.next }, ...(loaded ? { contentHash: loaded.hash } : {}) },
      });
      // the answer from this transaction: the case as the transition left it
      const after = await findCase(em, id);
      return caseReply(em, await loadCaseContent(em, after as SupervisedCase));
    });
  }

  async history(ctx: AuthedCtx, id: string): Promise<CaseHistoryDto> {
    await this.access.load(ctx.actor, id, READERS);
    const [events, signoffs] = await Promise.all([
      this.db.getRepository(CaseReviewEvent).find({ where: { caseId: id }, order: { at: 'ASC' } }),
      this.db.getRepository(CaseSignoff).find({ where: { caseId: id }, order: { signedAt: 'ASC' } }),
    ]);
    return {
      events: events.map((e) => ({
        kind: e.kind,
        actorId: e.actorId,
        comments: e.comments,
        contentHash: e.contentHash,
        at: e.at.toISOString(),
      })),
      signoffs: signoffs.map((s) => ({ ...toSignoffDto(s), snapshot: s.snapshot })),
    };
  }

  /** Cases awaiting the caller's review: risk-flagged first, then the oldest submission. Plain SQL: a hot read. */
  async queue(ctx: AuthedCtx, q: QueueQuery): Promise<Page<QueueItemDto>> {
    const limit = q.limit ?? 20;
    const cursor = decodeCursor(q.cursor, 3);
    const cases = entityRows(this.db, SupervisedCase);
    const params: unknown[] = [ctx.actor.userId, CaseReviewState.Submitted];
    const flagged = 'CASE WHEN c.risk_flagged_at IS NULL THEN 1 ELSE 0 END';
    const submitted = "date_trunc('milliseconds', c.submitted_at)";
    let after = '';
    if (cursor) {
      params.push(Number(cursor[0]), new Date(Number(cursor[1])), String(cursor[2]));
      after = ` AND (${flagged}, ${submitted}, c.id) > ($3, $4, $5)`;
    }
    params.push(limit + 1);
    // a supervision that has ended takes the case out of the supervisor's hands (and sight): EXISTS … 'active'
    // names of the supervisee and of whoever acknowledged the flag: the supervisor may see both
    const rows: (Record<string, unknown> & { delivered: number; trainee_name: string; ack_name: string | null })[] = await this.db.query(
      `SELECT ${cases.select('c')}, (SELECT count(*)::int FROM therapy_sessions s WHERE s.case_id = c.id AND s.attended) AS delivered,
              (SELECT u.display_name FROM users u WHERE u.id = c.trainee_id) AS trainee_name,
              (SELECT u.display_name FROM users u WHERE u.id = c.risk_acknowledged_by) AS ack_name
         FROM supervised_cases c
        WHERE c.supervisor_id = $1 AND c.review_state = $2
          AND EXISTS (SELECT 1 FROM supervision_relationships r WHERE r.trainee_id = c.trainee_id AND r.supervisor_id = c.supervisor_id AND r.status = 'active')${after}
        ORDER BY ${flagged}, ${submitted}, c.id LIMIT $${params.length}`,
      params,
    );
    return toPage(
      rows.map((r) => ({ c: cases.map(r, 'c'), delivered: r.delivered, traineeName: r.trainee_name, ackName: r.ack_name })),
      limit,
      ({ c }) => [c.riskFlaggedAt ? 0 : 1, (c.submittedAt as Date).getTime(), c.id],
      ({ c, delivered, traineeName, ackName }) => ({
        ...toCaseSummaryDto(c),
        deliveredSessions: delivered,
        traineeName,
        riskAcknowledgedByName: ackName,
      }),
    );
  }
}
