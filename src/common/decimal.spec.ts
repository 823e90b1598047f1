import { IsNumber, validateSync } from 'class-validator';
import { hasAtMostDecimals, MaxDecimals } from './decimal';

class Hours {
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @MaxDecimals(2)
  hours!: number;
}

const errorsFor = (hours: unknown) => {
  const h = new Hours();
  (h as unknown as { hours: unknown }).hours = hours;
  return validateSync(h)
    .map((e) => Object.keys(e.constraints ?? {}))
    .flat();
};

describe('at most N decimals', () => {
  it('accepts integers and numbers with up to two decimals', () => {
    for (const v of [0, 3, 1.5, 12.34, 200, 1e21]) expect(hasAtMostDecimals(v, 2)).toBe(true);
  });

  it('refuses more decimals, including numbers printed in exponent form (which crashed IsNumber({ maxDecimalPlaces }))', () => {
    for (const v of [1.234, 0.1 + 0.2, 1e-7, 1e-323, 5e-324]) expect(hasAtMostDecimals(v, 2)).toBe(false);
  });

  it('refuses what is not a finite number', () => {
    for (const v of [Number.NaN, Infinity, '1.5', null, undefined]) expect(hasAtMostDecimals(v, 2)).toBe(false);
  });

  it('is a validation error, not an exception, in a DTO', () => {
    expect(errorsFor(1e-7)).toEqual(['maxDecimals']);
    expect(errorsFor(2.5)).toEqual([]);
    expect(errorsFor('2.5')).toEqual(expect.arrayContaining(['isNumber', 'maxDecimals']));
  });
});
