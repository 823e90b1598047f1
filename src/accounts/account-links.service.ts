import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import { UnitOfWork } from '../audit/unit-of-work';
import { assertAcceptablePassword, revokeSessions } from '../auth/auth.service';
import { EmailVerification } from '../auth/email-verification';
import { hashPassword, verifyPassword } from '../auth/password-hasher';
import { RateLimiter } from '../auth/rate-limiter';
import { passwordResetKey } from '../auth/sign-in-limits';
import { hashRefreshToken as sha256, newRefreshToken as newLinkToken } from '../auth/token.service';
import { badRequest, conflict, DomainError, invalid, notFound } from '../common/errors';
import type { AuthedCtx, RequestCtx } from '../common/request-context';
import { AppConfig } from '../config/env';
import { LinkLimits } from '../auth/link-limits';
import { NotificationsService } from '../notifications/notifications.service';
import { User, UserStatus } from '../users/user.entity';
import { AccountToken, AccountTokenPurpose } from './account-token.entity';
import { type ChangeEmailDto, LINK_SENT_MESSAGE, type LinkSentDto, type PasswordResetCompleteDto } from './dto';

// at most this many reset mails per address per sign-in window: beyond it the request is answered the same,
// and nothing is sent (nobody can use the service to flood someone's mailbox)
const RESETS_PER_WINDOW = 3;

const invalidLink = () =>
  badRequest('INVALID_LINK_TOKEN', 'This link is unknown, already used, replaced by a newer one, or expired; ask for a new one');

/**
 * Links mailed to a person about their own account: password reset, confirming the address of a new
 * registration, confirming a new address. Each is single-use and expiring, stored as its SHA-256 only, and
 * security mail (sent whatever the mail preference; kept out of the in-app list because it carries the token).
 */
@Injectable()
export class AccountLinksService extends EmailVerification {
  private readonly limits: LinkLimits;

  constructor(
    private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly notifications: NotificationsService,
    private readonly config: AppConfig,
    private readonly limiter: RateLimiter,
  ) {
    super();
    this.limits = new LinkLimits(limiter, config);
  }

  /** Registration: the link that confirms the new account's address, in the registration's transaction. */
  async issue(em: EntityManager, user: { id: string; email: string }): Promise<void> {
    const token = await this.newToken(em, user.id, AccountTokenPurpose.VerifyEmail, this.config.EMAIL_CONFIRM_TTL_HOURS * 3600_000);
    await this.notifications.enqueue(em, {
      recipientId: user.id,
      kind: 'account.verify_email',
      path: `/verify-email#${token}`,
      security: true,
      inApp: false,
    });
  }

  /** The same answer whether or not the address has an account (no existence oracle). */
  async requestPasswordReset(ctx: RequestCtx, email: string): Promise<LinkSentDto> {
    await this.limiter.hit(`reset:ip:${ctx.ip}`, this.config.SIGN_IN_IP_LIMIT, this.config.SIGN_IN_WINDOW_SECONDS);
    const answer: LinkSentDto = { status: 'accepted', message: LINK_SENT_MESSAGE };
    const user = await this.db.getRepository(User).findOneBy({ email });
    if (!user || user.status !== UserStatus.Active) return answer;
    const { hits } = await this.limiter.count(passwordResetKey(email), this.config.SIGN_IN_WINDOW_SECONDS);
    if (hits > RESETS_PER_WINDOW) return answer;
    await this.uow.run(ctx, async (em, audit) => {
      const token = await this.newToken(em, user.id, AccountTokenPurpose.PasswordReset, this.config.PASSWORD_RESET_TTL_MINUTES * 60_000);
      await this.notifications.enqueue(em, {
        recipientId: user.id,
        kind: 'account.password_reset',
        path: `/reset-password#${token}`,
        security: true,
        inApp: false,
      });
      audit({ action: 'user.password_reset_request', entityType: 'user', entityId: user.id, actorId: null, via: 'PUBLIC' });
    });
    return answer;
  }

  /** Sets the new password and ends every session of the account (a thief's included). */
  async completePasswordReset(ctx: RequestCtx, dto: PasswordResetCompleteDto): Promise<void> {
    await this.limits.assertUnder(ctx);
    const known = await this.usable(ctx, this.db.manager, dto.token, AccountTokenPurpose.PasswordReset);
    const user = await this.db.getRepository(User).findOneByOrFail({ id: known.userId });
    assertAcceptablePassword(dto.password, user.email);
    const passwordHash = await hashPassword(dto.password);
    await this.uow.run(ctx, async (em, audit) => {
      const t = await this.usable(ctx, em, dto.token, AccountTokenPurpose.PasswordReset, true);
      await em.update(AccountToken, { id: t.id }, { usedAt: () => 'now()' });
      // the link arrived at the address, so the address is confirmed too
      await em.update(User, { id: t.userId }, { passwordHash, emailVerifiedAt: user.emailVerifiedAt ?? new Date() });
      const revoked = await revokeSessions(em, t.userId, 'password_reset');
      audit({
        action: 'user.password_reset',
        entityType: 'user',
        entityId: t.userId,
        actorId: t.userId,
        via: 'PUBLIC',
        changes: { sessionsRevoked: revoked },
      });
    });
  }

  async verifyEmail(ctx: RequestCtx, token: string): Promise<void> {
    await this.limits.assertUnder(ctx);
    await this.usable(ctx, this.db.manager, token, AccountTokenPurpose.VerifyEmail);
    await this.uow.run(ctx, async (em, audit) => {
      const t = await this.usable(ctx, em, token, AccountTokenPurpose.VerifyEmail, true);
      await em.update(AccountToken, { id: t.id }, { usedAt: () => 'now()' });
      await em.update(User, { id: t.userId, emailVerifiedAt: IsNull() }, { emailVerifiedAt: () => 'now()' });
      audit({ action: 'user.email_verified', entityType: 'user', entityId: t.userId, actorId: t.userId, via: 'PUBLIC' });
    });
  }

  /**
   * Asks to move the account to another address: the new address gets a link, and nothing changes until it
   * is opened. An address that already has an account is answered the same, and nothing is sent to it.
   */
  async requestEmailChange(ctx: AuthedCtx, dto: ChangeEmailDto): Promise<LinkSentDto> {
    const user = await this.db.getRepository(User).findOneBy({ id: ctx.actor.userId });
    if (!user) throw notFound('User');
    if (!(await verifyPassword(user.passwordHash, dto.password))) {
      throw new DomainError('WRONG_PASSWORD', 'The current password is not correct', { password: ['is not correct'] });
    }
    if (dto.newEmail === user.email) throw invalid('newEmail', 'newEmail is the address the account already has');
    await this.uow.run(ctx, async (em, audit) => {
      const taken = await em.existsBy(User, { email: dto.newEmail });
      if (!taken) {
        const token = await this.newToken(
          em,
          user.id,
          AccountTokenPurpose.ChangeEmail,
          this.config.EMAIL_CONFIRM_TTL_HOURS * 3600_000,
          dto.newEmail,
        );
        await this.notifications.enqueue(em, {
          recipientId: user.id,
          toAddress: dto.newEmail,
          kind: 'account.confirm_new_email',
          path: `/confirm-email#${token}`,
          security: true,
          inApp: false,
        });
      }
      audit({ action: 'user.email_change_request', entityType: 'user', entityId: user.id, changes: { linkSent: !taken } });
    });
    return {
      status: 'accepted',
      message:
        'A link has been sent to the new address unless it already belongs to an account. The address changes when the link is opened.',
    };
  }

  /** The new address confirmed: the account moves to it, and the old address is told. */
  async confirmEmailChange(ctx: RequestCtx, token: string): Promise<void> {
    await this.limits.assertUnder(ctx);
    await this.usable(ctx, this.db.manager, token, AccountTokenPurpose.ChangeEmail);
    try {
      await this.uow.run(ctx, async (em, audit) => {
        const t = await this.usable(ctx, em, token, AccountTokenPurpose.ChangeEmail, true);
        const user = await em.findOne(User, { where: { id: t.userId }, lock: { mode: 'pessimistic_write' } });
        if (!user || user.status !== UserStatus.Active || !t.newEmail) throw invalidLink();
        if (await em.existsBy(User, { email: t.newEmail }))
          throw conflict('CONFLICT', 'The new address meanwhile belongs to another account');
        await em.update(AccountToken, { id: t.id }, { usedAt: () => 'now()' });
        await em.update(User, { id: user.id }, { email: t.newEmail, emailVerifiedAt: new Date() });
        await this.notifications.enqueue(em, {
          recipientId: user.id,
          toAddress: user.email,
          kind: 'account.email_changed',
          path: '/sign-in',
          security: true,
          inApp: false,
        });
        audit({
          action: 'user.email_change',
          entityType: 'user',
          entityId: user.id,
          actorId: user.id,
          via: 'PUBLIC',
          changes: { email: { from: user.email, to: t.newEmail } },
        });
      });
    } catch (err) {
      if ((err as { driverError?: { code?: unknown } })?.driverError?.code === '23505')
        throw conflict('CONFLICT', 'The new address meanwhile belongs to another account');
      throw err;
    }
  }

  /** A new token of a purpose; the unused ones of that purpose stop working. */
  private async newToken(
    em: EntityManager,
    userId: string,
    purpose: AccountTokenPurpose,
    ttlMs: number,
    newEmail: string | null = null,
  ): Promise<string> {
    await em.update(AccountToken, { userId, purpose, usedAt: IsNull() }, { usedAt: () => 'now()' });
    const token = newLinkToken();
    await em.insert(AccountToken, { userId, purpose, tokenHash: sha256(token), newEmail, expiresAt: new Date(Date.now() + ttlMs) });
    return token;
  }

  private async usable(
    ctx: RequestCtx,
    em: EntityManager,
    token: string,
    purpose: AccountTokenPurpose,
    lock = false,
  ): Promise<AccountToken> {
    const t = await em.findOne(AccountToken, {
      where: { tokenHash: sha256(token), purpose },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!t || t.usedAt || t.expiresAt <= new Date()) {
      // the locked re-check runs inside the transaction, where counting would need a second connection (the
      // embedded database has one): the link passed the unlocked check a moment ago, so only a race fails here
      if (!lock) await this.limits.refused(ctx);
      throw invalidLink();
    }
    return t;
  }
}
