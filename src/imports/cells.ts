import type { RowErrorDto } from './import-report';
import { parseTypedDate } from './typed-dates';

// Reading the cells of one row into typed values, collecting every problem in words with its column. A cell that
// a spreadsheet would run as a formula (=, +, -, @ first) is refused, never evaluated, stored or echoed as one;
// a negative number is not a formula but no field here takes one, so "-5" is refused too ("must be at least …").
const FORMULA_START = /^[=+\-@\t\r]/;

export class RowCells {
  readonly errors: RowErrorDto[] = [];

  constructor(
    private readonly cells: Record<string, string>,
    formulas: readonly string[],
  ) {
    for (const f of formulas) this.fail(f, 'is a formula; formulas are not run — type the value itself');
  }

  fail(field: string, message: string): void {
    this.errors.push({ field, message: `${field} ${message}` });
  }

  private raw(field: string): string {
    return this.cells[field] ?? '';
  }

  private safe(field: string): string | null {
    const v = this.raw(field);
    if (FORMULA_START.test(v)) {
      this.fail(field, 'starts with =, +, - or @ like a spreadsheet formula; it is not accepted');
      return null;
    }
    return v;
  }

  text(field: string): string | undefined {
    const v = this.safe(field);
    if (v === null) return undefined;
    return v === '' ? undefined : v;
  }

  required(field: string): string | undefined {
    const v = this.text(field);
    if (v === undefined && !this.errors.some((e) => e.field === field)) this.fail(field, 'is required');
    return v;
  }

  date(field: string, required = true): string | undefined {
    const v = required ? this.required(field) : this.text(field);
    if (v === undefined) return undefined;
    const d = parseTypedDate(v);
    if (!d.ok) {
      this.errors.push({ field, message: `${field}: ${d.message}` });
      return undefined;
    }
    return d.date;
  }

  number(field: string, required = true): number | undefined {
    const v = required ? this.required(field) : this.text(field);
    if (v === undefined) return undefined;
    const n = Number(v.replace(',', '.'));
    if (!/^\d+([.,]\d+)?$/.test(v) || !Number.isFinite(n)) {
      this.fail(field, `must be a number, not "${v}"`);
      return undefined;
    }
    return n;
  }

  yesNo(field: string, required = true): boolean | undefined {
    const v = required ? this.required(field) : this.text(field);
    if (v === undefined) return undefined;
    const lower = v.toLowerCase();
    if (['yes', 'y', 'true', '1', 'ja'].includes(lower)) return true;
    if (['no', 'n', 'false', '0', 'nein'].includes(lower)) return false;
    this.fail(field, `must be yes or no, not "${v}"`);
    return undefined;
  }

  oneOf<T extends string>(field: string, allowed: readonly T[], required = true): T | undefined {
    const v = required ? this.required(field) : this.text(field);
    if (v === undefined) return undefined;
    const lower = v.toLowerCase() as T;
    if (!allowed.includes(lower)) {
      this.fail(field, `must be one of ${allowed.join(', ')}, not "${v}"`);
      return undefined;
    }
    return lower;
  }
}
