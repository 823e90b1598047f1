// Parts of the bench that can also run alone: BENCH_PARTS=imports,certificate npm run bench -- --scale=small
// runs only these (after the data set and the service are up). Without BENCH_PARTS, the full bench runs them last.
import type { Pool } from 'pg';
import { certificateBench, type CertificateBenchResult } from './certificate-bench';
import { importBench, type ImportBenchResult } from './import-bench';
import { startInProcess } from './inprocess';
import { fmt, table } from './util';
import { whatIfBench, type WhatIfBenchResult } from './whatif-bench';

export const EXTRA_PARTS = ['imports', 'certificate', 'whatif'] as const;
export type ExtraPart = (typeof EXTRA_PARTS)[number];

export function partsFromEnv(env: NodeJS.ProcessEnv): ExtraPart[] | null {
  if (!env.BENCH_PARTS) return null;
  const parts = env.BENCH_PARTS.split(',').map((s) => s.trim());
  const unknown = parts.filter((p) => !(EXTRA_PARTS as readonly string[]).includes(p));
  if (unknown.length) throw new Error(`BENCH_PARTS: unknown part(s) ${unknown.join(', ')}; known: ${EXTRA_PARTS.join(', ')}`);
  return parts as ExtraPart[];
}

export interface ExtraResults {
  imports?: ImportBenchResult;
  certificate?: CertificateBenchResult;
  whatif?: WhatIfBenchResult;
}

export async function runExtraParts(
  parts: readonly ExtraPart[],
  db: Pool,
  service: { baseUrl: string; pid: number },
  opts: { connections: number; duration: number; fixedDuration: number; importRows: number; env: Record<string, string> },
): Promise<ExtraResults> {
  const out: ExtraResults = {};
  if (parts.includes('imports')) {
    console.log(`import: ${opts.importRows} session rows (floor, dry run, commit)…`);
    const r = (out.imports = await importBench(db, service.baseUrl, service.pid, opts.importRows));
    console.log(
      `\nImport of a ${r.rows}-row session file (${fmt(r.fileBytes / 1024)} KiB CSV; targets: ≥ 0.3× the floor, RSS growth < 100 MB)`,
    );
    console.log(
      table(
        ['', 'seconds', 'rows/s', '÷ floor', 'service RSS before → peak (growth) MB', 'status'],
        [
          ['floor: plain multi-row INSERT', fmt(r.floor.seconds, 2), fmt(r.floor.rowsPerSecond), '1.00', '—', '—'],
          ...(['dryRun', 'commit'] as const).map((k) => [
            k === 'dryRun' ? 'dry run' : 'commit',
            fmt(r[k].seconds, 2),
            fmt(r[k].rowsPerSecond),
            fmt(r[k].ratioToFloor, 2),
            `${fmt(r[k].rssBeforeMb)} → ${fmt(r[k].rssPeakMb)} (${fmt(r[k].rssGrowthMb)})`,
            String(r[k].status),
          ]),
        ],
      ),
    );
  }
  if (parts.includes('certificate')) {
    console.log('certificate PDF: max rate, then half of it…');
    const c = (out.certificate = await certificateBench(db, service.baseUrl, opts));
    console.log(
      `\nCertificate PDF (${c.holders} holders): max ${fmt(c.maxRate.rps2xx)} 2xx/s (p99 ${c.maxRate.p99} ms); at half rate ${c.halfRate.rate}/s: p50 ${c.halfRate.result.p50} ms, p99 ${c.halfRate.result.p99} ms, non-2xx ${c.halfRate.result.non2xx}`,
    );
  }
  if (parts.includes('whatif')) {
    console.log("what-if: the whole-body what-if of a draft, and one person's progress report on the same data…");
    const app = await startInProcess({ ...opts.env, DB_POOL_SIZE: '4' });
    try {
      const w = (out.whatif = await whatIfBench(app, db));
      const people = w.scenarios[0]!.people;
      console.log(`\nImpact of a rule change (what-if) over ${people} people (targets: ≤ 0.1× N × single, < 60 s)`);
      console.log(
        table(
          ['', 'ms', 'status'],
          [
            ...w.scenarios.flatMap((x) => {
              const best = Math.min(...x.whatIfMs);
              return [
                [`what-if "${x.name}" (runs)`, x.whatIfMs.map((ms) => fmt(ms)).join(', '), best < 60_000 ? 'ok (< 60 s)' : 'OVER 60 s'],
                [`  ratio ÷ (N × single)`, `${fmt(x.ratio, 3)}×`, x.ratio <= 0.1 ? 'ok (≤ 0.1×)' : 'OVER 0.1×'],
              ];
            }),
            [`one progress report (median of ${w.singleSample})`, fmt(w.singleMedianMs, 1), '—'],
            [`N × single = ${people} × ${fmt(w.singleMedianMs, 1)}`, fmt(people * w.singleMedianMs), '—'],
            [
              'progress report at 50 cases',
              w.progress50Ms === null ? '—' : fmt(w.progress50Ms, 1),
              w.progress50Ms !== null && w.progress50Ms < 50 ? 'ok (< 50 ms)' : '—',
            ],
          ],
        ),
      );
      for (const x of w.scenarios)
        console.log(
          `"${x.name}" per level: ${x.levels.map((l) => `${l.levelCode} +${l.gain} −${l.lose} =${l.unchanged}`).join('; ')} (${x.changed} changed)`,
        );
    } finally {
      await app.close();
    }
  }
  return out;
}
