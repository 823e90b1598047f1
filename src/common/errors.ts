// Domain errors carry a stable code from the one list (error-codes.ts); the HTTP status belongs to the code.
// One global filter turns them into responses.
import { type CodeWithStatus, type ErrorCode, type ErrorStatus, NOT_FOUND_CODES, type NotFoundEntity, statusOf } from './error-codes';

export type ErrorDetails = Record<string, string[]>;

export class DomainError extends Error {
  readonly status: ErrorStatus;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetails,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.status = statusOf(code);
  }
}

export const badRequest = (code: CodeWithStatus<400>, message: string, details?: ErrorDetails) => new DomainError(code, message, details);
export const invalid = (field: string, message: string, code: CodeWithStatus<400> = 'VALIDATION_FAILED') =>
  new DomainError(code, message, { [field]: [message] });
export const unauthorized = (message = 'Authentication required', code: CodeWithStatus<401> = 'UNAUTHENTICATED') =>
  new DomainError(code, message);
export const forbidden = (message = 'You do not have permission for this action', code: CodeWithStatus<403> = 'FORBIDDEN') =>
  new DomainError(code, message);
// "Not found" and "not yours" are the same answer: no existence oracle.
export const notFound = (entity: NotFoundEntity) => new DomainError(NOT_FOUND_CODES[entity], `${entity} not found`);
export const conflict = (code: CodeWithStatus<409>, message: string, details?: ErrorDetails) => new DomainError(code, message, details);
export const preconditionFailed = (message = 'The record was changed by someone else; reload it and try again') =>
  new DomainError('PRECONDITION_FAILED', message);
export const preconditionRequired = (message = 'This update needs an If-Match header with the ETag you last read') =>
  new DomainError('PRECONDITION_REQUIRED', message);
export const unprocessable = (code: CodeWithStatus<422>, message: string, details?: ErrorDetails) =>
  new DomainError(code, message, details);
export const tooManyRequests = (retryAfterSeconds: number) =>
  new DomainError('TOO_MANY_REQUESTS', 'Too many attempts; try again later', undefined, {
    'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))),
  });
export const unavailable = (retryAfterSeconds = 5) =>
  new DomainError('SERVICE_UNAVAILABLE', 'The service is temporarily unavailable; try again shortly', undefined, {
    'Retry-After': String(retryAfterSeconds),
  });
