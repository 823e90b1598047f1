import type { EntityManager } from 'typeorm';
import type { ReportBuilder } from './import-report';
import type { SourceRow } from './row-source';

/** Who the rows are for, and (for a body admin) the bodies whose cases they may write into. */
export interface RecordImportScope {
  traineeId: string;
  actorId: string;
  /** null: the trainee themself (every body of their cases); otherwise the bodies the admin administers */
  adminBodies: string[] | null;
  now: Date;
}

/**
 * One kind of record import. Rows come in chunks (a streamed file is never held whole); each chunk is checked with
 * a bounded number of queries and, on commit, written with one multi-row statement. `finish` runs the checks that
 * need the whole file (e.g. sessions in order within their case) and the writes that follow from it.
 */
export interface RecordImporter {
  chunk(em: EntityManager, rows: SourceRow[], report: ReportBuilder, commit: boolean): Promise<void>;
  finish(em: EntityManager, report: ReportBuilder, commit: boolean): Promise<Record<string, unknown>>;
}
