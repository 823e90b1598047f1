import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import tmp from 'tmp';
import { readRows } from './row-source';

const COLUMNS = ['name', 'award_date', 'note'];
const rowsOf = async (file: Buffer, chunk = file.length) => {
  const chunks: Buffer[] = [];
  for (let i = 0; i < file.length; i += chunk) chunks.push(file.subarray(i, i + chunk));
  const out: { row: number; cells: Record<string, string>; formulas: string[] }[] = [];
  for await (const r of readRows(Readable.from(chunks), 'xlsx', COLUMNS, ['name'])) out.push(r);
  return out;
};

async function workbook(sheets: [string, unknown[][]][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of sheets) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('XLSX rows', () => {
  it('reads shared strings, date cells and numbers, and names a formula cell without using its result', async () => {
    const file = await workbook([
      [
        'Import',
        [
          COLUMNS,
          ['Ada', new Date(Date.UTC(2017, 4, 2)), 12],
          ['Bo', { formula: 'DATE(2017,1,1)', result: new Date(Date.UTC(2017, 0, 1)) }, ''],
        ],
      ],
    ]);
    expect(await rowsOf(file)).toEqual([
      { row: 2, cells: { name: 'Ada', award_date: '2017-05-02', note: '12' }, formulas: [] },
      { row: 3, cells: { name: 'Bo', award_date: '', note: '' }, formulas: ['award_date'] },
    ]);
  });

  // exceljs#3064: ExcelJS's single streaming pass over the zip parks a worksheet stored before xl/workbook.xml in a
  // temporary file and, when that is slow (a loaded machine), loses the entries after it: a valid file read as invalid.
  it('reads a workbook whose worksheet is stored before the workbook part, however slow the disk or small the chunks', async () => {
    const file = await workbook([['Import', [COLUMNS, ['Ada', '2017-05-02', 'x']]]]);
    const original = tmp.file;
    (tmp as { file: unknown }).file = (cb: (...a: unknown[]) => void) => original((...a: unknown[]) => setTimeout(() => cb(...a), 25));
    try {
      for (const chunk of [file.length, 997, 64]) expect(await rowsOf(file, chunk)).toHaveLength(1);
    } finally {
      (tmp as { file: unknown }).file = original;
    }
  });

  it("reads only the workbook's first sheet (by the workbook's order) when it has several", async () => {
    const wb = new ExcelJS.Workbook();
    const second = wb.addWorksheet('Notes');
    second.addRow(['not', 'the', 'import']);
    const first = wb.addWorksheet('Import');
    first.addRow(COLUMNS);
    first.addRow(['Ada', '2017-05-02', '']);
    (first as unknown as { orderNo: number }).orderNo = -1; // listed first in the workbook though added second
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    expect((await rowsOf(file)).map((r) => r.cells.name)).toEqual(['Ada']);
  });

  it('refuses a file that is not a workbook as IMPORT_FILE_INVALID and leaves no temporary file behind', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'row-source-spec-'));
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = scratch;
    try {
      await expect(rowsOf(Buffer.from('PK\u0003\u0004 not really a zip'))).rejects.toMatchObject({ code: 'IMPORT_FILE_INVALID' });
      await rowsOf(await workbook([['Import', [COLUMNS, ['Ada', '', '']]]]));
      expect(readdirSync(scratch)).toEqual([]);
    } finally {
      process.env.TMPDIR = saved;
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
