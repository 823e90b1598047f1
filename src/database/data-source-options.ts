import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import type { AppConfig } from '../config/env';
import { SnakeNamingStrategy } from './snake-naming.strategy';

type Closer = () => Promise<void>;
let closeEmbedded: Closer = async () => {};
interface EmbeddedDb {
  readonly closed: boolean;
  close(): Promise<void>;
  dumpDataDir(compression?: 'none' | 'gzip' | 'auto'): Promise<Blob>;
}
let embedded: EmbeddedDb | undefined;

let embeddedWasClosed = false;

/** The in-process PGlite instance of embedded mode (undefined on a server). */
export const embeddedInstance = () => embedded;

/** True once the embedded database has been closed (shutdown, or a fault test): queries can no longer succeed. */
export const embeddedDbClosed = (): boolean => embeddedWasClosed;

/** Closes the in-process PGlite instance, if one is open (after TypeORM's DataSource is destroyed). */
export const closeEmbeddedDb = (): Promise<void> => closeEmbedded();

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
  embedded = instance;
  embeddedWasClosed = false;
  closeEmbedded = async () => {
    closeEmbedded = async () => {};
    if (embedded === instance) embedded = undefined;
    embeddedWasClosed = true;
    if (!instance.closed) await instance.close();
  };
  const pg = createPgConfig(pglite);
  return {
    ...base,
    extra: {
      ...pg,
      max: 1,
      // a second connection can never be had while a transaction holds the only one: fail, don't hang
      connectionTimeoutMillis: Math.max(config.DB_CONNECT_TIMEOUT_MS, 10_000),
    },
  };
}
