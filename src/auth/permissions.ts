import { Role } from '../common/roles';

// Every permission a route can require. A route declares exactly one (or is @Public()).
export enum Permission {
  Self = 'self', // one's own account: profile, password, sign-out
  UsersRead = 'users:read',
  UsersDisable = 'users:disable',
  RolesGrant = 'roles:grant',
  BodiesManage = 'bodies:manage',
  AuditRead = 'audit:read',
  // training records (issue: training records). Scope — own / supervisees / body / all — is the service's.
  RecordsRead = 'records:read', // read a trainee's record within one's scope
  RecordsWrite = 'records:write', // a trainee keeps their own record
  RecordsReview = 'records:review', // supervisors: sign off, return, comment, verify, log supervision
  SupervisionAssign = 'supervision:assign', // body admins: assign and end supervision relationships
  // competency ratings: rubrics, ratings, calibration
  RubricsManage = 'rubrics:manage', // body admins (their body's rubrics, calibration, reliability); ADMIN (global rubrics)
  RatingsWrite = 'ratings:write', // supervisors rate trainees' work and calibrate; trainees rate themselves
  CredentialsManage = 'credentials:manage', // body admins (their body's credential-signing keys); ADMIN (any body)
  // accreditation schemes, applications and decisions
  SchemesManage = 'schemes:manage', // body admins (their body's schemes); ADMIN (any)
  ApplicationsDecide = 'applications:decide', // body admins decide applications and change accreditation status
  // anyone in a body who holds or seeks a level: enrol in a scheme, apply, answer, withdraw their own application
  // (a supervisor applying for a supervisor level needs no trainee role)
  ApplicationsApply = 'applications:apply',
  UsersErase = 'users:erase', // global admins erase a person's personal data (GDPR Art. 17)
}

// The role → permission table. Scope (which body, whose records) is checked by the services, not here.
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  [Role.Admin]: [
    Permission.UsersRead,
    Permission.UsersDisable,
    Permission.UsersErase,
    Permission.RolesGrant,
    Permission.BodiesManage,
    Permission.AuditRead,
    Permission.RecordsRead,
    Permission.SupervisionAssign,
    Permission.RubricsManage,
    Permission.CredentialsManage,
    Permission.SchemesManage,
    Permission.ApplicationsDecide,
  ],
  [Role.BodyAdmin]: [
    Permission.UsersRead,
    Permission.RolesGrant,
    Permission.AuditRead,
    Permission.RecordsRead,
    Permission.RecordsReview,
    Permission.SupervisionAssign,
    Permission.RubricsManage,
    Permission.CredentialsManage,
    Permission.SchemesManage,
    Permission.ApplicationsDecide,
    Permission.ApplicationsApply,
  ],
  [Role.Supervisor]: [Permission.RecordsRead, Permission.RecordsReview, Permission.RatingsWrite, Permission.ApplicationsApply],
  [Role.Trainee]: [Permission.RecordsRead, Permission.RecordsWrite, Permission.RatingsWrite, Permission.ApplicationsApply],
};

// Held by anyone signed in, whatever roles they have (or none left).
export const AUTHENTICATED_PERMISSIONS: readonly Permission[] = [Permission.Self];

export function hasPermission(roles: readonly Role[], permission: Permission): boolean {
  return AUTHENTICATED_PERMISSIONS.includes(permission) || roles.some((r) => ROLE_PERMISSIONS[r].includes(permission));
}
