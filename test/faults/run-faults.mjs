// Fault scripts (not part of jest: slow and destructive). Each scenario gets its own private PostgreSQL
// cluster (cluster.mjs) and runs the built service as a child process. Usage:
//   npm run test:faults                 # all: db-restart, db-stall, sigterm, rolling-restart (needs nginx)
//   node test/faults/run-faults.mjs db-stall   (after a build; FAULTS_BUILD_DIR picks the build, default .build-faults)
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import pg from 'pg';
import { createCluster, freePort } from './cluster.mjs';
import { nginxBinary, startNginx } from './nginx.mjs';
import { signIn, sleep, startService } from './service.mjs';

const BUILD = resolve(process.env.FAULTS_BUILD_DIR ?? '.build-faults');
const STATEMENT_TIMEOUT_MS = 2000;
const CONNECT_TIMEOUT_MS = 1000;
const results = {};
let failed = false;
const check = (ok, what) => {
  console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failed = true;
};

async function withSetup(name, env, fn) {
  console.log(`\n== ${name}`);
  const cluster = await createCluster();
  let svc;
  try {
    svc = await startService(BUILD, cluster.url, await freePort(), {
      DB_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS),
      DB_CONNECT_TIMEOUT_MS: String(CONNECT_TIMEOUT_MS),
      ...env,
    });
    const token = await signIn(svc.base);
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const parent = await post(svc.base, auth, {
      code: `INTL-${randomUUID().slice(0, 6).toUpperCase()}`,
      name: 'International',
      kind: 'international',
    });
    if (parent.status !== 201) throw new Error(`setup: ${parent.status} ${JSON.stringify(parent.body)}`);
    await fn({ cluster, svc, auth, parentId: parent.body.id });
  } finally {
    if (svc && svc.child.exitCode === null) svc.child.kill('SIGKILL');
    cluster.destroy();
  }
}

async function post(base, headers, body, key) {
  const started = Date.now();
  try {
    const res = await fetch(`${base}/api/v1/bodies`, {
      method: 'POST',
      headers: key ? { ...headers, 'idempotency-key': key } : headers,
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    return {
      status: res.status,
      body: text ? JSON.parse(text) : null,
      retryAfter: res.headers.get('retry-after'),
      ms: Date.now() - started,
    };
  } catch (err) {
    return { status: 0, error: err.cause?.code ?? err.name, ms: Date.now() - started };
  }
}

async function dbQuery(url, sql, params) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql, params)).rows;
  } finally {
    await c.end();
  }
}

// (a) PostgreSQL stopped (immediate) mid-load and started again; clients retry with the same Idempotency-Key.
async function dbRestart() {
  await withSetup(
    'db-restart: pg_ctl stop -m immediate under write load, restart after 5 s',
    { IDEMPOTENCY_IN_FLIGHT_TIMEOUT_SECONDS: '5' },
    async ({ cluster, svc, auth }) => {
      const acked = [];
      const statuses = {};
      let unavailableWithoutRetryAfter = 0;
      let stopAt = 0;
      let startedAgainAt = 0;
      let firstOkAfterRestart = 0;
      let stopLoad = false;
      const client = async (n) => {
        for (let i = 0; !stopLoad; i++) {
          const code = `F${n}-${i}-${randomUUID().slice(0, 8)}`.toUpperCase();
          const key = randomUUID();
          const deadline = Date.now() + 60_000;
          for (;;) {
            const r = await post(svc.base, auth, { code, name: `Fault body ${code}`, kind: 'international' }, key);
            statuses[r.status] = (statuses[r.status] ?? 0) + 1;
            if (r.status === 503 && !r.retryAfter) unavailableWithoutRetryAfter++;
            if (r.status === 201) {
              acked.push(code);
              if (startedAgainAt && !firstOkAfterRestart) firstOkAfterRestart = Date.now();
              break;
            }
            if (Date.now() > deadline) break;
            await sleep(r.status === 409 ? 500 : 200);
          }
        }
      };
      const clients = Array.from({ length: 8 }, (_, n) => client(n));
      await sleep(3000);
      stopAt = Date.now();
      cluster.stopImmediate();
      await sleep(1000);
      const during = await fetch(`${svc.base}/health/ready`)
        .then((r) => r.status)
        .catch(() => 0);
      const live = await fetch(`${svc.base}/health/live`)
        .then((r) => r.status)
        .catch(() => 0);
      await sleep(4000);
      cluster.start();
      startedAgainAt = Date.now();
      await sleep(6000);
      stopLoad = true;
      await Promise.all(clients);
      const rows = await dbQuery(cluster.url, `SELECT code, count(*)::int AS n FROM bodies WHERE code = ANY($1) GROUP BY code`, [acked]);
      const counts = new Map(rows.map((r) => [r.code, r.n]));
      const missing = acked.filter((c) => !counts.has(c)).length;
      const duplicated = rows.filter((r) => r.n > 1).length;
      const allFault = await dbQuery(
        cluster.url,
        `SELECT count(*)::int AS n FROM bodies WHERE code LIKE 'F%' AND kind = 'international'`,
        [],
      );
      const r = {
        acknowledged: acked.length,
        missing,
        duplicated,
        rowsTotal: allFault[0].n,
        statuses,
        unavailableWithoutRetryAfter,
        readyDuringOutage: during,
        liveDuringOutage: live,
        recoveryMsAfterRestart: firstOkAfterRestart ? firstOkAfterRestart - startedAgainAt : null,
        outageMs: startedAgainAt - stopAt,
        serviceAlive: svc.child.exitCode === null,
      };
      results.dbRestart = r;
      console.log(JSON.stringify(r));
      check(missing === 0, 'every acknowledged write is present');
      check(duplicated === 0 && allFault[0].n === acked.length, 'exactly once: no duplicates, no unacknowledged extra rows');
      check((statuses[503] ?? 0) > 0 && unavailableWithoutRetryAfter === 0, '503 with Retry-After during the outage');
      check(!statuses[500], 'never 500');
      check(during === 503 && live === 200, 'readiness 503, liveness 200 during the outage');
      check(r.recoveryMsAfterRestart !== null && r.recoveryMsAfterRestart < 10_000, 'recovers by itself within seconds');
      check(r.serviceAlive, 'the process survived');
    },
  );
}

// (b) PostgreSQL stalled (SIGSTOP on the postmaster and every backend) for 8 s.
async function dbStall() {
  await withSetup('db-stall: SIGSTOP postgres for 8 s under load', {}, async ({ cluster, svc, auth }) => {
    // warm the pool
    await Promise.all(Array.from({ length: 5 }, () => fetch(`${svc.base}/api/v1/bodies`)));
    const pids = cluster.pids();
    for (const pid of pids) process.kill(pid, 'SIGSTOP');
    const stalledAt = Date.now();
    const reads = Array.from({ length: 10 }, async () => {
      const s = Date.now();
      try {
        const res = await fetch(`${svc.base}/api/v1/bodies`, { signal: AbortSignal.timeout(30_000) });
        return { status: res.status, ms: Date.now() - s, retryAfter: res.headers.get('retry-after') };
      } catch (err) {
        return { status: 0, ms: Date.now() - s, error: err.name };
      }
    });
    const writes = Array.from({ length: 5 }, (_, i) =>
      post(
        svc.base,
        auth,
        { code: `S${i}-${randomUUID().slice(0, 8)}`.toUpperCase(), name: 'Stall body', kind: 'international' },
        randomUUID(),
      ),
    );
    const ready = (async () => {
      const s = Date.now();
      const res = await fetch(`${svc.base}/health/ready`).catch(() => ({ status: 0 }));
      return { status: res.status, ms: Date.now() - s };
    })();
    const answered = [...(await Promise.all(reads)), ...(await Promise.all(writes))];
    const readyAnswer = await ready;
    const wait = 8000 - (Date.now() - stalledAt);
    if (wait > 0) await sleep(wait);
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGCONT');
      } catch {
        /* gone */
      }
    }
    const resumedAt = Date.now();
    let recoveredMs = null;
    while (Date.now() - resumedAt < 15_000) {
      const res = await fetch(`${svc.base}/api/v1/bodies`).catch(() => ({ status: 0 }));
      if (res.status === 200) {
        recoveredMs = Date.now() - resumedAt;
        break;
      }
      await sleep(100);
    }
    const maxMs = Math.max(...answered.map((a) => a.ms));
    const statuses = {};
    for (const a of answered) statuses[a.status] = (statuses[a.status] ?? 0) + 1;
    const bound = STATEMENT_TIMEOUT_MS + 1000 + CONNECT_TIMEOUT_MS + 500;
    const r = {
      requests: answered.length,
      statuses,
      maxMs,
      bound,
      readyDuringStall: readyAnswer,
      recoveredMsAfterSigcont: recoveredMs,
      serviceAlive: svc.child.exitCode === null,
    };
    results.dbStall = r;
    console.log(JSON.stringify(r));
    check(
      answered.every((a) => a.status === 503 && a.retryAfter),
      'every request answered 503 with Retry-After',
    );
    check(maxMs <= bound, `within the configured bound (${maxMs} ms ≤ ${bound} ms)`);
    check(readyAnswer.status === 503, 'readiness 503 during the stall');
    check(recoveredMs !== null && recoveredMs < 10_000, 'recovers after SIGCONT');
  });
}

// (c) SIGTERM under load: in-flight requests finish, no accepted request is reset, exit 0.
async function sigterm() {
  await withSetup('sigterm: SIGTERM under load', { SHUTDOWN_GRACE_MS: '1000' }, async ({ svc, auth }) => {
    let stop = false;
    const outcomes = { ok: 0, 503: 0, refused: 0, reset: 0, other: {} };
    const client = async (n) => {
      for (let i = 0; !stop; i++) {
        const r = await post(
          svc.base,
          { ...auth, connection: n % 2 ? 'close' : 'keep-alive' },
          { code: `T${n}-${i}-${randomUUID().slice(0, 6)}`.toUpperCase(), name: 'Term body', kind: 'international' },
          randomUUID(),
        );
        if (r.status === 201) outcomes.ok++;
        else if (r.status === 503) {
          // a well-behaved client (or a load balancer) backs off as told
          outcomes['503']++;
          await sleep(Number(r.retryAfter ?? 1) * 1000);
        } else if (r.status === 0 && r.error === 'ECONNREFUSED') {
          outcomes.refused++;
          await sleep(100);
        } else if (r.status === 0) {
          outcomes.reset++;
          outcomes.resetErrors = [...(outcomes.resetErrors ?? []), r.error];
        } else outcomes.other[r.status] = (outcomes.other[r.status] ?? 0) + 1;
      }
    };
    const clients = Array.from({ length: 10 }, (_, n) => client(n));
    await sleep(2000);
    const termAt = Date.now();
    svc.child.kill('SIGTERM');
    const exit = await svc.exited;
    const exitMs = Date.now() - termAt;
    await sleep(300);
    stop = true;
    await Promise.all(clients);
    const r = { ...outcomes, exitCode: exit.code, exitSignal: exit.signal, exitMs };
    results.sigterm = r;
    console.log(JSON.stringify(r));
    check(exit.code === 0, 'exit code 0');
    check(outcomes.reset === 0, 'no accepted request was reset');
    check(Object.keys(outcomes.other).length === 0, 'no unexpected status');
    check(exitMs < 10_000, `exited within 10 s (${exitMs} ms)`);
  });
}

// (d) A rolling restart behind the load balancer: two replicas behind nginx (the directives of docker/nginx.conf),
// one gets SIGTERM under mixed read/write load. No request may fail: reads that meet the stopping replica's 503
// are retried by nginx on the other; writes get 503 + Retry-After and the client retries with the same key.
async function rollingRestart() {
  if (!nginxBinary()) {
    console.log('\n== rolling-restart: skipped (no nginx binary; apt-get install nginx-light)');
    results.rollingRestart = 'skipped: no nginx';
    return;
  }
  await withSetup(
    'rolling-restart: SIGTERM to one of two replicas behind nginx',
    { SHUTDOWN_GRACE_MS: '1000' },
    async ({ cluster, svc, auth }) => {
      const other = await startService(BUILD, cluster.url, await freePort(), {
        DB_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS),
        DB_CONNECT_TIMEOUT_MS: String(CONNECT_TIMEOUT_MS),
      });
      const lb = await startNginx(await freePort(), [Number(new URL(svc.base).port), Number(new URL(other.base).port)]);
      try {
        let stop = false;
        const acked = [];
        const out = { writes: {}, reads: {}, writeRetriesAfter503: 0, failures: [] };
        const bump = (o, k) => (o[k] = (o[k] ?? 0) + 1);
        const writer = async (n) => {
          for (let i = 0; !stop; i++) {
            const code = `R${n}-${i}-${randomUUID().slice(0, 6)}`.toUpperCase();
            const key = randomUUID();
            for (;;) {
              const r = await post(lb.base, auth, { code, name: 'Rolling body', kind: 'international' }, key);
              bump(out.writes, r.status || r.error);
              if (r.status === 201) {
                acked.push(code);
                break;
              }
              if (r.status !== 503) out.failures.push(`write ${r.status || r.error}`);
              out.writeRetriesAfter503 += r.status === 503 ? 1 : 0;
              await sleep(r.status === 503 ? Number(r.retryAfter ?? 1) * 1000 : 200);
            }
          }
        };
        const reader = async () => {
          while (!stop) {
            try {
              const res = await fetch(`${lb.base}/api/v1/bodies`, { headers: auth, signal: AbortSignal.timeout(30_000) });
              await res.arrayBuffer();
              bump(out.reads, res.status);
              if (res.status !== 200) out.failures.push(`read ${res.status}`);
            } catch (err) {
              bump(out.reads, err.cause?.code ?? err.name);
              out.failures.push(`read ${err.cause?.code ?? err.name}`);
            }
          }
        };
        const load = [...Array.from({ length: 5 }, (_, n) => writer(n)), ...Array.from({ length: 5 }, () => reader())];
        await sleep(2000);
        const termAt = Date.now();
        svc.child.kill('SIGTERM');
        const exit = await svc.exited;
        const exitMs = Date.now() - termAt;
        await sleep(2000); // the other replica carries on alone
        stop = true;
        await Promise.all(load);
        const rows = await dbQuery(cluster.url, `SELECT code, count(*)::int AS n FROM bodies WHERE code = ANY($1) GROUP BY code`, [acked]);
        const duplicated = rows.filter((r) => r.n !== 1).length;
        const missing = acked.length - rows.length;
        const r = {
          ...out,
          failures: out.failures.slice(0, 10),
          failureCount: out.failures.length,
          acknowledged: acked.length,
          missing,
          duplicated,
          exitCode: exit.code,
          exitMs,
        };
        results.rollingRestart = r;
        console.log(JSON.stringify(r));
        check(exit.code === 0, 'the stopped replica exited 0');
        check(out.failures.length === 0, 'no request failed (no reset, no 502/504, no 5xx other than a 503 the client retried)');
        check(missing === 0 && duplicated === 0, `every acknowledged write present exactly once (${acked.length})`);
      } finally {
        await lb.stop();
        if (other.child.exitCode === null) other.child.kill('SIGKILL');
      }
    },
  );
}

const scenarios = { 'db-restart': dbRestart, 'db-stall': dbStall, sigterm, 'rolling-restart': rollingRestart };
const chosen = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(scenarios);
for (const name of chosen) {
  if (!scenarios[name]) throw new Error(`unknown scenario ${name}; one of ${Object.keys(scenarios).join(', ')}`);
  await scenarios[name]();
}
console.log(`\n${failed ? 'FAILED' : 'PASSED'}: ${JSON.stringify(results)}`);
process.exit(failed ? 1 : 0);
