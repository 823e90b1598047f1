import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { type Cell, neutraliseFormula, safeCell } from './spreadsheet-safety';

export interface Table {
  /** the sheet's name in XLSX (≤ 31 characters) */
  title: string;
  columns: { key: string; header: string }[];
  rows: Record<string, Cell>[];
}

export type TableFormat = 'csv' | 'xlsx';

// RFC 4180 CSV with a header row and CRLF line ends; a UTF-8 BOM so spreadsheet programs read names correctly.
export function tableToCsv(t: Table): Buffer {
  const records = [t.columns.map((c) => safeCell(c.header)), ...t.rows.map((r) => t.columns.map((c) => safeCell(r[c.key])))];
  return Buffer.from('\ufeff' + stringify(records, { record_delimiter: '\r\n' }), 'utf8');
}

export async function tableToXlsx(t: Table): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(t.title.slice(0, 31));
  ws.columns = t.columns.map((c) => ({ header: c.header, key: c.key, width: Math.max(12, c.header.length + 2) }));
  for (const r of t.rows) {
    // numbers stay numbers; text is neutralised as in CSV (string cells are never formulas in XLSX, but may be re-saved as CSV)
    ws.addRow(
      Object.fromEntries(
        t.columns.map((c) => {
          const v = r[c.key];
          return [c.key, typeof v === 'number' ? v : typeof v === 'string' ? neutraliseFormula(v) : safeCell(v)];
        }),
      ),
    );
  }
  ws.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function renderTable(t: Table, format: TableFormat): Promise<Buffer> {
  return format === 'csv' ? Promise.resolve(tableToCsv(t)) : tableToXlsx(t);
}
