// The service built in this process (createApp, exactly as main.ts does) for what needs its internals:
// counting the statements one request sends, and timing ProgressService / RecordLoader / evaluateLevel.
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../src/app.factory';
import { loadConfig } from '../src/config/env';
import type { Endpoint } from './endpoints';
import { recordQueries, squash } from './query-counter';

export async function startInProcess(env: Record<string, string>): Promise<NestFastifyApplication> {
  const app = await createApp(loadConfig(env), { logger: false, swaggerUi: false });
  return app;
}

export interface QueryCount {
  perRequest: number;
  min: number;
  max: number;
  statuses: number[];
  /** the statements of the first counted request, whitespace squashed */
  sample: string[];
}

/** Sends `n` requests of the endpoint one after another (after one warm-up) and counts the statements of each. */
export async function countQueries(app: NestFastifyApplication, e: Endpoint, n: number): Promise<QueryCount> {
  const fastify = app.getHttpAdapter().getInstance();
  const send = async () => {
    const ctx: Record<string, unknown> = {};
    const r = e.next(ctx);
    const res = await fastify.inject({ method: r.method as 'GET', url: r.path, headers: r.headers, payload: r.body });
    e.done?.(ctx, res.statusCode, res.headers as Record<string, string>);
    return res.statusCode;
  };
  await send();
  const counts: number[] = [];
  const statuses: number[] = [];
  let sample: string[] = [];
  for (let i = 0; i < n; i++) {
    const { result, queries } = await recordQueries(send);
    statuses.push(result);
    counts.push(queries.length);
    if (i === 0) sample = queries.map(squash);
  }
  return { perRequest: counts.reduce((a, b) => a + b, 0) / n, min: Math.min(...counts), max: Math.max(...counts), statuses, sample };
}
