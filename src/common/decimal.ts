import { buildMessage, ValidateBy, type ValidationOptions } from 'class-validator';

/** True for a finite number with at most `places` decimals (1e-7 has seven; 1e21 has none). */
export const hasAtMostDecimals = (value: unknown, places: number): boolean =>
  typeof value === 'number' && Number.isFinite(value) && Number(value.toFixed(places)) === value;

/**
 * At most `places` decimals. Use instead of `@IsNumber({ maxDecimalPlaces })`: class-validator 0.15 reads the
 * decimals from `value.toString().split('.')[1]`, which throws for numbers JavaScript prints in exponent form
 * (`1e-7`), turning a bad request into a 500.
 */
export function MaxDecimals(places: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'maxDecimals',
      constraints: [places],
      validator: {
        validate: (value: unknown) => hasAtMostDecimals(value, places),
        defaultMessage: buildMessage((each) => `${each}$property must be a number with at most ${places} decimal places`, options),
      },
    },
    options,
  );
}
