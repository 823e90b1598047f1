import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply } from 'fastify';
import { type Observable, tap } from 'rxjs';

// Public documents verifiers fetch again and again (keys, issuer profile, status lists) may be cached.
// Set on success only: an error (404, 429) must not be cached, nor be sent under a non-JSON content type.
const KEY = 'public-cache';
export interface PublicCache {
  maxAgeSeconds: number;
  contentType?: string;
}
export const CacheFor = (maxAgeSeconds: number, contentType?: string) =>
  SetMetadata(KEY, { maxAgeSeconds, contentType } satisfies PublicCache);

@Injectable()
export class PublicCacheInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const cache = this.reflector.get<PublicCache | undefined>(KEY, context.getHandler());
    if (!cache) return next.handle();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      tap(() => {
        void reply.header('cache-control', `public, max-age=${cache.maxAgeSeconds}`);
        if (cache.contentType) void reply.header('content-type', cache.contentType);
      }),
    );
  }
}
