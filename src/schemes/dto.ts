import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsDateString, IsIn, IsObject, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { SchemeVersionStatus } from './scheme.entity';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const DEFINITION_DOC = {
  type: 'object' as const,
  additionalProperties: true,
  description:
    'The scheme as data: { noun, phaseBoundaries: { initialLastSession, terminationSessions }, groupCredit: { kind, multiplier?, capAtGroupMinutes?, fraction? }, ' +
    'levels: [{ code, name, noun?, title?, kind, order, validity: { kind, months? }, renewal?: { requirements, graceDays, reminderDaysBefore, auditSharePercent }, prerequisites: Rule[], requirements: Rule[] }] } ' +
    'where Rule = { id, type, label?, advisory?, params }. GET /schemes/rule-types lists the rule types and their parameters.',
};

export class CreateSchemeDto {
  @ApiProperty({ format: 'uuid', description: 'The body that owns the scheme' })
  @IsUUID('all', { message: 'bodyId must be a UUID' })
  bodyId!: string;

  @ApiProperty({ example: 'UK-IPT-ACCREDITATION' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{2,40}$/, { message: 'code must be 2–40 letters, digits, _ or -' })
  code!: string;

  @ApiProperty({ example: 'IPT UK accreditation' })
  @Transform(trim)
  @IsString()
  @Length(2, 200)
  name!: string;
}

export class CreateSchemeVersionDto {
  @ApiPropertyOptional({ format: 'date', description: 'Default: today' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'effectiveFrom must be a date (YYYY-MM-DD)' })
  effectiveFrom?: string;

  @ApiPropertyOptional({ ...DEFINITION_DOC, description: `Default: a copy of the latest version. ${DEFINITION_DOC.description}` })
  @IsOptional()
  @IsObject()
  definition?: Record<string, unknown>;
}

export class UpdateSchemeVersionDto {
  @ApiProperty({ format: 'date' })
  @IsDateString({ strict: true }, { message: 'effectiveFrom must be a date (YYYY-MM-DD)' })
  effectiveFrom!: string;

  @ApiProperty(DEFINITION_DOC)
  @IsObject()
  definition!: Record<string, unknown>;
}

export class PublishSchemeVersionDto {
  @ApiPropertyOptional({ description: 'Publish although effectiveFrom is in the past (eligibility changes retroactively); needs a reason' })
  @IsOptional()
  @IsBoolean()
  allowPastEffectiveDate?: boolean;

  @ApiPropertyOptional({ description: 'Why the effective date lies in the past (audited)', maxLength: 1000 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 1000)
  reason?: string;
}

export class SchemeVersionSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() versionNumber!: number;
  @ApiProperty({ enum: SchemeVersionStatus, enumName: 'SchemeVersionStatus' }) status!: SchemeVersionStatus;
  @ApiProperty({ format: 'date' }) effectiveFrom!: string;
  @ApiProperty({ description: 'Marked by the international body as a reference national bodies may start from' }) isReference!: boolean;
}

export class SchemeDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) bodyId!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The reference version this scheme was started from' })
  derivedFromVersionId!: string | null;
  @ApiProperty({ type: [SchemeVersionSummaryDto] }) versions!: SchemeVersionSummaryDto[];
}

export class SchemeVersionDto extends SchemeVersionSummaryDto {
  @ApiProperty({ format: 'uuid' }) schemeId!: string;
  @ApiProperty(DEFINITION_DOC) definition!: Record<string, unknown>;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) publishedAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) retiredAt!: string | null;
  @ApiProperty({ description: 'Send back in If-Match to update a draft' }) version!: number;
}

export class RuleTypeDto {
  @ApiProperty() type!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: [String] }) params!: string[];
}

export class EnrolDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Opt into this (newer, published) version; default: the version in force today' })
  @IsOptional()
  @IsUUID('all', { message: 'schemeVersionId must be a UUID' })
  schemeVersionId?: string;
}

export class BackdateEnrolmentDto {
  @ApiProperty({ format: 'date', description: 'The new enrolment date: not after today' })
  @IsDateString({ strict: true }, { message: 'enrolledOn must be a date (YYYY-MM-DD)' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'enrolledOn must be a date (YYYY-MM-DD)' })
  enrolledOn!: string;

  @ApiProperty({ minLength: 3, maxLength: 1000, description: 'Why the date is set (kept in the audit trail)' })
  @IsString()
  @Length(3, 1000)
  reason!: string;
}

export class EnrolmentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({ format: 'uuid' }) schemeId!: string;
  @ApiProperty({ format: 'uuid' }) schemeVersionId!: string;
  @ApiProperty() versionNumber!: number;
  @ApiProperty({ format: 'date' }) enrolledOn!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) optedInAt!: string | null;
}

export class ProgressQuery {
  @ApiPropertyOptional({ description: 'Level code; default: every level of the version' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Z0-9][A-Z0-9_-]{0,39}$/, { message: 'level must be a level code' })
  level?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Evaluate as of this date (default today)' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'asOf must be a date (YYYY-MM-DD)' })
  asOf?: string;

  @ApiPropertyOptional({ enum: ['award', 'renewal'], default: 'award' })
  @IsOptional()
  @IsIn(['award', 'renewal'])
  mode?: 'award' | 'renewal';
}

class EvidenceDto {
  @ApiProperty() kind!: string;
  @ApiProperty() id!: string;
  @ApiPropertyOptional() note?: string;
}

class BreakdownDto {
  @ApiProperty() id!: string;
  @ApiProperty() met!: boolean;
  @ApiProperty() message!: string;
}

export class RuleReportDto {
  @ApiProperty() ruleId!: string;
  @ApiProperty() type!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ enum: ['prerequisites', 'requirements', 'renewal'] }) group!: string;
  @ApiProperty({ description: 'An advisory rule is shown with its verdict but never blocks eligibility' }) advisory!: boolean;
  @ApiProperty() met!: boolean;
  @ApiProperty() reached!: number;
  @ApiProperty() required!: number;
  @ApiProperty() unit!: string;
  @ApiProperty({ example: '3 of 4 completed, signed-off cases; 1 more case needed, one in a second problem area' }) message!: string;
  @ApiProperty({ type: [EvidenceDto], description: 'The records counted, for click-through' }) evidence!: EvidenceDto[];
  @ApiPropertyOptional({ type: [BreakdownDto] }) breakdown?: BreakdownDto[];
}

class RecognisedRefDto {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
}

class RecognisedBodyDto extends RecognisedRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
}

export class RecognitionUsedDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() versionNumber!: number;
  @ApiProperty({ type: RecognisedBodyDto }) sourceBody!: RecognisedBodyDto;
  @ApiProperty({ type: RecognisedRefDto }) sourceScheme!: RecognisedRefDto;
  @ApiProperty({ type: RecognisedRefDto }) sourceLevel!: RecognisedRefDto;
  @ApiProperty({ description: 'Recognised in full: no top-up rules' }) full!: boolean;
}

export class LevelReportDto {
  @ApiProperty() levelCode!: string;
  @ApiProperty() levelName!: string;
  @ApiProperty({ description: 'The noun this level is shown with ("certified", "accredited")' }) noun!: string;
  @ApiProperty({ description: "The title a holder of this level bears (default: the level's name)" }) title!: string;
  @ApiProperty({ format: 'date' }) asOf!: string;
  @ApiProperty() met!: boolean;
  @ApiProperty() metCount!: number;
  @ApiProperty() ruleCount!: number;
  @ApiProperty() summary!: string;
  @ApiProperty({ type: [RuleReportDto], description: 'Every rule with its verdict; advisory ones do not count towards met' })
  rules!: RuleReportDto[];
  @ApiPropertyOptional({
    enum: ['recognition'],
    description: "Present when evaluated through a recognition of another body's level: `rules` are then the top-up rules only",
  })
  route?: 'recognition';
  @ApiPropertyOptional({ type: RecognitionUsedDto, description: 'The recognition the evaluation went through' })
  recognition?: RecognitionUsedDto;
}

export class ProgressDto {
  @ApiProperty({ format: 'uuid' }) personId!: string;
  @ApiProperty({ format: 'uuid' }) schemeId!: string;
  @ApiProperty({ format: 'uuid' }) schemeVersionId!: string;
  @ApiProperty() versionNumber!: number;
  @ApiProperty({ description: 'enrolment: the version the person is held to; current: not enrolled, the version in force' })
  heldBy!: string;
  @ApiProperty() noun!: string;
  @ApiProperty({ type: [LevelReportDto] }) levels!: LevelReportDto[];
}
