import { closeEmbeddedDb } from '../src/database/data-source-options';
import { adminQuery, usingServer } from './support/test-db';
import { createTestApp, type TestApp } from './support/test-app';
import { ShutdownState } from '../src/health/shutdown-state';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ DB_CONNECT_TIMEOUT_MS: '500', DB_STATEMENT_TIMEOUT_MS: '1000' });
});
afterAll(() => t.close());

const dbName = () => (t.db.options as { url?: string }).url?.split('/').pop()?.split('?')[0] as string;

// SIGTERM (src/main.ts → closeGracefully): the states a shutting-down instance goes through, as a client sees them.
// Timing under load is measured by `npm run test:faults` (sigterm, rolling-restart).
describe('when the instance is shutting down', () => {
  it('drains (readiness 503, requests still served, connections closed), then refuses new requests with Retry-After', async () => {
    const shutdown = t.app.get(ShutdownState);
    try {
      shutdown.draining = true;
      const ready = await t.http().get('/health/ready').expect(503);
      expect(ready.body.code).toBe('NOT_READY');
      const served = await t.http().get(`/api/v1/bodies`).expect(200);
      expect(served.headers.connection).toBe('close');

      shutdown.refusing = true;
      const refused = await t
        .http()
        .post(`/api/v1/auth/sign-in`)
        .send({ email: 'nobody@example.org', password: 'x'.repeat(12) })
        .expect(503);
      expect(refused.body).toEqual({ statusCode: 503, code: 'SHUTTING_DOWN', message: expect.any(String) });
      expect(refused.headers['retry-after']).toBe('1');
      expect(refused.headers.connection).toBe('close');
    } finally {
      shutdown.draining = false;
      shutdown.refusing = false;
    }
  });
});

describe('when the database goes away', () => {
  it('answers 503 with Retry-After (never 500), keeps liveness up, and recovers by itself', async () => {
    await t.http().get('/api/v1/bodies').expect(200);
    await t.http().get('/health/ready').expect(200);

    if (usingServer()) {
      await adminQuery(`ALTER DATABASE "${dbName()}" ALLOW_CONNECTIONS false`);
      await adminQuery(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${dbName()}' AND pid <> pg_backend_pid()`);
    } else {
      await closeEmbeddedDb(); // the embedded database cannot be paused; closing it is the nearest outage
    }

    const down = await t.http().get('/api/v1/bodies');
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ statusCode: 503, code: 'SERVICE_UNAVAILABLE' });
    expect(Number(down.headers['retry-after'])).toBeGreaterThan(0);
    const signIn = await t.http().post('/api/v1/auth/sign-in').send({ email: 'a@b.org', password: 'whatever-whatever' });
    expect(signIn.status).toBe(503);
    await t.http().get('/health/ready').expect(503);
    await t.http().get('/health/live').expect(200);

    if (usingServer()) {
      await adminQuery(`ALTER DATABASE "${dbName()}" ALLOW_CONNECTIONS true`);
      const started = Date.now();
      let status = 0;
      while (Date.now() - started < 10_000 && status !== 200) {
        status = (await t.http().get('/api/v1/bodies')).status;
        if (status !== 200) await new Promise((r) => setTimeout(r, 200));
      }
      expect(status).toBe(200);
      await t.http().get('/health/ready').expect(200);
    }
  });
});
