// OWASP "CSV injection": a spreadsheet treats a cell starting with = + - @ (or a tab / carriage return that
// precedes one) as a formula. Such a cell is written with a leading apostrophe so it stays text; every other
// value is written as it is. Applies to CSV and XLSX alike (an XLSX string cell is never a formula, but the
// same file may be saved again as CSV by the person who opens it).
const FORMULA_START = /^[=+\-@\t\r]/;

export type Cell = string | number | boolean | null | undefined;

export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** A cell as exported text: null/undefined become empty, numbers and booleans their plain form, strings made safe. */
export function safeCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return neutraliseFormula(value);
}
