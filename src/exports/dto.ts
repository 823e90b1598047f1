import { ApiPropertyOptional } from '@nestjs/swagger';
import type { PipeTransform } from '@nestjs/common';
import { IsIn, IsOptional } from 'class-validator';
import { invalid } from '../common/errors';
import { BODY_EXPORT_KINDS, type BodyExportKind } from './body-exports';
import type { TableFormat } from './tabular';

export const BODY_EXPORT_KIND_DESCRIPTION =
  'register: every accreditation of the body; applications: with their decisions; renewals: accreditations due for renewal';

// The kind of a body export is a word, not an id: refused by its own pipe (400 VALIDATION_FAILED naming it).
export class BodyExportKindPipe implements PipeTransform<string, BodyExportKind> {
  transform(value: string): BodyExportKind {
    if (!(BODY_EXPORT_KINDS as readonly string[]).includes(value))
      throw invalid('kind', `kind must be one of ${BODY_EXPORT_KINDS.join(', ')}`);
    return value as BodyExportKind;
  }
}

export class BodyExportQuery {
  @ApiPropertyOptional({ enum: ['csv', 'xlsx'], default: 'csv' })
  @IsOptional()
  @IsIn(['csv', 'xlsx'])
  format?: TableFormat;
}
