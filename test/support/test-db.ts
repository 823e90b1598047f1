import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

// Test databases: on a server, each test file gets a CREATE DATABASE … TEMPLATE copy of one migrated
// template; embedded, each file loads its own in-memory copy of one migrated PGlite snapshot.

export const usingServer = (): boolean => !!process.env.DATABASE_URL;

export function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

// one template per test run (named in global setup, inherited by the workers), so parallel runs never collide
export const templateName = (): string =>
  (process.env.IPT_TEST_TEMPLATE ??= `${new URL(process.env.DATABASE_URL as string).pathname.slice(1) || 'postgres'}_tpl_${process.pid}`);

export async function adminQuery(sql: string): Promise<void> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function createDatabaseFromTemplate(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `t_${process.env.JEST_WORKER_ID ?? '0'}_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE DATABASE "${name}" TEMPLATE "${templateName()}"`);
  return {
    url: withDatabase(process.env.DATABASE_URL as string, name),
    drop: () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}
