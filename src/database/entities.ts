import { AuditEntry } from '../audit/audit-entry.entity';
import { RateLimit } from '../auth/rate-limit.entity';
import { RefreshToken } from '../auth/refresh-token.entity';
import { Session } from '../auth/session.entity';
import { Body } from '../bodies/body.entity';
import { RoleGrant } from '../users/role-grant.entity';
import { SupervisionRelationship } from '../supervision/supervision-relationship.entity';
import { User } from '../users/user.entity';

// Every entity of the service; one list shared by the app, the migration CLI and the tests.
export const ENTITIES = [
  User,
  RoleGrant,
  Body,
  Session,
  RefreshToken,
  AuditEntry,
  RateLimit,
  SupervisionRelationship,
];
