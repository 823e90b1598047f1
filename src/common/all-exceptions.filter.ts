import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { mapError } from './error-mapping';

@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  // the database's "closed for good" probe, from the composition root (common/ does not import database/)
  constructor(private readonly databaseClosed: () => boolean) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const req = http.getRequest<FastifyRequest>();
    const mapped = mapError(exception, this.databaseClosed);
    if (mapped.unexpected) {
      this.logger.error({ err: exception, requestId: req?.id }, 'unhandled error');
    } else if (mapped.body.code === 'SERVICE_UNAVAILABLE') {
      this.logger.warn({ requestId: req?.id, reason: (exception as Error)?.message }, 'database unavailable');
    }
    if (mapped.headers) reply.headers(mapped.headers);
    void reply.status(mapped.body.statusCode).send(mapped.body);
  }
}
