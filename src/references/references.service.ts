import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { belongsTo, referenceReaderGrant } from '../access/evidence-access';
import { UnitOfWork } from '../audit/unit-of-work';
import { LinkLimits } from '../auth/link-limits';
import { RateLimiter } from '../auth/rate-limiter';
import { hashRefreshToken as sha256, newRefreshToken as newLinkToken } from '../auth/token.service';
import { Body } from '../bodies/body.entity';
import { conflict, DomainError, invalid, notFound } from '../common/errors';
import type { AuthedCtx, RequestCtx } from '../common/request-context';
import { AppConfig } from '../config/env';
import { referenceRequestNotice } from '../notifications/notice';
import { NotificationsService } from '../notifications/notifications.service';
import { User, UserStatus } from '../users/user.entity';
import type {
  CreateReferenceDto,
  ListReferencesQuery,
  ReferenceDto,
  ReferenceListDto,
  ReferencePreviewDto,
  ReferenceSubmittedDto,
  ReferenceWithTextDto,
  ReferenceWithTextListDto,
  SubmitReferenceDto,
} from './dto';
import { toReferenceDto, toReferenceWithTextDto } from './reference.mapper';
import { ReferenceRequest } from './reference-request.entity';
import { isOpen, referenceExpiry, referenceState } from './reference-rules';

/**
 * References as evidence: the applicant names a referee for a body; the referee gets a single-use link (the
 * invitations' token helpers: 256-bit random, stored as SHA-256, replaced on resend) and writes the reference once
 * without an account; the applicant follows the state, the body's admins read the text.
 */
@Injectable()
export class ReferencesService {
  private readonly limits: LinkLimits;

  constructor(
    private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly notifications: NotificationsService,
    config: AppConfig,
    limiter: RateLimiter,
  ) {
    this.limits = new LinkLimits(limiter, config);
  }

  async request(ctx: AuthedCtx, dto: CreateReferenceDto): Promise<ReferenceDto> {
    if (!belongsTo(ctx.actor, dto.bodyId)) throw invalid('bodyId', 'bodyId must be a body you belong to');
    if (dto.refereeEmail === ctx.actor.email.toLowerCase() || dto.refereeUserId === ctx.actor.userId)
      throw invalid('refereeEmail', 'You cannot be your own referee', 'SELF_REFERENCE');
    return this.uow.run(ctx, async (em, audit) => {
      if (dto.refereeUserId) {
        const referee = await em.findOneBy(User, { id: dto.refereeUserId });
        if (!referee || referee.status === UserStatus.Erased) throw invalid('refereeUserId', 'refereeUserId does not name a known user');
      }
      const open = await em.find(ReferenceRequest, {
        where: { applicantId: ctx.actor.userId, bodyId: dto.bodyId, refereeEmail: dto.refereeEmail, kind: dto.kind },
      });
      if (open.some((r) => referenceState(r, new Date()) === 'requested'))
        throw conflict('REFERENCE_ALREADY_REQUESTED', 'You already asked this referee for this kind of reference; resend it instead');
      const token = newLinkToken();
      const { identifiers } = await em.insert(ReferenceRequest, {
        applicantId: ctx.actor.userId,
        bodyId: dto.bodyId,
        kind: dto.kind,
        refereeName: dto.refereeName,
        refereeEmail: dto.refereeEmail,
        refereeUserId: dto.refereeUserId ?? null,
        relation: dto.relation,
        tokenHash: sha256(token),
        expiresAt: referenceExpiry(new Date()),
      });
      const id = String(identifiers[0].id);
      const ref = await em.findOneByOrFail(ReferenceRequest, { id });
      await this.mail(em, ref, token);
      audit({
        action: 'reference.request',
        entityType: 'reference_request',
        entityId: id,
        via: 'SELF',
        bodyId: dto.bodyId,
        changes: { kind: dto.kind, refereeEmail: dto.refereeEmail, refereeUserId: dto.refereeUserId ?? null },
      });
      return toReferenceDto(ref, new Date());
    });
  }

  async listOwn(ctx: AuthedCtx, q: ListReferencesQuery): Promise<ReferenceListDto> {
    const rows = await this.db
      .getRepository(ReferenceRequest)
      .find({ where: { applicantId: ctx.actor.userId }, order: { createdAt: 'DESC' }, take: 500 });
    const now = new Date();
    return { items: rows.map((r) => toReferenceDto(r, now)).filter((d) => !q.state || d.state === q.state) };
  }

  /** A new link (new token, new expiry); the old one stops working. */
  async resend(ctx: AuthedCtx, id: string): Promise<ReferenceDto> {
    return this.uow.run(ctx, async (em, audit) => {
      const ref = await this.ownOpen(em, ctx, id);
      const token = newLinkToken();
      await em.update(
        ReferenceRequest,
        { id },
        { tokenHash: sha256(token), expiresAt: referenceExpiry(new Date()), sendCount: ref.sendCount + 1, version: ref.version + 1 },
      );
      const fresh = await em.findOneByOrFail(ReferenceRequest, { id });
      await this.mail(em, fresh, token);
      audit({
        action: 'reference.resend',
        entityType: 'reference_request',
        entityId: id,
        via: 'SELF',
        bodyId: ref.bodyId,
        changes: { sendCount: fresh.sendCount },
      });
      return toReferenceDto(fresh, new Date());
    });
  }

  async cancel(ctx: AuthedCtx, id: string): Promise<ReferenceDto> {
    return this.uow.run(ctx, async (em, audit) => {
      const ref = await this.ownOpen(em, ctx, id);
      await em.update(ReferenceRequest, { id }, { cancelledAt: () => 'now()', version: ref.version + 1 });
      audit({
        action: 'reference.cancel',
        entityType: 'reference_request',
        entityId: id,
        via: 'SELF',
        bodyId: ref.bodyId,
        changes: { state: { from: referenceState(ref, new Date()), to: 'cancelled' } },
      });
      return toReferenceDto(await em.findOneByOrFail(ReferenceRequest, { id }), new Date());
    });
  }

  /** The body's admins read the references given for their body (text included). */
  async listForBody(ctx: AuthedCtx, bodyId: string, q: ListReferencesQuery): Promise<ReferenceWithTextListDto> {
    if (!referenceReaderGrant(ctx.actor, bodyId)) throw notFound('Body');
    const rows = await this.db.getRepository(ReferenceRequest).find({ where: { bodyId }, order: { createdAt: 'DESC' }, take: 500 });
    const names = await this.names(rows.map((r) => r.applicantId));
    const now = new Date();
    return {
      items: rows.map((r) => toReferenceWithTextDto(r, names.get(r.applicantId) ?? '', now)).filter((d) => !q.state || d.state === q.state),
    };
  }

  async getForBody(ctx: AuthedCtx, id: string): Promise<ReferenceWithTextDto> {
    const ref = await this.db.getRepository(ReferenceRequest).findOneBy({ id });
    if (!ref || !referenceReaderGrant(ctx.actor, ref.bodyId)) throw notFound('Reference');
    const names = await this.names([ref.applicantId]);
    return toReferenceWithTextDto(ref, names.get(ref.applicantId) ?? '', new Date());
  }

  /** What the referee's page shows: who asks, for which body, what kind of reference. */
  async preview(ctx: RequestCtx, token: string): Promise<ReferencePreviewDto> {
    await this.limits.assertUnder(ctx);
    const ref = await this.db.getRepository(ReferenceRequest).findOneBy({ tokenHash: sha256(token) });
    if (!ref) await this.limits.refused(ctx);
    requestedOrThrow(ref);
    const [body, names] = await Promise.all([
      this.db.getRepository(Body).findOneByOrFail({ id: ref!.bodyId }),
      this.names([ref!.applicantId]),
    ]);
    return {
      applicantName: names.get(ref!.applicantId) ?? '',
      bodyName: body.name,
      kind: ref!.kind,
      refereeName: ref!.refereeName,
      relation: ref!.relation,
      expiresAt: ref!.expiresAt.toISOString(),
    };
  }

  /** The referee writes the reference, once: the link then stops working. */
  async submit(ctx: RequestCtx, dto: SubmitReferenceDto): Promise<ReferenceSubmittedDto> {
    await this.limits.assertUnder(ctx);
    try {
      return await this.uow.run(ctx, async (em, audit) => {
        const ref = requestedOrThrow(
          await em.findOne(ReferenceRequest, { where: { tokenHash: sha256(dto.token) }, lock: { mode: 'pessimistic_write' } }),
        );
        await em.update(
          ReferenceRequest,
          { id: ref.id },
          {
            submittedAt: () => 'now()',
            text: dto.text,
            recommend: dto.recommend ?? null,
            rating: dto.rating ?? null,
            version: ref.version + 1,
          },
        );
        audit({
          action: 'reference.submit',
          entityType: 'reference_request',
          entityId: ref.id,
          actorId: ref.refereeUserId,
          via: 'PUBLIC',
          bodyId: ref.bodyId,
          // never the text: the audit trail holds no free text a person wrote
          changes: {
            applicantId: ref.applicantId,
            kind: ref.kind,
            length: dto.text.length,
            recommend: dto.recommend ?? null,
            rating: dto.rating ?? null,
          },
        });
        const fresh = await em.findOneByOrFail(ReferenceRequest, { id: ref.id });
        const applicant = await em.findOneByOrFail(User, { id: ref.applicantId });
        const body = await em.findOneByOrFail(Body, { id: ref.bodyId });
        return { applicantName: applicant.displayName, bodyName: body.name, submittedAt: fresh.submittedAt!.toISOString() };
      });
    } catch (err) {
      // an unknown link counts against the caller's address, after (outside) the transaction that found it unknown
      if (err instanceof DomainError && err.code === 'REFERENCE_NOT_FOUND') await this.limits.refused(ctx);
      throw err;
    }
  }

  private async ownOpen(em: EntityManager, ctx: AuthedCtx, id: string): Promise<ReferenceRequest> {
    const ref = await em.findOne(ReferenceRequest, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!ref || ref.applicantId !== ctx.actor.userId) throw notFound('Reference');
    const state = referenceState(ref, new Date());
    if (!isOpen(state)) throw conflict('REFERENCE_NOT_PENDING', `The reference is ${state}`, { state: [state] });
    return ref;
  }

  private async names(ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows: { id: string; display_name: string }[] = await this.db.query(
      `SELECT id, display_name FROM users WHERE id = ANY($1::uuid[])`,
      [[...new Set(ids)]],
    );
    return new Map(rows.map((r) => [r.id, r.display_name]));
  }

  private async mail(em: EntityManager, ref: ReferenceRequest, token: string): Promise<void> {
    const applicant = await em.findOneByOrFail(User, { id: ref.applicantId });
    const body = await em.findOneByOrFail(Body, { id: ref.bodyId });
    await this.notifications.enqueue(
      em,
      referenceRequestNotice({ refereeEmail: ref.refereeEmail, applicantName: applicant.displayName, bodyName: body.name, token }),
    );
  }
}

function requestedOrThrow(ref: ReferenceRequest | null): ReferenceRequest {
  if (!ref) throw notFound('Reference');
  const state = referenceState(ref, new Date());
  if (state !== 'requested')
    throw new DomainError('REFERENCE_NOT_PENDING', `This reference link is ${state === 'submitted' ? 'used' : state}; a link works once`, {
      state: [state],
    });
  return ref;
}
