import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/env';
import { buildDataSourceOptions, closeEmbeddedDb, type EntityList } from './data-source-options';

/**
 * A DataSource for tooling. Without DATABASE_URL it uses a fresh in-memory PGlite (migrated first), so
 * generating or checking migrations never touches the embedded development data directory.
 */
export async function openToolDataSource(opts: { scratch: boolean; entities: EntityList }): Promise<DataSource> {
  const config = loadConfig({
    ...process.env,
    JWT_SECRET: process.env.JWT_SECRET ?? 'x'.repeat(32),
    // tooling never signs or decrypts credentials; a placeholder satisfies the server-mode check
    CREDENTIALS_MASTER_KEY: process.env.CREDENTIALS_MASTER_KEY ?? Buffer.alloc(32).toString('base64'),
  });
  const options = await buildDataSourceOptions(
    { ...config, MIGRATIONS_RUN: false, DATA_DIR: opts.scratch && config.embedded ? 'memory://' : config.DATA_DIR },
    opts.entities,
  );
  const ds = new DataSource(options);
  await ds.initialize();
  return ds;
}

export async function closeToolDataSource(ds: DataSource): Promise<void> {
  await ds.destroy();
  await closeEmbeddedDb();
}

/** SQL that would bring the migrated schema in line with the entities (empty when they agree). */
export async function pendingSchemaDiff(ds: DataSource): Promise<{ up: string[]; down: string[] }> {
  await ds.runMigrations({ transaction: 'each' });
  const log = await ds.driver.createSchemaBuilder().log();
  return {
    up: log.upQueries.map((q) => q.query),
    down: log.downQueries.map((q) => q.query).reverse(),
  };
}

export function writeMigration(name: string, diff: { up: string[]; down: string[] }): string {
  const timestamp = Date.now();
  const className = `${name.replace(/[^A-Za-z0-9]/g, '')}${timestamp}`;
  const literal = (sql: string) => '`' + sql.replace(/[`\\]/g, (c) => `\\${c}`).replace(/\$\{/g, '\\${') + '`';
  const lines = (qs: string[]) => qs.map((q) => `    await q.query(${literal(q)});`).join('\n');
  const file = join('migrations', `${timestamp}-${name}.ts`);
  writeFileSync(
    file,
    `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(q: QueryRunner): Promise<void> {
${lines(diff.up)}
  }

  async down(q: QueryRunner): Promise<void> {
${lines(diff.down)}
  }
}
`,
  );
  return file;
}
