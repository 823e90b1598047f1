import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEnum, IsNumber, IsObject, IsOptional, IsString, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import { PageQuery } from '../common/pagination';
import { CalibrationExerciseStatus } from './calibration.entity';

export class ToleranceDto {
  @ApiProperty({ minimum: 0, example: 0.5, description: 'Largest allowed mean |score − reference| over the items, in scale points' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  maxMeanAbsDiff!: number;

  @ApiPropertyOptional({
    minimum: -1,
    maximum: 1,
    example: 0.6,
    description: 'Optional floor for ICC(2,1) (absolute agreement) between rater and reference over the items; needs ≥ 3 items',
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-1)
  @Max(1)
  minIcc?: number;
}

export class CreateCalibrationExerciseDto {
  @ApiProperty({ format: 'uuid', description: 'The body publishing the exercise; you must administer it' })
  @IsUUID('all', { message: 'bodyId must be a UUID' })
  bodyId!: string;

  @ApiProperty({ format: 'uuid', description: 'A published version of a global rubric or of one owned by the body' })
  @IsUUID('all', { message: 'rubricVersionId must be a UUID' })
  rubricVersionId!: string;

  @ApiProperty({ maxLength: 200 })
  @IsString()
  @Length(1, 200)
  title!: string;

  @ApiProperty({ maxLength: 4000, description: 'Describes the reference recording; no client e-mail addresses or phone numbers' })
  @IsString()
  @Length(1, 4000)
  description!: string;

  @ApiProperty({ type: Object, example: { inventory: 3, focus: 4 }, description: 'item code → integer score, every item of the rubric' })
  @IsObject()
  referenceScores!: Record<string, number>;

  @ApiProperty({ type: ToleranceDto })
  @ValidateNested()
  @Type(() => ToleranceDto)
  tolerance!: ToleranceDto;
}

export class ListCalibrationExercisesQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  bodyId?: string;

  @ApiPropertyOptional({ enum: CalibrationExerciseStatus, enumName: 'CalibrationExerciseStatus' })
  @IsOptional()
  @IsEnum(CalibrationExerciseStatus)
  status?: CalibrationExerciseStatus;
}

export class SubmitAttemptDto {
  @ApiProperty({ type: Object, example: { inventory: 3, focus: 4 }, description: 'item code → integer score, every item of the rubric' })
  @IsObject()
  scores!: Record<string, number>;
}

export class BodyQuery {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'bodyId must be a UUID' })
  bodyId!: string;
}

export class RangeUseDto {
  @ApiProperty() distinct!: number;
  @ApiProperty({ description: 'points on the scale' }) width!: number;
  @ApiProperty({ description: 'distinct / width' }) share!: number;
  @ApiProperty({ description: 'population SD of the scores' }) sd!: number;
}

export class AttemptFiguresDto {
  @ApiProperty({ type: Object, description: 'item code → |score − reference|' }) perItemAbsDiff!: Record<string, number>;
  @ApiProperty() meanAbsDiff!: number;
  @ApiProperty({ description: 'mean (score − reference): positive = lenient, negative = severe' }) bias!: number;
  @ApiProperty({ type: RangeUseDto }) rangeUse!: RangeUseDto;
  @ApiProperty({ type: RangeUseDto }) referenceRangeUse!: RangeUseDto;
  @ApiProperty({ nullable: true, type: Number, description: 'ICC(2,1) over the items, rater vs reference' }) icc!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'quadratic-weighted kappa over the items, rater vs reference' })
  weightedKappa!: number | null;
  @ApiProperty() withinTolerance!: boolean;
  @ApiProperty({ type: [String], enum: ['mean_abs_diff', 'icc', 'icc_undefined'] }) outsideBecause!: string[];
}

export class CalibrationAttemptDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) exerciseId!: string;
  @ApiProperty({ format: 'uuid' }) raterId!: string;
  @ApiProperty({ type: Object }) scores!: Record<string, number>;
  @ApiProperty({ type: Object, description: 'revealed once the rater has attempted' }) referenceScores!: Record<string, number>;
  @ApiProperty({ type: ToleranceDto }) tolerance!: ToleranceDto;
  @ApiProperty({ type: AttemptFiguresDto }) figures!: AttemptFiguresDto;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
}

export class CalibrationExerciseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) bodyId!: string;
  @ApiProperty({ format: 'uuid' }) rubricVersionId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: Object, nullable: true, description: 'null for a rater who has not attempted the exercise (blind)' })
  referenceScores!: Record<string, number> | null;
  @ApiProperty({ type: ToleranceDto }) tolerance!: ToleranceDto;
  @ApiProperty({ enum: CalibrationExerciseStatus, enumName: 'CalibrationExerciseStatus' }) status!: CalibrationExerciseStatus;
  @ApiProperty({ type: CalibrationAttemptDto, nullable: true, description: "the caller's own attempt, if any" })
  myAttempt!: CalibrationAttemptDto | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class CalibrationExercisePageDto {
  @ApiProperty({ type: [CalibrationExerciseDto] }) items!: CalibrationExerciseDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class RaterCalibrationDto {
  @ApiProperty({ format: 'uuid' }) raterId!: string;
  @ApiProperty({ format: 'uuid' }) bodyId!: string;
  @ApiProperty({ enum: ['calibrated', 'not_calibrated', 'no_attempts'] }) status!: string;
  @ApiProperty({ nullable: true, type: String, enum: ['outside_tolerance', 'expired'] }) reason!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) validUntil!: string | null;
  @ApiProperty({ description: 'the rule the status follows' }) rule!: string;
  @ApiProperty({ type: [CalibrationAttemptDto], description: 'newest first' }) attempts!: CalibrationAttemptDto[];
}

class IccDto {
  @ApiProperty() value!: number;
  @ApiProperty({ type: Object, example: { lower: 0.6, upper: 0.9 } }) ci95!: { lower: number; upper: number };
  @ApiProperty({ description: 'targets in the fully crossed sub-design used' }) targets!: number;
  @ApiProperty({ description: 'raters in the fully crossed sub-design used' }) raters!: number;
}

class AlphaDto {
  @ApiProperty() value!: number;
  @ApiProperty() pairableValues!: number;
  @ApiProperty() units!: number;
}

export class ScoreScaleDto {
  @ApiProperty() min!: number;
  @ApiProperty() max!: number;
}

export class ReliabilityPointDto {
  @ApiProperty({ example: '2026-Q3' }) period!: string;
  @ApiProperty({ format: 'date', description: 'the figures use every rating submitted up to the end of this day' }) until!: string;
  @ApiProperty() targets!: number;
  @ApiProperty() ratings!: number;
  @ApiProperty({ type: IccDto, nullable: true }) icc!: IccDto | null;
  @ApiProperty({ nullable: true, type: Number, description: "Krippendorff's alpha (interval)" }) alpha!: number | null;
  @ApiProperty({ nullable: true, type: String, enum: ['poor', 'moderate', 'good', 'excellent'] }) band!: string | null;
}

export class RubricReliabilityDto {
  @ApiProperty({ format: 'uuid' }) rubricId!: string;
  @ApiProperty({ format: 'uuid' }) bodyId!: string;
  @ApiProperty({ description: 'targets rated by ≥ 2 raters' }) targets!: number;
  @ApiProperty({ description: 'raters who rated those targets' }) raters!: number;
  @ApiProperty({ description: 'ratings used (one per rater and target: the latest)' }) ratings!: number;
  @ApiProperty({ description: 'every target was rated by the same raters' }) completeDesign!: boolean;
  @ApiProperty({ type: IccDto, nullable: true, description: 'ICC(2,1), absolute agreement, single rater, on the aggregated values' })
  icc!: IccDto | null;
  @ApiProperty({ type: AlphaDto, nullable: true, description: "Krippendorff's alpha (interval) over every doubly-rated target" })
  krippendorffAlpha!: AlphaDto | null;
  @ApiProperty({ nullable: true, type: String, enum: ['poor', 'moderate', 'good', 'excellent'] }) band!: string | null;
  @ApiProperty() interpretation!: string;
  @ApiProperty({ description: 'how the figures were computed' }) method!: string;
  @ApiProperty({
    type: [ReliabilityPointDto],
    description: 'the same figures at the end of each calendar quarter (cumulative), oldest first, at most 12',
  })
  history!: ReliabilityPointDto[];
}

export class CalibrationRaterResultDto {
  @ApiProperty({ format: 'uuid' }) raterId!: string;
  @ApiProperty() raterName!: string;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty({ type: Object, description: 'item code → score' }) scores!: Record<string, number>;
  @ApiProperty({ description: 'mean (score − reference): positive = lenient, negative = severe' }) bias!: number;
  @ApiProperty({ description: 'population SD of (score − reference) over the items: how unevenly the rater departs from the reference' })
  spread!: number;
  @ApiProperty() meanAbsDiff!: number;
  @ApiProperty() withinTolerance!: boolean;
}

export class CalibrationItemDto {
  @ApiProperty() code!: string;
  @ApiProperty() label!: string;
}

export class CalibrationResultsDto {
  @ApiProperty({ format: 'uuid' }) exerciseId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: ScoreScaleDto }) scale!: ScoreScaleDto;
  @ApiProperty({ type: [CalibrationItemDto] }) items!: CalibrationItemDto[];
  @ApiProperty({ type: Object, description: 'item code → reference score' }) referenceScores!: Record<string, number>;
  @ApiProperty({ type: ToleranceDto }) tolerance!: ToleranceDto;
  @ApiProperty({ type: [CalibrationRaterResultDto], description: 'every attempt, by rater name' }) raters!: CalibrationRaterResultDto[];
}
