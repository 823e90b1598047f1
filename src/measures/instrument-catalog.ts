import type { DataSource, EntityManager } from 'typeorm';
import type { InstrumentDefinition, ScoredInstrument } from './instrument-definition';

/** A published instrument, as scoring, mappers and rules read it. */
export interface PublishedInstrument extends ScoredInstrument {
  id: string;
  bodyId: string | null;
  construct: string;
  version: string;
}

// Published instruments never change and are never deleted, so a cached copy is never wrong, only incomplete:
// a lookup that misses a code reloads (this is also how another replica's publication is seen). Publishing
// forgets the cache of its own process. One cache per DataSource (tests run several apps in one process).
const caches = new WeakMap<DataSource, PublishedInstrument[]>();

async function loadPublished(em: EntityManager): Promise<PublishedInstrument[]> {
  const rows: {
    id: string;
    body_id: string | null;
    code: string;
    name: string;
    construct: string;
    version: string;
    definition: InstrumentDefinition;
  }[] = await em.query(`SELECT id, body_id, code, name, construct, version, definition FROM instruments WHERE status = 'published'`);
  const list = rows.map((r) => ({
    id: r.id,
    bodyId: r.body_id,
    code: r.code,
    name: r.name,
    construct: r.construct,
    version: r.version,
    definition: r.definition,
  }));
  caches.set(em.connection, list);
  return list;
}

const availableTo = (list: PublishedInstrument[], bodyId: string) => list.filter((i) => i.bodyId === null || i.bodyId === bodyId);

/**
 * The published instruments available to a body (the global ones and its own), by code. Reads through `em` (inside a
 * transaction, its em). `codes`: the codes the caller needs; a cache without one of them is reloaded first.
 */
export async function instrumentsAvailableTo(
  em: EntityManager,
  bodyId: string,
  codes: readonly string[] = [],
): Promise<Map<string, PublishedInstrument>> {
  let list = caches.get(em.connection);
  const has = (l: PublishedInstrument[]) => codes.every((code) => availableTo(l, bodyId).some((i) => i.code === code));
  if (!list || !has(list)) list = await loadPublished(em);
  return new Map(availableTo(list, bodyId).map((i) => [i.code, i]));
}

/** After a publication: the next lookup in this process reads the table again. */
export const forgetPublishedInstruments = (db: DataSource): void => void caches.delete(db);

/**
 * The instrument codes a scheme of `bodyId` may name (outcome_measures rule params): every published instrument
 * available to the body. For the scheme's save-time check; always read fresh.
 */
export async function instrumentCodesFor(em: EntityManager, bodyId: string): Promise<string[]> {
  const rows: { code: string }[] = await em.query(
    `SELECT code FROM instruments WHERE status = 'published' AND (body_id IS NULL OR body_id = $1) ORDER BY code`,
    [bodyId],
  );
  return rows.map((r) => r.code);
}

/** The codes a list of measures names (to look their definitions up). */
export const instrumentCodes = (measures: readonly { instrument: string }[]): string[] => [...new Set(measures.map((m) => m.instrument))];
