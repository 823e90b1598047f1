import type { EntityManager } from 'typeorm';
import { entityRows } from '../database/entity-rows';
import type { InstrumentLookup } from '../measures/change-from-intake';
import { instrumentCodes, instrumentsAvailableTo } from '../measures/instrument-catalog';
import { OutcomeMeasure } from '../measures/outcome-measure.entity';
import { type CaseContent, caseContent, contentHash } from './content-hash';
import { CaseSignoff } from './case-signoff.entity';
import type { SupervisedCase } from './supervised-case.entity';
import { TherapySession } from './therapy-session.entity';

export interface LoadedCase {
  c: SupervisedCase;
  sessions: TherapySession[];
  measures: OutcomeMeasure[];
  signoff: CaseSignoff | null;
  content: CaseContent;
  hash: string;
}

// The most read path of the product (every case response): plain SQL hydrated with TypeORM's own metadata (see
// EntityRows). Read through the given manager; inside a transaction, its em. Statements run one after another:
// in a transaction they share one connection (pg deprecates concurrent queries on a client).

/** Everything the case response and the sign-off need. */
export async function loadCaseContent(em: EntityManager, c: SupervisedCase): Promise<LoadedCase> {
  const sessions = await sessionsOf(em, c.id);
  const measures = await measuresOf(em, c.id);
  return withContent({ c, sessions, measures, signoff: await currentSignoffOf(em, c.id) });
}

export interface CaseNames {
  traineeName: string;
  supervisorName: string;
}

/** The display names of the case's trainee and supervisor: whoever may read the case may see both. */
export async function caseNames(em: EntityManager, c: SupervisedCase): Promise<CaseNames> {
  const rows: { id: string; display_name: string }[] = await em.query(`SELECT id, display_name FROM users WHERE id = ANY($1::uuid[])`, [
    [c.traineeId, c.supervisorId],
  ]);
  const name = (id: string) => rows.find((r) => r.id === id)?.display_name ?? '';
  return { traineeName: name(c.traineeId), supervisorName: name(c.supervisorId) };
}

/** The definitions of the instruments the case's measures name (bands, thresholds, risk items, LOINC). */
export const measureInstruments = (em: EntityManager, l: Pick<LoadedCase, 'c' | 'measures'>): Promise<InstrumentLookup> =>
  instrumentsAvailableTo(em, l.c.bodyId, instrumentCodes(l.measures));

/** The case with its signed content and the content's hash. */
export function withContent(l: Omit<LoadedCase, 'content' | 'hash'>): LoadedCase {
  const content = caseContent(l.c, l.sessions, l.measures);
  return { ...l, content, hash: contentHash(content) };
}

/** The case's therapy sessions, by number. */
export async function sessionsOf(em: EntityManager, caseId: string): Promise<TherapySession[]> {
  const s = entityRows(em.connection, TherapySession);
  const rows: Record<string, unknown>[] = await em.query(
    `SELECT ${s.select('s')} FROM therapy_sessions s WHERE s.case_id = $1 ORDER BY s.number`,
    [caseId],
  );
  return rows.map((r) => s.map(r, 's'));
}

/** The case's outcome measures, oldest first. */
export async function measuresOf(em: EntityManager, caseId: string): Promise<OutcomeMeasure[]> {
  const m = entityRows(em.connection, OutcomeMeasure);
  const rows: Record<string, unknown>[] = await em.query(
    `SELECT ${m.select('m')} FROM outcome_measures m WHERE m.case_id = $1 ORDER BY m.administered_on, m.created_at`,
    [caseId],
  );
  return rows.map((r) => m.map(r, 'm'));
}

/** The sign-off that is not voided, if any. */
export async function currentSignoffOf(em: EntityManager, caseId: string): Promise<CaseSignoff | null> {
  const o = entityRows(em.connection, CaseSignoff);
  const rows: Record<string, unknown>[] = await em.query(
    `SELECT ${o.select('o')} FROM case_signoffs o WHERE o.case_id = $1 AND o.voided_at IS NULL LIMIT 1`,
    [caseId],
  );
  return rows.length ? o.map(rows[0], 'o') : null;
}
