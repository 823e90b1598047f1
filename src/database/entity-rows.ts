import type { DataSource, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';

/**
 * Reading an entity with plain SQL, hydrated exactly as TypeORM's repository would (same column metadata, same
 * driver conversions: dates, enums, jsonb, transformers) — without building a query and transforming raw results
 * on every call. For the hot read paths (a case with its sessions, a verification) where that work is a measurable
 * share of the request (`npm run bench`); everything else uses the repository API.
 *
 *   const cases = entityRows(em.connection, SupervisedCase);
 *   const rows = await em.query(`SELECT ${cases.select('c')} FROM supervised_cases c WHERE c.id = $1`, [id]);
 *   const c = rows.length ? cases.map(rows[0], 'c') : null;
 *
 * `test/entity-rows.e2e-spec.ts` checks it against the repository for every entity it is used with.
 */
export class EntityRows<T extends ObjectLiteral> {
  private meta?: EntityMetadata;
  private cols: ColumnMetadata[] = [];
  private readonly selects = new Map<string, string>();

  constructor(
    private readonly ds: DataSource,
    private readonly target: EntityTarget<T>,
  ) {}

  /** The select list `"a"."col" AS "a_col", …` of every column of the entity, for the table aliased `alias`. */
  select(alias: string): string {
    let s = this.selects.get(alias);
    if (!s) {
      s = this.columns()
        .map((c) => `"${alias}"."${c.databaseName}" AS "${alias}_${c.databaseName}"`)
        .join(', ');
      this.selects.set(alias, s);
    }
    return s;
  }

  /** A row selected with `select(alias)` as an entity instance. */
  map(row: Record<string, unknown>, alias: string): T {
    const entity = this.metadata().create() as Record<string, unknown>;
    const driver = this.ds.driver;
    for (const c of this.columns()) entity[c.propertyName] = driver.prepareHydratedValue(row[`${alias}_${c.databaseName}`], c);
    return entity as T;
  }

  private metadata(): EntityMetadata {
    if (!this.meta) {
      const meta = this.ds.getMetadata(this.target);
      if (meta.embeddeds.length) throw new Error(`EntityRows does not map embedded columns (${meta.name})`);
      this.cols = meta.columns.filter((c) => !c.isVirtual);
      this.meta = meta;
    }
    return this.meta;
  }

  private columns(): ColumnMetadata[] {
    this.metadata();
    return this.cols;
  }
}

const cache = new WeakMap<DataSource, Map<EntityTarget<ObjectLiteral>, EntityRows<ObjectLiteral>>>();

/** The (cached) EntityRows of an entity in a data source: `entityRows(em.connection, SupervisedCase)`. */
export function entityRows<T extends ObjectLiteral>(ds: DataSource, target: EntityTarget<T>): EntityRows<T> {
  let perSource = cache.get(ds);
  if (!perSource) cache.set(ds, (perSource = new Map()));
  let rows = perSource.get(target);
  if (!rows) perSource.set(target, (rows = new EntityRows(ds, target)));
  return rows as unknown as EntityRows<T>;
}
