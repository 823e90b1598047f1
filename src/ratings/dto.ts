import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsIn, IsObject, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { PageQuery } from '../common/pagination';
import { RubricTarget } from '../rubrics/rubric.entity';
import { RaterRole, RatingStatus } from './rating.entity';

export class RatingDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) rubricVersionId!: string;
  @ApiProperty({ enum: RubricTarget, enumName: 'RubricTarget' }) targetType!: RubricTarget;
  @ApiProperty({ format: 'uuid' }) targetId!: string;
  @ApiProperty({ format: 'uuid' }) traineeId!: string;
  @ApiProperty({ format: 'uuid' }) raterId!: string;
  @ApiProperty({ enum: RaterRole, enumName: 'RaterRole' }) raterRole!: RaterRole;
  @ApiProperty({ type: Object, example: { inventory: 3 } }) scores!: Record<string, number>;
  @ApiProperty({ type: Object }) itemComments!: Record<string, string>;
  @ApiProperty({ nullable: true, type: String }) overallComment!: string | null;
  @ApiProperty({ nullable: true, type: String }) sessionPhase!: string | null;
  @ApiProperty() total!: number;
  @ApiProperty({ nullable: true, type: Number }) mean!: number | null;
  @ApiProperty({ nullable: true, type: Boolean, description: 'decided on submission' }) passed!: boolean | null;
  @ApiProperty({ enum: RatingStatus, enumName: 'RatingStatus' }) status!: RatingStatus;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) supersedesId!: string | null;
  @ApiProperty({ nullable: true, type: String }) correctionReason!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) submittedAt!: string | null;
  @ApiProperty() version!: number;
}

export class RatedTargetDto {
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The case rated, or the case of the session rated' }) caseId!:
    string | null;
  @ApiProperty({ nullable: true, type: String }) clientCode!: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'For a session: its number in the case' }) sessionNumber!: number | null;
  @ApiProperty({ format: 'date', nullable: true, type: String }) sessionDate!: string | null;
}

// a list names what was rated and whose it is, so people never read ids
export class RatingListItemDto extends RatingDto {
  @ApiProperty() traineeName!: string;
  @ApiProperty({ type: RatedTargetDto }) target!: RatedTargetDto;
}

export class RatingPageDto {
  @ApiProperty({ type: [RatingListItemDto] }) items!: RatingListItemDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

class RatingContentDto {
  @ApiPropertyOptional({ type: Object, description: 'item code → integer score' })
  @IsOptional()
  @IsObject()
  scores?: Record<string, number>;

  @ApiPropertyOptional({ type: Object, description: 'item code → comment' })
  @IsOptional()
  @IsObject()
  itemComments?: Record<string, string>;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  overallComment?: string;
}

export class CreateRatingDto extends RatingContentDto {
  @ApiProperty({ format: 'uuid', description: 'A published rubric version whose target matches targetType' })
  @IsUUID('all', { message: 'rubricVersionId must be a UUID' })
  rubricVersionId!: string;

  @ApiProperty({ enum: RubricTarget, enumName: 'RubricTarget' })
  @IsEnum(RubricTarget)
  targetType!: RubricTarget;

  @ApiProperty({ format: 'uuid', description: 'therapy session id, supervised case id, or the trainee id for a portfolio' })
  @IsUUID('all', { message: 'targetId must be a UUID' })
  targetId!: string;
}

export class UpdateRatingDto extends RatingContentDto {}

export class CorrectRatingDto extends RatingContentDto {
  @ApiProperty({ description: 'Why the submitted rating is corrected' })
  @IsString()
  @Length(3, 1000)
  reason!: string;
}

export class ListRatingsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  traineeId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only ratings by this rater (your own: your id)' })
  @IsOptional()
  @IsUUID()
  raterId?: string;

  @ApiPropertyOptional({ enum: RubricTarget, enumName: 'RubricTarget' })
  @IsOptional()
  @IsEnum(RubricTarget)
  targetType?: RubricTarget;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  targetId?: string;

  @ApiPropertyOptional({ enum: ['createdAt'], default: 'createdAt' })
  @IsOptional()
  @IsIn(['createdAt'])
  sort?: 'createdAt';
}

export class RaterResultDto {
  @ApiProperty({ format: 'uuid' }) ratingId!: string;
  @ApiProperty({ format: 'uuid' }) raterId!: string;
  @ApiProperty({ enum: RaterRole, enumName: 'RaterRole' }) raterRole!: `${RaterRole}`;
  @ApiProperty() value!: number;
  @ApiProperty() passed!: boolean;
}

export class TargetSummaryDto {
  @ApiProperty({ format: 'uuid' }) rubricVersionId!: string;
  @ApiProperty({ enum: ['pass', 'fail', 'insufficient_raters', 'disagreement'] }) status!: string;
  @ApiProperty() requiredRaters!: number;
  @ApiProperty() countedRaters!: number;
  @ApiProperty({ description: 'self-ratings shown but never counted' }) selfRatingsIgnored!: number;
  @ApiProperty({ type: [RaterResultDto] }) perRater!: RaterResultDto[];
  @ApiProperty({ nullable: true, type: Number }) spread!: number | null;
  @ApiProperty({ description: 'raters differ by more than the rubric allows: a second look is needed' }) secondLookNeeded!: boolean;
  @ApiProperty({ nullable: true, type: Object }) combined!: { value: number; itemMeans: Record<string, number> } | null;
}

export class TargetSummaryListDto {
  @ApiProperty({ enum: RubricTarget, enumName: 'RubricTarget' }) targetType!: RubricTarget;
  @ApiProperty({ format: 'uuid' }) targetId!: string;
  @ApiProperty({ format: 'uuid' }) traineeId!: string;
  @ApiProperty({ type: [TargetSummaryDto] }) rubrics!: TargetSummaryDto[];
}
