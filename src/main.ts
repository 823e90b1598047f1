import 'reflect-metadata';
import { createApp } from './app.factory';
import { ConfigError, loadConfig } from './config/env';
import { ensureEmbeddedSecrets } from './config/secrets';
import { SeedService } from './seed/seed.service';

async function bootstrap(): Promise<void> {
  let config;
  try {
    config = loadConfig();
    ensureEmbeddedSecrets(config);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const app = await createApp(config);
  await app.listen({ port: config.PORT, host: '0.0.0.0' });
  const url = `http://localhost:${config.PORT}`;
  const banner = app.get(SeedService).banner;
  const lines = [
    '',
    `IPT Accreditation is running on ${config.embedded ? `the embedded database (${config.DATA_DIR})` : 'a PostgreSQL server'}`,
    `  API      ${url}/api/v1`,
    `  Docs     ${url}/docs`,
    `  Health   ${url}/health/ready`,
    banner ? `\n${banner}\n` : '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

void bootstrap().catch((err: unknown) => {
  console.error('Failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
