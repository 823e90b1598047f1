import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDateString, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { LEVEL_CODE } from '../schemes/rules/common';
import { LevelReportDto, PublishSchemeVersionDto } from '../schemes/dto';
import { RecognitionStatus } from './recognition.entity';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const TOP_UPS_DOC = {
  type: 'array' as const,
  items: { type: 'object' as const, additionalProperties: true },
  description:
    "Top-up rules in the recognising scheme's vocabulary: [{ id, type, label?, advisory?, params }] (GET /schemes/rule-types); empty = recognised in full",
};

export class UpdateRecognitionDto {
  @ApiProperty({ format: 'date', description: 'In force from this date' })
  @IsDateString({ strict: true }, { message: 'effectiveFrom must be a date (YYYY-MM-DD)' })
  effectiveFrom!: string;

  @ApiPropertyOptional({
    format: 'date',
    nullable: true,
    type: String,
    description: 'In force until this date (inclusive); absent = open-ended',
  })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'effectiveTo must be a date (YYYY-MM-DD)' })
  effectiveTo?: string | null;

  @ApiProperty(TOP_UPS_DOC)
  @IsArray()
  @ArrayMaxSize(30)
  topUps!: Record<string, unknown>[];

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class CreateRecognitionDto extends UpdateRecognitionDto {
  @ApiProperty({ format: 'uuid', description: "The recognising body's scheme (body B)" })
  @IsUUID('all', { message: 'toSchemeId must be a UUID' })
  toSchemeId!: string;

  @ApiProperty({ example: 'PRACTITIONER', description: 'The level of that scheme the source level counts as' })
  @IsString()
  @Matches(LEVEL_CODE, { message: 'toLevelCode must be a level code such as PRACTITIONER' })
  toLevelCode!: string;

  @ApiProperty({ format: 'uuid', description: 'The recognised body (A)' })
  @IsUUID('all', { message: 'fromBodyId must be a UUID' })
  fromBodyId!: string;

  @ApiProperty({ example: 'US-IPT-CERT', description: "The code of one of A's schemes" })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{2,40}$/, { message: 'fromSchemeCode must be a scheme code' })
  fromSchemeCode!: string;

  @ApiProperty({ example: 'A', description: "A level of a published version of A's scheme" })
  @IsString()
  @Matches(LEVEL_CODE, { message: 'fromLevelCode must be a level code' })
  fromLevelCode!: string;
}

export class ListRecognitionsQuery {
  @ApiPropertyOptional({ format: 'date', description: 'Only those in force on this date' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'inForceOn must be a date (YYYY-MM-DD)' })
  inForceOn?: string;
}

class NamedRefDto {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
}

export class RecognitionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', description: 'The recognising body (B)' }) bodyId!: string;
  @ApiProperty({ format: 'uuid' }) fromBodyId!: string;
  @ApiProperty() fromBodyName!: string;
  @ApiProperty() fromSchemeCode!: string;
  @ApiProperty() fromLevelCode!: string;
  @ApiProperty({ description: 'The source level as the newest published version of its scheme names it' }) fromLevelName!: string;
  @ApiProperty({ format: 'uuid' }) toSchemeId!: string;
  @ApiProperty({ type: NamedRefDto }) toScheme!: NamedRefDto;
  @ApiProperty() toLevelCode!: string;
  @ApiProperty() versionNumber!: number;
  @ApiProperty({ enum: RecognitionStatus, enumName: 'RecognitionStatus' }) status!: RecognitionStatus;
  @ApiProperty({ format: 'date' }) effectiveFrom!: string;
  @ApiProperty({ format: 'date', nullable: true, type: String }) effectiveTo!: string | null;
  @ApiProperty({ ...TOP_UPS_DOC, description: 'The top-up rules; empty = recognised in full' }) topUps!: Record<string, unknown>[];
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) publishedAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) withdrawnAt!: string | null;
  @ApiProperty() version!: number;
}

export class RecognitionRouteDto {
  @ApiProperty({ type: RecognitionDto }) recognition!: RecognitionDto;
  @ApiProperty({ format: 'uuid', description: "The holder's accreditation of the recognised level" }) sourceAccreditationId!: string;
  @ApiProperty({ type: LevelReportDto, description: 'The target level evaluated through the recognition: the top-up rules only' })
  report!: LevelReportDto;
}

/** Publishing a draft: a past effective date is confirmed with a reason (audited), as for a scheme version. */
export class PublishRecognitionDto extends PublishSchemeVersionDto {}
