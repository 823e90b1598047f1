// Domain errors carry a stable code and their HTTP status; one global filter turns them into responses.
export type ErrorDetails = Record<string, string[]>;

export class DomainError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: ErrorDetails,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export const badRequest = (code: string, message: string, details?: ErrorDetails) =>
  new DomainError(400, code, message, details);
export const invalid = (field: string, message: string, code = 'VALIDATION_FAILED') =>
  new DomainError(400, code, message, { [field]: [message] });
export const unauthorized = (message = 'Authentication required', code = 'UNAUTHENTICATED') =>
  new DomainError(401, code, message);
export const forbidden = (message = 'You do not have permission for this action', code = 'FORBIDDEN') =>
  new DomainError(403, code, message);
// "Not found" and "not yours" are the same answer: no existence oracle.
export const notFound = (entity: string) =>
  new DomainError(404, `${entity.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}_NOT_FOUND`, `${entity} not found`);
export const conflict = (code: string, message: string, details?: ErrorDetails) =>
  new DomainError(409, code, message, details);
export const preconditionFailed = (message = 'The record was changed by someone else; reload it and try again') =>
  new DomainError(412, 'PRECONDITION_FAILED', message);
export const preconditionRequired = (message = 'This update needs an If-Match header with the ETag you last read') =>
  new DomainError(428, 'PRECONDITION_REQUIRED', message);
export const unprocessable = (code: string, message: string, details?: ErrorDetails) =>
  new DomainError(422, code, message, details);
export const tooManyRequests = (retryAfterSeconds: number) =>
  new DomainError(429, 'TOO_MANY_REQUESTS', 'Too many attempts; try again later', undefined, {
    'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))),
  });
export const unavailable = (retryAfterSeconds = 5) =>
  new DomainError(503, 'SERVICE_UNAVAILABLE', 'The service is temporarily unavailable; try again shortly', undefined, {
    'Retry-After': String(retryAfterSeconds),
  });
