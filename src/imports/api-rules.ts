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

type Primitive = string | number | boolean | undefined;
const MAX_CACHED = 50_000;

/**
 * The same check as `dtoErrors`, one field at a time, each (field, value) checked once per import: a 100,000-row
 * file repeats its numbers, phases, dates and yes/no thousands of times, and class-validator's per-object cost
 * dominated the import. Exact only for a DTO whose rules read no other field (no condition on a sibling, no nested
 * object, no transform): `fieldwise` is given such a class by the caller, and `api-rules.spec.ts` checks the
 * answers match `dtoErrors` over a grid of good and bad rows. Values that are not primitives take the whole-object path.
 */
export class FieldwiseDto<T extends object> {
  private readonly cache = new Map<string, { errors: RowErrorDto[]; value: unknown }>();
  private readonly fields: string[];

  constructor(private readonly cls: new () => T) {
    this.fields = [...new Set(Object.keys(flattenValidationErrors(validateSync(plainToInstance(cls, {}) as object))))];
  }

  check(value: Record<string, Primitive>): { dto: T; errors: RowErrorDto[] } {
    if (Object.values(value).some((v) => v !== null && typeof v === 'object')) return dtoErrors(this.cls, value);
    const dto = plainToInstance(this.cls, {}) as Record<string, unknown>;
    const errors: RowErrorDto[] = [];
    for (const field of new Set([...this.fields, ...Object.keys(value)])) {
      const present = Object.prototype.hasOwnProperty.call(value, field) && value[field] !== undefined;
      const key = `${field}\u0000${present ? `${typeof value[field]}:${String(value[field])}` : '-'}`;
      let hit = this.cache.get(key);
      if (!hit) {
        const one = dtoErrors(this.cls, present ? { [field]: value[field] } : {});
        hit = { errors: one.errors.filter((e) => e.field === snake(field)), value: (one.dto as Record<string, unknown>)[field] };
        if (this.cache.size >= MAX_CACHED) this.cache.clear();
        this.cache.set(key, hit);
      }
      errors.push(...hit.errors);
      if (present) dto[field] = hit.value;
    }
    return { dto: dto as T, errors };
  }
}
