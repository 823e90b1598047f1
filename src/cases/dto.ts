import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsEnum,
  IsIn,
  IsInt,
  IsObject,
  IsISO8601,
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
import { ChangeSummaryDto, MeasureDto } from '../measures/dto';
import { CaseReviewState, CaseStatus } from './supervised-case.entity';

export const ICD10 = /^[A-TV-Z][0-9][0-9AB](\.[0-9A-TV-Z]{1,4})?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const NARRATIVE = 4000;

// The same field classes serve create (POST) and update (PATCH). `NotNull`: may be left out, but when sent it must
// not be null. `Required`: like NotNull, and on a create (a class with `static readonly creating = true`) it must be
// sent — a missing one is a 400 naming it, never a NOT NULL error from the database.
const NotNull = () => ValidateIf((_: object, v: unknown) => v !== undefined);
const Required = (): PropertyDecorator => (target, key) => {
  ValidateIf((o: object, v: unknown) => v !== undefined || (o.constructor as { creating?: boolean }).creating === true)(target, key);
  IsDefined({ message: `${String(key)} is required and cannot be null` })(target, key);
};
const upper = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value));
function IsDateOnly(): PropertyDecorator {
  return (target, key) => {
    Matches(DATE, { message: `${String(key)} must be a date as YYYY-MM-DD` })(target, key);
    IsISO8601({ strict: true }, { message: `${String(key)} must be a valid calendar date` })(target, key);
  };
}

export class CaseFieldsDto {
  @ApiPropertyOptional({
    description:
      'Pseudonymous client code, 2–16 of A–Z 0–9 - _ (case-insensitive); left out = generated (e.g. C-7KQ2). Names, dates, phone/record numbers and e-mails are refused.',
    example: 'C-7KQ2',
  })
  @NotNull()
  @IsString()
  @MaxLength(40)
  clientCode?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      "The published taxonomy version the categorical fields come from (the body's own or an international one); default: IPT v1",
  })
  @NotNull()
  @IsUUID('all', { message: 'taxonomyVersionId must be a UUID' })
  taxonomyVersionId?: string;

  @ApiProperty({ description: 'A value code of the case taxonomy attribute format (IPT: individual, group)', example: 'individual' })
  @Required()
  @IsString()
  @MaxLength(40)
  format!: string;

  @ApiProperty({
    description:
      'A value code of the case taxonomy attribute adaptation (IPT: adult, adolescent, perinatal, bipolar, eating_disorder, other)',
    example: 'adult',
  })
  @Required()
  @IsString()
  @MaxLength(40)
  adaptation!: string;

  @ApiProperty({
    description: 'A value code of the case taxonomy attribute ageBand (IPT: 12-17, 18-25, 26-40, 41-64, 65-89, 90+)',
    example: '26-40',
  })
  @Required()
  @IsString()
  @MaxLength(40)
  ageBand!: string;

  @ApiProperty({
    description:
      'A value code of the case taxonomy attribute setting (IPT: primary_care, secondary_care, community, inpatient, university, private_practice, other)',
    example: 'community',
  })
  @Required()
  @IsString()
  @MaxLength(40)
  setting!: string;

  @ApiProperty({ description: 'ICD-10 code', example: 'F32.1' })
  @Required()
  @upper()
  @IsString()
  @Matches(ICD10, { message: 'primaryDiagnosis must be an ICD-10 code such as F32.1 or F33' })
  primaryDiagnosis!: string;

  @ApiProperty({
    description:
      'A value code of the case taxonomy attribute problemArea (IPT: grief, role_dispute, role_transition, interpersonal_deficits, other)',
    example: 'grief',
  })
  @Required()
  @IsString()
  @MaxLength(40)
  focusProblemArea!: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'A value code of the taxonomy attribute problemArea; must differ from the focus',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  secondaryProblemArea?: string | null;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
    description: "The taxonomy's further attributes: attribute code → value code (a list for a multiple attribute)",
    example: { diagnosisGroup: 'depression' },
  })
  @NotNull()
  @IsObject()
  attributes?: Record<string, string | string[]>;

  @ApiProperty({ minimum: 1, maximum: 40 })
  @Required()
  @IsInt()
  @Min(1)
  @Max(40)
  plannedSessions!: number;

  @ApiProperty({ format: 'date' })
  @Required()
  @IsDateOnly()
  startDate!: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    description: 'Required once the status is completed, dropped_out or transferred',
  })
  @IsOptional()
  @IsDateOnly()
  endDate?: string | null;

  @ApiPropertyOptional({ enum: CaseStatus, enumName: 'CaseStatus', default: CaseStatus.Active })
  @NotNull()
  @IsEnum(CaseStatus)
  status?: CaseStatus;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  endReason?: string | null;

  @ApiProperty()
  @Required()
  @IsBoolean()
  recordingConsent!: boolean;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: NARRATIVE, description: 'No e-mail addresses or phone numbers' })
  @IsOptional()
  @IsString()
  @MaxLength(NARRATIVE)
  presentingProblem?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: NARRATIVE })
  @IsOptional()
  @IsString()
  @MaxLength(NARRATIVE)
  formulation?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: NARRATIVE })
  @IsOptional()
  @IsString()
  @MaxLength(NARRATIVE)
  course?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: NARRATIVE })
  @IsOptional()
  @IsString()
  @MaxLength(NARRATIVE)
  techniques?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: NARRATIVE })
  @IsOptional()
  @IsString()
  @MaxLength(NARRATIVE)
  outcome?: string | null;
}

export class CreateCaseDto extends CaseFieldsDto {
  static readonly creating = true;

  @ApiProperty({ format: 'uuid', description: 'An active supervisor of the trainee (never the trainee)' })
  @IsUUID()
  supervisorId!: string;
}

export class UpdateCaseDto extends CaseFieldsDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Another active supervisor of the trainee' })
  @NotNull()
  @IsUUID()
  supervisorId?: string;
}

export class SessionFieldsDto {
  @ApiProperty({ minimum: 1, maximum: 100 })
  @Required()
  @IsInt()
  @Min(1)
  @Max(100)
  number!: number;

  @ApiProperty({ format: 'date' })
  @Required()
  @IsDateOnly()
  date!: string;

  @ApiProperty({ minimum: 10, maximum: 180 })
  @Required()
  @IsInt()
  @Min(10)
  @Max(180)
  durationMinutes!: number;

  @ApiProperty({ description: "A phase code of the case's taxonomy (IPT: initial, middle, termination)", example: 'initial' })
  @Required()
  @IsString()
  @MaxLength(40)
  phase!: string;

  @ApiProperty()
  @Required()
  @IsBoolean()
  attended!: boolean;

  @ApiProperty()
  @Required()
  @IsBoolean()
  recorded!: boolean;
}

export class CreateSessionDto extends SessionFieldsDto {
  static readonly creating = true;
}
export class UpdateSessionDto extends SessionFieldsDto {}

export class SignOffDto {
  @ApiProperty({ description: 'The contentHash of the case as the supervisor read it', pattern: '^[0-9a-f]{64}$' })
  @IsString()
  @Matches(/^[0-9a-f]{64}$/, { message: 'contentHash must be a 64-character hex sha256' })
  contentHash!: string;
}

export class ReturnCaseDto {
  @ApiProperty({ minLength: 1, maxLength: 4000, description: "The supervisor's comments for the trainee" })
  @IsString()
  @Length(1, 4000)
  comments!: string;
}

export class AcknowledgeRiskFlagDto {
  @ApiPropertyOptional({ maxLength: 1000, description: 'What the supervisor did or will do about it' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || undefined : value))
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class PersonNameDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class RiskFlagDto {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'null: no flag' }) riskFlaggedAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'null: not acknowledged since the last flagged measure' })
  acknowledgedAt!: string | null;
  @ApiProperty({ type: PersonNameDto, nullable: true }) acknowledgedBy!: PersonNameDto | null;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
}

export class ListCasesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: CaseReviewState, enumName: 'CaseReviewState' })
  @IsOptional()
  @IsEnum(CaseReviewState)
  reviewState?: CaseReviewState;

  @ApiPropertyOptional({ enum: CaseStatus, enumName: 'CaseStatus' })
  @IsOptional()
  @IsEnum(CaseStatus)
  status?: CaseStatus;

  @ApiPropertyOptional({ description: 'Focus or secondary problem area (a value code)' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  problemArea?: string;

  @ApiPropertyOptional({ format: 'date', description: 'startDate on or after' })
  @IsOptional()
  @IsDateOnly()
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'startDate on or before' })
  @IsOptional()
  @IsDateOnly()
  to?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  supervisorId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  traineeId?: string;

  @ApiPropertyOptional({ enum: ['startDate', 'updatedAt', 'createdAt'], default: 'updatedAt', description: 'Newest first' })
  @IsOptional()
  @IsIn(['startDate', 'updatedAt', 'createdAt'])
  sort?: 'startDate' | 'updatedAt' | 'createdAt';
}

export class LoggingLagDto {
  @ApiProperty() sessions!: number;
  @ApiProperty({ nullable: true, type: Number }) medianDays!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Nearest-rank 90th percentile' }) p90Days!: number | null;
  @ApiProperty({ description: 'Sessions logged more than 7 days after they took place' }) loggedLate!: number;
}

export class TraineeLoggingLagDto extends LoggingLagDto {
  @ApiProperty({ format: 'uuid' }) traineeId!: string;
}

export class SessionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() number!: number;
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty() durationMinutes!: number;
  @ApiProperty() phase!: string;
  @ApiProperty() attended!: boolean;
  @ApiProperty() recorded!: boolean;
  @ApiProperty({ format: 'date-time', description: 'When the session was logged' }) loggedAt!: string;
  @ApiProperty({ description: 'Days between the session and its logging' }) lagDays!: number;
}

export class SignoffDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) supervisorId!: string;
  @ApiProperty() contentHash!: string;
  @ApiProperty({ format: 'date-time' }) signedAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) voidedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) voidReason!: string | null;
}

export class CaseSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) traineeId!: string;
  @ApiProperty({ format: 'uuid' }) supervisorId!: string;
  @ApiProperty({ format: 'uuid' }) bodyId!: string;
  @ApiProperty() clientCode!: string;
  @ApiProperty({ format: 'uuid', description: 'The taxonomy version of the categorical fields' }) taxonomyVersionId!: string;
  @ApiProperty() format!: string;
  @ApiProperty() adaptation!: string;
  @ApiProperty() ageBand!: string;
  @ApiProperty() setting!: string;
  @ApiProperty() primaryDiagnosis!: string;
  @ApiProperty() focusProblemArea!: string;
  @ApiProperty({ nullable: true, type: String }) secondaryProblemArea!: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
    description: "The taxonomy's further attributes",
  })
  attributes!: Record<string, string | string[]>;
  @ApiProperty() plannedSessions!: number;
  @ApiProperty({ format: 'date' }) startDate!: string;
  @ApiProperty({ format: 'date', nullable: true, type: String }) endDate!: string | null;
  @ApiProperty({ enum: CaseStatus, enumName: 'CaseStatus' }) status!: CaseStatus;
  @ApiProperty({ nullable: true, type: String }) endReason!: string | null;
  @ApiProperty() recordingConsent!: boolean;
  @ApiProperty({ enum: CaseReviewState, enumName: 'CaseReviewState' }) reviewState!: CaseReviewState;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) submittedAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'Set when a measure signalled risk (PHQ-9 item 9 > 0)' })
  riskFlaggedAt!: string | null;
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: "When the case's supervisor acknowledged the risk flag (null: not since the last flagged measure)",
  })
  riskAcknowledgedAt!: string | null;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class CaseMeasuresSummaryDto {
  @ApiProperty({ type: [MeasureDto], description: 'The latest administration of each instrument' }) latest!: MeasureDto[];
  @ApiProperty({ type: [ChangeSummaryDto] }) change!: ChangeSummaryDto[];
}

export class CaseDto extends CaseSummaryDto {
  @ApiProperty({ description: "The trainee's display name" }) traineeName!: string;
  @ApiProperty({ description: "The supervisor's display name" }) supervisorName!: string;
  @ApiProperty({ nullable: true, type: String }) presentingProblem!: string | null;
  @ApiProperty({ nullable: true, type: String }) formulation!: string | null;
  @ApiProperty({ nullable: true, type: String }) course!: string | null;
  @ApiProperty({ nullable: true, type: String }) techniques!: string | null;
  @ApiProperty({ nullable: true, type: String }) outcome!: string | null;
  @ApiProperty({ description: 'Sessions logged as attended' }) deliveredSessions!: number;
  @ApiProperty({ type: [SessionDto] }) sessions!: SessionDto[];
  @ApiProperty({ type: CaseMeasuresSummaryDto }) measures!: CaseMeasuresSummaryDto;
  @ApiProperty({ type: LoggingLagDto }) loggingLag!: LoggingLagDto;
  @ApiProperty({ description: 'sha256 of the clinical content; send it back to sign off' }) contentHash!: string;
  @ApiProperty({ type: SignoffDto, nullable: true, description: 'The sign-off in force (null when none or voided)' })
  currentSignoff!: SignoffDto | null;
}

export class CasePageDto {
  @ApiProperty({ type: [CaseSummaryDto] }) items!: CaseSummaryDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class ReviewEventDto {
  @ApiProperty({ enum: ['submitted', 'returned', 'signed_off', 'voided', 'withdrawn'] }) kind!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) actorId!: string | null;
  @ApiProperty({ nullable: true, type: String }) comments!: string | null;
  @ApiProperty({ nullable: true, type: String }) contentHash!: string | null;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class SignedVersionDto extends SignoffDto {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The content exactly as signed' }) snapshot!: Record<
    string,
    unknown
  >;
}

export class CaseHistoryDto {
  @ApiProperty({ type: [ReviewEventDto] }) events!: ReviewEventDto[];
  @ApiProperty({ type: [SignedVersionDto] }) signoffs!: SignedVersionDto[];
}

export class QueueItemDto extends CaseSummaryDto {
  @ApiProperty() deliveredSessions!: number;
  @ApiProperty({ description: "The trainee's display name" }) traineeName!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Who acknowledged the risk flag (null: not acknowledged)' })
  riskAcknowledgedByName!: string | null;
}

export class QueuePageDto {
  @ApiProperty({ type: [QueueItemDto] }) items!: QueueItemDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class QueueQuery extends PageQuery {}
