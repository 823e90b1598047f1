import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class WhatIfQuery {
  @ApiPropertyOptional({ minimum: 0, default: 0, description: 'Skip this many changed rows' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 5000, default: 500, description: 'At most this many changed rows (the CSV has them all)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(5000)
  limit?: number;
}

export class WhatIfLevelSummaryDto {
  @ApiProperty() levelCode!: string;
  @ApiProperty() levelName!: string;
  @ApiProperty({ description: 'People who meet the level under the draft but not under the version in force' }) gain!: number;
  @ApiProperty({ description: 'People who meet the level under the version in force but not under the draft' }) lose!: number;
  @ApiProperty() unchanged!: number;
  @ApiProperty({ description: 'People who meet the level under the version in force' }) metBefore!: number;
  @ApiProperty({ description: 'People who meet the level under the draft' }) metAfter!: number;
}

export class WhatIfRuleDto {
  @ApiProperty() ruleId!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ type: Boolean, nullable: true, description: 'Verdict under the version in force; null: the rule is not in it' })
  before!: boolean | null;
  @ApiProperty({ type: Boolean, nullable: true, description: 'Verdict under the draft; null: the draft dropped the rule' })
  after!: boolean | null;
  @ApiProperty({ description: "The draft's message (the current version's when the draft dropped the rule)" }) message!: string;
}

export class WhatIfRowDto {
  @ApiProperty({ format: 'uuid' }) personId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty() levelCode!: string;
  @ApiProperty() levelName!: string;
  @ApiProperty({ type: Boolean, nullable: true, description: 'Met under the version in force (null: no such level there)' })
  before!: boolean | null;
  @ApiProperty({ type: Boolean, nullable: true, description: 'Met under the draft (null: no such level there)' })
  after!: boolean | null;
  @ApiProperty({ enum: ['gain', 'lose'] }) change!: 'gain' | 'lose';
  @ApiProperty({ type: [WhatIfRuleDto], description: 'The rules whose verdict flipped' }) rules!: WhatIfRuleDto[];
}

export class WhatIfDto {
  @ApiProperty({ format: 'uuid' }) schemeId!: string;
  @ApiProperty({ format: 'uuid', description: 'The draft' }) draftVersionId!: string;
  @ApiProperty() draftVersionNumber!: number;
  @ApiProperty({ format: 'uuid', description: 'The version in force today, compared against' }) currentVersionId!: string;
  @ApiProperty() currentVersionNumber!: number;
  @ApiProperty({ format: 'date' }) asOf!: string;
  @ApiProperty({ description: 'People evaluated: everyone enrolled in the scheme and every holder of one of its accreditations' })
  people!: number;
  @ApiProperty({ type: [WhatIfLevelSummaryDto] }) levels!: WhatIfLevelSummaryDto[];
  @ApiProperty({ description: 'Changed (person, level) rows in all' }) changedTotal!: number;
  @ApiProperty() offset!: number;
  @ApiProperty() limit!: number;
  @ApiProperty({ type: [WhatIfRowDto], description: 'Changed rows, losses first, then by name' }) changed!: WhatIfRowDto[];
  @ApiProperty({ description: 'Server time of the evaluation, milliseconds' }) elapsedMs!: number;
}
