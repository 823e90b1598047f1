import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEnum, IsObject, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { PageQuery } from '../common/pagination';
import type { RubricDefinition } from './rubric-scoring';
import { RubricTarget, RubricVersionStatus } from './rubric.entity';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

const DEFINITION_DOC =
  'scale {min,max}; items [{code,label,domain?,anchors?{score:text}}]; aggregation sum|mean; passRule {threshold (in the aggregation unit), itemFloor?, requiredItems?, requiredItemFloor?}; multiRater {kind single|mean_of_n|all_must_pass, n?, disagreementThreshold}';

export class RubricVersionSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() versionNumber!: number;
  @ApiProperty({ enum: RubricVersionStatus, enumName: 'RubricVersionStatus' }) status!: RubricVersionStatus;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) publishedAt!: string | null;
}

export class RubricVersionDto extends RubricVersionSummaryDto {
  @ApiProperty({ format: 'uuid' }) rubricId!: string;
  @ApiProperty({ description: DEFINITION_DOC, type: Object }) definition!: RubricDefinition;
  @ApiProperty() version!: number;
}

export class RubricDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'null for a global rubric' }) ownerBodyId!: string | null;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: 'IPT' }) modality!: string;
  @ApiProperty({ enum: RubricTarget, enumName: 'RubricTarget' }) target!: RubricTarget;
  @ApiProperty({ type: [RubricVersionSummaryDto], description: 'Drafts are listed only to those who manage the rubric' })
  versions!: RubricVersionSummaryDto[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class RubricPageDto {
  @ApiProperty({ type: [RubricDto] }) items!: RubricDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class CreateRubricDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The body that owns the rubric; leave out for a global rubric (global admins only)' })
  @IsOptional()
  @IsUUID('all', { message: 'ownerBodyId must be a UUID' })
  ownerBodyId?: string;

  @ApiProperty({ example: 'IPT-QA' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_.-]{1,39}$/, { message: 'code must be 2–40 letters, digits, _ . or -' })
  code!: string;

  @ApiProperty()
  @Transform(trim)
  @IsString()
  @Length(2, 200)
  name!: string;

  @ApiProperty({ example: 'IPT' })
  @Transform(trim)
  @IsString()
  @Length(1, 40)
  modality!: string;

  @ApiProperty({ enum: RubricTarget, enumName: 'RubricTarget' })
  @IsEnum(RubricTarget)
  target!: RubricTarget;

  @ApiProperty({ description: DEFINITION_DOC, type: Object })
  @IsObject()
  definition!: Record<string, unknown>;
}

export class UpdateRubricVersionDto {
  @ApiProperty({ description: DEFINITION_DOC, type: Object })
  @IsObject()
  definition!: Record<string, unknown>;
}

export class ListRubricsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: RubricTarget, enumName: 'RubricTarget' })
  @IsOptional()
  @IsEnum(RubricTarget)
  target?: RubricTarget;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 40)
  modality?: string;
}
