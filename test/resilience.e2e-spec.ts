import { closeEmbeddedDb } from '../src/database/data-source-options';
import { adminQuery, usingServer } from './support/test-db';
import { createTestApp, type TestApp } from './support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ DB_CONNECT_TIMEOUT_MS: '500', DB_STATEMENT_TIMEOUT_MS: '1000' });
});
afterAll(() => t.close());

const dbName = () => (t.db.options as { url?: string }).url?.split('/').pop()?.split('?')[0] as string;

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
