import type { GrantDto, UserDto } from './dto';
import type { RoleGrant } from './role-grant.entity';
import type { User } from './user.entity';

export const toGrantDto = (g: RoleGrant): GrantDto => ({ id: g.id, role: g.role, bodyId: g.bodyId, grantedAt: g.grantedAt.toISOString() });

// Only these fields ever leave the service: never the password hash or internal columns.
export const toUserDto = (u: User, grants: RoleGrant[]): UserDto => ({
  id: u.id,
  email: u.email,
  displayName: u.displayName,
  status: u.status,
  emailVerified: u.emailVerifiedAt !== null,
  roles: grants.filter((g) => g.userId === u.id && !g.revokedAt).map(toGrantDto),
  createdAt: u.createdAt.toISOString(),
});
