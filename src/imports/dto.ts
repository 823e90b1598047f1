import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import type { PipeTransform } from '@nestjs/common';
import { invalid } from '../common/errors';
import { IMPORT_KINDS, type ImportKind, RECORD_IMPORT_KINDS } from './templates';

const bool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class ImportModeQuery {
  @ApiPropertyOptional({
    enum: ['dry-run', 'commit'],
    default: 'dry-run',
    description: 'dry-run checks and reports; commit writes all rows or none',
  })
  @IsOptional()
  @IsIn(['dry-run', 'commit'])
  mode?: 'dry-run' | 'commit';
}

export class RegisterImportQuery extends ImportModeQuery {
  @ApiPropertyOptional({ default: false, description: 'Invite each person the import creates to the body (TRAINEE), by e-mail' })
  @IsOptional()
  @Transform(bool)
  @IsBoolean()
  invite?: boolean;

  @ApiPropertyOptional({ default: false, description: 'Sign a verifiable credential for each active accreditation imported' })
  @IsOptional()
  @Transform(bool)
  @IsBoolean()
  issueCredentials?: boolean;
}

export class TemplateColumnDto {
  @ApiProperty() name!: string;
  @ApiProperty() required!: boolean;
  @ApiProperty() description!: string;
  @ApiProperty() example!: string;
}

export class ImportTemplateDto {
  @ApiProperty({ enum: IMPORT_KINDS, enumName: 'ImportKind' }) kind!: ImportKind;
  @ApiProperty() title!: string;
  @ApiProperty({ description: 'What makes a row the same record on a second import' }) naturalKey!: string;
  @ApiProperty({ type: [TemplateColumnDto] }) columns!: TemplateColumnDto[];
}

/** The multipart body of every import (OpenAPI). */
export const UPLOAD_BODY = {
  schema: {
    type: 'object',
    required: ['file'],
    properties: { file: { type: 'string', format: 'binary', description: 'The filled-in template: .csv (UTF-8) or .xlsx' } },
  },
};

function kindPipe<K extends string>(kinds: readonly K[]): new () => PipeTransform<string, K> {
  return class {
    transform(value: string): K {
      if (!(kinds as readonly string[]).includes(value)) throw invalid('kind', `kind must be one of ${kinds.join(', ')}`);
      return value as K;
    }
  };
}

// The kind of an import is a word, not an id: refused by its own pipe (400 VALIDATION_FAILED naming it).
export const ImportKindPipe = kindPipe(IMPORT_KINDS);
export const RecordImportKindPipe = kindPipe(RECORD_IMPORT_KINDS);
