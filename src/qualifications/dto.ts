import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEnum, IsIn, IsISO8601, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { QualificationKind, VerificationState } from './qualification.entity';
import { QUALIFICATION_CODE } from './qualification-rules';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const dateMsg = (f: string) => ({ message: `${f} must be a date (YYYY-MM-DD)` });
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const upper = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);
const CODE_MSG = { message: 'code must be 2–40 capital letters, digits, "_" or "-", e.g. MSC_CLIN_PSY' };

export class CreateQualificationDto {
  @ApiProperty({ enum: QualificationKind, enumName: 'QualificationKind' })
  @IsEnum(QualificationKind)
  kind!: QualificationKind;

  @ApiProperty({ example: 'MSC_CLIN_PSY', description: "The identifier a scheme's qualification rule names" })
  @Transform(upper)
  @IsString()
  @Matches(QUALIFICATION_CODE, CODE_MSG)
  code!: string;

  @ApiProperty({ maxLength: 200, example: 'MSc Clinical Psychology' })
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  title!: string;

  @ApiProperty({ maxLength: 200, example: 'University of Example' })
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  issuer!: string;

  @ApiProperty({ format: 'date', description: 'Not in the future' })
  @Matches(DATE, dateMsg('awardedOn'))
  @IsISO8601({ strict: true }, dateMsg('awardedOn'))
  awardedOn!: string;
}

export class UpdateQualificationDto {
  @ApiPropertyOptional({ enum: QualificationKind, enumName: 'QualificationKind' })
  @IsOptional()
  @IsEnum(QualificationKind)
  kind?: QualificationKind;

  @ApiPropertyOptional({ example: 'MSC_CLIN_PSY' })
  @IsOptional()
  @Transform(upper)
  @IsString()
  @Matches(QUALIFICATION_CODE, CODE_MSG)
  code?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  title?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  issuer?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @Matches(DATE, dateMsg('awardedOn'))
  @IsISO8601({ strict: true }, dateMsg('awardedOn'))
  awardedOn?: string;
}

export class ReviewQualificationDto {
  @ApiPropertyOptional({ maxLength: 1000, description: 'Why (required to reject); shown to the person' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class DocumentInfoDto {
  @ApiProperty() fileName!: string;
  @ApiProperty({ enum: ['application/pdf', 'image/png', 'image/jpeg'] }) contentType!: string;
  @ApiProperty() sizeBytes!: number;
  @ApiProperty({ description: 'SHA-256 of the bytes, hex' }) sha256!: string;
  @ApiProperty({ format: 'date-time' }) uploadedAt!: string;
}

export class QualificationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) personId!: string;
  @ApiProperty({ enum: QualificationKind, enumName: 'QualificationKind' }) kind!: QualificationKind;
  @ApiProperty() code!: string;
  @ApiProperty() title!: string;
  @ApiProperty() issuer!: string;
  @ApiProperty({ format: 'date' }) awardedOn!: string;
  @ApiProperty({ enum: VerificationState, enumName: 'VerificationState' }) state!: VerificationState;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) reviewedBy!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) reviewedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) reviewNote!: string | null;
  @ApiProperty({ type: DocumentInfoDto, nullable: true }) document!: DocumentInfoDto | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty() version!: number;
}

export class QualificationListDto {
  @ApiProperty({ type: [QualificationDto] }) items!: QualificationDto[];
}

export class BodyQualificationDto extends QualificationDto {
  @ApiProperty() personName!: string;
}

export class BodyQualificationListDto {
  @ApiProperty({ type: [BodyQualificationDto] }) items!: BodyQualificationDto[];
}

export class ListBodyQualificationsQuery {
  @ApiPropertyOptional({ enum: VerificationState, enumName: 'VerificationState' })
  @IsOptional()
  @IsIn(Object.values(VerificationState))
  state?: VerificationState;
}

export class DocumentUploadQuery {
  @ApiPropertyOptional({ maxLength: 200, description: 'The file name to keep with the document (no path)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  fileName?: string;
}
