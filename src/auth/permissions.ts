import { Role } from './roles';

// Every permission a route can require. A route declares exactly one (or is @Public()).
export enum Permission {
  Self = 'self', // one's own account: profile, password, sign-out
  UsersRead = 'users:read',
  UsersDisable = 'users:disable',
  RolesGrant = 'roles:grant',
  BodiesManage = 'bodies:manage',
  AuditRead = 'audit:read',
}

// The role → permission table. Scope (which body, whose records) is checked by the services, not here.
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  [Role.Admin]: [Permission.UsersRead, Permission.UsersDisable, Permission.RolesGrant, Permission.BodiesManage, Permission.AuditRead],
  [Role.BodyAdmin]: [Permission.UsersRead, Permission.RolesGrant, Permission.AuditRead],
  [Role.Supervisor]: [],
  [Role.Trainee]: [],
};

// Held by anyone signed in, whatever roles they have (or none left).
export const AUTHENTICATED_PERMISSIONS: readonly Permission[] = [Permission.Self];

export function hasPermission(roles: readonly Role[], permission: Permission): boolean {
  return AUTHENTICATED_PERMISSIONS.includes(permission) || roles.some((r) => ROLE_PERMISSIONS[r].includes(permission));
}
