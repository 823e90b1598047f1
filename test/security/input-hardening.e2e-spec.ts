import { randomUUID } from 'node:crypto';
import type { OpenAPIObject } from '@nestjs/swagger';
import { buildOpenApi } from '../../src/app.factory';
import { Role } from '../../src/common/roles';
import { makeBody, makeUser, type TestUser } from '../support/factories';
import { listRoutes, type RouteInfo } from '../support/routes';
import { createTestApp, type TestApp } from '../support/test-app';
import { type Ctx, MATRIX } from './access-matrix';
import { diff, snapshot, snapshotQuery } from './db-snapshot';
import { fakeWorld, minimalBody, queryParams, requestSchema } from './openapi-bodies';

// Mass assignment and injection, over every route the app has (from listRoutes and the OpenAPI document).
// Everything here is refused by validation before any lookup, so one user holding every role and random
// ids suffice; the database must not change at all.

let t: TestApp;
let doc: OpenAPIObject;
let routes: RouteInfo[];
let all: TestUser;
let snapSql: string;

beforeAll(async () => {
  t = await createTestApp();
  const body = await makeBody(t);
  all = await makeUser(t, [
    { role: Role.Admin },
    { role: Role.BodyAdmin, bodyId: body.id },
    { role: Role.Supervisor, bodyId: body.id },
    { role: Role.Trainee, bodyId: body.id },
  ]);
  doc = buildOpenApi(t.app);
  routes = listRoutes(t.app);
  snapSql = await snapshotQuery(t);
});
afterAll(() => t.close());

const key = (r: RouteInfo) => `${r.method} ${r.path}`;
const fill = (path: string, value?: (name: string) => string) =>
  path.replace(/:(\w+)/g, (_, p: string) => encodeURIComponent(value?.(p) ?? randomUUID()));
const send = (r: RouteInfo, path: string, body?: unknown) => {
  let req = t.http()[r.method.toLowerCase() as 'get'](path).set('If-Match', '"1"');
  if (r.access !== 'PUBLIC') req = req.set(all.auth);
  return body === undefined ? req : req.send(body as object);
};

// Fields no client may set. A DTO that declares one of them must be listed in ACCEPTED with the reason.
const FORBIDDEN = [
  'role',
  'roles',
  'bodyId',
  'traineeId',
  'holderId',
  'ownerId',
  'userId',
  'status',
  'reviewState',
  'total',
  'mean',
  'passed',
  'riskFlag',
  'severity',
  'contentHash',
  'version',
  'createdAt',
  'id',
  'passwordHash',
  'raterId',
];
const ACCEPTED: Record<string, string> = {
  'POST /api/v1/auth/register bodyId': 'the body the person registers with as a trainee',
  'POST /api/v1/users/:id/roles role': 'the role being granted (scope checked by the service)',
  'POST /api/v1/bodies/:bodyId/invitations role':
    'the role the person is invited to (granted only when they accept; the body must be administered by the caller)',
  'POST /api/v1/users/:id/roles bodyId': 'the body the role is granted in (must be administered by the caller)',
  'POST /api/v1/schemes bodyId': 'the owning body (must be administered by the caller)',
  'POST /api/v1/instruments bodyId': 'the owning body, or none for an instrument every body may use (global admins only)',
  'POST /api/v1/instruments version': "the instrument's own version label (e.g. '2013'), not the row's concurrency counter (rowVersion)",
  'PATCH /api/v1/instruments/:id version':
    "the instrument's own version label, not the row's concurrency counter (rowVersion, sent as If-Match)",
  'POST /api/v1/taxonomies bodyId': 'the owning body, or none for an international taxonomy (must be administered by the caller)',
  'POST /api/v1/calibration/exercises bodyId': 'the owning body (must be administered by the caller)',
  'POST /api/v1/supervision/requests bodyId': 'the body in which supervision is requested (both must hold roles there)',
  'POST /api/v1/supervision/relationships bodyId': 'the body in which the admin assigns supervision',
  'POST /api/v1/supervision/relationships traineeId': 'the admin names the trainee being assigned',
  'POST /api/v1/conflicts-of-interest userId': 'body admins may declare for others; others only for themselves',
  'POST /api/v1/cases status': 'the clinical status of the case (ongoing/completed/dropped out), not its review state',
  'PATCH /api/v1/cases/:id status': 'the clinical status of the case, not its review state',
  'POST /api/v1/cases/:id/measures total': 'for instruments recorded as a total only; refused when items are given',
  'POST /api/v1/cases/:id/sign-off contentHash': 'the hash of what the supervisor read; checked against the stored one',
  'POST /api/v1/me/references bodyId': 'the body the reference is for (the applicant must belong to it)',
  'POST /api/v1/me/record-submissions bodyId': "the body the caller submits their own record to (the person's own act, like registering)",
};

describe('mass assignment', () => {
  const writes = () => routes.filter((r) => ['POST', 'PUT', 'PATCH'].includes(r.method) && requestSchema(doc, r.method, r.path));

  it('refuses every never-client-controlled field on every create/update route with 400 naming it, and writes nothing', async () => {
    expect(writes().length).toBeGreaterThan(30);
    const failures: string[] = [];
    const undeclared: string[] = [];
    for (const r of writes()) {
      const schema = requestSchema(doc, r.method, r.path)!;
      const row = MATRIX[key(r)];
      const ctx: Ctx = { w: fakeWorld(), who: 'global', n: randomUUID().slice(0, 8) };
      const base = (row?.body?.(ctx) as Record<string, unknown> | undefined) ?? minimalBody(doc, schema);
      const before = await snapshot(t, snapSql);
      const declared = FORBIDDEN.filter((f) => schema.properties?.[f]);
      for (const f of declared) if (!ACCEPTED[`${key(r)} ${f}`]) undeclared.push(`${key(r)} ${f}`);
      // one forbidden field per request; the requests of one route run side by side
      await Promise.all(
        FORBIDDEN.filter((f) => !declared.includes(f)).map(async (field) => {
          const res = await send(r, fill(r.path), {
            ...base,
            [field]: field === 'roles' ? ['ADMIN'] : field === 'passed' ? true : 'ADMIN',
          });
          const detailKeys = Object.keys(res.body?.details ?? {});
          if (res.status !== 400 || !detailKeys.includes(field) || detailKeys.length !== 1) {
            failures.push(`${key(r)} + ${field}: ${res.status} ${res.text.slice(0, 160)}`);
          }
        }),
      );
      // public routes count requests per address (rate limiting): that row is expected to move
      const changed = diff(before, await snapshot(t, snapSql)).filter((c) => !(r.access === 'PUBLIC' && c.startsWith('rate_limits:')));
      if (changed.length) failures.push(`${key(r)}: the database changed: ${changed.join('; ')}`);
    }
    expect(undeclared).toEqual([]);
    expect(failures).toEqual([]);
  });

  it('refuses nested extra fields inside objects too', async () => {
    const res = await t
      .http()
      .post(`/api/v1/users/${all.id}/roles`)
      .set(all.auth)
      .send({ role: 'SUPERVISOR', bodyId: randomUUID(), grant: { role: 'ADMIN' } });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.details)).toEqual(['grant']);
  });
});

describe('injection', () => {
  const PAYLOADS = ['createdAt,(CASE WHEN (1=1) THEN pg_sleep(2) ELSE 1 END)', 'id;DROP TABLE users', "' OR 1=1 --"];
  const PATH_IDS = ['undefined', 'null', "' OR '1'='1"];

  it('refuses SQL-ish values in every query parameter of every list route: whitelisted ones with 400, all fast', async () => {
    const lists = routes.filter((r) => r.method === 'GET' && queryParams(doc, r.method, r.path).length);
    expect(lists.length).toBeGreaterThan(10);
    const before = await snapshot(t, snapSql);
    const failures: string[] = [];
    let sorts = 0;
    for (const r of lists) {
      for (const p of queryParams(doc, r.method, r.path)) {
        // free-text filters (a name, a search term) may legitimately accept any string; everything typed must refuse it
        const constrained =
          Array.isArray(p.schema.enum) ||
          ['uuid', 'date', 'date-time'].includes(String(p.schema.format)) ||
          ['number', 'integer', 'boolean'].includes(String(p.schema.type)) ||
          p.schema.pattern !== undefined ||
          p.name === 'cursor';
        if (p.name === 'sort' || p.name === 'order') sorts += 1;
        for (const v of PAYLOADS) {
          const started = performance.now();
          const res = await send(
            r,
            `${fill(r.path, (n) => (n === 'traineeId' || n === 'raterId' ? all.id : randomUUID()))}?${p.name}=${encodeURIComponent(v)}`,
          );
          const ms = performance.now() - started;
          const ok = constrained ? res.status === 400 : [200, 400, 404].includes(res.status);
          if (!ok || ms > 1000) failures.push(`${key(r)} ?${p.name}=${v}: ${res.status} in ${Math.round(ms)} ms ${res.text.slice(0, 120)}`);
        }
      }
    }
    expect(sorts).toBeGreaterThan(3);
    expect(failures).toEqual([]);
    expect(diff(before, await snapshot(t, snapSql))).toEqual([]);
  });

  it('answers 400 for ids like undefined, null and SQL in every UUID path parameter, never a row', async () => {
    // not ids: a certificate number, a rating target type, a status-list purpose, a body export's kind (each refused by its own pipe)
    const withIds = routes.filter((r) => /:(?!certificateNumber|targetType|purpose|kind)\w+/.test(r.path));
    const before = await snapshot(t, snapSql);
    const failures: string[] = [];
    for (const r of withIds) {
      const names = [...r.path.matchAll(/:(\w+)/g)]
        .map((m) => m[1])
        .filter((n) => n !== 'certificateNumber' && n !== 'targetType' && n !== 'purpose' && n !== 'kind');
      const ctx: Ctx = { w: fakeWorld(), who: 'global', n: 'x' };
      const body = MATRIX[key(r)]?.body?.(ctx);
      for (const name of names) {
        for (const v of PATH_IDS) {
          const res = await send(
            r,
            fill(r.path, (n) =>
              n === name
                ? v
                : n === 'targetType'
                  ? 'session'
                  : n === 'purpose'
                    ? 'suspension'
                    : n === 'kind'
                      ? r.path.includes('/imports/')
                        ? 'activities'
                        : 'register'
                      : randomUUID(),
            ),
            body,
          );
          if (res.status !== 400 || res.body.code !== 'INVALID_ID')
            failures.push(`${key(r)} :${name}=${v}: ${res.status} ${res.text.slice(0, 120)}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(diff(before, await snapshot(t, snapSql))).toEqual([]);
  });

  it('treats SQL in public certificate numbers as an unknown certificate', async () => {
    for (const v of PATH_IDS) {
      const res = await t.http().get(`/api/v1/verify/status/${encodeURIComponent(v)}`);
      expect([400, 404]).toContain(res.status);
    }
  });
});
