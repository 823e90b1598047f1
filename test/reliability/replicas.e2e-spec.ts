import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createApp } from '../../src/app.factory';
import { Role } from '../../src/common/roles';
import { API, caseBody, team, type Team } from '../cases-fixtures';
import { makeBody, makeUser, TEST_PASSWORD } from '../support/factories';
import { usingServer } from '../support/test-db';
import { createTestApp, type TestApp } from '../support/test-app';

// Two instances of the service on one database, requests alternating between them: everything that must
// hold across replicas lives in PostgreSQL, never in process memory. Needs a server: one embedded PGlite
// belongs to one process and cannot be shared.
const server = usingServer();
if (!server) {
  console.log('replicas.e2e-spec: skipped in embedded mode — two replicas need a shared PostgreSQL server (set DATABASE_URL)');
}
const describeServer = server ? describe : describe.skip;

let t: TestApp;
let second: NestFastifyApplication;
let replicas: (() => ReturnType<typeof request>)[];
beforeAll(async () => {
  if (!server) return;
  t = await createTestApp({ SIGN_IN_LIMIT: '3' });
  second = await createApp(t.config, { logger: false, swaggerUi: false });
  await second.listen({ port: 0, host: '127.0.0.1' });
  replicas = [t.http, () => request(second.getHttpServer())];
});
afterAll(async () => {
  if (!server) return;
  await second.close();
  await t.close();
});

const on = (i: number) => replicas[i % 2]();

describeServer('two replicas on one database', () => {
  it('serve the same data', async () => {
    expect(replicas).toHaveLength(2);
    const a = await on(0).get('/health/ready');
    const b = await on(1).get('/health/ready');
    expect([a.status, b.status]).toEqual([200, 200]);
  });

  it('share idempotency keys: a replay on the other replica returns the stored response; another body is 422', async () => {
    const tm: Team = await team(t);
    const key = `replica-${randomUUID()}`;
    const body = caseBody(tm.supervisor.id);
    const first = await on(0).post(`${API}/cases`).set(tm.trainee.auth).set('Idempotency-Key', key).send(body).expect(201);
    const replay = await on(1).post(`${API}/cases`).set(tm.trainee.auth).set('Idempotency-Key', key).send(body).expect(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body).toEqual(first.body);
    await on(1)
      .post(`${API}/cases`)
      .set(tm.trainee.auth)
      .set('Idempotency-Key', key)
      .send(caseBody(tm.supervisor.id, { plannedSessions: 8 }))
      .expect(422);
    const rows = await t.db.query(`SELECT count(*)::int AS n FROM supervised_cases WHERE trainee_id = $1`, [tm.trainee.id]);
    expect(rows[0].n).toBe(1);
    // concurrent, split across both replicas: still one execution
    const key2 = `replica-burst-${randomUUID()}`;
    const burst = await Promise.all(
      Array.from({ length: 8 }, (_, i) => on(i).post(`${API}/cases`).set(tm.trainee.auth).set('Idempotency-Key', key2).send(body)),
    );
    expect(burst.filter((r) => r.status === 201 && !r.headers['idempotent-replayed'])).toHaveLength(1);
    for (const r of burst) expect([201, 409]).toContain(r.status);
    const after = await t.db.query(`SELECT count(*)::int AS n FROM supervised_cases WHERE trainee_id = $1`, [tm.trainee.id]);
    expect(after[0].n).toBe(2);
  });

  it('share sign-in rate limits (SIGN_IN_LIMIT=3): failures on either replica count together', async () => {
    const body = await makeBody(t);
    const u = await makeUser(t, [{ role: Role.Trainee, bodyId: body.id }]);
    for (let i = 0; i < 3; i++)
      await on(i).post(`${API}/auth/sign-in`).send({ email: u.email, password: 'wrong-password-wrong' }).expect(401);
    // limit reached: refused on both replicas, even with the right password
    const a = await on(0).post(`${API}/auth/sign-in`).send({ email: u.email, password: TEST_PASSWORD });
    const b = await on(1).post(`${API}/auth/sign-in`).send({ email: u.email, password: TEST_PASSWORD });
    expect([a.status, b.status]).toEqual([429, 429]);
    expect(Number(b.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('share refresh-token rotation and reuse detection', async () => {
    const body = await makeBody(t);
    const u = await makeUser(t, [{ role: Role.Trainee, bodyId: body.id }]);
    const rotated = await on(1).post(`${API}/auth/refresh`).send({ refreshToken: u.refreshToken }).expect(200);
    // the old token, presented to the other replica, is a reuse: the whole family is revoked
    await on(0).post(`${API}/auth/refresh`).send({ refreshToken: u.refreshToken }).expect(401);
    await on(1).post(`${API}/auth/refresh`).send({ refreshToken: rotated.body.refreshToken }).expect(401);
    await on(0).get(`${API}/me`).set('Authorization', `Bearer ${rotated.body.accessToken}`).expect(401);
    await on(1).get(`${API}/me`).set('Authorization', `Bearer ${rotated.body.accessToken}`).expect(401);
  });

  it('share sign-out: a session ended on one replica is ended on the other at once', async () => {
    const body = await makeBody(t);
    const u = await makeUser(t, [{ role: Role.Trainee, bodyId: body.id }]);
    await on(1).get(`${API}/me`).set(u.auth).expect(200);
    await on(0).post(`${API}/auth/sign-out`).set(u.auth).expect(204);
    await on(1).get(`${API}/me`).set(u.auth).expect(401);
    await on(1).post(`${API}/auth/refresh`).send({ refreshToken: u.refreshToken }).expect(401);
  });
});

if (!server) {
  it('replicas: skipped in embedded mode (one PGlite cannot be shared by two processes)', () => {
    expect(server).toBe(false);
  });
}
