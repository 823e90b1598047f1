import ExcelJS from 'exceljs';
import { tableToCsv, tableToXlsx, type Table } from './tabular';

const TABLE: Table = {
  title: 'Register',
  columns: [
    { key: 'name', header: 'Holder' },
    { key: 'n', header: 'Hours' },
    { key: 'note', header: 'Note' },
  ],
  rows: [
    { name: '=cmd|"/c calc"!A1', n: 12, note: 'plain, with "quotes"' },
    { name: 'Zoë Łukasiewicz', n: -1, note: null },
  ],
};

describe('tables exported as CSV and XLSX', () => {
  it('writes a CSV whose formula-like cells are neutralised and whose quoting survives', () => {
    const text = tableToCsv(TABLE).toString('utf8');
    expect(text.startsWith('\ufeffHolder,Hours,Note\r\n')).toBe(true);
    expect(text).toContain(`"'=cmd|""/c calc""!A1",12,"plain, with ""quotes"""`);
    expect(text).toContain('Zoë Łukasiewicz,-1,\r\n');
  });

  it('writes an XLSX whose text cells are plain strings (never formulas) and numbers stay numbers', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await tableToXlsx(TABLE)) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Register')!;
    expect(ws.getRow(1).values).toEqual([undefined, 'Holder', 'Hours', 'Note']);
    expect(ws.getCell('A2').value).toBe(`'=cmd|"/c calc"!A1`);
    expect(ws.getCell('A2').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('B3').value).toBe(-1);
  });
});
