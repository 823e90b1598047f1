import type { TestApp } from '../support/test-app';

// An exact picture of the database: count(*) of every table and max(updated_at) of every table that has
// one, in a single UNION ALL query (n_live_tup statistics are not exact).
export async function snapshotQuery(t: TestApp): Promise<string> {
  const tables: { table_name: string; has_updated: boolean }[] = await t.db.query(`
    SELECT t.table_name,
           EXISTS (SELECT 1 FROM information_schema.columns c WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name AND c.column_name = 'updated_at') AS has_updated
      FROM information_schema.tables t
     WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE'
     ORDER BY t.table_name`);
  return tables
    .map(
      (x) =>
        `SELECT '${x.table_name}' AS t, count(*)::text AS n, ${x.has_updated ? 'max(updated_at)::text' : 'NULL::text'} AS u FROM "${x.table_name}"`,
    )
    .join(' UNION ALL ');
}

export async function snapshot(t: TestApp, sql: string): Promise<Record<string, string>> {
  const rows: { t: string; n: string; u: string | null }[] = await t.db.query(sql);
  return Object.fromEntries(rows.map((r) => [r.t, `${r.n}|${r.u ?? ''}`]));
}

/** The tables whose count or last update differs between two snapshots. */
export function diff(a: Record<string, string>, b: Record<string, string>): string[] {
  return Object.keys({ ...a, ...b })
    .filter((k) => a[k] !== b[k])
    .map((k) => `${k}: ${a[k]} → ${b[k]}`);
}
