// Progress-report server time as a person's record grows (10, 50, 200 cases of 16 sessions, 6 rated sessions
// per case): ProgressService.evaluate as a whole (load + rules), the load alone (RecordLoader, with its
// statement count) and the pure part alone (evaluateLevel over the loaded record). In-process, compiled code,
// against the bench database; medians of repeated calls after a warm-up.
import { performance } from 'node:perf_hooks';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { evaluateLevel } from '../src/schemes/evaluate-level';
import { ProgressService } from '../src/schemes/progress.service';
import { RecordLoader } from '../src/schemes/record-loader';
import { toFormula } from '../src/schemes/rules/cases/case-supervision';
import type { SchemeDefinition } from '../src/schemes/scheme-definition';
import { DEFAULT_GROUP_FORMULA, type GroupCreditFormula } from '../src/supervision-sessions/group-credit';
import { GROWTH_SIZES } from './generate';
import { recordQueries } from './query-counter';
import { median, percentile } from './util';

export interface GrowthRow {
  cases: number;
  sessions: number;
  ratings: number;
  evaluateMs: number;
  evaluateP95Ms: number;
  loadMs: number;
  pureMs: number;
  loadStatements: number;
  met: boolean;
}

export async function progressGrowth(app: NestFastifyApplication, iterations = 15): Promise<GrowthRow[]> {
  const ds = app.get(DataSource);
  const progress = app.get(ProgressService);
  const loader = app.get(RecordLoader);
  const out: GrowthRow[] = [];
  for (const size of GROWTH_SIZES) {
    const [person] = await ds.query(
      `SELECT u.id, s.id AS scheme_id FROM users u JOIN trainee_profiles p ON p.user_id = u.id JOIN schemes s ON s.body_id = p.home_body_id WHERE u.email = $1`,
      [`growth${size}@bench.ipt.example`],
    );
    const held = await progress.heldVersion(ds.manager, person.id, person.scheme_id);
    const definition = held.version.definition as SchemeDefinition;
    const level = definition.levels.find((l) => l.code === 'B')!;
    const time = async (fn: () => Promise<unknown> | unknown, n: number) => {
      for (let i = 0; i < 2; i++) await fn();
      const ms: number[] = [];
      for (let i = 0; i < n; i++) {
        const t = performance.now();
        await fn();
        ms.push(performance.now() - t);
      }
      return ms;
    };
    const evaluate = await time(() => progress.evaluate(ds.manager, person.id, held, { levelCode: 'B' }), iterations);
    const load = await time(() => loader.load(person.id, { calibratedRaters: [] }, ds.manager), iterations);
    const { result: record, queries } = await recordQueries(() => loader.load(person.id, { calibratedRaters: [] }, ds.manager));
    const ctx = {
      asOf: new Date().toISOString().slice(0, 10),
      schemeCode: held.scheme.code,
      schemeBodyId: held.scheme.bodyId,
      phaseBoundaries: definition.phaseBoundaries,
      groupCredit: definition.groupCredit ? toFormula(definition.groupCredit) : (DEFAULT_GROUP_FORMULA as GroupCreditFormula),
    };
    let report = evaluateLevel(definition, level, record, ctx);
    const pure = await time(() => (report = evaluateLevel(definition, level, record, ctx)), iterations * 2);
    out.push({
      cases: record.cases.length,
      sessions: record.cases.reduce((a, c) => a + c.sessions.length, 0),
      ratings: record.ratings.length,
      evaluateMs: median(evaluate),
      evaluateP95Ms: percentile(evaluate, 95),
      loadMs: median(load),
      pureMs: median(pure),
      loadStatements: queries.length,
      met: report.met,
    });
  }
  return out;
}
