// Development aid: prints the statements the service sends for one request of each measured endpoint
// (this is how the baseline's SQL was copied). `node .build-bench/bench/capture-sql.js` with DATABASE_URL.
import { Pool } from 'pg';
import { endpoints } from './endpoints';
import { loadFixtures } from './fixtures';
import { countQueries, startInProcess } from './inprocess';
import { installQueryCounter } from './query-counter';
import { serviceEnv } from './service';

async function main(): Promise<void> {
  installQueryCounter();
  const url = process.env.DATABASE_URL!;
  const app = await startInProcess(serviceEnv(url, 0));
  await app.listen({ port: 3999, host: '127.0.0.1' });
  const db = new Pool({ connectionString: url });
  const f = await loadFixtures(db, 'http://127.0.0.1:3999', { trainees: 3, supervisors: 2 });
  for (const e of endpoints(f)) {
    const c = await countQueries(app, e, 3);
    console.log(`\n## ${e.name}: ${c.perRequest} statements, statuses ${c.statuses.join(',')}`);
    c.sample.forEach((s, i) => console.log(`${i + 1}. ${s}`));
  }
  await db.end();
  await app.close();
}
void main();
