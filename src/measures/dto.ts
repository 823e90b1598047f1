import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { INSTRUMENT_CODE, type InstrumentDefinition, SCORE_DIRECTIONS, type ScoreDirection } from './instrument-definition';
import { InstrumentStatus } from './instrument.entity';

const CODE_MESSAGE = 'instrument must be an instrument code: 2–32 capital letters, digits or - (e.g. PHQ9, CORE-10)';
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateMeasureDto {
  @ApiProperty({ example: 'PHQ9', description: "The code of an instrument available to the case's body (GET /instruments?bodyId=…)" })
  @IsString()
  @Matches(INSTRUMENT_CODE, { message: CODE_MESSAGE })
  instrument!: string;

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
  @ApiProperty({ example: 'PHQ9', description: 'The instrument code' }) instrument!: string;
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
  @ApiProperty({ example: 'PHQ9', description: 'The instrument code' }) instrument!: string;
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

// Instrument definitions as data: each instrument describes itself (items, ranges, bands, risk items), so a client
// never keeps its own copy and a new instrument needs no client change.
export class ScoreRangeDto {
  @ApiProperty() min!: number;
  @ApiProperty() max!: number;
}

export class InstrumentItemDto {
  @ApiProperty({ description: '1-based, in instrument order (the order of `items` in a measure)' }) number!: number;
  @ApiProperty() min!: number;
  @ApiProperty() max!: number;
  @ApiPropertyOptional({ description: 'The question, where the licence allows showing it' }) label?: string;
  @ApiProperty({ description: 'A score above the minimum on this item flags the case for the supervisor (PHQ-9 item 9)' }) risk!: boolean;
}

export class SeverityBandDto {
  @ApiProperty() min!: number;
  @ApiProperty() max!: number;
  @ApiProperty({ description: 'The value a measure with a total in [min, max] has as `severity`' }) label!: string;
}

const DEFINITION_DOC =
  'items [{min, max, label?}] in order; total {min, max} = the sums of the item ranges; bands [{min, max, label}] contiguous from total.min to total.max; ' +
  'direction higher_is_worse (default) | higher_is_better; casenessThreshold (null = none); reliableChange (points, null = none); ' +
  'riskItems [1-based]; loincTotal (null = none); licence (text, null = none)';

export class InstrumentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'null = available to every body' }) bodyId!: string | null;
  @ApiProperty({ example: 'PHQ9', description: 'The `instrument` of a measure' }) code!: string;
  @ApiProperty({ example: 'PHQ-9' }) name!: string;
  @ApiProperty({ example: 'depression', description: 'What it measures' }) construct!: string;
  @ApiProperty({ example: '1', description: "The instrument's own version label" }) version!: string;
  @ApiProperty({ enum: InstrumentStatus, enumName: 'InstrumentStatus' }) status!: InstrumentStatus;
  @ApiProperty({ nullable: true, type: String, description: 'LOINC code of the total score' }) loinc!: string | null;
  @ApiProperty() itemCount!: number;
  @ApiProperty({ type: [InstrumentItemDto] }) items!: InstrumentItemDto[];
  @ApiProperty({ type: ScoreRangeDto }) total!: ScoreRangeDto;
  @ApiProperty({ type: [SeverityBandDto], description: 'Contiguous, in ascending order, covering the total range' })
  bands!: SeverityBandDto[];
  @ApiProperty({ enum: SCORE_DIRECTIONS, enumName: 'ScoreDirection', description: 'Which way is worse (WHOQOL: higher is better)' })
  direction!: ScoreDirection;
  @ApiProperty({ type: [Number], description: '1-based numbers of the items with `risk: true`' }) riskItems!: number[];
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'A total at or beyond this (≥ when higher is worse, ≤ when higher is better) is a clinical case (null = not configured)',
  })
  casenessAt!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'A change of at least this many points is reliable (null = not configured)' })
  reliableChange!: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'Licence note: who holds the rights and on which terms it is used' })
  licence!: string | null;
  @ApiProperty({ description: DEFINITION_DOC, type: Object }) definition!: InstrumentDefinition;
  @ApiProperty({ description: 'Send as If-Match to edit a draft' }) rowVersion!: number;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) publishedAt!: string | null;
}

export class InstrumentListDto {
  @ApiProperty({ type: [InstrumentDto] }) items!: InstrumentDto[];
}

export class ListInstrumentsQuery {
  @ApiPropertyOptional({
    format: 'uuid',
    description: "The body whose instruments to list (the global ones and the body's own); without it, those of every body you belong to",
  })
  @IsOptional()
  @IsUUID('all', { message: 'bodyId must be a UUID' })
  bodyId?: string;
}

export class CreateInstrumentDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The body that adds it; leave out for an instrument available to every body (global admins only)',
  })
  @IsOptional()
  @IsUUID('all', { message: 'bodyId must be a UUID' })
  bodyId?: string;

  @ApiProperty({ example: 'CORE-10' })
  @IsString()
  @Matches(INSTRUMENT_CODE, { message: 'code must be 2–32 capital letters, digits or - (e.g. CORE-10)' })
  code!: string;

  @ApiProperty({ example: 'CORE-10' })
  @Transform(trim)
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({ example: 'psychological distress' })
  @Transform(trim)
  @IsString()
  @Length(1, 100)
  construct!: string;

  @ApiProperty({ example: '1' })
  @Transform(trim)
  @IsString()
  @Length(1, 20)
  version!: string;

  @ApiProperty({ description: DEFINITION_DOC, type: Object })
  @IsObject()
  definition!: Record<string, unknown>;
}

export class UpdateInstrumentDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 100)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 100)
  construct?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 20)
  version?: string;

  @ApiPropertyOptional({ description: DEFINITION_DOC, type: Object })
  @IsOptional()
  @IsObject()
  definition?: Record<string, unknown>;
}
