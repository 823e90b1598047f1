import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, IsUUID, Length, Matches, ValidateIf } from 'class-validator';
import { TaxonomyStatus } from './taxonomy.entity';

const DEFINITION_DOC = {
  type: 'object',
  additionalProperties: true,
  description:
    'The lists as data: { attributes: [{ code, label, required, multiple?, values: [{ code, label, retired? }] }] — at least ' +
    'problemArea, format, adaptation, setting, ageBand; phases: [{ code, label }] in session order; ' +
    'phaseBoundaries: { initialLastSession, terminationSessions } }',
} as const;

export class CreateTaxonomyDto {
  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'Owning body; null or left out: international (all bodies)',
  })
  @IsOptional()
  @IsUUID('all', { message: 'bodyId must be a UUID' })
  bodyId?: string | null;

  @ApiProperty({ example: 'IPT-UK', description: 'Capitals, digits, _ or -; versions of one code form one taxonomy' })
  @IsString()
  @Matches(/^[A-Z0-9][A-Z0-9_-]{0,39}$/, { message: 'code must be 1–40 capitals, digits, _ or -' })
  code!: string;

  @ApiProperty({ minLength: 1, maxLength: 200 })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional({
    ...DEFINITION_DOC,
    description: `Default: a copy of the latest version of this code. ${DEFINITION_DOC.description}`,
  })
  @ValidateIf((_: object, v: unknown) => v !== undefined)
  @IsObject()
  definition?: Record<string, unknown>;
}

export class UpdateTaxonomyDto {
  @ApiProperty({ minLength: 1, maxLength: 200 })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty(DEFINITION_DOC)
  @IsObject()
  definition!: Record<string, unknown>;
}

export class TaxonomySummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'null: international' }) bodyId!: string | null;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty() versionNumber!: number;
  @ApiProperty({ enum: TaxonomyStatus, enumName: 'TaxonomyStatus' }) status!: TaxonomyStatus;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) publishedAt!: string | null;
}

export class TaxonomyValueDto {
  @ApiProperty() code!: string;
  @ApiProperty() label!: string;
  @ApiPropertyOptional({ description: 'Refused for new cases, kept on old ones' }) retired?: boolean;
}

export class TaxonomyAttributeDto {
  @ApiProperty() code!: string;
  @ApiProperty() label!: string;
  @ApiProperty() required!: boolean;
  @ApiPropertyOptional() multiple?: boolean;
  @ApiProperty({ type: [TaxonomyValueDto] }) values!: TaxonomyValueDto[];
}

export class TaxonomyPhaseDto {
  @ApiProperty() code!: string;
  @ApiProperty() label!: string;
}

export class TaxonomyPhaseBoundariesDto {
  @ApiProperty() initialLastSession!: number;
  @ApiProperty() terminationSessions!: number;
}

export class TaxonomyDefinitionResponseDto {
  @ApiProperty({ type: [TaxonomyAttributeDto] }) attributes!: TaxonomyAttributeDto[];
  @ApiProperty({ type: [TaxonomyPhaseDto], description: 'In session order' }) phases!: TaxonomyPhaseDto[];
  @ApiProperty({ type: TaxonomyPhaseBoundariesDto }) phaseBoundaries!: TaxonomyPhaseBoundariesDto;
}

export class TaxonomyDto extends TaxonomySummaryDto {
  @ApiProperty({ type: TaxonomyDefinitionResponseDto }) definition!: TaxonomyDefinitionResponseDto;
  @ApiProperty({ description: 'Send back in If-Match to update a draft' }) version!: number;
}
