import {
  applyDecorators,
  type CallHandler,
  createParamDecorator,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { map, type Observable } from 'rxjs';
import { preconditionFailed, preconditionRequired } from './errors';

// Optimistic concurrency: every versioned record answers with ETag "<version>"; an update must send it
// back in If-Match and is applied by `UPDATE … WHERE id = $1 AND version = $2` (0 rows → 412).

export const etagFor = (version: number): string => `"${version}"`;

// A handler that reads If-Match documents it, with the 412 and 428 answers, wherever the parameter is used.
// Not marked required: creating a trainee profile (PUT) and deleting a supervision session take it when sent.
const documentsIfMatch: ParameterDecorator = (target, key) => {
  const descriptor = key === undefined ? undefined : Object.getOwnPropertyDescriptor(target, key);
  if (!key || !descriptor) return;
  applyDecorators(
    ApiHeader({
      name: 'If-Match',
      required: false,
      description:
        'The ETag last read (`"<version>"`). Required to change an existing record: missing → 428 `PRECONDITION_REQUIRED`, stale → 412 `PRECONDITION_FAILED`',
      example: '"3"',
    }),
    ApiResponse({ status: 412, description: 'If-Match does not match the current version: reload and try again' }),
    ApiResponse({ status: 428, description: 'If-Match is missing' }),
  )(target, key, descriptor);
};

/** The raw If-Match header of the request (undefined when absent). */
export const IfMatch = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): string | undefined => {
    const value = ctx.switchToHttp().getRequest<FastifyRequest>().headers['if-match'];
    return Array.isArray(value) ? value[0] : value;
  },
  [documentsIfMatch],
);

/** The version an update is conditional on: 428 when If-Match is missing, 412 when it cannot match. */
export function expectedVersion(ifMatch: string | undefined): number {
  if (ifMatch === undefined || ifMatch.trim() === '') throw preconditionRequired();
  const m = /^(?:W\/)?"(\d{1,9})"$/.exec(ifMatch.trim());
  if (!m) throw preconditionFailed('If-Match does not match the current version of the record');
  return Number(m[1]);
}

/** Sets the ETag header on any response body that carries a numeric `version`. */
@Injectable()
export class EtagInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      map((body: unknown) => {
        const version = (body as { version?: unknown } | null)?.version;
        if (typeof version === 'number' && !reply.sent) void reply.header('ETag', etagFor(version));
        return body;
      }),
    );
  }
}
