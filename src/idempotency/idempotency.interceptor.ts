import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants.js';
import type { FastifyReply } from 'fastify';
import { catchError, from, mergeMap, type Observable, of, switchMap, throwError } from 'rxjs';
import { badRequest } from '../common/errors';
import { etagFor } from '../common/etag';
import type { AppRequest } from '../common/request-context';
import { idempotencyScope } from './idempotency-context';
import { isValidIdempotencyKey, requestFingerprint } from './idempotency-rules';
import { IdempotencyStore } from './idempotency.store';

export const IDEMPOTENCY_HEADER = 'idempotency-key';

/**
 * Global, opt-in (header `Idempotency-Key`) on every authenticated POST. Keys are scoped per user. The first
 * request claims the key (in_flight row); a repeat with the same fingerprint replays the stored status and
 * body; another body → 422; while the first is still running → 409. The change and the completed key are
 * committed in one transaction (UnitOfWork → completeIdempotencyInTransaction). Public routes refuse keys.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly store: IdempotencyStore) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<AppRequest>();
    const raw = req.headers[IDEMPOTENCY_HEADER];
    if (raw === undefined || req.method !== 'POST') return next.handle();
    if (!isValidIdempotencyKey(raw)) {
      return throwError(() =>
        badRequest('INVALID_IDEMPOTENCY_KEY', 'Idempotency-Key must be 1–200 printable ASCII characters', {
          'Idempotency-Key': ['must be 1–200 printable ASCII characters'],
        }),
      );
    }
    if (!req.actor) {
      return throwError(() =>
        badRequest('IDEMPOTENCY_KEY_NOT_SUPPORTED', 'Idempotency-Key is accepted only on authenticated requests; leave it out here'),
      );
    }
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const status: number = Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) ?? 201;
    const path = req.url;
    const fingerprint = requestFingerprint(req.method, path, req.body);
    return from(this.store.begin(req.actor.userId, raw, req.method, path, fingerprint, status)).pipe(
      switchMap((begun) => {
        if (begun.kind === 'replay') {
          void reply.header('Idempotent-Replayed', 'true');
          const version = (begun.body as { version?: unknown } | null)?.version;
          if (typeof version === 'number') void reply.header('ETag', etagFor(version));
          void reply.status(begun.status);
          return of(begun.body ?? undefined);
        }
        const claim = begun.claim;
        // handle() binds the handler to the current async context: the claim is visible to UnitOfWork
        const handled = idempotencyScope.run(claim, () => next.handle());
        return handled.pipe(
          mergeMap(async (body: unknown) => {
            await this.store.complete(claim, body);
            return body;
          }),
          catchError((err: unknown) => from(this.store.release(claim)).pipe(mergeMap(() => throwError(() => err)))),
        );
      }),
    );
  }
}
