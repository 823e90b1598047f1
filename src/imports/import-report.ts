import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { neutraliseFormula } from '../exports/spreadsheet-safety';
import { type ErrorDetails, DomainError } from '../common/errors';

// The row-by-row answer of a dry run (and of a commit): for every row what it would create, match (already there,
// left alone) or skip, or the errors that stop it, each naming the field in words. Counts cover every row; the
// list keeps every row in error and, to bound the answer for large files, the first MAX_LISTED of the others.
export type RowAction = 'create' | 'match' | 'skip' | 'error';
const MAX_LISTED = 1000;
const MAX_ERRORS = 5000;

export class RowErrorDto {
  @ApiProperty({ description: 'Column name of the template, or "row" for the row as a whole' })
  field!: string;

  @ApiProperty()
  message!: string;
}

export class RowReportDto {
  @ApiProperty({ description: 'Spreadsheet row number (the header is row 1)' })
  row!: number;

  @ApiProperty({ enum: ['create', 'match', 'skip', 'error'] })
  action!: RowAction;

  @ApiProperty({ description: 'The natural key of the row, e.g. the client code and session number' })
  key!: string;

  @ApiPropertyOptional({ description: 'For skips and matches: why', type: String })
  note?: string;

  @ApiProperty({ type: [RowErrorDto] })
  errors!: RowErrorDto[];
}

export class ImportCountsDto {
  @ApiProperty() rows!: number;
  @ApiProperty() create!: number;
  @ApiProperty() match!: number;
  @ApiProperty() skip!: number;
  @ApiProperty() error!: number;
}

export class ImportFileDto {
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'SHA-256 of the uploaded bytes (hex)' }) sha256!: string;
  @ApiProperty() bytes!: number;
}

export class ImportReportDto {
  @ApiProperty() kind!: string;
  @ApiProperty({ enum: ['dry-run', 'commit'] }) mode!: 'dry-run' | 'commit';
  @ApiProperty({ description: 'true only for a commit that wrote the whole file' }) committed!: boolean;
  @ApiProperty({ type: ImportFileDto }) file!: ImportFileDto;
  @ApiProperty({ type: ImportCountsDto }) counts!: ImportCountsDto;
  @ApiProperty({ type: [RowReportDto] }) rows!: RowReportDto[];
  @ApiProperty({ description: 'true when rows without errors were left out of `rows` (counts still cover them)' }) truncated!: boolean;
}

export class ReportBuilder {
  readonly counts = { rows: 0, create: 0, match: 0, skip: 0, error: 0 };
  readonly listed: RowReportDto[] = [];
  private readonly byRow = new Map<number, RowReportDto>();
  truncated = false;

  add(row: number, action: RowAction, key: string, errors: RowErrorDto[] = [], note?: string): void {
    this.counts.rows++;
    this.counts[action]++;
    const entry: RowReportDto = { row, action, key: neutraliseFormula(key), errors, ...(note ? { note } : {}) };
    if (action === 'error' ? this.counts.error <= MAX_ERRORS : this.listed.length < MAX_LISTED) {
      this.listed.push(entry);
      this.byRow.set(row, entry);
    } else this.truncated = true;
  }

  /** A row found wrong only once the whole file was seen (e.g. sessions out of order within their case). */
  fail(row: number, error: RowErrorDto, priorAction: RowAction, key: string): void {
    const entry = this.byRow.get(row);
    if (entry && entry.action !== 'error') {
      this.counts[entry.action]--;
      this.counts.error++;
      entry.action = 'error';
    }
    if (entry) {
      if (!entry.errors.some((e) => e.field === error.field && e.message === error.message)) entry.errors.push(error);
      return;
    }
    // beyond the listed rows: counted under its first action until now, and listed now since errors always are
    this.counts[priorAction]--;
    this.counts.error++;
    const added: RowReportDto = { row, action: 'error', key: neutraliseFormula(key), errors: [error] };
    this.listed.push(added);
    this.byRow.set(row, added);
  }

  get hasErrors(): boolean {
    return this.counts.error > 0;
  }

  report(kind: string, mode: 'dry-run' | 'commit', committed: boolean, file: ImportFileDto): ImportReportDto {
    const rows = [...this.listed].sort((a, b) => a.row - b.row);
    return { kind, mode, committed, file, counts: { ...this.counts }, rows, truncated: this.truncated };
  }

  /** A commit with rows in error writes nothing: 422 with the errors keyed rows.N.field. */
  refusal(): DomainError {
    const details: ErrorDetails = {};
    for (const r of this.listed) for (const e of r.errors) (details[`rows.${r.row}.${e.field}`] ??= []).push(e.message);
    return new DomainError(
      'IMPORT_HAS_ERRORS',
      `${this.counts.error} row(s) are not valid; nothing was imported. Run a dry run to see the report.`,
      details,
    );
  }
}
