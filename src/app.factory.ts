import type { IncomingMessage } from 'node:http';
import helmet from '@fastify/helmet';
import { type INestApplication, RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { requestIdFor } from './common/logging';
import { createValidationPipe } from './common/validation';
import type { AppConfig } from './config/env';

export const API_PREFIX = 'api/v1';

export function buildOpenApi(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('IPT Accreditation API')
    .setDescription(
      'Training records, supervision, competency ratings and verifiable accreditation for Interpersonal Psychotherapy bodies. ' +
        'Sign in at POST /api/v1/auth/sign-in, then use the access token as a Bearer token. Errors share one shape: ' +
        '{ statusCode, code, message, details? }.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  return SwaggerModule.createDocument(app, config);
}

/**
 * Builds the application exactly as it runs in production; tests use this too. `swaggerUi: false` serves
 * only the OpenAPI JSON: jest's ESM mode on Node 20 cannot load @fastify/static's ESM-only dependency.
 */
export async function createApp(config: AppConfig, opts: { logger?: boolean; swaggerUi?: boolean } = {}): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.BODY_LIMIT_BYTES,
    // exact hop count, never `true`: otherwise clients could pick their own address via X-Forwarded-For
    trustProxy: (config.TRUST_PROXY_HOPS > 0 ? config.TRUST_PROXY_HOPS : false) as unknown as boolean,
    genReqId: (req: IncomingMessage) => requestIdFor(req),
    return503OnClosing: true,
    routerOptions: { ignoreTrailingSlash: true },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, { bufferLogs: true, abortOnError: false, bodyParser: false });
  if (opts.logger !== false) app.useLogger(app.get(Logger));
  else app.useLogger(false);

  const fastify = app.getHttpAdapter().getInstance();
  // JSON only: anything else is a 415 rather than a string handed to validation
  fastify.removeContentTypeParser('text/plain');
  // an empty JSON body (e.g. POST /auth/sign-out from a client that always sends the header) is no body,
  // not a 400; everything else goes through Fastify's own parser with prototype-poisoning protection
  const jsonParser = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) =>
    body === '' ? done(null, undefined) : jsonParser(req, body as string, done),
  );
  fastify.addHook('onSend', async (req, reply) => {
    void reply.header('x-request-id', String(req.id));
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: [`'self'`],
        styleSrc: [`'self'`, `'unsafe-inline'`],
        imgSrc: [`'self'`, 'data:'],
        scriptSrc: [`'self'`, `'unsafe-inline'`],
      },
    },
  });
  const origins = config.CORS_ORIGINS.split(',').map((s) => s.trim()).filter(Boolean);
  if (origins.length) app.enableCors({ origin: origins, credentials: false });

  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health/live', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
    ],
  });
  app.useGlobalPipes(createValidationPipe());

  SwaggerModule.setup('docs', app, () => buildOpenApi(app), {
    jsonDocumentUrl: 'docs-json',
    yamlDocumentUrl: 'docs-yaml',
    swaggerUiEnabled: opts.swaggerUi ?? true,
  });
  await app.init();
  await fastify.ready();
  return app;
}
