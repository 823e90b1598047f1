import { CreateSessionDto } from '../cases/dto';
import { dtoErrors, FieldwiseDto } from './api-rules';

// The field-by-field check must answer exactly as the whole-object one, for good rows and for every kind of bad cell.
const GOOD = { number: 3, date: '2024-03-05', durationMinutes: 50, phase: 'initial', attended: true, recorded: false };
const BAD: Record<string, unknown[]> = {
  number: [0, 101, 2.5, '3', undefined],
  date: ['2024-02-30', '05/03/2024', '', 20240305, undefined],
  durationMinutes: [9, 181, 'fifty', undefined],
  phase: ['x'.repeat(41), 7, undefined],
  attended: ['yes', 1, undefined],
  recorded: ['no', undefined],
  unknownColumn: ['anything'],
};

const sorted = (errors: { field: string; message: string }[]) =>
  [...errors].sort((a, b) => (a.field + a.message).localeCompare(b.field + b.message));

describe('field-by-field session DTO check', () => {
  const fieldwise = new FieldwiseDto(CreateSessionDto);

  it('accepts-a-good-row-with-the-same-values', () => {
    const whole = dtoErrors(CreateSessionDto, GOOD);
    const parts = fieldwise.check(GOOD);
    expect(parts.errors).toEqual([]);
    expect({ ...parts.dto }).toEqual({ ...whole.dto });
    expect(parts.dto).toBeInstanceOf(CreateSessionDto);
  });

  it('reports-every-bad-cell-exactly-as-the-whole-object-check', () => {
    for (const [field, values] of Object.entries(BAD))
      for (const v of values) {
        const row = { ...GOOD, [field]: v } as unknown as Record<string, string>;
        if (v === undefined) delete row[field];
        const expected = sorted(dtoErrors(CreateSessionDto, row).errors);
        expect(expected.length).toBeGreaterThan(0);
        // twice: the second answer comes from the cache
        expect(sorted(fieldwise.check(row).errors)).toEqual(expected);
        expect(sorted(fieldwise.check(row).errors)).toEqual(expected);
      }
  });

  it('reports-several-bad-cells-of-one-row-together', () => {
    const row = { number: 0, date: 'soon', phase: 'initial', attended: 'maybe' } as unknown as Record<string, string>;
    expect(sorted(fieldwise.check(row).errors)).toEqual(sorted(dtoErrors(CreateSessionDto, row).errors));
  });
});
