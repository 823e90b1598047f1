import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { flattenValidationErrors } from '../common/validation';
import type { RowErrorDto } from './import-report';

// A row is checked by the same rules as the API: the route's DTO (class-validator, unknown fields refused) and then
// the service's own checks, with each message moved from the API's field name to the template's column name.
const snake = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export function dtoErrors<T extends object>(cls: new () => T, value: Record<string, unknown>): { dto: T; errors: RowErrorDto[] } {
  const dto = plainToInstance(cls, value);
  const problems = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
  return { dto, errors: detailsToErrors(flattenValidationErrors(problems)) };
}

/** API error details (field → messages) as row errors on template columns. */
export function detailsToErrors(details: Record<string, string[]>): RowErrorDto[] {
  return Object.entries(details).flatMap(([field, messages]) =>
    messages.map((message) => ({ field: snake(field.split('.')[0]), message })),
  );
}
