import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { ConfigError, loadConfig } from './config/env';
import { ensureEmbeddedSecrets } from './config/secrets';
import { closeGracefully } from './health/graceful-close';
import { ShutdownState } from './health/shutdown-state';
import { seedDemoRecords } from './seed/demo-records';
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
  if (app.get(SeedService).freshDemo) {
    process.stdout.write('Loading demo training records through the API…\n');
    await seedDemoRecords(app).catch((err: unknown) =>
      console.error(`Demo records incomplete: ${err instanceof Error ? err.message : String(err)}`),
    );
  }
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

  // Graceful shutdown: readiness turns 503 at once (load balancers stop sending), after a grace period the
  // server stops accepting, in-flight requests finish (none accepted is reset: see closeGracefully), the
  // database closes, and the process exits 0.
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    app.get(ShutdownState).draining = true;
    const grace = signal === 'SIGTERM' ? config.SHUTDOWN_GRACE_MS : 0;
    new Logger('Shutdown').log(
      `${signal}: readiness is 503; ${grace ? `serving for ${grace} ms more, then ` : ''}closing once in-flight requests finish`,
    );
    if (grace > 0) await new Promise((r) => setTimeout(r, grace));
    const force = setTimeout(() => process.exit(1), 30_000);
    force.unref();
    await closeGracefully(app);
    process.exit(0);
  };
  process.once('SIGTERM', (s) => void stop(s));
  process.once('SIGINT', (s) => void stop(s));
}

void bootstrap().catch((err: unknown) => {
  console.error('Failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
