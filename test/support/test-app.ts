import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { type AppConfig, loadConfig } from '../../src/config/env';
import { createDatabaseFromTemplate, usingServer } from './test-db';

export interface TestApp {
  app: NestFastifyApplication;
  db: DataSource;
  config: AppConfig;
  /** supertest against the real HTTP server */
  http: () => ReturnType<typeof request>;
  close: () => Promise<void>;
}

/** The real application on a private database (a template copy on a server, a snapshot copy embedded). */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const server = usingServer() ? await createDatabaseFromTemplate() : undefined;
  const config = loadConfig({
    ...process.env,
    SEED_DEMO: 'false',
    // TEST_LOG=1 shows the service's logs (e.g. the stack of an unexpected 500)
    LOG_LEVEL: process.env.TEST_LOG ? 'error' : 'silent',
    MIGRATIONS_RUN: 'false',
    SIGN_IN_LIMIT: '1000',
    SIGN_IN_ACCOUNT_LIMIT: '10000',
    EXPIRY_SWEEP_ENABLED: 'false',
    MAIL_WORKER_ENABLED: 'false',
    ...env,
    ...(server ? { DATABASE_URL: server.url } : {}),
  });
  const app = await createApp(config, { logger: !!process.env.TEST_LOG, swaggerUi: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const db = app.get(DataSource);
  return {
    app,
    db,
    config,
    http: () => request(app.getHttpServer()),
    close: async () => {
      await app.close();
      await server?.drop();
    },
  };
}
