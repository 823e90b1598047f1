import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsEnum,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../common/pagination';
import type { SupervisionFormat as FormatValue } from './group-credit';
import { SupervisionFormat } from './supervision-session.entity';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
export const MAX_PARTICIPANTS = 30;
export const MAX_CASE_REVIEWS = 50;

// ---- requests ----

export class CaseReviewInputDto {
  @ApiProperty({ format: 'uuid', description: 'A case of one of the participants, supervised by you' })
  @IsUUID()
  caseId!: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 600, description: 'Minutes spent on this case; leave out to split the credit evenly' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(600)
  minutes?: number;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Recorded therapy sessions of this case whose recordings were reviewed',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(40)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  reviewedSessionIds?: string[];
}

export class CreateSupervisionSessionDto {
  @ApiProperty({ format: 'date', example: '2025-03-14', description: 'Not in the future' })
  @Matches(DATE_ONLY, { message: 'date must be a date (YYYY-MM-DD)' })
  @IsISO8601({ strict: true })
  date!: string;

  @ApiProperty({ minimum: 1, maximum: 600 })
  @IsInt()
  @Min(1)
  @Max(600)
  minutes!: number;

  @ApiProperty({ enum: SupervisionFormat, enumName: 'SupervisionFormat' })
  @IsEnum(SupervisionFormat)
  format!: SupervisionFormat;

  @ApiProperty({ type: [String], format: 'uuid', description: 'Trainees you supervise (active relationship); exactly one for individual' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_PARTICIPANTS)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  participantIds!: string[];

  @ApiPropertyOptional({ type: [CaseReviewInputDto], default: [] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_CASE_REVIEWS)
  @ValidateNested({ each: true })
  @Type(() => CaseReviewInputDto)
  caseReviews?: CaseReviewInputDto[];

  @ApiPropertyOptional({ maxLength: 2000, description: 'No client identifiers: text with an e-mail address or phone number is refused' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  notes?: string;
}

export class UpdateSupervisionSessionDto {
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @Matches(DATE_ONLY, { message: 'date must be a date (YYYY-MM-DD)' })
  @IsISO8601({ strict: true })
  date?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 600 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(600)
  minutes?: number;

  @ApiPropertyOptional({ enum: SupervisionFormat, enumName: 'SupervisionFormat' })
  @IsOptional()
  @IsEnum(SupervisionFormat)
  format?: SupervisionFormat;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Replaces the participants' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_PARTICIPANTS)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  participantIds?: string[];

  @ApiPropertyOptional({ type: [CaseReviewInputDto], description: 'Replaces the reviewed cases' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_CASE_REVIEWS)
  @ValidateNested({ each: true })
  @Type(() => CaseReviewInputDto)
  caseReviews?: CaseReviewInputDto[];

  @ApiPropertyOptional({ maxLength: 2000, nullable: true, type: String, description: 'null clears the notes' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(2000)
  notes?: string | null;
}

export class ListSupervisionSessionsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'date', description: 'Sessions on or after this date' })
  @IsOptional()
  @Matches(DATE_ONLY, { message: 'from must be a date (YYYY-MM-DD)' })
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Sessions on or before this date' })
  @IsOptional()
  @Matches(DATE_ONLY, { message: 'to must be a date (YYYY-MM-DD)' })
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only sessions this trainee took part in' })
  @IsOptional()
  @IsUUID()
  traineeId?: string;
}

// ---- responses ----

export class GroupCreditFormulaDto {
  @ApiProperty({ enum: ['full', 'share', 'fixed_fraction'] }) kind!: 'full' | 'share' | 'fixed_fraction';
  @ApiPropertyOptional({ description: 'share: (minutes ÷ members) × multiplier' }) multiplier?: number;
  @ApiPropertyOptional({ description: 'share: capped at the group minutes' }) capAtGroupMinutes?: boolean;
  @ApiPropertyOptional({ description: 'fixed_fraction: this fraction of the minutes' }) fraction?: number;
}

export class CaseMinutesDto {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ description: 'Minutes attributed to the case (at most 2 decimals)' }) minutes!: number;
  @ApiProperty({ description: 'true when the supervisor recorded the minutes; false when split evenly' }) recorded!: boolean;
}

export class ParticipantCreditDto {
  @ApiProperty({ format: 'uuid' }) traineeId!: string;
  @ApiProperty({ description: 'Minutes credited by the default formula (at most 2 decimals)' }) creditedMinutes!: number;
  @ApiProperty({ type: [CaseMinutesDto] }) cases!: CaseMinutesDto[];
}

export class CaseReviewDto {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ format: 'uuid' }) traineeId!: string;
  @ApiProperty({ nullable: true, type: Number }) minutes!: number | null;
  @ApiProperty({ type: [String], format: 'uuid' }) reviewedSessionIds!: string[];
}

export class SupervisionSessionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) supervisorId!: string;
  @ApiProperty({ format: 'uuid' }) bodyId!: string;
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty() minutes!: number;
  @ApiProperty({ enum: SupervisionFormat, enumName: 'SupervisionFormat' }) format!: FormatValue;
  @ApiProperty({ description: 'How many trainees took part' }) memberCount!: number;
  @ApiProperty({ nullable: true, type: String, description: 'Hidden from trainees in group sessions' }) notes!: string | null;
  @ApiProperty({ type: GroupCreditFormulaDto }) creditFormula!: GroupCreditFormulaDto;
  @ApiProperty({ type: [ParticipantCreditDto], description: 'A trainee viewing the session sees only their own entry' })
  participants!: ParticipantCreditDto[];
  @ApiProperty({ type: [CaseReviewDto], description: 'A trainee viewing the session sees only their own cases' })
  caseReviews!: CaseReviewDto[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty() version!: number;
}

export class SupervisionSessionPageDto {
  @ApiProperty({ type: [SupervisionSessionDto] }) items!: SupervisionSessionDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class ReceivedSessionDto {
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiProperty({ format: 'uuid' }) supervisorId!: string;
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty({ enum: SupervisionFormat, enumName: 'SupervisionFormat' }) format!: FormatValue;
  @ApiProperty() minutes!: number;
  @ApiProperty() memberCount!: number;
  @ApiProperty() creditedMinutes!: number;
  @ApiProperty({ type: [CaseMinutesDto] }) cases!: CaseMinutesDto[];
}

export class CaseSupervisionTotalDto {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty() minutes!: number;
  @ApiProperty() individualMinutes!: number;
  @ApiProperty() groupMinutes!: number;
  @ApiProperty() sessionCount!: number;
}

export class SupervisionTotalsDto {
  @ApiProperty() sessionCount!: number;
  @ApiProperty() individualSessions!: number;
  @ApiProperty() groupSessions!: number;
  @ApiProperty() individualMinutes!: number;
  @ApiProperty() groupMinutes!: number;
  @ApiProperty() totalMinutes!: number;
}

export class TraineeSupervisionDto {
  @ApiProperty({ format: 'uuid' }) traineeId!: string;
  @ApiProperty({ type: GroupCreditFormulaDto }) creditFormula!: GroupCreditFormulaDto;
  @ApiProperty({ type: [ReceivedSessionDto], description: 'Oldest first' }) sessions!: ReceivedSessionDto[];
  @ApiProperty({ type: [CaseSupervisionTotalDto] }) cases!: CaseSupervisionTotalDto[];
  @ApiProperty({ type: SupervisionTotalsDto }) totals!: SupervisionTotalsDto;
}
