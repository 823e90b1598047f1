import fc from 'fast-check';
import { buildOpenApi } from '../../src/app.factory';
import { createTestApp, type TestApp } from '../support/test-app';
import type { GenContext, OpenApiDoc } from './arbitraries';
import { Conformance } from './conformance';
import {
  ACTORS,
  type ActorName,
  buildWorld,
  check,
  collectIds,
  collectionOf,
  idsFor,
  describeRequest,
  diff,
  type Fingerprint,
  fingerprint,
  fingerprintSql,
  FUZZ_RUNS,
  FUZZ_SEED,
  type FuzzRequest,
  type Operation,
  operations,
  requestArb,
  TEST_PASSWORD,
  urlOf,
  type World,
} from './fuzz-support';

// Property-based fuzzing of every operation in the OpenAPI document: valid and invalid bodies, queries and
// path ids, as five kinds of caller. Each request must answer < 500, conform to the documented schema of its
// status (errors: { statusCode, code, message, details? }), and leave the database untouched when refused.
// FUZZ_RUNS (default 10) per operation; FUZZ_SEED to replay (each operation uses FUZZ_SEED + its index).

let t: TestApp;
let doc: OpenApiDoc;
let conf: Conformance;
let world: World;
let fpSql: string;
const ops: Operation[] = [];
/** statuses seen per operation, printed at the end: how deep the fuzzing got */
const seen = new Map<string, Map<number, number>>();

// The document is built from the controllers, so it exists only once the app does, after jest has collected
// the tests: one test per index up to a bound, each naming its operation in its failure message.
const MAX_OPS = 300; // room to grow: the test below fails when the API outgrows it, so no operation goes unfuzzed
const timing = { fingerprint: 0, request: 0, n: 0 };
let lastFp: Fingerprint | undefined;

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_RATE_LIMIT: '100000', SIGN_IN_LIMIT: '10000', SIGN_IN_IP_LIMIT: '100000' });
  doc = buildOpenApi(t.app) as unknown as OpenApiDoc;
  conf = new Conformance(doc);
  ops.push(...operations(doc));
  world = await buildWorld(t);
  fpSql = await fingerprintSql(t);
  process.stdout.write(`fuzz: ${ops.length} operations × ${FUZZ_RUNS} runs, FUZZ_SEED=${FUZZ_SEED}\n`);
}, 120_000);

afterAll(async () => {
  if (process.env.FUZZ_SUMMARY !== '0' && seen.size)
    process.stdout.write(
      `fuzz statuses per operation (FUZZ_SEED=${FUZZ_SEED}):\n${[...seen]
        .map(
          ([n, c]) =>
            `  ${n.padEnd(70)} ${[...c]
              .sort((a, b) => a[0] - b[0])
              .map(([s, k]) => `${s}×${k}`)
              .join(' ')}`,
        )
        .join('\n')}\n`,
    );
  if (timing.n)
    process.stdout.write(
      `fuzz: ${timing.n} requests, ${Math.round(timing.request / timing.n)} ms per request, ${Math.round(timing.fingerprint / timing.n)} ms per pair of fingerprints\n`,
    );
  await t?.close();
});

function ctxFor(o: Operation): GenContext {
  // admin routes on users never target the actors themselves (disabling one would end the fuzzing session)
  const excludeActors = o.path.startsWith('/api/v1/users/');
  const keep = (id: string) => !excludeActors || !world.actorIds.has(id);
  return { doc, idPool: () => [...world.ids].filter(keep), idsFor: (name) => idsFor(world, o.path, name).filter(keep) };
}

async function send(o: Operation, r: FuzzRequest): Promise<{ status: number; body: unknown }> {
  const headers: Record<string, string> = {};
  if (r.actor !== 'anonymous') {
    let token = world.actors[r.actor].token;
    if (o.path === '/api/v1/auth/sign-out') {
      // a session of its own, so that signing out does not end the actor's
      const res = await t
        .http()
        .post('/api/v1/auth/sign-in')
        .send({ email: world.actors[r.actor].email, password: TEST_PASSWORD })
        .expect(200);
      token = res.body.accessToken;
    }
    headers.Authorization = `Bearer ${token}`;
  }
  if (r.ifMatch !== undefined) headers['If-Match'] = r.ifMatch;
  const req = (t.http() as unknown as Record<string, (u: string) => import('supertest').Test>)[o.method](urlOf(o, r)).set(headers);
  const res =
    r.raw !== undefined
      ? await req.set('Content-Type', 'application/json').send(r.raw)
      : r.body !== undefined
        ? await req.send(r.body as object)
        : await req;
  return { status: res.status, body: res.body };
}

describe('fuzzing every operation of the OpenAPI document', () => {
  it('covers every operation', () => {
    expect(ops.length).toBeGreaterThan(50);
    expect(ops.length).toBeLessThanOrEqual(MAX_OPS);
  });

  it.each(Array.from({ length: MAX_OPS }, (_, i) => i))('operation #%i', async (i) => {
    const o = ops[i];
    if (!o || (process.env.FUZZ_ONLY && !new RegExp(process.env.FUZZ_ONLY).test(`${o.method.toUpperCase()} ${o.path}`))) return;
    const name = `${o.method.toUpperCase()} ${o.path}`;
    const counts = new Map<number, number>();
    seen.set(name, counts);
    const seed = FUZZ_SEED + i;
    // public operations are documented with `security: []`
    const actors: ActorName[] = !o.op.security?.length && !o.op.responses?.['401'] ? ['anonymous', 'trainee', 'admin'] : ACTORS;
    let last = '';
    let failure = '';
    lastFp = undefined;
    try {
      await fc.assert(
        fc.asyncProperty(requestArb(ctxFor(o), o, actors), async (r) => {
          const t0 = performance.now();
          // the state after one request is the state before the next (nothing else writes in between)
          const before = lastFp ?? (await fingerprint(t, fpSql));
          const t1 = performance.now();
          const res = await send(o, r);
          const t2 = performance.now();
          counts.set(res.status, (counts.get(res.status) ?? 0) + 1);
          const after = await fingerprint(t, fpSql);
          lastFp = o.path === '/api/v1/auth/sign-out' ? undefined : after;
          timing.fingerprint += t1 - t0 + (performance.now() - t2);
          timing.request += t2 - t1;
          timing.n++;
          const changes = diff(before, after).filter(
            (c) => !(o.path === '/api/v1/auth/sign-out' && /^(sessions|refresh_tokens|audit_log):/.test(c)),
          );
          if (res.status >= 200 && res.status < 300) collectIds(res.body, world, collectionOf(o.path));
          const problems = check(conf, o, r, { status: res.status, body: res.body, changes });
          last = `${describeRequest(o, r)}\n  → ${res.status} ${JSON.stringify(res.body).slice(0, 400)}`;
          if (problems.length) {
            failure = `${problems.join('\n')}\n${last}`;
            throw new Error(failure);
          }
        }),
        { numRuns: FUZZ_RUNS, seed, endOnFailure: !process.env.FUZZ_SHRINK, verbose: 0 },
      );
    } catch (e) {
      throw new Error(
        `${name} failed (FUZZ_SEED=${FUZZ_SEED}, operation seed ${seed}):\n${failure || `${(e as Error).message.slice(0, 2000)}\ncause: ${String((e as Error).cause instanceof Error ? ((e as Error).cause as Error).stack : (e as Error).cause)}`}${failure ? '' : `\nlast request: ${last}`}`,
      );
    }
  });
});
