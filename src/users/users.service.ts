import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, In, IsNull, type SelectQueryBuilder } from 'typeorm';
import { adminGrantFor, globalAdminGrant } from '../access/grants';
import { mayGrantRoleTo, usersVisiblePredicate } from '../access/people-access';
import { revokeSessions } from '../auth/auth.service';
import { Role } from '../common/roles';
import { UnitOfWork } from '../audit/unit-of-work';
import { Body } from '../bodies/body.entity';
import { conflict, forbidden, invalid, notFound } from '../common/errors';
import { LANGUAGES, type Language } from '../common/languages';
import { decodeCursor, type Page, toPage } from '../common/pagination';
import type { Actor, AuthedCtx } from '../common/request-context';
import type { GrantDto, GrantRoleDto, ListUsersQuery, MeDto, UserDto } from './dto';
import { RoleGrant } from './role-grant.entity';
import { toGrantDto, toUserDto } from './user.mapper';
import { User, UserStatus } from './user.entity';

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

@Injectable()
export class UsersService {
  constructor(
    private readonly db: DataSource,
    private readonly uow: UnitOfWork,
  ) {}

  async me(userId: string): Promise<MeDto> {
    const user = await this.db.getRepository(User).findOneBy({ id: userId });
    if (!user) throw notFound('User');
    const language = (LANGUAGES as readonly string[]).includes(user.language ?? '') ? (user.language as Language) : null;
    return { ...toUserDto(user, await this.activeGrants([user.id])), language };
  }

  /** Remembers the web app language a person chose (audited like any change to an account). */
  async setLanguage(ctx: AuthedCtx, language: Language): Promise<void> {
    await this.uow.run(ctx, async (em, audit) => {
      await em.update(User, { id: ctx.actor.userId }, { language });
      audit({ action: 'user.language', entityType: 'user', entityId: ctx.actor.userId, changes: { language } });
    });
  }

  async list(ctx: AuthedCtx, q: ListUsersQuery): Promise<Page<UserDto>> {
    const limit = q.limit ?? 20;
    const sort = q.sort ?? 'email';
    const cursor = decodeCursor(q.cursor, 2);
    const qb = this.visibleUsers(ctx.actor, 'u');
    if (q.q) {
      const pattern = `%${escapeLike(q.q)}%`;
      qb.andWhere(new Brackets((w) => w.where('u.email ILIKE :pattern', { pattern }).orWhere('u.display_name ILIKE :pattern')));
    }
    if (q.status) qb.andWhere('u.status = :status', { status: q.status });
    if (q.role || q.bodyId) {
      // the parameter must not be named like the type it is cast to: TypeORM reads `:role::role` as two parameters
      qb.andWhere(
        `EXISTS (SELECT 1 FROM role_grants f WHERE f.user_id = u.id AND f.revoked_at IS NULL
                  AND (:frole::role IS NULL OR f.role = :frole::role) AND (:fbody::uuid IS NULL OR f.body_id = :fbody::uuid))`,
        { frole: q.role ?? null, fbody: q.bodyId ?? null },
      );
    }
    const column = sort === 'email' ? 'u.email' : 'u.created_at';
    if (cursor) {
      const value = sort === 'email' ? String(cursor[0]) : new Date(Number(cursor[0]));
      qb.andWhere(`(${column}, u.id) > (:cv, :cid)`, { cv: value, cid: String(cursor[1]) });
    }
    const rows = await qb
      .orderBy(column, 'ASC')
      .addOrderBy('u.id', 'ASC')
      .limit(limit + 1)
      .getMany();
    const grants = await this.activeGrants(rows.map((r) => r.id));
    return toPage(
      rows,
      limit,
      (u) => [sort === 'email' ? u.email : u.createdAt.getTime(), u.id],
      (u) => toUserDto(u, grants),
    );
  }

  async get(ctx: AuthedCtx, id: string): Promise<UserDto> {
    const user = await this.visibleUsers(ctx.actor, 'u').andWhere('u.id = :id', { id }).getOne();
    if (!user) throw notFound('User');
    return toUserDto(user, await this.activeGrants([id]));
  }

  /** Disabling ends every session of the account at once. */
  async setStatus(ctx: AuthedCtx, id: string, status: UserStatus.Active | UserStatus.Disabled): Promise<UserDto> {
    const via = globalAdminGrant(ctx.actor);
    if (!via) throw forbidden();
    if (id === ctx.actor.userId) throw conflict('CANNOT_DISABLE_SELF', 'You cannot change the status of your own account');
    await this.uow.run(ctx, async (em, audit) => {
      const user = await em.findOne(User, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user || user.status === UserStatus.Erased) throw notFound('User');
      if (user.status === status) throw conflict('STATUS_UNCHANGED', `The account is already ${status}`);
      await em.update(User, { id }, { status, disabledAt: status === UserStatus.Disabled ? new Date() : null });
      const revoked = status === UserStatus.Disabled ? await revokeSessions(em, id, 'user_disabled') : 0;
      audit({
        action: status === UserStatus.Disabled ? 'user.disable' : 'user.enable',
        entityType: 'user',
        entityId: id,
        via,
        changes: { status: { from: user.status, to: status }, sessionsRevoked: revoked },
      });
    });
    return this.get(ctx, id);
  }

  async grantRole(ctx: AuthedCtx, userId: string, dto: GrantRoleDto): Promise<GrantDto> {
    const bodyId = dto.role === Role.Admin ? null : (dto.bodyId ?? null);
    if (dto.role !== Role.Admin && !bodyId) throw invalid('bodyId', `bodyId is required for ${dto.role}`);
    if (dto.role === Role.Admin && dto.bodyId) throw invalid('bodyId', 'ADMIN is a global role; leave bodyId out');
    const via = bodyId ? adminGrantFor(ctx.actor, bodyId) : globalAdminGrant(ctx.actor);
    if (!via) throw forbidden('You may grant roles only within a body you administer');
    return this.uow.run(ctx, async (em, audit) => {
      if (bodyId && !(await em.existsBy(Body, { id: bodyId }))) throw invalid('bodyId', 'bodyId does not name a known body');
      const user = await em.findOneBy(User, { id: userId });
      // a body admin cannot pull someone into their body: to them a person outside it does not exist
      if (!user || user.status === UserStatus.Erased || !(await mayGrantRoleTo(em, ctx.actor, userId, bodyId))) throw notFound('User');
      const existing = await em.findOneBy(RoleGrant, { userId, role: dto.role, bodyId: bodyId ?? IsNull(), revokedAt: IsNull() });
      if (existing) throw conflict('ROLE_ALREADY_GRANTED', `The user already holds ${dto.role} in this scope`);
      const grant = await em.save(em.create(RoleGrant, { userId, role: dto.role, bodyId, grantedBy: ctx.actor.userId }));
      audit({
        action: 'role.grant',
        entityType: 'user',
        entityId: userId,
        via,
        bodyId,
        changes: { grantId: grant.id, role: dto.role, bodyId },
      });
      return toGrantDto(grant);
    });
  }

  async revokeRole(ctx: AuthedCtx, userId: string, grantId: string): Promise<void> {
    await this.uow.run(ctx, async (em, audit) => {
      const grant = await em.findOne(RoleGrant, {
        where: { id: grantId, userId, revokedAt: IsNull() },
        lock: { mode: 'pessimistic_write' },
      });
      const via = grant && (grant.bodyId ? adminGrantFor(ctx.actor, grant.bodyId) : globalAdminGrant(ctx.actor));
      if (!grant || !via) throw notFound('Role grant');
      if (grant.role === Role.Admin && userId === ctx.actor.userId) {
        throw conflict('CANNOT_REVOKE_OWN_ADMIN', 'You cannot revoke your own ADMIN role; ask another admin');
      }
      await em.update(RoleGrant, { id: grantId }, { revokedAt: () => 'now()', revokedBy: ctx.actor.userId });
      audit({
        action: 'role.revoke',
        entityType: 'user',
        entityId: userId,
        via,
        bodyId: grant.bodyId,
        changes: { grantId, role: grant.role, bodyId: grant.bodyId },
      });
    });
  }

  private activeGrants(userIds: string[]): Promise<RoleGrant[]> {
    if (!userIds.length) return Promise.resolve([]);
    return this.db.getRepository(RoleGrant).find({ where: { userId: In(userIds), revokedAt: IsNull() }, order: { grantedAt: 'ASC' } });
  }

  // global admins see everyone; body admins see the people who belong to a body they administer
  private visibleUsers(actor: Actor, alias: string): SelectQueryBuilder<User> {
    const visible = usersVisiblePredicate(actor, `${alias}.id`);
    return this.db.getRepository(User).createQueryBuilder(alias).where(visible.sql, visible.params);
  }
}
