export enum Role {
  Admin = 'ADMIN',
  BodyAdmin = 'BODY_ADMIN',
  Supervisor = 'SUPERVISOR',
  Trainee = 'TRAINEE',
}

export const GLOBAL_ROLES: readonly Role[] = [Role.Admin];
export const isGlobalRole = (role: Role): boolean => GLOBAL_ROLES.includes(role);
