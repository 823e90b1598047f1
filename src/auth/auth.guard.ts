import { type CanActivate, type ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { forbidden, unauthorized } from '../common/errors';
import type { Actor, AppRequest, Grant } from '../common/request-context';
import { isUuid } from '../common/uuid';
import { PERMISSION_KEY, PUBLIC_KEY } from './decorators';
import { hasPermission, type Permission } from './permissions';
import { TokenService } from './token.service';

// The session and the user's current grants in one query: revocation, disabling and role changes
// take effect on the very next request, on every replica.
export const ACTOR_SQL = `
  SELECT u.id, u.email,
         COALESCE(json_agg(json_build_object('role', g.role, 'bodyId', g.body_id)) FILTER (WHERE g.id IS NOT NULL), '[]') AS grants
    FROM sessions s
    JOIN users u ON u.id = s.user_id AND u.status = 'active'
    LEFT JOIN role_grants g ON g.user_id = u.id AND g.revoked_at IS NULL
   WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND s.expires_at > now()
   GROUP BY u.id`;

/**
 * Global, deny-by-default: every route is authenticated unless @Public(), and every authenticated route
 * must declare a permission — a route that declares none is refused (and the route-permission test fails).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly db: DataSource,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const req = context.switchToHttp().getRequest<AppRequest>();
    req.actor = await this.authenticate(req.headers.authorization);
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(PERMISSION_KEY, targets);
    if (!permission) {
      this.logger.error(`Route ${req.method} ${req.url} declares no permission; refusing`);
      throw forbidden('This route declares no permission', 'ROUTE_WITHOUT_PERMISSION');
    }
    if (
      !hasPermission(
        req.actor.grants.map((g) => g.role),
        permission,
      )
    )
      throw forbidden();
    return true;
  }

  private async authenticate(header: string | undefined): Promise<Actor> {
    const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header ?? '');
    if (!match) throw unauthorized();
    const claims = await this.tokens.verifyAccess(match[1]);
    if (!claims || !isUuid(claims.sid) || !isUuid(claims.sub)) throw unauthorized('Invalid or expired access token', 'INVALID_TOKEN');
    const rows: { id: string; email: string; grants: Grant[] }[] = await this.db.query(ACTOR_SQL, [claims.sid, claims.sub]);
    if (!rows.length) throw unauthorized('Session ended; sign in again', 'SESSION_ENDED');
    return { userId: rows[0].id, email: rows[0].email, sessionId: claims.sid, grants: rows[0].grants };
  }
}
