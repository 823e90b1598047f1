import fc from 'fast-check';
import { Role } from '../../src/common/roles';
import { isErrorCode, statusOf } from '../../src/common/error-codes';
import { caseBody, supervise } from '../cases-fixtures';
import { makeBody, makeUser, TEST_PASSWORD, type TestUser } from '../support/factories';
import type { TestApp } from '../support/test-app';
import {
  encodeLoose,
  type GenContext,
  type IdKind,
  invalidArb,
  invalidQueryArb,
  type Mutation,
  type OpenApiDoc,
  pathValueArb,
  type QueryParam,
  SCHEMA_INVALID,
  validArb,
  validQueryArb,
} from './arbitraries';
import { Conformance } from './conformance';

/* eslint-disable @typescript-eslint/no-explicit-any */

// 10 runs × ~125 operations ≈ 1,250 requests: ~50 s on a server, ~80 s embedded on this 2-core machine
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 10);
export const FUZZ_SEED = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);

// ---------------------------------------------------------------------------------------------------------
// A small real world: two national bodies, a trainee under an active supervision with one case, a body
// admin, a global admin, and a bystander user the admin routes may disable (never an actor).

export type ActorName = 'anonymous' | 'trainee' | 'supervisor' | 'bodyAdmin' | 'admin';
export const ACTORS: ActorName[] = ['anonymous', 'trainee', 'supervisor', 'bodyAdmin', 'admin'];

export interface World {
  actors: Record<Exclude<ActorName, 'anonymous'>, TestUser>;
  actorIds: Set<string>;
  ids: Set<string>;
  /** ids by the field they were seen under: `supervisorId`, `cases.id` (an `id` in a /cases response), `sessions.id` */
  byKey: Map<string, Set<string>>;
}

export async function buildWorld(t: TestApp): Promise<World> {
  const body = await makeBody(t);
  const other = await makeBody(t);
  const trainee = await makeUser(t, [{ role: Role.Trainee, bodyId: body.id }]);
  const supervisor = await makeUser(t, [{ role: Role.Supervisor, bodyId: body.id }]);
  const bodyAdmin = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: body.id }]);
  const admin = await makeUser(t, [{ role: Role.Admin }]);
  const bystander = await makeUser(t, [
    { role: Role.Trainee, bodyId: body.id },
    { role: Role.Supervisor, bodyId: other.id },
  ]);
  await supervise(t, trainee.id, supervisor.id, body.id);
  const kase = await t.http().post('/api/v1/cases').set(trainee.auth).send(caseBody(supervisor.id)).expect(201);
  await t
    .http()
    .post(`/api/v1/cases/${kase.body.id}/sessions`)
    .set(trainee.auth)
    .set('If-Match', `"${kase.body.version}"`)
    .send({ number: 1, date: kase.body.startDate, durationMinutes: 50, phase: 'initial', attended: true, recorded: true })
    .expect(201);
  const ids = new Set<string>();
  const world: World = {
    actors: { trainee, supervisor, bodyAdmin, admin },
    actorIds: new Set([trainee.id, supervisor.id, bodyAdmin.id, admin.id]),
    ids,
    byKey: new Map(),
  };
  for (const id of [body.id, body.parentId, other.id, bystander.id, trainee.id, supervisor.id, bodyAdmin.id, admin.id]) if (id) ids.add(id);
  const add = (key: string, id: string | null | undefined) =>
    id && (world.byKey.get(key) ?? world.byKey.set(key, new Set()).get(key)!).add(id);
  add('bodies.id', body.id);
  add('bodyId', body.id);
  add('users.id', bystander.id);
  add('trainees.id', trainee.id);
  add('otherUserId', supervisor.id);
  collectIds(kase.body, world, 'cases');
  const grants: { id: string }[] = await t.db.query(`SELECT id FROM role_grants WHERE user_id = $1`, [bystander.id]);
  for (const g of grants) add('grants.id', g.id);
  return world;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Every uuid in a response body joins the pool, so later requests reach records that exist; it is also filed
 * under its field name (`id` under the collection it came from: `cases.id`, `sessions.id`).
 */
export function collectIds(v: unknown, w: Pick<World, 'ids' | 'byKey'>, collection: string, key = 'id', depth = 0): void {
  if (depth > 8 || w.ids.size > 600) return;
  if (typeof v === 'string' && UUID_RE.test(v)) {
    w.ids.add(v);
    const k = key === 'id' ? `${collection}.id` : key;
    (w.byKey.get(k) ?? w.byKey.set(k, new Set()).get(k)!).add(v);
  } else if (Array.isArray(v)) v.forEach((x) => collectIds(x, w, collection, key, depth + 1));
  else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) {
      // nested records: items of `sessions` are sessions, of `items`/`data` the same collection
      const nested = Array.isArray(x) || (x && typeof x === 'object') ? (['items', 'data'].includes(k) ? collection : k) : collection;
      collectIds(x, w, nested, k, depth + 1);
    }
}

/** The collection a path belongs to: /api/v1/cases/{id}/sessions → `sessions`; /api/v1/trainees/{traineeId}/profile → `trainees`. */
export function collectionOf(path: string): string {
  const segs = path
    .replace(/^\/api\/v1\//, '')
    .split('/')
    .filter((s) => s && !s.startsWith('{'));
  const nouns = segs.filter(
    (s) =>
      ![
        'submit',
        'return',
        'sign-off',
        'history',
        'publish',
        'retire',
        'close',
        'accept',
        'decline',
        'cancel',
        'end',
        'verify',
        'disable',
        'enable',
        'erase',
        'correct',
        'rotate',
        'approve',
        'reject',
        'withdraw',
        'respond',
        'request-info',
        'suspend',
        'reinstate',
        'revoke',
        'renew',
        'leave',
        'totals',
        'summary',
        'profile',
        'enrolment',
        'progress',
      ].includes(s),
  );
  return nouns[nouns.length - 1] ?? segs[0] ?? 'root';
}

/** Candidate ids for a field or path parameter called `name` on `path`. */
export function idsFor(w: World, path: string, name: string): string[] {
  const get = (k: string) => [...(w.byKey.get(k) ?? [])];
  if (name === 'id') {
    // /cases/{id}/sessions: the {id} is a case
    const m = path.match(/\/([a-z-]+)\/\{id\}/);
    return m ? get(`${m[1]}.id`) : [];
  }
  const base = name.replace(/Id$/, '');
  const plural = base.endsWith('s') ? base : `${base}s`;
  const alias: Record<string, string[]> = {
    trainee: ['traineeId', 'trainees.id'],
    supervisor: ['supervisorId'],
    body: ['bodyId', 'bodies.id'],
    rater: ['raterId', 'supervisorId'],
    grant: ['grants.id'],
    scheme: ['schemeId', 'schemes.id'],
    user: ['userId', 'users.id'],
    otherUser: ['otherUserId', 'supervisorId'],
    target: ['targetId', 'cases.id', 'sessions.id'],
  };
  return [...new Set([...get(name), ...get(`${plural}.id`), ...(alias[base] ?? []).flatMap(get)])];
}

// ---------------------------------------------------------------------------------------------------------
// Database fingerprint: rows, sum of versions and of row versions (xmin) per table (rate-limit counters excluded: they count refusals)

const EXEMPT = new Set(['rate_limits', 'migrations', 'typeorm_metadata']);

export async function fingerprintSql(t: TestApp): Promise<string> {
  const tables: { table_name: string }[] = await t.db.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const versioned: { table_name: string }[] = await t.db.query(
    `SELECT table_name FROM information_schema.columns
      WHERE table_schema = 'public' AND column_name = 'version' AND data_type IN ('integer', 'bigint', 'smallint')`,
  );
  const hasVersion = new Set(versioned.map((r) => r.table_name));
  return (
    tables
      .map((r) => r.table_name)
      .filter((n) => !EXEMPT.has(n))
      // xmin changes with every inserted or updated row version: a cheap stand-in for hashing every row
      .map(
        (n) =>
          `SELECT '${n}' AS t, count(*)::int AS n, ${hasVersion.has(n) ? 'coalesce(sum(x.version), 0)::text' : `'-'`} AS v, coalesce(sum(x.xmin::text::bigint), 0)::text AS h FROM "${n}" x`,
      )
      .join(' UNION ALL ')
  );
}

export type Fingerprint = Map<string, { n: number; v: string; h: string }>;

export async function fingerprint(t: TestApp, sql: string): Promise<Fingerprint> {
  const rows: { t: string; n: number; v: string; h: string }[] = await t.db.query(sql);
  return new Map(rows.map((r) => [r.t, { n: r.n, v: r.v, h: r.h }]));
}

export function diff(a: Fingerprint, b: Fingerprint): string[] {
  const out: string[] = [];
  for (const [k, x] of a) {
    const y = b.get(k);
    if (!y) continue;
    if (x.n !== y.n) out.push(`${k}: rows ${x.n}→${y.n}`);
    else if (x.v !== y.v) out.push(`${k}: version sum ${x.v}→${y.v}`);
    else if (x.h !== y.h) out.push(`${k}: content changed`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// One generated request per run

export interface Operation {
  method: string;
  /** OpenAPI path, e.g. /api/v1/cases/{id} */
  path: string;
  op: any;
}

export function operations(doc: OpenApiDoc): Operation[] {
  const out: Operation[] = [];
  for (const [path, ops] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(ops))
      if (['get', 'post', 'put', 'patch', 'delete'].includes(method)) out.push({ method, path, op });
  return out;
}

export interface FuzzRequest {
  actor: ActorName;
  mode: 'valid' | 'invalid-body' | 'invalid-query' | 'invalid-path';
  path: Record<string, { kind: IdKind; value: string }>;
  query: string;
  body?: unknown;
  raw?: string;
  mutation?: Mutation;
  where?: string;
  ifMatch?: string;
}

// If-Match for writes: usually a small version (records here are young), sometimes absent or hostile
const ifMatchArb = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 4 }).map((v) => `"${v}"`) },
  { weight: 1, arbitrary: fc.constantFrom(undefined, '*', 'W/"1"', '"99999999999"', '"-1"', 'garbage', '"1", "2"') },
);

const encodeQuery = (q: Record<string, string>) =>
  Object.entries(q)
    .map(([k, v]) => `${encodeLoose(k)}=${encodeLoose(v)}`)
    .join('&');

export function requestArb(ctx: GenContext, o: Operation, actors: ActorName[]): fc.Arbitrary<FuzzRequest> {
  const params: any[] = o.op.parameters ?? [];
  const pathParams = params.filter((p) => p.in === 'path');
  // a path segment the document forgot to describe is still generated (and reported separately)
  for (const m of o.path.matchAll(/\{(\w+)\}/g))
    if (!pathParams.some((p) => p.name === m[1])) pathParams.push({ name: m[1], in: 'path', schema: { type: 'string' } });
  const queryParams: QueryParam[] = params.filter((p) => p.in === 'query');
  const bodySchema = o.op.requestBody?.content?.['application/json']?.schema;
  const pathArb = fc.record(
    Object.fromEntries(pathParams.map((p) => [p.name, pathValueArb(ctx, p.name, p.schema ?? {})])) as Record<
      string,
      fc.Arbitrary<{ kind: IdKind; value: string }>
    >,
  );
  const knownPathArb = pathArb.filter((p) => Object.values(p).every((x) => x.kind !== 'malformed'));
  const actorArb = fc.constantFrom(...actors);
  const validBody = bodySchema ? validArb(ctx, bodySchema) : fc.constant(undefined);
  const valid = fc
    .record({ actor: actorArb, path: knownPathArb, query: validQueryArb(ctx, queryParams).map(encodeQuery), body: validBody })
    .map((r): FuzzRequest => ({ ...r, mode: 'valid' }));
  const arbs: fc.Arbitrary<FuzzRequest>[] = [valid, valid];
  if (bodySchema)
    arbs.push(
      fc
        .record({
          actor: actorArb,
          path: knownPathArb,
          query: validQueryArb(ctx, queryParams).map(encodeQuery),
          bad: invalidArb(ctx, bodySchema),
        })
        .map(({ bad, ...r }): FuzzRequest => ({
          ...r,
          mode: 'invalid-body',
          body: bad.value,
          raw: bad.raw,
          mutation: bad.mutation,
          where: bad.where,
        })),
    );
  else if (o.method !== 'get')
    // a body where none is expected: ignored or refused, never a 5xx
    arbs.push(
      fc
        .record({
          actor: actorArb,
          path: knownPathArb,
          query: fc.constant(''),
          body: fc.oneof(fc.constant({ status: 'approved' }), fc.constant([1]), fc.constant('x')),
        })
        .map((r): FuzzRequest => ({ ...r, mode: 'invalid-body', mutation: 'extra-property', where: '(body)' })),
    );
  if (queryParams.length)
    arbs.push(
      fc
        .record({ actor: actorArb, path: knownPathArb, q: invalidQueryArb(ctx, queryParams), body: validBody })
        .map(({ q, ...r }): FuzzRequest => ({ ...r, mode: 'invalid-query', query: q.query, where: q.where })),
    );
  if (pathParams.length)
    arbs.push(
      fc
        .record({ actor: actorArb, path: pathArb, query: fc.constant(''), body: validBody })
        .map((r): FuzzRequest => ({ ...r, mode: 'invalid-path' })),
    );
  return o.method === 'get' ? fc.oneof(...arbs) : fc.tuple(fc.oneof(...arbs), ifMatchArb).map(([r, ifMatch]) => ({ ...r, ifMatch }));
}

export function urlOf(o: Operation, r: FuzzRequest): string {
  const p = o.path.replace(/\{(\w+)\}/g, (_, n: string) => encodeLoose(r.path[n]?.value ?? 'x'));
  return r.query ? `${p}?${r.query}` : p;
}

export function describeRequest(o: Operation, r: FuzzRequest): string {
  const body = r.raw ?? (r.body === undefined ? '' : JSON.stringify(r.body));
  return `${o.method.toUpperCase()} ${urlOf(o, r)} as ${r.actor}${r.ifMatch ? ` If-Match: ${r.ifMatch}` : ''} [${r.mode}${r.mutation ? `/${r.mutation} at ${r.where}` : ''}] body=${body.length > 600 ? `${body.slice(0, 600)}…(${body.length} chars)` : body}`;
}

// ---------------------------------------------------------------------------------------------------------
// The checks

export interface Outcome {
  status: number;
  body: unknown;
  changes: string[];
}

export function check(conf: Conformance, o: Operation, r: FuzzRequest, out: Outcome): string[] {
  const problems: string[] = [];
  const { status } = out;
  if (status >= 500) problems.push(`${status} server error: ${JSON.stringify(out.body)}`);
  if (status >= 400) {
    if (!conf.error(out.body))
      problems.push(
        `error body does not match { statusCode, code, message, details? }: ${Conformance.describe(conf.error)} — ${JSON.stringify(out.body)}`,
      );
    else if ((out.body as { statusCode: number }).statusCode !== status)
      problems.push(`error body statusCode ${(out.body as { statusCode: number }).statusCode} differs from HTTP status ${status}`);
    else {
      // the code is one of the typed list, with the status that belongs to it, and the body matches the error
      // response documented for this status on this operation (`ErrorResponse<status>`, else `default`)
      const { code } = out.body as { code: string };
      if (!isErrorCode(code)) problems.push(`error code ${code} is not in the typed list (src/common/error-codes.ts)`);
      else if (statusOf(code) !== status) problems.push(`error code ${code} belongs to status ${statusOf(code)}, answered with ${status}`);
      const v = conf.validator(o.path, o.method, status);
      if (v === 'undocumented')
        problems.push(
          `status ${status} is not documented for this operation (documented: ${Object.keys(o.op.responses ?? {}).join(', ')})`,
        );
      else if (!v) problems.push(`status ${status} is documented without the error schema`);
      else if (!v(out.body)) problems.push(`${status} error body does not match the documented error response: ${Conformance.describe(v)}`);
    }
    if (out.changes.length) problems.push(`answered ${status} but the database changed (partial write): ${out.changes.join(', ')}`);
  } else if (status >= 200 && status < 300) {
    const v = conf.validator(o.path, o.method, status);
    if (v === 'undocumented')
      problems.push(`status ${status} is not documented for this operation (documented: ${Object.keys(o.op.responses ?? {}).join(', ')})`);
    else if (v && !v(out.body)) problems.push(`${status} body does not match the documented schema: ${Conformance.describe(v)}`);
    if (o.method === 'get' && out.changes.length) problems.push(`GET changed the database: ${out.changes.join(', ')}`);
    if (r.mode === 'invalid-body' && r.mutation && SCHEMA_INVALID.has(r.mutation) && r.where !== '(body)' && o.op.requestBody)
      problems.push(`accepted a body the schema refuses (${r.mutation} at ${r.where}) with ${status}`);
    if (r.mode === 'invalid-body' && r.mutation === 'proto-pollution')
      problems.push(`accepted a body with a ${r.where} key with ${status}`);
    if (r.mode === 'invalid-path' && Object.values(r.path).some((p) => p.kind === 'malformed'))
      problems.push(`accepted a malformed path id with ${status}`);
    const audit = out.changes.find((c) => c.startsWith('audit_log:'));
    // sign-in's sessions and tokens are not audited state; nor is the security mail a registration on a taken
    // e-mail queues for its owner (anonymous callers must not grow the audit trail)
    const unaudited = (c: string) =>
      c.startsWith('sessions:') ||
      c.startsWith('refresh_tokens:') ||
      (o.path === '/api/v1/auth/register' && c.startsWith('notifications:'));
    const other = out.changes.filter((c) => !c.startsWith('audit_log:') && !unaudited(c));
    if (other.length && !audit) problems.push(`a write without an audit row: ${other.join(', ')}`);
    if (audit && !/rows (\d+)→(\d+)/.test(audit)) problems.push(`audit_log changed in place: ${audit}`);
    const m = audit?.match(/rows (\d+)→(\d+)/);
    if (m && Number(m[2]) - Number(m[1]) !== 1) problems.push(`${Number(m[2]) - Number(m[1])} audit rows for one request`);
  } else {
    problems.push(`unexpected status ${status}`);
  }
  return problems;
}

export { TEST_PASSWORD };
