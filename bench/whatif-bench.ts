// Impact of a rule change (issue 16): the whole-body what-if of a draft scheme version, set-based (records
// loaded a chunk of people at a time, evaluated by the pure rules), against N × one person's progress report
// measured in the same run on the same data. In-process, compiled code, against the bench database.
import { performance } from 'node:perf_hooks';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { ProgressService } from '../src/schemes/progress.service';
import type { SchemeDefinition } from '../src/schemes/scheme-definition';
import { Scheme, SchemeVersion } from '../src/schemes/scheme.entity';
import { WhatIfService } from '../src/what-if/what-if.service';
import { progressGrowth } from './progress-bench';
import { median } from './util';

export interface WhatIfScenario {
  name: string;
  people: number;
  changed: number;
  levels: { levelCode: string; gain: number; lose: number; unchanged: number }[];
  /** whole-body what-if, each run (the first includes warm-up) */
  whatIfMs: number[];
  /** what-if ÷ (N × single), on the best run; target ≤ 0.1 */
  ratio: number;
}

export interface WhatIfBenchResult {
  scenarios: WhatIfScenario[];
  singleMedianMs: number;
  singleSample: number;
  /** the 50-case progress report (evaluate), target < 50 ms */
  progress50Ms: number | null;
}

// Two drafts of the most populated scheme (bench data only), each compared with the version in force:
// - "raise hours": the first learning-hours rule's minimum + 6 h. Verdicts the course hours and the levels held decide
//   settle most people from their records without cases (the what-if's first pass);
// - "add a case rule": the same level also asks for 10 h of practice from the case log. Everyone meets the hours, so
//   nobody is settled without cases: every record is loaded whole (the what-if's worst case).
const SCENARIOS: { name: string; change: (level: SchemeDefinition['levels'][number], rule: { minHours: number }) => void }[] = [
  { name: 'raise hours', change: (_level, rule) => (rule.minHours += 6) },
  {
    name: 'add a case rule',
    change: (level) =>
      level.requirements.push({
        id: 'bench-practice',
        type: 'practice_hours',
        params: { minHours: 10 },
      } as (typeof level.requirements)[number]),
  },
];

/** A draft of the most populated scheme, changed at the level of its first learning-hours rule (bench data only). */
async function benchDraft(db: Pool, change: (typeof SCENARIOS)[number]['change']): Promise<{ schemeId: string; draftId: string }> {
  const [top] = (
    await db.query(`SELECT scheme_id, count(*)::int AS n FROM scheme_enrolments GROUP BY scheme_id ORDER BY n DESC, scheme_id LIMIT 1`)
  ).rows as { scheme_id: string; n: number }[];
  if (!top) throw new Error('whatif: the bench database has no scheme enrolments; regenerate it (BENCH_RESET=1)');
  const [current] = (
    await db.query(
      `SELECT definition, version_number FROM scheme_versions WHERE scheme_id = $1 AND status = 'published' ORDER BY version_number DESC LIMIT 1`,
      [top.scheme_id],
    )
  ).rows as { definition: SchemeDefinition; version_number: number }[];
  const definition = structuredClone(current!.definition);
  const level = definition.levels.find((l) => l.requirements.some((r) => r.type === 'learning_hours'));
  if (!level) throw new Error('whatif: the bench scheme has no learning_hours rule to change');
  change(level, level.requirements.find((r) => r.type === 'learning_hours')!.params as { minHours: number });
  await db.query(`DELETE FROM scheme_versions WHERE scheme_id = $1 AND status = 'draft'`, [top.scheme_id]);
  const [draft] = (
    await db.query(
      `INSERT INTO scheme_versions (scheme_id, version_number, status, effective_from, definition)
       SELECT $1, max(version_number) + 1, 'draft', current_date + 30, $2::jsonb FROM scheme_versions WHERE scheme_id = $1 RETURNING id`,
      [top.scheme_id, JSON.stringify(definition)],
    )
  ).rows as { id: string }[];
  return { schemeId: top.scheme_id, draftId: draft!.id };
}

export async function whatIfBench(
  app: NestFastifyApplication,
  db: Pool,
  opts: { runs?: number; sample?: number } = {},
): Promise<WhatIfBenchResult> {
  const ds = app.get(DataSource);
  const progress = app.get(ProgressService);
  const whatIf = app.get(WhatIfService);
  const runs: { name: string; whatIfMs: number[]; last: Awaited<ReturnType<WhatIfService['compare']>> }[] = [];
  let schemeId = '';
  let scheme: Scheme | null = null;
  let current: SchemeVersion | null = null;
  for (const { name, change } of SCENARIOS) {
    const made = await benchDraft(db, change);
    schemeId = made.schemeId;
    scheme = (await ds.getRepository(Scheme).findOneBy({ id: schemeId }))!;
    const draft = (await ds.getRepository(SchemeVersion).findOneBy({ id: made.draftId }))!;
    current = (await progress.versionInForce(ds.manager, schemeId, new Date().toISOString().slice(0, 10)))!;
    const whatIfMs: number[] = [];
    let last: Awaited<ReturnType<WhatIfService['compare']>> | undefined;
    for (let i = 0; i < (opts.runs ?? 2); i++) {
      const t = performance.now();
      last = await whatIf.compare(ds.manager, scheme, draft, current);
      whatIfMs.push(performance.now() - t);
    }
    runs.push({ name, whatIfMs, last: last! });
  }

  // one person's progress report (all levels of the version in force), on people of the same population
  const population: { id: string }[] = await ds.query(`SELECT user_id AS id FROM scheme_enrolments WHERE scheme_id = $1 ORDER BY user_id`, [
    schemeId,
  ]);
  const n = Math.min(opts.sample ?? 50, population.length);
  const sample = Array.from({ length: n }, (_, i) => population[Math.floor((i * population.length) / n)]!.id);
  const held = { scheme: scheme!, version: current!, heldBy: 'current' as const };
  for (const id of sample.slice(0, 5)) await progress.evaluate(ds.manager, id, held);
  const single: number[] = [];
  for (const id of sample) {
    const t = performance.now();
    await progress.evaluate(ds.manager, id, held);
    single.push(performance.now() - t);
  }
  const singleMedianMs = median(single);
  const growth = await progressGrowth(app, 5).catch(() => []);
  return {
    scenarios: runs.map(({ name, whatIfMs, last }) => ({
      name,
      people: last.people,
      changed: last.changed.length,
      levels: last.levels.map((l) => ({ levelCode: l.levelCode, gain: l.gain, lose: l.lose, unchanged: l.unchanged })),
      whatIfMs,
      ratio: Math.min(...whatIfMs) / (last.people * singleMedianMs),
    })),
    singleMedianMs,
    singleSample: n,
    progress50Ms: growth.find((g) => g.cases === 50)?.evaluateMs ?? null,
  };
}
