import {
  applyDecorators,
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  UseInterceptors,
} from '@nestjs/common';
import { ApiOkResponse, ApiProduces } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { map, type Observable } from 'rxjs';

/** A file a route answers with: its bytes, media type and the name it is saved under. */
export interface FileDownload {
  filename: string;
  contentType: string;
  body: Buffer;
}

// Headers are set on success only: an error keeps the one JSON error shape and its content type.
// Downloads carry personal data, so no cache (shared or private) keeps a copy.
@Injectable()
export class FileDownloadInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      map((file: FileDownload) => {
        const ascii = file.filename.replace(/[^A-Za-z0-9._-]/g, '_');
        void reply.header('content-type', file.contentType);
        void reply.header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`);
        void reply.header('cache-control', 'private, no-store');
        void reply.header('x-content-type-options', 'nosniff');
        return file.body;
      }),
    );
  }
}

/** The route answers with a file of one of these media types (documented as binary in OpenAPI). */
export const SendsFile = (description: string, ...mediaTypes: string[]) =>
  applyDecorators(
    UseInterceptors(FileDownloadInterceptor),
    ApiProduces(...mediaTypes),
    ApiOkResponse({ description, schema: { type: 'string', format: 'binary' } }),
  );
