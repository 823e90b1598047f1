// The bench database: created (and with BENCH_RESET=1 dropped first) by the bench itself; generated once per
// scale and reused while the scale recorded in its COMMENT matches. It refuses to touch a database that holds
// anything but bench data.
import { Client } from 'pg';
import { generate, type Generated } from './generate';
import type { Scale } from './util';

const MARK = 'ipt-bench ';

export async function prepareDatabase(databaseUrl: string, scale: Scale, reset: boolean): Promise<Generated | null> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`database name ${name} must be a plain identifier`);
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const server = new Client({ connectionString: admin.toString() });
  await server.connect();
  try {
    if (reset) {
      if (!name.includes('bench')) throw new Error(`BENCH_RESET=1 drops the database: its name must contain "bench" (got ${name})`);
      await server.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
    const exists = (await server.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name])).rowCount;
    if (!exists) await server.query(`CREATE DATABASE ${name}`);
    const comment = (await server.query(`SELECT shobj_description(oid, 'pg_database') AS c FROM pg_database WHERE datname = $1`, [name]))
      .rows[0]?.c as string | null;
    const wanted = MARK + JSON.stringify(scale);
    if (comment === wanted) return null; // generated before at this scale: reuse
    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    const tables = Number((await db.query(`SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public'`)).rows[0].n);
    await db.end();
    if (tables > 0) {
      throw new Error(
        comment?.startsWith(MARK)
          ? `${name} holds bench data of another scale (${comment.slice(MARK.length)}); run with BENCH_RESET=1 to regenerate`
          : `${name} is not empty and was not made by the bench; point DATABASE_URL at a dedicated database (e.g. ipt_bench) or use BENCH_RESET=1 on one whose name contains "bench"`,
      );
    }
    const generated = await generate(databaseUrl, scale);
    await server.query(`COMMENT ON DATABASE ${name} IS ${literal(wanted)}`);
    return generated;
  } finally {
    await server.end();
  }
}

const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;
