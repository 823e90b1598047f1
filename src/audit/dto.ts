import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import { PageQuery } from '../common/pagination';

export class AuditEntryDto {
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) actorId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: "The actor's display name (null: the service itself)" }) actorName!:
    string | null;
  @ApiProperty({ description: 'Role the actor used (SELF, PUBLIC, ADMIN, BODY_ADMIN, …)' }) actorRole!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) bodyId!: string | null;
  @ApiProperty({ example: 'role.grant' }) action!: string;
  @ApiProperty({ example: 'user' }) entityType!: string;
  @ApiProperty({ nullable: true, type: String }) entityId!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) changes!: Record<string, unknown>;
  @ApiProperty({ nullable: true, type: String }) requestId!: string | null;
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEntryDto] }) items!: AuditEntryDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class ListAuditQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() actorId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() bodyId?: string;
  @ApiPropertyOptional({ example: 'user' }) @IsOptional() @IsString() @Matches(/^[a-z_]{1,64}$/) entityType?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(/^[A-Za-z0-9-]{1,64}$/) entityId?: string;
  @ApiPropertyOptional({ example: 'role.grant' }) @IsOptional() @IsString() @Matches(/^[a-z_.]{1,64}$/) action?: string;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsDateString() from?: string;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsDateString() to?: string;
}
