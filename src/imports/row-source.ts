import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import unzipper from 'unzipper';
import { badRequest } from '../common/errors';
import { isoDate } from '../common/dates';

export type ImportFormat = 'csv' | 'xlsx';

/** One data row: its spreadsheet row number (the header is row 1), cells by column name, and the columns holding a formula. */
export interface SourceRow {
  row: number;
  cells: Record<string, string>;
  formulas: string[];
}

/** The file as it was read: name, SHA-256 of its bytes and size, known once the stream has been consumed. */
export class FileFingerprint {
  private readonly hash = createHash('sha256');
  sha256 = '';
  bytes = 0;

  constructor(readonly name: string) {}

  /** A pass-through that hashes and counts what flows through it. */
  tap(): Transform {
    return new Transform({
      transform: (chunk: Buffer, _enc, done) => {
        this.hash.update(chunk);
        this.bytes += chunk.length;
        done(null, chunk);
      },
      flush: (done) => {
        this.sha256 = this.hash.digest('hex');
        done();
      },
    });
  }
}

export function formatOf(fileName: string, mimeType: string): ImportFormat {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xlsx') || mimeType === 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') return 'xlsx';
  if (lower.endsWith('.csv') || mimeType === 'text/csv') return 'csv';
  throw badRequest('IMPORT_FILE_INVALID', 'Upload a .csv or .xlsx file', { file: ['not a .csv or .xlsx file'] });
}

const normaliseHeader = (h: unknown) =>
  String(h ?? '')
    .trim()
    .toLowerCase();

/**
 * The rows of a CSV or the first worksheet of an XLSX, streamed (never the whole file in memory), each keyed by the
 * template's column names, in batches of what the parser has ready (at most BATCH): one await per batch, not per
 * row. The header must name only the template's columns and every required one.
 */
export async function* readRowBatches(
  input: Readable,
  format: ImportFormat,
  columns: readonly string[],
  required: readonly string[],
): AsyncGenerator<SourceRow[]> {
  let header: string[] | null = null;
  let row = 1;
  const source = format === 'csv' ? csvRows(input) : xlsxRows(input);
  for await (const batch of source) {
    const out: SourceRow[] = [];
    for (const raw of batch) {
      if (!header) {
        header = raw.values.map(normaliseHeader);
        checkHeader(header, columns, required);
        continue;
      }
      row++;
      if (raw.values.every((v) => String(v ?? '').trim() === '')) continue;
      const cells: Record<string, string> = {};
      const formulas: string[] = [];
      for (let i = 0; i < header.length; i++) {
        const name = header[i];
        if (!name) continue;
        cells[name] = String(raw.values[i] ?? '').trim();
        if (raw.formulaAt.has(i)) formulas.push(name);
      }
      out.push({ row, cells, formulas });
    }
    if (out.length) yield out;
  }
  if (!header) throw badRequest('IMPORT_FILE_INVALID', 'The file is empty: it needs the template header row', { file: ['empty file'] });
}

/** The same rows one at a time. */
export async function* readRows(input: Readable, format: ImportFormat, columns: readonly string[], required: readonly string[]) {
  for await (const batch of readRowBatches(input, format, columns, required)) yield* batch;
}

function checkHeader(header: string[], columns: readonly string[], required: readonly string[]): void {
  const known = new Set(columns);
  const unknown = header.filter((h) => h && !known.has(h));
  const missing = required.filter((c) => !header.includes(c));
  const repeated = header.filter((h, i) => h && header.indexOf(h) !== i);
  const details: Record<string, string[]> = {};
  if (unknown.length) details.header = [`unknown columns: ${unknown.join(', ')}`];
  if (missing.length) (details.header ??= []).push(`missing columns: ${missing.join(', ')}`);
  if (repeated.length) (details.header ??= []).push(`repeated columns: ${repeated.join(', ')}`);
  if (Object.keys(details).length)
    throw badRequest('IMPORT_FILE_INVALID', 'The header row does not match the template (download it from the API)', details);
}

interface RawRow {
  values: unknown[];
  formulaAt: ReadonlySet<number>;
}

const BATCH = 1000;
const NO_FORMULAS: ReadonlySet<number> = new Set();

async function* csvRows(input: Readable): AsyncGenerator<RawRow[]> {
  // strings only: a CSV cell is never evaluated here (a cell starting with = is reported by the row rules)
  const parser = input.pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: true }));
  try {
    for await (const first of parser as AsyncIterable<string[]>) {
      // the first record waited for; the ones the parser already holds are taken without another await
      const batch: RawRow[] = [{ values: first, formulaAt: NO_FORMULAS }];
      let next: string[] | null;
      while (batch.length < BATCH && (next = parser.read() as string[] | null) !== null)
        batch.push({ values: next, formulaAt: NO_FORMULAS });
      yield batch;
    }
  } catch (err) {
    if (isUploadError(err)) throw err;
    throw badRequest('IMPORT_FILE_INVALID', `The CSV cannot be read: ${(err as Error).message}`, { file: ['not valid CSV'] });
  }
}

async function* xlsxRows(input: Readable): AsyncGenerator<RawRow[]> {
  // The upload is spooled to a temporary file and read through the zip's central directory: ExcelJS's own streaming
  // pass over the zip loses entries when its consumer is slow (exceljs#3064), which made a valid workbook read as
  // unreadable under load. Memory stays flat: the spool is on disk and the worksheet is still parsed row by row.
  const dir = await mkdtemp(join(tmpdir(), 'ipt-import-'));
  try {
    const path = join(dir, 'upload.xlsx');
    await pipeline(input, createWriteStream(path));
    let sheet: AsyncIterable<ExcelJS.Row>;
    try {
      sheet = await firstWorksheet(path);
    } catch (err) {
      if ((err as { code?: string }).code === 'IMPORT_FILE_INVALID') throw err;
      throw badRequest('IMPORT_FILE_INVALID', 'The XLSX file cannot be read', { file: ['not a readable .xlsx workbook'] });
    }
    try {
      for await (const r of sheet) {
        const values: unknown[] = [];
        const formulaAt = new Set<number>();
        const raw = (r.values as unknown[]) ?? [];
        for (let i = 1; i < raw.length; i++) {
          const { text, formula } = xlsxCell(raw[i]);
          values[i - 1] = text;
          if (formula) formulaAt.add(i - 1);
        }
        yield [{ values, formulaAt }];
      }
    } catch (err) {
      if ((err as { code?: string }).code === 'IMPORT_FILE_INVALID' || err instanceof Error === false) throw err;
      throw badRequest('IMPORT_FILE_INVALID', 'The XLSX file cannot be read', { file: ['not a readable .xlsx workbook'] });
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The parts of ExcelJS's streaming WorkbookReader used below (stable in exceljs 4.x; the upstream fix does the same). */
interface ReaderParts {
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(entry: Readable, sheetNo: string): Generator<{ eventType: string; value: AsyncIterable<ExcelJS.Row> }>;
  workbookRels?: { Id: string; Target: string }[];
  model?: { sheets?: { rId: string }[] };
}

/**
 * The workbook's first worksheet (in the workbook's sheet order), its rows streamed: relationships, workbook, shared
 * strings and styles are read first, by name, so a cell's string and date format are known whatever the zip's order.
 */
async function firstWorksheet(path: string): Promise<AsyncIterable<ExcelJS.Row>> {
  const zip = await unzipper.Open.file(path);
  const entry = (name: string) => zip.files.find((f) => f.path === name && f.type === 'File');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'ignore',
  }) as unknown as ReaderParts;
  const rels = entry('xl/_rels/workbook.xml.rels');
  const book = entry('xl/workbook.xml');
  if (!rels || !book) throw new Error('not a workbook');
  await reader._parseRels(rels.stream());
  await reader._parseWorkbook(book.stream());
  const strings = entry('xl/sharedStrings.xml');
  if (strings) for await (const _ of reader._parseSharedStrings(strings.stream()));
  const styles = entry('xl/styles.xml');
  if (styles) await reader._parseStyles(styles.stream());
  const first = reader.model?.sheets?.[0];
  const target = reader.workbookRels?.find((r) => r.Id === first?.rId)?.Target;
  const sheetPath = target?.startsWith('/') ? target.slice(1) : `xl/${target}`;
  const match = /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(sheetPath);
  const sheet = match && entry(sheetPath);
  if (!match || !sheet) throw new Error('no worksheet');
  for (const { eventType, value } of reader._parseWorksheet(sheet.stream(), match[1])) if (eventType === 'worksheet') return value;
  throw new Error('no worksheet');
}

// A formula cell is never evaluated and its cached result is not used: the row is refused, naming the column.
function xlsxCell(v: unknown): { text: string; formula: boolean } {
  if (v === null || v === undefined) return { text: '', formula: false };
  if (v instanceof Date) return { text: isoDate(v), formula: false };
  if (typeof v === 'object') {
    const o = v as { formula?: unknown; sharedFormula?: unknown; richText?: { text: string }[]; text?: unknown; error?: unknown };
    if (o.formula !== undefined || o.sharedFormula !== undefined) return { text: '', formula: true };
    if (Array.isArray(o.richText)) return { text: o.richText.map((t) => t.text).join(''), formula: false };
    if (o.text !== undefined) return { text: String(o.text), formula: false };
    if (o.error !== undefined) return { text: String(o.error), formula: false };
    return { text: '', formula: false };
  }
  return { text: String(v), formula: false };
}

/** The upload stream's own errors (the file is larger than IMPORT_MAX_BYTES): passed on as they are. */
export function isUploadError(err: unknown): boolean {
  return (err as { code?: string })?.code === 'FST_REQ_FILE_TOO_LARGE';
}
