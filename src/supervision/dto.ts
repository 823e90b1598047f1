import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsIn, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { PageQuery } from '../common/pagination';
import { ConflictKind } from './conflict-declaration.entity';
import { SupervisionStatus } from './supervision-relationship.entity';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const dateMsg = (f: string) => ({ message: `${f} must be a date (YYYY-MM-DD)` });

export class RequestSupervisionDto {
  @ApiProperty({ format: 'uuid', description: 'A user holding SUPERVISOR in any body (cross-border supervision)' })
  @IsUUID('all')
  supervisorId!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A body in which you hold TRAINEE; defaults to your (first) trainee body' })
  @IsOptional()
  @IsUUID('all')
  bodyId?: string;
}

export class AssignSupervisionDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  traineeId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  supervisorId!: string;

  @ApiProperty({ format: 'uuid', description: 'The body you administer, in which both hold their roles' })
  @IsUUID('all')
  bodyId!: string;

  @ApiPropertyOptional({ format: 'date', description: 'Defaults to today; not in the future' })
  @IsOptional()
  @Matches(DATE, dateMsg('startedOn'))
  @IsISO8601({ strict: true }, dateMsg('startedOn'))
  startedOn?: string;
}

export class EndSupervisionDto {
  @ApiProperty({ format: 'date', description: 'On or after the start, not in the future' })
  @Matches(DATE, dateMsg('endedOn'))
  @IsISO8601({ strict: true }, dateMsg('endedOn'))
  endedOn!: string;

  @ApiProperty({ maxLength: 500 })
  @IsString()
  @Length(1, 500)
  reason!: string;
}

export class ListRelationshipsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: SupervisionStatus, enumName: 'SupervisionStatus' })
  @IsOptional()
  @IsEnum(SupervisionStatus)
  status?: SupervisionStatus;

  @ApiPropertyOptional({ enum: ['trainee', 'supervisor'], description: 'Only relationships in which you are this party' })
  @IsOptional()
  @IsIn(['trainee', 'supervisor'])
  role?: 'trainee' | 'supervisor';

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  bodyId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "Only this trainee's relationships (within what you may see)" })
  @IsOptional()
  @IsUUID('all')
  traineeId?: string;
}

export class RelationshipDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) traineeId!: string;
  @ApiProperty({ description: "The trainee's display name (both parties see each other's)" }) traineeName!: string;
  @ApiProperty({ format: 'uuid' }) supervisorId!: string;
  @ApiProperty({ description: "The supervisor's display name" }) supervisorName!: string;
  @ApiProperty({ format: 'uuid' }) bodyId!: string;
  @ApiProperty({ enum: SupervisionStatus, enumName: 'SupervisionStatus' }) status!: SupervisionStatus;
  @ApiProperty({ format: 'uuid' }) requestedBy!: string;
  @ApiProperty({ format: 'date', nullable: true, type: String }) startedOn!: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String }) endedOn!: string | null;
  @ApiProperty({ nullable: true, type: String }) endReason!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty() version!: number;
}

export class FindSupervisorQuery {
  @ApiProperty({ description: "The supervisor's e-mail address, exactly (case-insensitive): a supervisor of any body is found" })
  @IsString()
  @Length(3, 254)
  email!: string;
}

export class SupervisorBodyDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
}

export class FoundSupervisorDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ type: [SupervisorBodyDto], description: 'The bodies in which they hold SUPERVISOR' }) bodies!: SupervisorBodyDto[];
}

export class RelationshipPageDto {
  @ApiProperty({ type: [RelationshipDto] }) items!: RelationshipDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class DeclareConflictDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'One of the two people; defaults to you. Body admins may declare for others.' })
  @IsOptional()
  @IsUUID('all')
  userId?: string;

  @ApiProperty({ format: 'uuid', description: 'The other person' })
  @IsUUID('all')
  otherUserId!: string;

  @ApiProperty({ enum: ConflictKind, enumName: 'ConflictKind' })
  @IsEnum(ConflictKind)
  kind!: ConflictKind;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class ListConflictsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: only declarations not yet ended' })
  @IsOptional()
  @IsIn(['true', 'false'])
  active?: 'true' | 'false';

  @ApiPropertyOptional({ format: 'uuid', description: 'Only declarations involving this person' })
  @IsOptional()
  @IsUUID('all')
  userId?: string;
}

export class ConflictDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', type: [String], description: 'The two people, in stored order' }) userIds!: string[];
  @ApiProperty({ enum: ConflictKind, enumName: 'ConflictKind' }) kind!: ConflictKind;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty({ format: 'uuid' }) declaredBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) endedAt!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) endedBy!: string | null;
  @ApiProperty() active!: boolean;
}

export class ConflictPageDto {
  @ApiProperty({ type: [ConflictDto] }) items!: ConflictDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
