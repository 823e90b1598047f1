import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import { adminGrantFor } from '../access/grants';
import { type Audit, UnitOfWork } from '../audit/unit-of-work';
import { assertAcceptablePassword } from '../auth/auth.service';
import { hashPassword } from '../auth/password-hasher';
import { RateLimiter } from '../auth/rate-limiter';
import { hashRefreshToken as sha256, newRefreshToken as newLinkToken } from '../auth/token.service';
import { Body } from '../bodies/body.entity';
import { conflict, DomainError, forbidden, invalid, notFound } from '../common/errors';
import type { AuthedCtx, RequestCtx } from '../common/request-context';
import { AppConfig } from '../config/env';
import { NotificationsService } from '../notifications/notifications.service';
import { RoleGrant } from '../users/role-grant.entity';
import { User, UserStatus } from '../users/user.entity';
import type {
  AcceptInvitationDto,
  CreateInvitationDto,
  InvitationAcceptedDto,
  InvitationDto,
  InvitationListDto,
  InvitationPreviewDto,
  ListInvitationsQuery,
} from './dto';
import { Invitation } from './invitation.entity';
import type { Role } from '../common/roles';
import { toInvitationDto } from './invitation.mapper';
import { invitationState, isInvitableRole, maskEmail, mayResend } from './invitation-rules';
import { LinkLimits } from '../auth/link-limits';

const isUniqueViolation = (err: unknown): boolean =>
  ((err as { driverError?: { code?: unknown } })?.driverError?.code ?? (err as { code?: unknown })?.code) === '23505';

/**
 * Invitations by e-mail to a role in a body. Nobody gets a role they did not accept: the role is granted only
 * when the invited person opens the link and accepts (a new account with a password, or their signed-in
 * account with the invited address). Accepting is the person's act, so it makes them a member of the body.
 */
@Injectable()
export class InvitationsService {
  private readonly limits: LinkLimits;

  constructor(
    private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly notifications: NotificationsService,
    private readonly config: AppConfig,
    limiter: RateLimiter,
  ) {
    this.limits = new LinkLimits(limiter, config);
  }

  async create(ctx: AuthedCtx, bodyId: string, dto: CreateInvitationDto): Promise<InvitationDto> {
    const via = adminGrantFor(ctx.actor, bodyId);
    if (!via) throw forbidden('You may invite people only to a body you administer');
    if (!isInvitableRole(dto.role)) throw invalid('role', 'ADMIN is a global role; invite to a role within the body');
    return this.uow.run(ctx, async (em, audit) => {
      const body = await em.findOneBy(Body, { id: bodyId });
      if (!body) throw notFound('Body');
      const inv = await this.inviteIn(em, ctx.actor.userId, body, dto.email, dto.role);
      if (!inv) throw conflict('INVITATION_ALREADY_PENDING', 'A pending invitation to this address and role exists; resend it instead');
      audit({
        action: 'invitation.create',
        entityType: 'invitation',
        entityId: inv.id,
        via,
        bodyId,
        changes: { email: dto.email, role: dto.role },
      });
      return toInvitationDto(inv, new Date());
    });
  }

  /**
   * Writes an invitation and queues its mail inside the caller's transaction (the caller audits); null when a pending
   * invitation to this address and role exists already. Also used by the register import when the body asks for invitations.
   */
  async inviteIn(em: EntityManager, invitedBy: string, body: Body, email: string, role: Role): Promise<Invitation | null> {
    const open = await em.find(Invitation, {
      where: { bodyId: body.id, email, role, acceptedAt: IsNull(), withdrawnAt: IsNull() },
    });
    if (open.some((i) => invitationState(i, new Date()) === 'pending')) return null;
    const token = newLinkToken();
    const inv = await em.save(
      em.create(Invitation, { bodyId: body.id, email, role, tokenHash: sha256(token), expiresAt: this.expiry(), invitedBy }),
    );
    await this.mail(em, inv, body, token);
    return inv;
  }

  async list(ctx: AuthedCtx, bodyId: string, q: ListInvitationsQuery): Promise<InvitationListDto> {
    if (!adminGrantFor(ctx.actor, bodyId)) throw forbidden('You may see invitations only of a body you administer');
    const rows = await this.db.getRepository(Invitation).find({ where: { bodyId }, order: { createdAt: 'DESC' }, take: 500 });
    const now = new Date();
    return { items: rows.map((r) => toInvitationDto(r, now)).filter((d) => !q.state || d.state === q.state) };
  }

  /** A new link (new token, new expiry); the old link no longer works. */
  async resend(ctx: AuthedCtx, id: string): Promise<InvitationDto> {
    return this.uow.run(ctx, async (em, audit) => {
      const { inv, via } = await this.administered(em, ctx, id);
      const state = invitationState(inv, new Date());
      if (!mayResend(state)) throw conflict('INVITATION_NOT_PENDING', `The invitation is ${state}`, { state: [state] });
      const token = newLinkToken();
      await em.update(Invitation, { id }, { tokenHash: sha256(token), expiresAt: this.expiry(), sendCount: inv.sendCount + 1 });
      const fresh = await em.findOneByOrFail(Invitation, { id });
      await this.mail(em, fresh, await em.findOneByOrFail(Body, { id: inv.bodyId }), token);
      audit({
        action: 'invitation.resend',
        entityType: 'invitation',
        entityId: id,
        via,
        bodyId: inv.bodyId,
        changes: { sendCount: fresh.sendCount },
      });
      return toInvitationDto(fresh, new Date());
    });
  }

  async withdraw(ctx: AuthedCtx, id: string): Promise<InvitationDto> {
    return this.uow.run(ctx, async (em, audit) => {
      const { inv, via } = await this.administered(em, ctx, id);
      const state = invitationState(inv, new Date());
      if (!mayResend(state)) throw conflict('INVITATION_NOT_PENDING', `The invitation is ${state}`, { state: [state] });
      await em.update(Invitation, { id }, { withdrawnAt: () => 'now()' });
      audit({
        action: 'invitation.withdraw',
        entityType: 'invitation',
        entityId: id,
        via,
        bodyId: inv.bodyId,
        changes: { state: { from: state, to: 'withdrawn' } },
      });
      return toInvitationDto(await em.findOneByOrFail(Invitation, { id }), new Date());
    });
  }

  /** What the link's page shows before anyone accepts: the body, the role, the masked address. */
  async preview(ctx: RequestCtx, token: string): Promise<InvitationPreviewDto> {
    await this.limits.assertUnder(ctx);
    const inv = await this.db.getRepository(Invitation).findOneBy({ tokenHash: sha256(token) });
    await this.assertPending(ctx, inv);
    const body = await this.db.getRepository(Body).findOneByOrFail({ id: inv!.bodyId });
    const accountExists = await this.db.getRepository(User).existsBy({ email: inv!.email });
    return {
      bodyName: body.name,
      role: inv!.role,
      emailMasked: maskEmail(inv!.email),
      accountExists,
      expiresAt: inv!.expiresAt.toISOString(),
    };
  }

  /** A person without an account accepts: the account is created with the invited address (verified by the link). */
  async acceptWithNewAccount(ctx: RequestCtx, dto: AcceptInvitationDto): Promise<InvitationAcceptedDto> {
    await this.limits.assertUnder(ctx);
    const known = await this.db.getRepository(Invitation).findOneBy({ tokenHash: sha256(dto.token) });
    await this.assertPending(ctx, known);
    assertAcceptablePassword(dto.password, known!.email);
    const passwordHash = await hashPassword(dto.password);
    try {
      return await this.uow.run(ctx, async (em, audit) => {
        const inv = await this.lockPending(em, dto.token);
        if (await em.existsBy(User, { email: inv.email }))
          throw conflict('ACCOUNT_EXISTS', 'An account with this address exists: sign in with it and accept the invitation');
        const user = await em.save(
          em.create(User, { email: inv.email, displayName: dto.displayName, passwordHash, emailVerifiedAt: new Date() }),
        );
        return this.complete(em, audit, inv, user, true);
      });
    } catch (err) {
      if (isUniqueViolation(err))
        throw conflict('ACCOUNT_EXISTS', 'An account with this address exists: sign in with it and accept the invitation');
      throw err;
    }
  }

  /** The signed-in owner of the invited address accepts the role; no other account can. */
  async acceptSignedIn(ctx: AuthedCtx, token: string): Promise<InvitationAcceptedDto> {
    await this.limits.assertUnder(ctx);
    return this.countRefusal(ctx, () => this.acceptAsSignedIn(ctx, token));
  }

  private acceptAsSignedIn(ctx: AuthedCtx, token: string): Promise<InvitationAcceptedDto> {
    return this.uow.run(ctx, async (em, audit) => {
      const inv = await this.lockPending(em, token);
      const user = await em.findOneByOrFail(User, { id: ctx.actor.userId });
      if (user.email !== inv.email || user.status !== UserStatus.Active) {
        throw forbidden(
          'This invitation was sent to another e-mail address: sign in with the invited account',
          'INVITATION_FOR_ANOTHER_ACCOUNT',
        );
      }
      if (!user.emailVerifiedAt) await em.update(User, { id: user.id }, { emailVerifiedAt: () => 'now()' });
      return this.complete(em, audit, inv, user, false);
    });
  }

  // an unknown link counts against the caller's address, after (outside) the transaction that found it unknown
  private async countRefusal<T>(ctx: RequestCtx, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      if (err instanceof DomainError && err.code === 'INVITATION_NOT_FOUND') await this.limits.refused(ctx);
      throw err;
    }
  }

  private async complete(
    em: EntityManager,
    audit: Audit,
    inv: Invitation,
    user: User,
    newAccount: boolean,
  ): Promise<InvitationAcceptedDto> {
    // accepting a role one already holds changes nothing but the invitation
    const held = await em.existsBy(RoleGrant, { userId: user.id, role: inv.role, bodyId: inv.bodyId, revokedAt: IsNull() });
    const grant = held
      ? null
      : await em.save(em.create(RoleGrant, { userId: user.id, role: inv.role, bodyId: inv.bodyId, grantedBy: inv.invitedBy }));
    await em.update(Invitation, { id: inv.id }, { acceptedAt: () => 'now()', acceptedBy: user.id });
    audit({
      action: 'invitation.accept',
      entityType: 'invitation',
      entityId: inv.id,
      actorId: user.id,
      via: newAccount ? 'PUBLIC' : 'SELF',
      bodyId: inv.bodyId,
      changes: { userId: user.id, newAccount, role: inv.role, grantId: grant?.id ?? null, alreadyHeld: held },
    });
    const body = await em.findOneByOrFail(Body, { id: inv.bodyId });
    return { role: inv.role, bodyId: inv.bodyId, bodyName: body.name, email: user.email };
  }

  // inside the accepting transaction: no rate-limit write here (that would need a second connection, which the
  // embedded database's single connection never gives); callers count a refused link once the transaction is over
  private async lockPending(em: EntityManager, token: string): Promise<Invitation> {
    const inv = await em.findOne(Invitation, { where: { tokenHash: sha256(token) }, lock: { mode: 'pessimistic_write' } });
    return pendingOrThrow(inv);
  }

  private async assertPending(ctx: RequestCtx, inv: Invitation | null): Promise<void> {
    if (!inv) await this.limits.refused(ctx);
    pendingOrThrow(inv);
  }

  private async administered(em: EntityManager, ctx: AuthedCtx, id: string) {
    const inv = await em.findOne(Invitation, { where: { id }, lock: { mode: 'pessimistic_write' } });
    const via = inv && adminGrantFor(ctx.actor, inv.bodyId);
    if (!inv || !via) throw notFound('Invitation');
    return { inv, via };
  }

  private expiry(): Date {
    return new Date(Date.now() + this.config.INVITATION_TTL_HOURS * 3600_000);
  }

  // security mail: the preference does not apply, and the link (which carries the token) stays out of the in-app list
  private mail(em: EntityManager, inv: Invitation, body: Body, token: string): Promise<boolean> {
    return this.notifications.enqueue(em, {
      recipientId: null,
      toAddress: inv.email,
      kind: 'account.invitation',
      path: `/invitations/accept#${token}`,
      bodyName: body.name,
      role: inv.role,
      security: true,
      inApp: false,
    });
  }
}

function pendingOrThrow(inv: Invitation | null): Invitation {
  if (!inv) throw notFound('Invitation');
  const state = invitationState(inv, new Date());
  if (state !== 'pending')
    throw new DomainError('INVITATION_NOT_PENDING', `The invitation is ${state}; ask the body for a new one`, { state: [state] });
  return inv;
}
