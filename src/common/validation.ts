import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { DomainError } from './errors';

/** Flattens class-validator's tree into `{ "items.0.score": ["…"] }`. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const e of errors) {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    if (e.constraints) {
      out[path] = Object.entries(e.constraints).map(([k, m]) =>
        k === 'whitelistValidation'
          ? `${path} is not an accepted field`
          : m.replace(/^property (\S+) should not exist$/, '$1 is not an accepted field'),
      );
    }
    if (e.children?.length) Object.assign(out, flattenValidationErrors(e.children, path));
  }
  return out;
}

// Unknown fields are refused, not silently dropped: a client sending `role` or `status` learns it at once.
export const createValidationPipe = () =>
  new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new DomainError('VALIDATION_FAILED', 'Request validation failed', flattenValidationErrors(errors)),
  });
