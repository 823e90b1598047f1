import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MaxDecimals } from '../common/decimal';
import { Transform, Type } from 'class-transformer';
import {
  Equals,
  IsEnum,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { PageQuery } from '../common/pagination';
import { LevelReportDto } from '../schemes/dto';
import { AccreditationStatus } from './accreditation.entity';
import { RENEWAL_WINDOWS } from './body-pipeline';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const dateMsg = (field: string) => ({ message: `${field} must be a date (YYYY-MM-DD)` });

export class AccreditationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'UK-IPT-2026-7K3QXM' }) certificateNumber!: string;
  @ApiProperty({ format: 'uuid' }) holderId!: string;
  @ApiProperty() holderName!: string;
  @ApiProperty({ format: 'uuid' }) bodyId!: string;
  @ApiProperty({ format: 'uuid' }) schemeVersionId!: string;
  @ApiProperty() levelCode!: string;
  @ApiProperty() levelName!: string;
  @ApiProperty({ description: 'The noun the level is shown with ("certified", "accredited")' }) noun!: string;
  @ApiProperty({ description: 'The title a holder of this level bears' }) levelTitle!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) applicationId!: string | null;
  @ApiProperty({ enum: AccreditationStatus, enumName: 'AccreditationStatus' }) status!: AccreditationStatus;
  @ApiProperty({ format: 'date' }) issuedOn!: string;
  @ApiProperty({ format: 'date', nullable: true, type: String, description: 'null: the level does not expire' }) expiresOn!: string | null;
  @ApiProperty() publicListing!: boolean;
  @ApiProperty({
    type: () => RecognitionBasisDto,
    nullable: true,
    description: "What the award rests on when not the ordinary route: a recognition of another body's level; null = the ordinary route",
  })
  basis!: RecognitionBasisDto | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty() version!: number;
}

class BasisRefDto {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
}

class BasisBodyDto extends BasisRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
}

export class RecognitionBasisDto {
  @ApiProperty({ enum: ['recognition'] }) kind!: 'recognition';
  @ApiProperty({ format: 'uuid' }) recognitionId!: string;
  @ApiProperty({ description: "The recognition's version number" }) recognitionVersion!: number;
  @ApiProperty({
    enum: ['held', 'credential'],
    description: 'held: an accreditation of the source level in this service; credential: a presented, verified credential',
  })
  via!: 'held' | 'credential';
  @ApiProperty({ format: 'uuid', description: 'The accreditation of the recognised level' }) sourceAccreditationId!: string;
  @ApiProperty({ nullable: true, type: String, description: 'The presented credential id (urn:uuid:…); null when held' }) credentialId!:
    string | null;
  @ApiProperty() certificateNumber!: string;
  @ApiProperty({ type: BasisBodyDto }) sourceBody!: BasisBodyDto;
  @ApiProperty({ type: BasisRefDto }) sourceScheme!: BasisRefDto;
  @ApiProperty({ type: BasisRefDto }) sourceLevel!: BasisRefDto;
}

export class AccreditationEventDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({
    description:
      'issued, renewed, lapsed, restored, expired, suspended, reinstated, revoked, leave_of_absence, audit_selected, audit_passed, audit_failed',
  })
  kind!: string;
  @ApiProperty({ enum: AccreditationStatus, enumName: 'AccreditationStatus', nullable: true }) fromStatus!: AccreditationStatus | null;
  @ApiProperty({ enum: AccreditationStatus, enumName: 'AccreditationStatus' }) toStatus!: AccreditationStatus;
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'null: done by the service (expiry sweep)' }) actorId!:
    string | null;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
}

export class AccreditationDetailDto extends AccreditationDto {
  @ApiProperty({ nullable: true, type: String, description: 'The signed credential (compact JWS, W3C VC / Open Badges 3.0)' })
  credentialJws!: string | null;
  @ApiProperty({ type: [AccreditationEventDto] }) events!: AccreditationEventDto[];
}

export class AccreditationPageDto {
  @ApiProperty({ type: [AccreditationDto] }) items!: AccreditationDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class ListAccreditationsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: AccreditationStatus, enumName: 'AccreditationStatus' })
  @IsOptional()
  @IsEnum(AccreditationStatus)
  status?: AccreditationStatus;

  @ApiPropertyOptional({ example: 'PRACTITIONER' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z0-9][A-Z0-9_-]{0,39}$/, { message: 'levelCode must be a level code' })
  levelCode?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Only accreditations expiring before this date' })
  @IsOptional()
  @Matches(DATE, dateMsg('expiringBefore'))
  @IsISO8601({ strict: true }, dateMsg('expiringBefore'))
  expiringBefore?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'bodyId must be a UUID' })
  bodyId?: string;
}

export class StatusChangeDto {
  @ApiProperty({ minLength: 1, maxLength: 1000 })
  @Transform(trim)
  @IsString()
  @Length(1, 1000)
  reason!: string;
}

export class RestoreDto {
  @ApiProperty({ minLength: 1, maxLength: 1000, description: 'Why the body restores it (kept in the history and the audit trail)' })
  @Transform(trim)
  @IsString()
  @Length(1, 1000)
  reason!: string;
}

export class RenewDto {
  @ApiProperty({ enum: [true], description: 'The holder declares that they meet the renewal conditions (annual declaration)' })
  @Equals(true, { message: 'declaration must be true' })
  declaration!: true;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class LeaveDto {
  @ApiProperty({ format: 'date' })
  @Matches(DATE, dateMsg('from'))
  @IsISO8601({ strict: true }, dateMsg('from'))
  from!: string;

  @ApiProperty({ format: 'date', description: 'Last day of leave (inclusive); not before `from`' })
  @Matches(DATE, dateMsg('to'))
  @IsISO8601({ strict: true }, dateMsg('to'))
  to!: string;

  @ApiProperty({ minLength: 1, maxLength: 1000 })
  @Transform(trim)
  @IsString()
  @Length(1, 1000)
  reason!: string;
}

export class RenewalsDueQuery {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'bodyId must be a UUID' })
  bodyId!: string;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 365,
    description: "Expiring within this many days (default: each level's reminderDaysBefore)",
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(365)
  withinDays?: number;
}

export class RenewalDueDto extends AccreditationDto {
  @ApiProperty({ format: 'date' }) reminderDueOn!: string;
  @ApiProperty({ format: 'date', description: 'Last day on which it can still be renewed (expiry + grace)' }) renewableUntil!: string;
}

export class ProcessExpiriesQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Required for body admins; a global admin may sweep every body' })
  @IsOptional()
  @IsUUID('all', { message: 'bodyId must be a UUID' })
  bodyId?: string;
}

export class ExpiryChangeDto {
  @ApiProperty({ format: 'uuid' }) accreditationId!: string;
  @ApiProperty({ enum: AccreditationStatus, enumName: 'AccreditationStatus' }) toStatus!: AccreditationStatus;
}

export class ProcessExpiriesResultDto {
  @ApiProperty({ format: 'date' }) asOf!: string;
  @ApiProperty() changed!: number;
  @ApiProperty({ type: [ExpiryChangeDto] }) changes!: ExpiryChangeDto[];
}

export class RenewalResultDto extends AccreditationDetailDto {
  @ApiProperty({ type: LevelReportDto }) evaluation!: LevelReportDto;
}

export class RenewalAuditRequestDto {
  @ApiPropertyOptional({ minimum: 0, maximum: 100, description: "Default: each level's auditSharePercent" })
  @IsOptional()
  @IsNumber()
  @MaxDecimals(2)
  @Min(0)
  @Max(100)
  sharePercent?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 3650, default: 365 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  sinceDays?: number;
}

export class RenewalAuditDto {
  @ApiProperty({ format: 'uuid', description: 'The audit_selected event' }) id!: string;
  @ApiProperty({ format: 'uuid' }) accreditationId!: string;
  @ApiProperty() certificateNumber!: string;
  @ApiProperty() holderName!: string;
  @ApiProperty() levelCode!: string;
  @ApiProperty({ format: 'date-time' }) renewedAt!: string;
  @ApiProperty({ format: 'date-time' }) selectedAt!: string;
  @ApiProperty({ type: [String], description: "What the holder must show: the level's renewal requirements, by label" })
  mustShow!: string[];
  @ApiProperty({ enum: ['passed', 'failed'], nullable: true, type: String, description: 'null until the audit is recorded' })
  outcome!: 'passed' | 'failed' | null;
  @ApiProperty({ nullable: true, type: String }) outcomeReason!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) auditedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) auditedByName!: string | null;
}

export class RenewalAuditOutcomeDto {
  @ApiProperty({ enum: ['passed', 'failed'] })
  @IsIn(['passed', 'failed'])
  outcome!: 'passed' | 'failed';

  @ApiPropertyOptional({ minLength: 3, maxLength: 1000, description: 'Required when the audit failed: what the holder could not show' })
  @Transform(trim)
  @ValidateIf((o: RenewalAuditOutcomeDto) => o.outcome === 'failed' || o.reason !== undefined)
  @IsString()
  @Length(3, 1000)
  reason?: string;
}

export class RenewalAuditSelectionDto {
  @ApiProperty({ description: 'Renewals in the window not selected before' }) eligible!: number;
  @ApiProperty({ type: [RenewalAuditDto] }) selected!: RenewalAuditDto[];
}

export class RenewalAuditPageDto {
  @ApiProperty({ type: [RenewalAuditDto] }) items!: RenewalAuditDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class ListRenewalAuditsQuery extends PageQuery {}

// the application states (applications/application.entity.ts; that folder depends on this one, not the reverse)
const APPLICATION_STATES = ['submitted', 'more_info_requested', 'approved', 'rejected', 'withdrawn'];

export class PipelineLevelDto {
  @ApiProperty() schemeCode!: string;
  @ApiProperty() schemeName!: string;
  @ApiProperty() levelCode!: string;
  @ApiProperty({ description: 'as the body named it when issuing' }) levelName!: string;
  @ApiProperty({ description: 'people holding it in good standing' }) active!: number;
  @ApiProperty({ description: 'people whose accreditation at this level lapsed or expired' }) lapsed!: number;
  @ApiProperty() suspended!: number;
}

export class PipelineCountDto {
  @ApiProperty({ enum: APPLICATION_STATES }) status!: string;
  @ApiProperty() count!: number;
}

export class PipelineRenewalDto {
  @ApiProperty({ enum: RENEWAL_WINDOWS }) window!: string;
  @ApiProperty({ description: 'active accreditations whose expiry falls in the window' }) count!: number;
}

export class BodyPipelineDto {
  @ApiProperty({ format: 'uuid' }) bodyId!: string;
  @ApiProperty({ format: 'date' }) asOf!: string;
  @ApiProperty({ description: "people enrolled in any of the body's schemes" }) enrolled!: number;
  @ApiProperty({ description: 'enrolled people who hold no active level of the body yet' }) enrolledWithoutLevel!: number;
  @ApiProperty({ type: [PipelineLevelDto], description: 'by scheme, in level order' }) levels!: PipelineLevelDto[];
  @ApiProperty({ type: [PipelineCountDto] }) applications!: PipelineCountDto[];
  @ApiProperty({ type: [PipelineRenewalDto] }) renewalsDue!: PipelineRenewalDto[];
}
