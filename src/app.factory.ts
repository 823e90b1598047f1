import { existsSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import { type INestApplication, RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { errorBody } from './common/error-mapping';
import { requestIdFor } from './common/logging';
import { DomainError } from './common/errors';
import { jsonTooDeep, MAX_JSON_DEPTH } from './common/json-depth';
import { createValidationPipe } from './common/validation';
import type { AppConfig } from './config/env';
import { ShutdownState } from './health/shutdown-state';
import { DOCUMENT_MAX_BYTES, DOCUMENT_TYPES } from './qualifications/document-rules';
import { completeContract } from './openapi/contract';

export const API_PREFIX = 'api/v1';
const DOCUMENT_ROUTE = new RegExp(`^/${API_PREFIX}/qualifications/[^/?]+/document(\\?|$)`);

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
  return completeContract(SwaggerModule.createDocument(app, config));
}

/**
 * Builds the application exactly as it runs in production; tests use this too. `swaggerUi: false` serves
 * only the OpenAPI JSON: jest's ESM mode on Node 20 cannot load @fastify/static's ESM-only dependency.
 */
export async function createApp(
  config: AppConfig,
  opts: { logger?: boolean; swaggerUi?: boolean; serveWeb?: boolean } = {},
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.BODY_LIMIT_BYTES,
    // exact hop count, never `true`: otherwise clients could pick their own address via X-Forwarded-For. As a
    // function: Fastify ≥ 5.8 reads a plain number as "trust no hop" (every client would then share the proxy's
    // address, and with it every per-address limit)
    trustProxy: config.TRUST_PROXY_HOPS > 0 ? (_addr: string, hop: number) => hop < config.TRUST_PROXY_HOPS : false,
    genReqId: (req: IncomingMessage) => requestIdFor(req),
    return503OnClosing: true,
    routerOptions: { ignoreTrailingSlash: true },
    // what Fastify refuses before routing (an over-long path parameter, a malformed URL) in the one error shape,
    // without echoing the URL back
    frameworkErrors: (err: FastifyError, _req: FastifyRequest, reply: FastifyReply) => {
      const body =
        err.code === 'FST_ERR_MAX_PARAM_LENGTH'
          ? errorBody('URI_TOO_LONG', 'A path parameter is too long')
          : errorBody('BAD_REQUEST', 'Malformed request URL');
      void reply.code(body.statusCode).send(body);
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    bufferLogs: true,
    abortOnError: false,
    bodyParser: false,
  });
  if (opts.logger !== false) app.useLogger(app.get(Logger));
  else app.useLogger(false);

  const fastify = app.getHttpAdapter().getInstance();
  // JSON only: anything else is a 415 rather than a string handed to validation
  fastify.removeContentTypeParser('text/plain');
  // an empty JSON body (e.g. POST /auth/sign-out from a client that always sends the header) is no body,
  // not a 400; everything else goes through Fastify's own parser with prototype-poisoning protection
  const jsonParser = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    if (body === '') return done(null, undefined);
    // bounded before parsing: validation recurses over the body and would overflow the stack (500)
    if (jsonTooDeep(body as string))
      return done(new DomainError('JSON_TOO_DEEP', `JSON nested more than ${MAX_JSON_DEPTH} levels deep is refused`), undefined);
    return jsonParser(req, body as string, done);
  });
  // a qualification's document arrives as its raw bytes (PDF, PNG, JPEG; at most 5 MiB) on that one route only;
  // anywhere else these media types are refused like any other non-JSON body
  fastify.addContentTypeParser(DOCUMENT_TYPES, { parseAs: 'buffer', bodyLimit: DOCUMENT_MAX_BYTES }, (req, body, done) => {
    if (req.method !== 'PUT' || !DOCUMENT_ROUTE.test(req.url))
      return done(new DomainError('UNSUPPORTED_MEDIA_TYPE', 'The body must be application/json'), undefined);
    return done(null, body);
  });
  // while draining (SIGTERM grace period) every response closes its connection, so no keep-alive socket is
  // left idle for a client to reuse at the moment the server stops accepting (that request would be reset);
  // once refusing, new requests are turned away with a retry hint (see closeGracefully)
  const shutdown = app.get(ShutdownState);
  fastify.addHook('onRequest', async (_req, reply) => {
    if (!shutdown.refusing) return;
    return reply.code(503).header('retry-after', '1').send(errorBody('SHUTTING_DOWN', 'This instance is shutting down; retry shortly'));
  });
  fastify.addHook('onSend', async (req, reply) => {
    void reply.header('x-request-id', String(req.id));
    if (shutdown.draining) void reply.header('connection', 'close');
    // API answers hold personal and clinical data or tokens: no browser or shared cache may keep them (a route that
    // chooses its own caching sets Cache-Control itself)
    if (req.url.startsWith(`/${API_PREFIX}/`) && !reply.hasHeader('cache-control')) void reply.header('cache-control', 'no-store');
  });

  // import uploads (multipart/form-data): one file, bounded by IMPORT_MAX_BYTES, not by the JSON body limit; the
  // file is consumed as a stream by the import service (never buffered whole)
  await app.register(multipart, {
    limits: { fileSize: config.IMPORT_MAX_BYTES, files: 1, fields: 10, fieldSize: 1024, parts: 12 },
    throwFileSizeLimit: true,
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: [`'self'`],
        styleSrc: [`'self'`, `'unsafe-inline'`],
        imgSrc: [`'self'`, 'data:'],
        // no inline script anywhere: the web app's build has none (checked by test/security/headers), nor has Swagger UI
        scriptSrc: [`'self'`],
        // TLS is terminated in front of the service (docker/ uses plain HTTP behind nginx): forcing browsers to
        // upgrade every request to https would break the app and /docs when served over http
        upgradeInsecureRequests: null,
      },
    },
  });
  const origins = config.CORS_ORIGINS.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (origins.length) app.enableCors({ origin: origins, credentials: false });

  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health/live', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
    ],
  });
  app.useGlobalPipes(createValidationPipe());

  // The web app (web/dist, built by `npm run build:web`) at `/`; off where Swagger UI is off (jest cannot load @fastify/static)
  if (opts.serveWeb ?? opts.swaggerUi ?? true) await serveWebApp(app);

  // DOCS_ENABLED=false: no /docs, /docs-json or /docs-yaml (404), e.g. where the API contract should not be public
  if (config.DOCS_ENABLED) {
    SwaggerModule.setup('docs', app, () => buildOpenApi(app), {
      jsonDocumentUrl: 'docs-json',
      yamlDocumentUrl: 'docs-yaml',
      swaggerUiEnabled: opts.swaggerUi ?? true,
    });
  }
  await app.init();
  await fastify.ready();
  return app;
}

/** Where `npm run build:web` writes the single-page app (the service runs from dist/src: the repo root is two up). */
export function webDistDir(): string {
  // __dirname does not exist when jest loads this file as ESM; the working directory is the repo root there
  return typeof __dirname === 'string' ? join(__dirname, '..', '..', 'web', 'dist') : join(process.cwd(), 'web', 'dist');
}

// Paths that belong to the service: never answered with the web app's index.html.
const SERVICE_PATH = /^\/(api|docs|docs-json|docs-yaml|health)(\/|$|\?)/;

/**
 * Serves the built web app: its files as they are (hashed assets cached for a year), and index.html for any other
 * GET that is not a service path, so client-side routes (/trainee, /verify/…) survive a reload. Nothing if not built.
 */
async function serveWebApp(app: NestFastifyApplication): Promise<void> {
  const root = webDistDir();
  if (!existsSync(join(root, 'index.html'))) return;
  const fastifyStatic = (await import('@fastify/static')).default;
  await app.register(fastifyStatic, {
    root,
    serve: false,
    index: false,
    dotfiles: 'deny',
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.get('/*', async (req, reply) => {
    const path = req.url.split('?')[0];
    if (SERVICE_PATH.test(path)) return reply.callNotFound();
    const file = decodeURIComponent(path).replace(/^\/+/, '');
    if (file && !file.split('/').includes('..') && existsSync(join(root, file)) && !file.endsWith('/')) {
      const immutable = file.startsWith('assets/');
      return reply.sendFile(file, { cacheControl: true, maxAge: immutable ? '365d' : 0, immutable });
    }
    if (/\.[a-z0-9]+$/i.test(file)) return reply.callNotFound(); // a missing asset is a 404, not the app
    void reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html', { cacheControl: false });
  });
}
