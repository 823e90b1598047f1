import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../src/config/env';
import { buildDataSourceOptions, closeEmbeddedDb, embeddedInstance } from '../../src/database/data-source-options';
import { ENTITIES } from '../../src/entities';
import { adminQuery, templateName, usingServer, withDatabase } from './test-db';

export const TEST_JWT_SECRET = 'test-secret-test-secret-test-secret-0123456789';
export const TEST_CREDENTIALS_MASTER_KEY = Buffer.alloc(32, 0x5a).toString('base64');

// Migrates once per run: a template database on the server, or a PGlite snapshot for embedded runs.
export default async function globalSetup(): Promise<void> {
  process.env.JWT_SECRET ??= TEST_JWT_SECRET;
  process.env.CREDENTIALS_MASTER_KEY ??= TEST_CREDENTIALS_MASTER_KEY;
  const config = loadConfig({ ...process.env, MIGRATIONS_RUN: 'false' });
  if (usingServer()) {
    const tpl = templateName();
    await adminQuery(`DROP DATABASE IF EXISTS "${tpl}" WITH (FORCE)`);
    await adminQuery(`CREATE DATABASE "${tpl}"`);
    const ds = new DataSource(
      await buildDataSourceOptions({ ...config, DATABASE_URL: withDatabase(process.env.DATABASE_URL as string, tpl) }, ENTITIES),
    );
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
    await ds.destroy();
    return;
  }
  const ds = new DataSource(await buildDataSourceOptions({ ...config, DATA_DIR: 'memory://' }, ENTITIES));
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  const snapshot = await embeddedInstance()!.dumpDataDir('none');
  const file = join(tmpdir(), `ipt-pglite-snapshot-${process.pid}.tar`);
  writeFileSync(file, Buffer.from(await snapshot.arrayBuffer()));
  process.env.PGLITE_SNAPSHOT = file;
  await ds.destroy();
  await closeEmbeddedDb();
}
