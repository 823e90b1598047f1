import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsEnum, IsInt, IsISO8601, IsOptional, Matches, Max, Min } from 'class-validator';
import { Instrument } from './outcome-measure.entity';

export class CreateMeasureDto {
  @ApiProperty({ enum: Instrument, enumName: 'Instrument' })
  @IsEnum(Instrument)
  instrument!: Instrument;

  @ApiProperty({ format: 'date' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'administeredOn must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'administeredOn must be a valid calendar date' })
  administeredOn!: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 100, description: '0 = intake / baseline' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  sessionNumber?: number;

  @ApiPropertyOptional({ type: [Number], description: 'Item scores in instrument order; the total is computed from them' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsInt({ each: true })
  items?: number[];

  @ApiPropertyOptional({ description: 'Only when no item scores are available' })
  @IsOptional()
  @IsInt()
  total?: number;
}

export class MeasureDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ enum: Instrument, enumName: 'Instrument' }) instrument!: Instrument;
  @ApiProperty({ nullable: true, type: String, description: 'LOINC code of the total score' }) loinc!: string | null;
  @ApiProperty({ format: 'date' }) administeredOn!: string;
  @ApiProperty({ nullable: true, type: Number }) sessionNumber!: number | null;
  @ApiProperty({ type: [Number], nullable: true }) items!: number[] | null;
  @ApiProperty() total!: number;
  @ApiProperty() severity!: string;
  @ApiProperty({ nullable: true, type: Boolean, description: 'null = unknown (only a total was recorded)' }) riskFlag!: boolean | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class MeasurePointDto {
  @ApiProperty() total!: number;
  @ApiProperty({ format: 'date' }) administeredOn!: string;
  @ApiProperty({ nullable: true, type: Number }) sessionNumber!: number | null;
}

export class ChangeSummaryDto {
  @ApiProperty({ enum: Instrument, enumName: 'Instrument' }) instrument!: Instrument;
  @ApiProperty() administrations!: number;
  @ApiProperty({ type: MeasurePointDto }) intake!: MeasurePointDto;
  @ApiProperty({ type: MeasurePointDto, nullable: true }) latest!: MeasurePointDto | null;
  @ApiProperty({ nullable: true, type: Number, description: 'latest − intake' }) change!: number | null;
  @ApiProperty({ nullable: true, type: Number }) casenessThreshold!: number | null;
  @ApiProperty({ nullable: true, type: Boolean }) caseAtIntake!: boolean | null;
  @ApiProperty({ nullable: true, type: Boolean }) caseNow!: boolean | null;
  @ApiProperty({ nullable: true, type: Number }) reliableChangeThreshold!: number | null;
  @ApiProperty({ nullable: true, type: Boolean }) reliablyImproved!: boolean | null;
  @ApiProperty({ nullable: true, type: Boolean }) reliablyDeteriorated!: boolean | null;
  @ApiProperty({ nullable: true, type: Boolean }) recovered!: boolean | null;
  @ApiProperty({ nullable: true, type: Boolean }) reliablyRecovered!: boolean | null;
  @ApiProperty({ type: [String] }) notes!: string[];
}

export class CaseMeasuresDto {
  @ApiProperty({ type: [MeasureDto] }) items!: MeasureDto[];
  @ApiProperty({ type: [ChangeSummaryDto] }) change!: ChangeSummaryDto[];
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) riskFlaggedAt!: string | null;
  @ApiProperty({ description: 'The case version after the last change (use as If-Match for case writes)' }) caseVersion!: number;
}

export class CreatedMeasureDto extends MeasureDto {
  @ApiProperty({ description: 'The case version after this change (use as If-Match for case writes)' }) caseVersion!: number;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) riskFlaggedAt!: string | null;
}

// Instrument definitions as reference data: each instrument describes itself (items, ranges, bands, risk items),
// so a client never keeps its own copy and a new instrument needs no client change.
export class ScoreRangeDto {
  @ApiProperty() min!: number;
  @ApiProperty() max!: number;
}

export class InstrumentItemDto {
  @ApiProperty({ description: '1-based, in instrument order (the order of `items` in a measure)' }) number!: number;
  @ApiProperty() min!: number;
  @ApiProperty() max!: number;
  @ApiProperty({ description: 'A score above 0 on this item flags the case for the supervisor (PHQ-9 item 9)' }) risk!: boolean;
}

export class SeverityBandDto {
  @ApiProperty() min!: number;
  @ApiProperty() max!: number;
  @ApiProperty({ description: 'The value a measure with a total in [min, max] has as `severity`' }) label!: string;
}

export class InstrumentDto {
  @ApiProperty({ enum: Instrument, enumName: 'Instrument', description: 'The `instrument` of a measure' }) code!: Instrument;
  @ApiProperty({ example: 'PHQ-9' }) name!: string;
  @ApiProperty({ example: 'depression', description: 'What it measures' }) construct!: string;
  @ApiProperty({ nullable: true, type: String, description: 'LOINC code of the total score' }) loinc!: string | null;
  @ApiProperty() itemCount!: number;
  @ApiProperty({ type: [InstrumentItemDto] }) items!: InstrumentItemDto[];
  @ApiProperty({ type: ScoreRangeDto }) total!: ScoreRangeDto;
  @ApiProperty({ type: [SeverityBandDto], description: 'Contiguous, in ascending order, covering the total range' })
  bands!: SeverityBandDto[];
  @ApiProperty({ type: [Number], description: '1-based numbers of the items with `risk: true`' }) riskItems!: number[];
  @ApiProperty({ nullable: true, type: Number, description: 'A total at or above this is a clinical case (null = not configured)' })
  casenessAt!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'A change of at least this many points is reliable (null = not configured)' })
  reliableChange!: number | null;
}

export class InstrumentListDto {
  @ApiProperty({ type: [InstrumentDto] }) items!: InstrumentDto[];
}
