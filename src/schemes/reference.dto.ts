import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, IsUUID, Length, Matches } from 'class-validator';
import { SchemeVersionStatus } from './scheme.entity';

// <versionId>:<levelCode>
const LEVEL_REF = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}:[A-Z0-9_-]{1,40}$/;
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const VERDICTS = ['stricter', 'looser', 'equal', 'different', 'missing', 'extra'];

export class ReferenceLevelDto {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
}

export class ReferenceSchemeDto {
  @ApiProperty({ format: 'uuid', description: 'The reference scheme version' }) versionId!: string;
  @ApiProperty({ format: 'uuid' }) schemeId!: string;
  @ApiProperty() schemeCode!: string;
  @ApiProperty() schemeName!: string;
  @ApiProperty({ format: 'uuid' }) bodyId!: string;
  @ApiProperty() bodyName!: string;
  @ApiProperty() versionNumber!: number;
  @ApiProperty({ enum: SchemeVersionStatus, enumName: 'SchemeVersionStatus' }) status!: SchemeVersionStatus;
  @ApiProperty({ format: 'date' }) effectiveFrom!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) markedAt!: string | null;
  @ApiProperty({ type: [ReferenceLevelDto] }) levels!: ReferenceLevelDto[];
}

export class DeriveSchemeDto {
  @ApiProperty({ format: 'uuid', description: 'A scheme version marked as a reference' })
  @IsUUID('all', { message: 'referenceVersionId must be a UUID' })
  referenceVersionId!: string;

  @ApiProperty({ example: 'DE-IPT' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{2,40}$/, { message: 'code must be 2–40 letters, digits, _ or -' })
  code!: string;

  @ApiProperty({ example: 'IPT Germany accreditation' })
  @Transform(trim)
  @IsString()
  @Length(2, 200)
  name!: string;
}

export class ComparisonQuery {
  @ApiProperty({ description: 'Level A as <versionId>:<levelCode>', example: '0b6e…:THERAPIST' })
  @IsString()
  @Matches(LEVEL_REF, { message: 'a must be <versionId>:<levelCode>' })
  a!: string;

  @ApiProperty({ description: 'Level B as <versionId>:<levelCode>' })
  @IsString()
  @Matches(LEVEL_REF, { message: 'b must be <versionId>:<levelCode>' })
  b!: string;
}

export class ParamDiffDto {
  @ApiProperty({ description: 'Parameter name (nested ones as a.b)' }) param!: string;
  @ApiPropertyOptional({ description: 'Value in A (absent: none)' }) a?: unknown;
  @ApiPropertyOptional({ description: 'Value in B (absent: none)' }) b?: unknown;
  @ApiProperty({ enum: ['stricter', 'looser', 'equal', 'different'] }) verdict!: string;
  @ApiProperty() words!: string;
}

export class ComparisonItemDto {
  @ApiProperty({ enum: ['scheme', 'prerequisites', 'requirements', 'renewal'] }) section!: string;
  @ApiProperty({ description: 'A rule type, or groupCredit / phaseBoundaries / validity / renewal' }) subject!: string;
  @ApiPropertyOptional() ruleIdA?: string;
  @ApiPropertyOptional() ruleIdB?: string;
  @ApiPropertyOptional() labelA?: string;
  @ApiPropertyOptional() labelB?: string;
  @ApiProperty({ enum: VERDICTS, description: 'A against B: stricter = A asks more; missing = only B has it; extra = only A has it' })
  verdict!: string;
  @ApiProperty({ description: "In words and figures, A first: '3 cases vs 2'" }) words!: string;
  @ApiProperty({ type: [ParamDiffDto] }) params!: ParamDiffDto[];
  @ApiProperty({ description: 'false for validity and renewal, which concern keeping the level' }) bearsOnImplication!: boolean;
}

export class ComparedLevelDto {
  @ApiProperty({ format: 'uuid' }) versionId!: string;
  @ApiProperty() levelCode!: string;
  @ApiProperty() levelName!: string;
  @ApiProperty() schemeCode!: string;
  @ApiProperty() schemeName!: string;
  @ApiProperty() bodyName!: string;
  @ApiProperty() versionNumber!: number;
  @ApiProperty({ enum: SchemeVersionStatus, enumName: 'SchemeVersionStatus' }) status!: SchemeVersionStatus;
  @ApiProperty() title!: string;
}

export class ComparisonCountsDto {
  @ApiProperty() stricter!: number;
  @ApiProperty() looser!: number;
  @ApiProperty() equal!: number;
  @ApiProperty() different!: number;
  @ApiProperty() missing!: number;
  @ApiProperty() extra!: number;
}

export class SchemeComparisonDto {
  @ApiProperty({ type: ComparedLevelDto }) a!: ComparedLevelDto;
  @ApiProperty({ type: ComparedLevelDto }) b!: ComparedLevelDto;
  @ApiProperty({ type: [ComparisonItemDto] }) items!: ComparisonItemDto[];
  @ApiProperty({
    enum: ['yes', 'no', 'unknown'],
    description: "Whether meeting A's requirements means meeting B's; unknown where the rules do not decide it",
  })
  implies!: 'yes' | 'no' | 'unknown';
  @ApiProperty({ type: [String] }) reasons!: string[];
  @ApiProperty({ type: ComparisonCountsDto }) counts!: ComparisonCountsDto;
}
