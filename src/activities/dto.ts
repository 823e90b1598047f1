import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsIn, IsISO8601, IsNumber, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, Min, Max } from 'class-validator';
import { PageQuery } from '../common/pagination';
import { ActivityDelivery, ActivityKind } from './training-activity.entity';
import { MaxDecimals } from '../common/decimal';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const dateMsg = (f: string) => ({ message: `${f} must be a date (YYYY-MM-DD)` });

export class CreateActivityDto {
  @ApiProperty({ enum: ActivityKind, enumName: 'ActivityKind' })
  @IsEnum(ActivityKind)
  kind!: ActivityKind;

  @ApiProperty({ maxLength: 200 })
  @IsString()
  @Length(1, 200)
  title!: string;

  @ApiProperty({ maxLength: 200, description: 'Organisation or person delivering the training' })
  @IsString()
  @Length(1, 200)
  provider!: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'The trainer, if they have an account' })
  @IsOptional()
  @IsUUID('all')
  trainerId?: string | null;

  @ApiProperty({ minimum: 0.01, maximum: 200, description: 'More than 0, at most 200, at most 2 decimals' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @MaxDecimals(2)
  @Min(0.01)
  @Max(200)
  hours!: number;

  @ApiProperty({ enum: ActivityDelivery, enumName: 'ActivityDelivery' })
  @IsEnum(ActivityDelivery)
  delivery!: ActivityDelivery;

  @ApiProperty({ format: 'date', description: 'Not in the future' })
  @Matches(DATE, dateMsg('date'))
  @IsISO8601({ strict: true }, dateMsg('date'))
  date!: string;

  @ApiPropertyOptional({ maxLength: 500, nullable: true, type: String, description: 'Plain text: a certificate number, a file name' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  evidenceRef?: string | null;
}

export class UpdateActivityDto {
  @ApiPropertyOptional({ enum: ActivityKind, enumName: 'ActivityKind' })
  @IsOptional()
  @IsEnum(ActivityKind)
  kind?: ActivityKind;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  title?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  provider?: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'null removes the trainer' })
  @IsOptional()
  @IsUUID('all')
  trainerId?: string | null;

  @ApiPropertyOptional({ minimum: 0.01, maximum: 200 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @MaxDecimals(2)
  @Min(0.01)
  @Max(200)
  hours?: number;

  @ApiPropertyOptional({ enum: ActivityDelivery, enumName: 'ActivityDelivery' })
  @IsOptional()
  @IsEnum(ActivityDelivery)
  delivery?: ActivityDelivery;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @Matches(DATE, dateMsg('date'))
  @IsISO8601({ strict: true }, dateMsg('date'))
  date?: string;

  @ApiPropertyOptional({ maxLength: 500, nullable: true, type: String, description: 'null removes it' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  evidenceRef?: string | null;
}

export class ListActivitiesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ActivityKind, enumName: 'ActivityKind' })
  @IsOptional()
  @IsEnum(ActivityKind)
  kind?: ActivityKind;

  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'])
  verified?: 'true' | 'false';

  @ApiPropertyOptional({ format: 'date', description: 'Activities on or after this date' })
  @IsOptional()
  @Matches(DATE, dateMsg('from'))
  @IsISO8601({ strict: true }, dateMsg('from'))
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Activities on or before this date' })
  @IsOptional()
  @Matches(DATE, dateMsg('to'))
  @IsISO8601({ strict: true }, dateMsg('to'))
  to?: string;

  @ApiPropertyOptional({ enum: ['date', 'createdAt'], default: 'date' })
  @IsOptional()
  @IsIn(['date', 'createdAt'])
  sort?: 'date' | 'createdAt';

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'desc' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';
}

export class ActivityDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) traineeId!: string;
  @ApiProperty({ enum: ActivityKind, enumName: 'ActivityKind' }) kind!: ActivityKind;
  @ApiProperty() title!: string;
  @ApiProperty() provider!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) trainerId!: string | null;
  @ApiProperty() hours!: number;
  @ApiProperty({ enum: ActivityDelivery, enumName: 'ActivityDelivery' }) delivery!: ActivityDelivery;
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty({ nullable: true, type: String }) evidenceRef!: string | null;
  @ApiProperty() verified!: boolean;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) verifiedBy!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) verifiedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty() version!: number;
}

export class UpdatedActivityDto extends ActivityDto {
  @ApiProperty({ description: 'true when this edit removed an earlier verification; it must be verified again' })
  verificationCleared!: boolean;
}

export class ActivityPageDto {
  @ApiProperty({ type: [ActivityDto] }) items!: ActivityDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class HoursCountDto {
  @ApiProperty() hours!: number;
  @ApiProperty() count!: number;
}

export class KindTotalsDto {
  @ApiProperty({ enum: ActivityKind, enumName: 'ActivityKind' }) kind!: ActivityKind;
  @ApiProperty({ type: HoursCountDto }) verified!: HoursCountDto;
  @ApiProperty({ type: HoursCountDto }) unverified!: HoursCountDto;
}

export class ActivityTotalsDto {
  @ApiProperty({ type: [KindTotalsDto] }) byKind!: KindTotalsDto[];
  @ApiProperty({ type: HoursCountDto }) verified!: HoursCountDto;
  @ApiProperty({ type: HoursCountDto }) unverified!: HoursCountDto;
}
