import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { BODY_EXPORT_KINDS, type BodyExportKind } from './body-exports';
import type { TableFormat } from './tabular';

export class BodyExportParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'bodyId must be a UUID' })
  bodyId!: string;

  @ApiProperty({ enum: BODY_EXPORT_KINDS, description: 'register: every accreditation of the body; applications: with their decisions; renewals: accreditations due for renewal' })
  @IsIn(BODY_EXPORT_KINDS)
  kind!: BodyExportKind;
}

export class BodyExportQuery {
  @ApiPropertyOptional({ enum: ['csv', 'xlsx'], default: 'csv' })
  @IsOptional() @IsIn(['csv', 'xlsx'])
  format?: TableFormat;
}
