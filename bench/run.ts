// npm run bench [-- --scale=small|default|<factor>] [--rounds=3] [--duration=5] [--connections=10]
//               [--fixed-duration=15] [--soak=600] [--cpu-prof] [--import-rows=100000]
// BENCH_PARTS=imports,certificate,whatif runs only those parts (bench/extra-parts.ts).
// DATABASE_URL (required) names a dedicated database, e.g. postgres://postgres@127.0.0.1:5432/ipt_bench;
// BENCH_RESET=1 drops and regenerates it. See README "Performance".
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { prepareDatabase } from './database';
import { type Endpoint, endpoints } from './endpoints';
import { partsFromEnv, runExtraParts, type ExtraResults } from './extra-parts';
import { loadFixtures, refreshTokens } from './fixtures';
import { countQueries, startInProcess } from './inprocess';
import { run, type RunResult } from './load';
import { progressGrowth } from './progress-bench';
import { installQueryCounter } from './query-counter';
import { buildDir, rssMb, serviceEnv, startProcess, stopProcess, type Running } from './service';
import { fmt, median, parseArgs, scaleFrom, sleep, table } from './util';

const SERVICE_PORT = 3900,
  BASELINE_PORT = 3901;

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error(
      'DATABASE_URL is required: a dedicated PostgreSQL database for the bench, e.g.\n  DATABASE_URL=postgres://postgres@127.0.0.1:5432/ipt_bench npm run bench -- --scale=small',
    );
    process.exit(2);
  }
  const scale = scaleFrom(args.scale, process.env);
  const rounds = Number(args.rounds ?? 3),
    duration = Number(args.duration ?? 5),
    connections = Number(args.connections ?? 10);
  const fixedDuration = Number(args['fixed-duration'] ?? 15),
    soak = Number(args.soak ?? 0);
  const started = Date.now();
  const machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    memGb: +(totalmem() / 2 ** 30).toFixed(1),
    node: process.version,
    loadavgAtStart: loadavg().map((x) => +x.toFixed(2)),
  };
  console.log(
    `IPT bench — scale ${scale.name}: ${JSON.stringify(scale)}; ${rounds} rounds × ${duration} s × ${connections} connections; ${machine.cpus} CPUs, load average ${machine.loadavgAtStart.join(' ')}`,
  );

  const generated = await prepareDatabase(databaseUrl, scale, process.env.BENCH_RESET === '1');
  if (!generated) console.log('data set: reused (generated earlier at this scale; BENCH_RESET=1 to regenerate)');

  const db = new Pool({ connectionString: databaseUrl, max: 3, application_name: 'ipt-bench' });
  const env = serviceEnv(databaseUrl, SERVICE_PORT);
  const procs: Running[] = [];
  const cleanup = async () => {
    for (const p of procs) await stopProcess(p);
  };
  process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));
  try {
    const nodeArgs = args['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${join(__dirname, '..', '..', 'bench', 'results')}`] : [];
    const service = await startProcess(join(buildDir, 'src', 'main.js'), env, SERVICE_PORT, '/health/ready', nodeArgs);
    procs.push(service);
    const baseline = await startProcess(
      join(buildDir, 'bench', 'baseline-server.js'),
      { ...env, PORT: String(BASELINE_PORT) },
      BASELINE_PORT,
      '/health/ready',
    );
    procs.push(baseline);
    const targets = { service: service.baseUrl, baseline: baseline.baseUrl };
    const extraOpts = { connections, duration, fixedDuration, importRows: Number(args['import-rows'] ?? 100_000), env };
    const only = partsFromEnv(process.env);
    if (only) {
      const extra = await runExtraParts(only, db, { baseUrl: service.baseUrl, pid: service.pid }, extraOpts);
      const dir = join(__dirname, '..', '..', 'bench', 'results');
      mkdirSync(dir, { recursive: true });
      const file = join(dir, `parts-${new Date(started).toISOString().replace(/[:.]/g, '-')}.json`);
      writeFileSync(file, JSON.stringify({ startedAt: new Date(started).toISOString(), machine, scale, parts: only, ...extra }, null, 2));
      console.log(`results: ${file}`);
      return;
    }

    process.stdout.write('signing in the token pool… ');
    const f = await loadFixtures(db, service.baseUrl, {
      trainees: Math.min(200, scale.trainees),
      supervisors: Math.min(20, scale.supervisors),
    });
    console.log(`${f.trainees.length} trainees, ${f.supervisors.length} supervisors, ${f.slots.size} draft cases for writes`);
    const eps = endpoints(f);

    // 1. statements per request (service: in-process instance with pg's Client#query wrapped; baseline: its own counter)
    console.log('counting statements per request and timing the progress report in-process…');
    installQueryCounter();
    const app = await startInProcess({ ...env, DB_POOL_SIZE: '4' });
    const counts: Record<string, { service: number; baseline: number; sample: string[]; statuses: number[] }> = {};
    for (const e of eps) {
      const c = await countQueries(app, e, 5);
      counts[e.name] = {
        service: c.perRequest,
        baseline: await baselineStatements(baseline.baseUrl, e, 5),
        sample: c.sample,
        statuses: c.statuses,
      };
    }
    const growth = await progressGrowth(app);
    await app.close();

    // 2. throughput, interleaved: every round runs each endpoint on both targets, alternating which goes first
    await refreshTokens(f, service.baseUrl, db);
    const prep = async (e: Endpoint) => {
      // a write still in flight when the previous run stopped may commit after a sync: let it land first
      if (e.kind === 'write') await sleep(1500).then(() => f.slots.sync());
      if (e.name.startsWith('GET /register') || e.name.startsWith('GET /verify')) await db.query(`DELETE FROM rate_limits`);
    };
    console.log('warming up…');
    for (const e of eps)
      for (const url of Object.values(targets)) {
        await prep(e);
        await run(url, e, { connections, duration: 2 });
      }
    const runs: Record<string, { service: RunResult[]; baseline: RunResult[] }> = Object.fromEntries(
      eps.map((e) => [e.name, { service: [], baseline: [] }]),
    );
    for (let r = 0; r < rounds; r++) {
      for (const e of eps) {
        const order = (r + eps.indexOf(e)) % 2 === 0 ? (['service', 'baseline'] as const) : (['baseline', 'service'] as const);
        for (const t of order) {
          await refreshTokens(f, service.baseUrl, db);
          await prep(e);
          const res = await run(targets[t], e, { connections, duration });
          runs[e.name][t].push(res);
          console.log(
            `round ${r + 1}/${rounds}  ${e.name.padEnd(30)} ${t.padEnd(8)} ${fmt(res.rps2xx).padStart(6)} 2xx/s  p50 ${res.p50} ms  p99 ${res.p99} ms${res.non2xx ? `  non-2xx ${JSON.stringify(res.statuses)}` : ''}${res.errors ? `  errors ${res.errors}` : ''}`,
          );
        }
      }
    }
    const rssUnderLoad = { service: rssMb(service.pid), baseline: rssMb(baseline.pid) };

    // 3. latency at a fixed rate: half the service's own measured maximum, open loop, both targets
    const fixed: Record<string, { rate: number; service: RunResult; baseline: RunResult }> = {};
    for (const name of ['GET /cases/:id', 'POST /cases/:id/sessions']) {
      const e = eps.find((x) => x.name === name)!;
      const rate = Math.max(1, Math.round(median(runs[name].service.map((x) => x.rps2xx)) / 2));
      const res: Partial<Record<'service' | 'baseline', RunResult>> = {};
      for (const t of ['service', 'baseline'] as const) {
        await refreshTokens(f, service.baseUrl, db);
        await prep(e);
        res[t] = await run(targets[t], e, { connections, duration: fixedDuration, overallRate: rate });
      }
      fixed[name] = { rate, service: res.service!, baseline: res.baseline! };
      console.log(`fixed ${rate}/s  ${name.padEnd(28)} p99 service ${res.service!.p99} ms, baseline ${res.baseline!.p99} ms`);
    }

    // 3b. import throughput vs a plain INSERT floor, and the certificate PDF at half its max rate (bench/extra-parts.ts)
    const extra: ExtraResults = await runExtraParts(
      ['imports', 'certificate', 'whatif'],
      db,
      { baseUrl: service.baseUrl, pid: service.pid },
      extraOpts,
    );

    // 4. optional soak: RSS every 10 s at half the max rate of the case read
    let soakResult: { seconds: number; rate: number; samplesMb: number[]; growthPercent: number } | null = null;
    if (soak > 0) {
      const e = eps.find((x) => x.name === 'GET /cases/:id')!;
      const rate = Math.max(1, Math.round(median(runs[e.name].service.map((x) => x.rps2xx)) / 2));
      const samplesMb: number[] = [rssMb(service.pid)];
      const end = Date.now() + soak * 1000;
      console.log(`soak: ${soak} s at ${rate}/s on ${e.name}, RSS every 10 s`);
      while (Date.now() < end) {
        await refreshTokens(f, service.baseUrl, db);
        await run(service.baseUrl, e, { connections, duration: Math.min(10, Math.ceil((end - Date.now()) / 1000)), overallRate: rate });
        samplesMb.push(rssMb(service.pid));
        process.stdout.write(`\rsoak RSS ${samplesMb.map((x) => x.toFixed(0)).join(' ')} MB`);
      }
      process.stdout.write('\n');
      // growth from the first sample under load (after warm-up) to the median of the last three
      const first = samplesMb[1] ?? samplesMb[0];
      const last = median(samplesMb.slice(-3));
      soakResult = { seconds: soak, rate, samplesMb, growthPercent: ((last - first) / first) * 100 };
    }

    const summary = eps.map((e) => {
      const s = runs[e.name].service,
        b = runs[e.name].baseline;
      const ratios = s.map((x, i) => x.rps2xx / b[i].rps2xx);
      return {
        endpoint: e.name,
        serviceRps: median(s.map((x) => x.rps2xx)),
        serviceP50: median(s.map((x) => x.p50)),
        serviceP99: median(s.map((x) => x.p99)),
        baselineRps: median(b.map((x) => x.rps2xx)),
        baselineP50: median(b.map((x) => x.p50)),
        baselineP99: median(b.map((x) => x.p99)),
        ratio: median(ratios),
        ratios,
        statementsService: counts[e.name].service,
        statementsBaseline: counts[e.name].baseline,
        serviceNon2xx: s.reduce((a, x) => a + x.non2xx, 0),
        baselineNon2xx: b.reduce((a, x) => a + x.non2xx, 0),
      };
    });
    const results = {
      startedAt: new Date(started).toISOString(),
      minutes: +((Date.now() - started) / 60000).toFixed(1),
      machine: { ...machine, loadavgAtEnd: loadavg().map((x) => +x.toFixed(2)) },
      scale,
      generation: generated ?? 'reused',
      settings: {
        rounds,
        duration,
        connections,
        fixedDuration,
        poolSize: 10,
        tokenPool: { trainees: f.trainees.length, supervisors: f.supervisors.length },
      },
      method: {
        throughput:
          'autocannon (programmatic), closed loop, 2xx responses per second; service and baseline interleaved per round, first target alternating; median of rounds; ratio = median of per-round service/baseline',
        statements:
          'service: an in-process instance (createApp, compiled) with pg Client#query wrapped, 5 sequential requests after a warm-up; baseline: its own statement counter read before/after 5 requests',
        write:
          'each request takes a free draft case (no other connection uses it), sends If-Match with its current version and the next session number; 2xx advances the version from the ETag; slots are re-read from the database before every run. All requests are valid, so non-2xx should be 0',
        fixedRate: 'open loop (autocannon overallRate) at half the service median max rate, same rate for the baseline',
      },
      summary,
      runs,
      statements: counts,
      progressGrowth: growth,
      fixedRate: fixed,
      rssMb: { underLoad: rssUnderLoad },
      soak: soakResult,
      extra,
      writeSlots: { invalidResponses: f.slots.invalid, cap: f.slots.cap },
    };
    const dir = join(__dirname, '..', '..', 'bench', 'results');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${new Date(started).toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, JSON.stringify(results, null, 2));

    console.log(
      `\nThroughput (median of ${rounds} interleaved rounds, ${connections} connections, ${duration} s each; noisy shared 2-core machine — read the ratios)`,
    );
    console.log(
      table(
        ['endpoint', 'service req/s', 'p50/p99 ms', 'baseline req/s', 'p50/p99 ms', 'service ÷ baseline', 'statements svc/base'],
        summary.map((s) => [
          s.endpoint,
          fmt(s.serviceRps),
          `${fmt(s.serviceP50)}/${fmt(s.serviceP99)}`,
          fmt(s.baselineRps),
          `${fmt(s.baselineP50)}/${fmt(s.baselineP99)}`,
          fmt(s.ratio, 2),
          `${fmt(s.statementsService, 1)}/${fmt(s.statementsBaseline, 1)}`,
        ]),
      ),
    );
    console.log('\nProgress report as the record grows (in-process, level B of the UK-style scheme; target < 50 ms at 50 cases)');
    console.log(
      table(
        ['cases', 'sessions', 'ratings', 'evaluate median (p95) ms', 'load ms', 'pure evaluateLevel ms', 'load statements'],
        growth.map((g) => [
          g.cases,
          g.sessions,
          g.ratings,
          `${fmt(g.evaluateMs, 1)} (${fmt(g.evaluateP95Ms, 1)})`,
          fmt(g.loadMs, 1),
          fmt(g.pureMs, 2),
          g.loadStatements,
        ]),
      ),
    );
    console.log('\nLatency at half the service max rate (open loop; targets: p99 ≤ 50 ms reads, ≤ 100 ms writes)');
    console.log(
      table(
        ['endpoint', 'rate/s', 'service p50/p99 ms', 'baseline p50/p99 ms', 'service non-2xx'],
        Object.entries(fixed).map(([k, v]) => [
          k,
          v.rate,
          `${v.service.p50}/${v.service.p99}`,
          `${v.baseline.p50}/${v.baseline.p99}`,
          v.service.non2xx,
        ]),
      ),
    );
    console.log(
      `\nRSS under load: service ${fmt(rssUnderLoad.service)} MB, baseline ${fmt(rssUnderLoad.baseline)} MB${soakResult ? `; soak growth ${fmt(soakResult.growthPercent, 1)}% over ${soak} s` : ''}`,
    );
    console.log(
      `write requests answered non-2xx: ${f.slots.invalid}; load average now ${loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')}`,
    );
    console.log(`results: ${file}  (${results.minutes} min)`);
  } finally {
    await cleanup();
    await db.end();
  }
}

async function baselineStatements(baseUrl: string, e: Endpoint, n: number): Promise<number> {
  const read = async () => ((await (await fetch(`${baseUrl}/__bench/statements`)).json()) as { statements: number }).statements;
  const send = async () => {
    const ctx: Record<string, unknown> = {};
    const r = e.next(ctx);
    const res = await fetch(baseUrl + r.path, { method: r.method, headers: r.headers, body: r.body });
    await res.arrayBuffer();
    e.done?.(ctx, res.status, Object.fromEntries(res.headers.entries()));
  };
  await send();
  const before = await read();
  for (let i = 0; i < n; i++) await send();
  return ((await read()) - before) / n;
}

main().catch(async (err: unknown) => {
  console.error(err);
  await sleep(100);
  process.exit(1);
});
