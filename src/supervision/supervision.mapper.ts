import type { ConflictDeclaration } from './conflict-declaration.entity';
import type { ConflictDto, RelationshipDto } from './dto';
import type { SupervisionRelationship } from './supervision-relationship.entity';

export const toRelationshipDto = (r: SupervisionRelationship): RelationshipDto => ({
  id: r.id,
  traineeId: r.traineeId,
  traineeName: r.trainee?.displayName ?? '',
  supervisorId: r.supervisorId,
  supervisorName: r.supervisor?.displayName ?? '',
  bodyId: r.bodyId,
  status: r.status,
  requestedBy: r.requestedBy,
  startedOn: r.startedOn,
  endedOn: r.endedOn,
  endReason: r.endReason,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
  version: r.version,
});

export const toConflictDto = (c: ConflictDeclaration): ConflictDto => ({
  id: c.id,
  userIds: [c.userAId, c.userBId],
  kind: c.kind,
  note: c.note,
  declaredBy: c.declaredBy,
  createdAt: c.createdAt.toISOString(),
  endedAt: c.endedAt?.toISOString() ?? null,
  endedBy: c.endedBy,
  active: c.endedAt === null,
});
