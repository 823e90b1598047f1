import { ApiHideProperty, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEnum, IsOptional, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { AccreditationDetailDto, RecognitionBasisDto } from '../accreditations/dto';
import { PageQuery } from '../common/pagination';
import { LevelReportDto } from '../schemes/dto';
import { ApplicationStatus } from './application.entity';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const LEVEL = /^[A-Z0-9][A-Z0-9_-]{0,39}$/;

export class CreateApplicationDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'schemeId must be a UUID' })
  schemeId!: string;

  @ApiProperty({ example: 'PRACTITIONER' })
  @IsString()
  @Matches(LEVEL, { message: 'levelCode must be a level code such as PRACTITIONER' })
  levelCode!: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  note?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      "Apply through this recognition of another body's level: only its top-up rules are evaluated, and you must hold the recognised level today (or present its credential)",
  })
  @IsOptional()
  @IsUUID('all', { message: 'recognitionId must be a UUID' })
  recognitionId?: string;

  @ApiPropertyOptional({
    description:
      'With recognitionId: a credential (compact JWS) of the recognised level, issued to you (your account or your e-mail address); verified (signature and status) like on the public verification page',
  })
  @IsOptional()
  @IsString()
  @MaxLength(32_768)
  @Matches(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, { message: 'credential must be a compact JWS' })
  credential?: string;
}

export class RequestInfoDto {
  @ApiProperty({ minLength: 1, maxLength: 2000, description: 'What the applicant should add or explain' })
  @Transform(trim)
  @IsString()
  @Length(1, 2000)
  message!: string;
}

export class RespondDto {
  @ApiProperty({ minLength: 1, maxLength: 2000 })
  @Transform(trim)
  @IsString()
  @Length(1, 2000)
  note!: string;
}

export class ApproveDto {
  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  reason?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 2000, description: 'Required when any rule is unmet at decision time; audited' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 2000)
  overrideReason?: string;

  // Not the body's to give: listing on the public register is the holder's consent alone (PUT
  // /accreditations/{id}/public-listing). Kept out of the documented contract and accepted by validation only so
  // that the service can refuse it with a code that says why (PUBLIC_LISTING_NEEDS_HOLDER_CONSENT).
  @ApiHideProperty()
  @IsOptional()
  publicListing?: unknown;
}

export class RejectDto {
  @ApiProperty({ minLength: 1, maxLength: 2000 })
  @Transform(trim)
  @IsString()
  @Length(1, 2000)
  reason!: string;
}

export class ListApplicationsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ApplicationStatus, enumName: 'ApplicationStatus' })
  @IsOptional()
  @IsEnum(ApplicationStatus)
  status?: ApplicationStatus;

  @ApiPropertyOptional({ example: 'PRACTITIONER' })
  @IsOptional()
  @IsString()
  @Matches(LEVEL, { message: 'levelCode must be a level code' })
  levelCode?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'bodyId must be a UUID' })
  bodyId?: string;
}

export class ApplicationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) applicantId!: string;
  @ApiProperty({ description: "The applicant's display name" }) applicantName!: string;
  @ApiProperty({ format: 'uuid' }) bodyId!: string;
  @ApiProperty({ format: 'uuid' }) schemeVersionId!: string;
  @ApiProperty() levelCode!: string;
  @ApiProperty({ enum: ApplicationStatus, enumName: 'ApplicationStatus' }) status!: ApplicationStatus;
  @ApiProperty({ type: LevelReportDto, description: 'The latest evaluation snapshot' }) evaluation!: LevelReportDto;
  @ApiProperty() allRulesMet!: boolean;
  @ApiProperty({ format: 'date-time' }) evaluatedAt!: string;
  @ApiProperty({ nullable: true, type: String }) applicantNote!: string | null;
  @ApiProperty({ nullable: true, type: String }) infoRequest!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) decidedBy!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) decidedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) decisionReason!: string | null;
  @ApiProperty({ nullable: true, type: String }) overrideReason!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) accreditationId!: string | null;
  @ApiProperty({
    type: RecognitionBasisDto,
    nullable: true,
    description: 'Applied through a recognition: which, and the source level it rests on; null = the ordinary route',
  })
  basis!: RecognitionBasisDto | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty() version!: number;
}

export class ApplicationEventDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'submitted, info_requested, responded, approved, rejected, withdrawn' }) kind!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) actorId!: string | null;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty({ type: LevelReportDto, nullable: true }) evaluation!: LevelReportDto | null;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
}

export class ApplicationDetailDto extends ApplicationDto {
  @ApiProperty({ type: [ApplicationEventDto] }) events!: ApplicationEventDto[];
}

export class ApplicationPageDto {
  @ApiProperty({ type: [ApplicationDto] }) items!: ApplicationDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class ApprovalDto {
  @ApiProperty({ type: ApplicationDetailDto }) application!: ApplicationDetailDto;
  @ApiProperty({ type: AccreditationDetailDto }) accreditation!: AccreditationDetailDto;
}
