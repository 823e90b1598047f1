import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import { UnitOfWork } from '../audit/unit-of-work';
import { acceptsRegistrations } from '../bodies/body-rules';
import { Body } from '../bodies/body.entity';
import { AppConfig } from '../config/env';
import { DomainError, invalid, notFound, unauthorized } from '../common/errors';
import type { AuthedCtx, RequestCtx } from '../common/request-context';
import { RoleGrant } from '../users/role-grant.entity';
import { User, UserStatus } from '../users/user.entity';
import {
  type ChangePasswordDto,
  REGISTRATION_ACCEPTED_MESSAGE,
  type RegisterDto,
  type RegistrationAcceptedDto,
  type TokenPairDto,
} from './dto';
import { burnVerification, hashPassword, verifyPassword } from './password-hasher';
import { checkPassword, PASSWORD_PROBLEM_MESSAGES } from './password-policy';
import { RateLimiter } from './rate-limiter';
import { RefreshToken } from './refresh-token.entity';
import { Role } from '../common/roles';
import { EmailVerification } from './email-verification';
import { RegistrationNotice } from './registration-notice';
import { Session } from './session.entity';
import { signInLimits } from './sign-in-limits';
import { hashRefreshToken, newRefreshToken, TokenService } from './token.service';

class EmailTaken extends Error {
  constructor(readonly userId: string) {
    super('e-mail taken');
  }
}
const isUniqueViolation = (err: unknown): boolean =>
  ((err as { driverError?: { code?: unknown } })?.driverError?.code ?? (err as { code?: unknown })?.code) === '23505';

const invalidCredentials = () => unauthorized('E-mail or password is incorrect', 'INVALID_CREDENTIALS');

export function assertAcceptablePassword(password: string, email: string, field = 'password'): void {
  const problem = checkPassword(password, { email });
  if (problem)
    throw new DomainError('WEAK_PASSWORD', PASSWORD_PROBLEM_MESSAGES[problem], { [field]: [PASSWORD_PROBLEM_MESSAGES[problem]] });
}

/** Ends every open session of a user (optionally all but one), inside the caller's transaction. */
export async function revokeSessions(em: EntityManager, userId: string, reason: string, exceptSessionId?: string): Promise<number> {
  const qb = em
    .createQueryBuilder()
    .update(Session)
    .set({ revokedAt: () => 'now()', revokeReason: reason })
    .where('user_id = :userId AND revoked_at IS NULL', { userId });
  if (exceptSessionId) qb.andWhere('id <> :exceptSessionId', { exceptSessionId });
  return (await qb.execute()).affected ?? 0;
}

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);
  /** refreshes refused for an unknown token since this process started (logged with each one) */
  private unknownRefreshTokens = 0;

  constructor(
    private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly tokens: TokenService,
    private readonly limiter: RateLimiter,
    private readonly config: AppConfig,
    private readonly notice: RegistrationNotice,
    private readonly verification: EmailVerification,
  ) {}

  /**
   * Self-registration: always a trainee of the body chosen by id (not the international body); every other role is granted by an admin. The answer
   * is the same whether or not the e-mail already has an account (the password is hashed either way, so the
   * time is similar too); an existing account is left untouched and its owner told (RegistrationNotice).
   */
  async register(ctx: RequestCtx, dto: RegisterDto): Promise<RegistrationAcceptedDto> {
    await this.limiter.hit(`register:ip:${ctx.ip}`, this.config.SIGN_IN_IP_LIMIT, this.config.SIGN_IN_WINDOW_SECONDS);
    assertAcceptablePassword(dto.password, dto.email);
    const body = await this.db.getRepository(Body).findOneBy({ id: dto.bodyId });
    if (!body) throw invalid('bodyId', 'bodyId does not name a known body');
    if (!acceptsRegistrations(body))
      throw invalid('bodyId', 'trainees register with a national, regional or other body, not the international body');
    const passwordHash = await hashPassword(dto.password);
    const accepted: RegistrationAcceptedDto = { status: 'accepted', email: dto.email, message: REGISTRATION_ACCEPTED_MESSAGE };
    try {
      await this.uow.run(ctx, async (em, audit) => {
        const existing = await em.findOne(User, { where: { email: dto.email }, select: { id: true } });
        if (existing) throw new EmailTaken(existing.id); // rolls back: nothing written, no audit row
        const user = await em.save(em.create(User, { email: dto.email, displayName: dto.displayName, passwordHash }));
        await em.save(em.create(RoleGrant, { userId: user.id, role: Role.Trainee, bodyId: body.id, grantedBy: null }));
        await this.verification.issue(em, user);
        audit({
          action: 'user.register',
          entityType: 'user',
          entityId: user.id,
          actorId: user.id,
          via: 'PUBLIC',
          bodyId: body.id,
          changes: { role: Role.Trainee, bodyId: body.id },
        });
      });
    } catch (err) {
      // taken before we looked, or by a concurrent registration (the unique index)
      const takenBy =
        err instanceof EmailTaken
          ? err.userId
          : isUniqueViolation(err)
            ? (await this.db.getRepository(User).findOneBy({ email: dto.email }))?.id
            : undefined;
      if (!takenBy) throw err;
      await this.notice.existingAccount(takenBy, ctx.requestId);
    }
    return accepted;
  }

  /** Checks credentials with failed attempts rate-limited per address, per account and address, and per account. */
  async validateCredentials(ip: string, email: string, password: string): Promise<User> {
    const limits = signInLimits(email, ip, this.config);
    for (const [key, limit] of limits) await this.limiter.assertUnder(key, limit);
    const user = await this.db.getRepository(User).findOneBy({ email });
    const ok = user ? await verifyPassword(user.passwordHash, password) : (await burnVerification(password), false);
    if (!ok || !user || user.status !== UserStatus.Active) {
      for (const [key] of limits) await this.limiter.count(key, this.config.SIGN_IN_WINDOW_SECONDS);
      throw invalidCredentials();
    }
    return user;
  }

  async signIn(ctx: RequestCtx, user: User): Promise<TokenPairDto> {
    return this.uow.run(ctx, async (em, audit) => {
      const session = await em.save(
        em.create(Session, { userId: user.id, expiresAt: new Date(Date.now() + this.config.JWT_REFRESH_TTL_SECONDS * 1000) }),
      );
      audit({ action: 'auth.sign_in', entityType: 'session', entityId: session.id, actorId: user.id });
      return this.issue(em, session);
    });
  }

  /**
   * Rotates a refresh token. A token presented twice means it leaked: the whole family (session) is
   * revoked, so both the thief and the owner must sign in again.
   */
  async refresh(ctx: RequestCtx, presented: string): Promise<TokenPairDto> {
    // rejected refreshes are limited per address like failed sign-ins
    const limitKey = `refresh:ip:${ctx.ip}`;
    await this.limiter.assertUnder(limitKey, this.config.SIGN_IN_IP_LIMIT);
    const rejected = async () => {
      await this.limiter.count(limitKey, this.config.SIGN_IN_WINDOW_SECONDS);
      return unauthorized('Refresh token is invalid, expired or already used', 'INVALID_REFRESH_TOKEN');
    };
    // A token nobody was ever given is noise, not an event in anyone's account: it goes to the log (with a
    // per-process count), never to the append-only audit trail, which an anonymous caller must not grow at will.
    const known = await this.db.getRepository(RefreshToken).existsBy({ tokenHash: hashRefreshToken(presented) });
    if (!known) {
      this.unknownRefreshTokens += 1;
      this.logger.warn(
        { requestId: ctx.requestId, ip: ctx.ip, unknownRefreshTokens: this.unknownRefreshTokens },
        'refresh with an unknown token refused',
      );
      throw await rejected();
    }
    const outcome = await this.uow.run(ctx, async (em, audit) => {
      const token = await em
        .createQueryBuilder(RefreshToken, 't')
        .innerJoinAndSelect('t.session', 's')
        .where('t.token_hash = :h', { h: hashRefreshToken(presented) })
        .setLock('pessimistic_write', undefined, ['s'])
        .getOne();
      const session = token?.session;
      if (!token || !session) {
        audit({ action: 'auth.refresh_rejected', entityType: 'session', entityId: null, actorId: null, via: 'PUBLIC' });
        return { ok: false as const };
      }
      if (token.usedAt) {
        if (!session.revokedAt) await em.update(Session, { id: session.id }, { revokedAt: () => 'now()', revokeReason: 'refresh_reuse' });
        audit({
          action: 'auth.refresh_reuse_detected',
          entityType: 'session',
          entityId: session.id,
          actorId: session.userId,
          changes: { revoked: true },
        });
        return { ok: false as const };
      }
      const user = await em.findOneBy(User, { id: session.userId });
      if (session.revokedAt || session.expiresAt <= new Date() || user?.status !== UserStatus.Active) {
        audit({ action: 'auth.refresh_rejected', entityType: 'session', entityId: session.id, actorId: session.userId });
        return { ok: false as const };
      }
      await em.update(RefreshToken, { id: token.id, usedAt: IsNull() }, { usedAt: () => 'now()' });
      audit({ action: 'auth.refresh', entityType: 'session', entityId: session.id, actorId: session.userId });
      return { ok: true as const, pair: await this.issue(em, session) };
    });
    if (!outcome.ok) throw await rejected();
    return outcome.pair;
  }

  async signOut(ctx: AuthedCtx): Promise<void> {
    await this.uow.run(ctx, async (em, audit) => {
      await em.update(Session, { id: ctx.actor.sessionId, revokedAt: IsNull() }, { revokedAt: () => 'now()', revokeReason: 'sign_out' });
      audit({ action: 'auth.sign_out', entityType: 'session', entityId: ctx.actor.sessionId });
    });
  }

  /** Changing one's password ends every other session of the account. */
  async changePassword(ctx: AuthedCtx, dto: ChangePasswordDto): Promise<void> {
    const user = await this.db.getRepository(User).findOneBy({ id: ctx.actor.userId });
    if (!user) throw notFound('User');
    if (!(await verifyPassword(user.passwordHash, dto.currentPassword))) {
      throw new DomainError('WRONG_PASSWORD', 'The current password is not correct', { currentPassword: ['is not correct'] });
    }
    assertAcceptablePassword(dto.newPassword, user.email, 'newPassword');
    const passwordHash = await hashPassword(dto.newPassword);
    await this.uow.run(ctx, async (em, audit) => {
      await em.update(User, { id: user.id }, { passwordHash });
      const revoked = await revokeSessions(em, user.id, 'password_changed', ctx.actor.sessionId);
      audit({ action: 'user.password_change', entityType: 'user', entityId: user.id, changes: { otherSessionsRevoked: revoked } });
    });
  }

  private async issue(em: EntityManager, session: Session): Promise<TokenPairDto> {
    const refreshToken = newRefreshToken();
    await em.insert(RefreshToken, { sessionId: session.id, tokenHash: hashRefreshToken(refreshToken) });
    return {
      accessToken: await this.tokens.signAccess({ sub: session.userId, sid: session.id }),
      tokenType: 'Bearer',
      expiresIn: this.tokens.accessTtlSeconds,
      refreshToken,
      refreshExpiresAt: session.expiresAt.toISOString(),
    };
  }
}
