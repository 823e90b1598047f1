import { neutraliseFormula, safeCell } from './spreadsheet-safety';

describe('spreadsheet formula injection', () => {
  it.each(['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\t=1', '\r=1', '=HYPERLINK("http://evil","x")'])(
    'prefixes a cell starting like a formula with an apostrophe: %j',
    (v) => {
      expect(neutraliseFormula(v)).toBe(`'${v}`);
    },
  );

  it.each(['Casey Trainee', 'UK-IPT-2026-000123', '', ' =not at start', "O'Brien", 'a=b'])('leaves ordinary text as it is: %j', (v) => {
    expect(neutraliseFormula(v)).toBe(v);
  });

  it('writes numbers, booleans and empty values plainly (a negative number is a number, not a formula)', () => {
    expect(safeCell(-3)).toBe('-3');
    expect(safeCell(true)).toBe('true');
    expect(safeCell(null)).toBe('');
    expect(safeCell(undefined)).toBe('');
    expect(safeCell('-3')).toBe("'-3");
  });
});
