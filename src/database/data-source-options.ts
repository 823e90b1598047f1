import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import type { AppConfig } from '../config/env';
import { SnakeNamingStrategy } from './snake-naming.strategy';

interface EmbeddedDb {
  readonly closed: boolean;
  close(): Promise<void>;
  dumpDataDir(compression?: 'none' | 'gzip' | 'auto'): Promise<Blob>;
}
interface Embedded {
  readonly instance: EmbeddedDb;
  closed: boolean;
  close(): Promise<void>;
}

// Each in-process PGlite instance belongs to the DataSource options it was built for (keyed by their `extra`, which
// TypeORM passes on by reference), so two apps in one process (a test that starts a second one) close and report
// their own database: one module-level closer used to be overwritten by the second app, which left the first
// instance open and the process unable to exit.
const byOptions = new WeakMap<object, Embedded>();
let latest: Embedded | undefined;
const embeddedOf = (options?: Pick<DataSourceOptions, 'extra'>): Embedded | undefined =>
  options ? (options.extra ? byOptions.get(options.extra as object) : undefined) : latest;

/** The most recently opened in-process PGlite instance of embedded mode, while it is open (undefined on a server). */
export const embeddedInstance = (): EmbeddedDb | undefined => (latest && !latest.closed ? latest.instance : undefined);

/** True once the embedded database (of these options, or the latest) has been closed: queries can no longer succeed. */
export const embeddedDbClosed = (options?: Pick<DataSourceOptions, 'extra'>): boolean => embeddedOf(options)?.closed ?? false;

/** Closes the in-process PGlite instance of these options (or the latest), if open (after TypeORM's DataSource is destroyed). */
export const closeEmbeddedDb = async (options?: Pick<DataSourceOptions, 'extra'>): Promise<void> => {
  await embeddedOf(options)?.close();
};

type DbConfig = Pick<
  AppConfig,
  'DATABASE_URL' | 'DATA_DIR' | 'PGLITE_SNAPSHOT' | 'DB_POOL_SIZE' | 'DB_STATEMENT_TIMEOUT_MS' | 'DB_CONNECT_TIMEOUT_MS' | 'MIGRATIONS_RUN'
>;

/** The entity classes of the service; the caller (the composition root, `src/entities.ts`) supplies them. */
export type EntityList = NonNullable<DataSourceOptions['entities']>;

const common = {
  type: 'postgres' as const,
  migrations: MIGRATIONS,
  migrationsTableName: 'migrations',
  // never synchronize: the schema comes from the migrations, on every backend
  synchronize: false,
  uuidExtension: 'pgcrypto' as const,
  installExtensions: false,
  logging: false as const,
  namingStrategy: new SnakeNamingStrategy(),
};

/**
 * One code path for both databases: with DATABASE_URL, a PostgreSQL server through `pg`; without it, real
 * PostgreSQL (PGlite) embedded in this process, reached through the very same `postgres` driver and `pg`
 * via PGlite's node-postgres adapter (a pool of one connection: PGlite has a single session).
 */
export async function buildDataSourceOptions(config: DbConfig, entities: EntityList): Promise<DataSourceOptions> {
  const base = { ...common, entities, migrationsRun: config.MIGRATIONS_RUN };
  if (config.DATABASE_URL) {
    return {
      ...base,
      url: config.DATABASE_URL,
      extra: {
        max: config.DB_POOL_SIZE,
        connectionTimeoutMillis: config.DB_CONNECT_TIMEOUT_MS,
        statement_timeout: config.DB_STATEMENT_TIMEOUT_MS,
        query_timeout: config.DB_STATEMENT_TIMEOUT_MS + 1000,
        idle_in_transaction_session_timeout: config.DB_STATEMENT_TIMEOUT_MS * 2,
        application_name: 'ipt-accreditation',
      },
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
  let pglite;
  if (config.PGLITE_SNAPSHOT) {
    pglite = await PGlite.create({ loadDataDir: new Blob([readFileSync(config.PGLITE_SNAPSHOT)]) });
  } else if (config.DATA_DIR.startsWith('memory://')) {
    pglite = await PGlite.create({ dataDir: 'memory://' });
  } else {
    const dir = join(config.DATA_DIR, 'pglite');
    mkdirSync(dir, { recursive: true });
    pglite = await PGlite.create({ dataDir: dir });
  }
  const instance: EmbeddedDb = pglite;
  const entry: Embedded = {
    instance,
    closed: false,
    close: async () => {
      if (entry.closed) return;
      entry.closed = true;
      if (!instance.closed) await instance.close();
    },
  };
  latest = entry;
  const pg = createPgConfig(pglite);
  const extra = {
    ...pg,
    max: 1,
    // a second connection can never be had while a transaction holds the only one: fail, don't hang
    connectionTimeoutMillis: Math.max(config.DB_CONNECT_TIMEOUT_MS, 10_000),
  };
  byOptions.set(extra, entry);
  return { ...base, extra };
}
