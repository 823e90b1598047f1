import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { AppConfig } from '../config/env';

type RawRequest = IncomingMessage & { requestId?: string };

const VALID_ID = /^[A-Za-z0-9._:-]{8,64}$/;

/** One request id for Fastify, the logs and the audit: the caller's X-Request-Id if sane, else a UUID. */
export function requestIdFor(req: RawRequest): string {
  if (!req.requestId) {
    const given = req.headers['x-request-id'];
    req.requestId = typeof given === 'string' && VALID_ID.test(given) ? given : randomUUID();
  }
  return req.requestId;
}

export const loggerParams = (config: AppConfig): Params => ({
  pinoHttp: {
    level: config.LOG_LEVEL,
    genReqId: (req) => requestIdFor(req as RawRequest),
    // never log credentials; bodies are not logged at all (they may hold clinical text or passwords)
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'], censor: '[redacted]' },
    // health probes are not logged; under Fastify the middleware sees its mount path stripped from req.url
    autoLogging: { ignore: (req) => ((req as RawRequest & { originalUrl?: string }).originalUrl ?? req.url ?? '').startsWith('/health/') },
    customProps: () => ({ service: 'ipt-accreditation' }),
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  },
  exclude: [],
});
