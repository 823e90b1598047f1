import { HttpException } from '@nestjs/common';
import { type ErrorCode, statusOf } from './error-codes';
import { DomainError, unavailable } from './errors';

export interface ErrorBody {
  statusCode: number;
  code: ErrorCode;
  message: string;
  details?: Record<string, string[]>;
}

export interface MappedError {
  body: ErrorBody;
  headers?: Record<string, string>;
  /** unexpected: log with stack, answer without internals */
  unexpected?: boolean;
}

// SQLSTATE classes that mean "the database is not there right now", not "your request is wrong".
const DB_UNAVAILABLE_STATES = new Set([
  '57P01',
  '57P02',
  '57P03',
  '57014',
  '53300',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '40001',
  '40P01',
  '55P03',
]);
const NET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'EAI_AGAIN']);
const DB_UNAVAILABLE_MESSAGES = [
  'timeout exceeded when trying to connect',
  'Connection terminated',
  'Query read timeout',
  'Client has encountered a connection error',
  'Connection is not established',
  'terminating connection',
  'the database system is',
  'Driver not Connected',
  'PGlite is closed',
];

// The code a framework (Nest, Fastify) HTTP error answers with. A status not listed here never happens in this
// service; should one appear, it is answered as a 400 (4xx) or 500 (5xx) so that every code keeps its one status.
const STATUS_CODES: Partial<Record<number, ErrorCode>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  408: 'REQUEST_TIMEOUT',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  414: 'URI_TOO_LONG',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'TOO_MANY_REQUESTS',
  500: 'INTERNAL_ERROR',
  503: 'SERVICE_UNAVAILABLE',
};
const codeForStatus = (status: number): ErrorCode => STATUS_CODES[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST');

/** The one error shape for a code; its status is the code's own. */
export const errorBody = (code: ErrorCode, message: string): ErrorBody => ({ statusCode: statusOf(code), code, message });

export function isDatabaseUnavailable(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown; driverError?: unknown; severity?: unknown } | null;
  if (!e || typeof e !== 'object') return false;
  if (typeof e.code === 'string' && (DB_UNAVAILABLE_STATES.has(e.code) || NET_CODES.has(e.code) || /^(08|53|57P)/.test(e.code)))
    return true;
  // FATAL is how PostgreSQL refuses a session (shutting down, not accepting connections, too many clients)
  if (e.severity === 'FATAL') return true;
  const message = typeof e.message === 'string' ? e.message : '';
  if (DB_UNAVAILABLE_MESSAGES.some((m) => message.includes(m))) return true;
  return e.driverError ? isDatabaseUnavailable(e.driverError) : false;
}

/**
 * Maps anything thrown while serving a request to the one error shape. `databaseClosed` says whether the database
 * is gone for good (the embedded one after shutdown): then any failure is a 503. The caller supplies it, so that
 * common/ needs nothing from database/.
 */
export function mapError(err: unknown, databaseClosed: () => boolean = () => false): MappedError {
  if (err instanceof DomainError) {
    return { body: { statusCode: err.status, code: err.code, message: err.message, details: err.details }, headers: err.headers };
  }
  if (isDatabaseUnavailable(err) || databaseClosed()) {
    const e = unavailable();
    return { body: errorBody(e.code, e.message), headers: e.headers };
  }
  const sqlState = (err as { code?: unknown; driverError?: { code?: unknown } })?.driverError?.code ?? (err as { code?: unknown })?.code;
  // Constraint violations that a service did not anticipate still say "conflict", never 500.
  if (sqlState === '23505') return { body: errorBody('CONFLICT', 'This conflicts with an existing record') };
  if (sqlState === '23503') return { body: errorBody('REFERENCE_CONFLICT', 'A referenced record does not exist or is still in use') };
  // malformed values PostgreSQL refuses (bad text representation, out of range, bad dates, too long, a NUL byte or
  // other character the database encoding cannot hold)
  if (['22P02', '22003', '22007', '22008', '22001', '22021', '22P05'].includes(String(sqlState))) {
    return { body: errorBody('BAD_REQUEST', 'A value is out of range or malformed') };
  }
  if (err instanceof HttpException) {
    const status = err.getStatus();
    const response = err.getResponse();
    const message = typeof response === 'string' ? response : String((response as { message?: unknown }).message ?? err.message);
    return { body: errorBody(codeForStatus(status), status >= 500 ? 'Internal server error' : message), unexpected: status >= 500 };
  }
  // Fastify's own errors (body parsing, content type, size) carry a 4xx statusCode and an FST_ code.
  const fst = err as { statusCode?: unknown; code?: unknown; message?: unknown };
  if (typeof fst?.statusCode === 'number' && fst.statusCode >= 400 && fst.statusCode < 500) {
    const status = fst.statusCode;
    const message =
      status === 413
        ? 'Request body is too large'
        : status === 415
          ? 'Unsupported content type; send application/json'
          : status === 400
            ? 'Malformed request body'
            : String(fst.message ?? 'Bad request');
    return { body: errorBody(codeForStatus(status), message) };
  }
  return { body: errorBody('INTERNAL_ERROR', 'Internal server error'), unexpected: true };
}
