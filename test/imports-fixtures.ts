import ExcelJS from 'exceljs';
import { API } from './cases-fixtures';
import type { TestUser } from './support/factories';
import type { TestApp } from './support/test-app';

export const yearsAgo = (n: number, days = 0): string => {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() - n);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
};

/** A CSV from rows of cells (quoted where needed). */
export function csv(rows: (string | number)[][]): string {
  const cell = (v: string | number) => {
    const s = String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** An XLSX workbook from rows; a cell given as { formula } is written as a formula cell. */
export async function xlsx(rows: (string | number | Date | { formula: string; result?: unknown })[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Import');
  for (const r of rows) ws.addRow(r as unknown[]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function upload(t: TestApp, url: string, who: TestUser, content: string | Buffer, filename = 'import.csv') {
  return t
    .http()
    .post(`${API}${url}`)
    .set(who.auth)
    .attach('file', Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'), filename);
}
