import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { buildOpenApi, createApp } from './app.factory';
import { loadConfig } from './config/env';

// Writes the OpenAPI document to a file without listening on a port: the app is built in-process on an
// in-memory embedded database. The web app's types (web/src/api/schema.d.ts) are generated from it.
async function main(): Promise<void> {
  const out = resolve(process.argv[2] ?? 'web/openapi.json');
  const config = loadConfig({
    DATA_DIR: 'memory://',
    SEED_DEMO: 'false',
    LOG_LEVEL: 'silent',
    EXPIRY_SWEEP_ENABLED: 'false',
    JWT_SECRET: 'openapi-export-only-secret-not-used-for-anything',
    CREDENTIALS_MASTER_KEY: Buffer.alloc(32).toString('base64'),
  });
  const app = await createApp(config, { logger: false, swaggerUi: false, serveWeb: false });
  try {
    const doc = buildOpenApi(app);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, JSON.stringify(doc, null, 2) + '\n');
    process.stdout.write(`OpenAPI document written to ${out}\n`);
  } finally {
    await app.close();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error('OpenAPI export failed:', err instanceof Error ? err.stack : err);
    process.exit(1);
  },
);
