import type { EntityManager } from 'typeorm';
import { reopenReview } from '../cases/case-edits';
import { CreateSessionDto } from '../cases/dto';
import { checkSessions, type SessionFacts, type SessionIssue } from '../cases/session-consistency';
import { CaseReviewState } from '../cases/supervised-case.entity';
import { dropUndefined, mergeErrors } from './activity-rows';
import { FieldwiseDto } from './api-rules';
import { RowCells } from './cells';
import type { ReportBuilder } from './import-report';
import type { RecordImporter, RecordImportScope } from './record-import-kind';
import type { SourceRow } from './row-source';

interface CaseState {
  id: string;
  startDate: string;
  endDate: string | null;
  reviewState: CaseReviewState;
  bodyId: string;
  /** the phases of the case's taxonomy, in session order */
  phases: string[];
  sessions: SessionFacts[];
  existing: Set<number>;
  /** session number → row of the file that adds it */
  added: Map<number, number>;
}

// Therapy sessions of cases already in the record; natural key client code + session number. Each row passes
// the session DTO; the whole case (its logged sessions and the file's) then passes the same consistency rules as a
// session written through the API (dates within the case, not in the future, in order, phases never backwards).
// As through the API, a case that gains sessions gets a new version and goes back to draft (a sign-off is voided).
export class SessionImporter implements RecordImporter {
  private readonly cases = new Map<string, CaseState | null>();
  private created = 0;
  // the session DTO's rules each read one field only (Required, IsInt, Min/Max, IsDateOnly…): checked field by field
  private readonly sessionDto = new FieldwiseDto(CreateSessionDto);

  constructor(private readonly scope: RecordImportScope) {}

  async chunk(em: EntityManager, rows: SourceRow[], report: ReportBuilder, commit: boolean): Promise<void> {
    await this.loadCases(em, rows);
    const insert: { caseId: string; dto: CreateSessionDto }[] = [];
    for (const src of rows) {
      const c = new RowCells(src.cells, src.formulas);
      const code = (c.required('client_code') ?? '').toUpperCase();
      const value = dropUndefined({
        number: c.number('number'),
        date: c.date('date'),
        durationMinutes: c.number('duration_minutes'),
        phase: c.text('phase')?.toLowerCase(),
        attended: c.yesNo('attended'),
        recorded: c.yesNo('recorded'),
      });
      const key = `${code} ${value.number ?? ''}`;
      const { dto, errors } = this.sessionDto.check(value as Record<string, string | number | boolean | undefined>);
      const state = code ? this.cases.get(code) : undefined;
      if (code && !state) c.fail('client_code', `"${code}" is not a case in the record you may write to (import the case first)`);
      // the rules of one session on its own (within the case's dates, not in the future), before it joins its case
      if (!errors.length && state && !state.phases.includes(dto.phase))
        c.fail('phase', `phase must be one of: ${state.phases.join(', ')} (the phases of the case's taxonomy)`);
      const own = !errors.length && state ? checkSessions(state, [dto], this.scope.now, state.phases).map(asRowError) : [];
      const all = mergeErrors(c.errors, errors, own);
      if (all.length || !state) {
        report.add(src.row, 'error', key, all);
        continue;
      }
      if (state.existing.has(dto.number)) {
        report.add(src.row, 'match', key, [], 'this session is already logged');
        continue;
      }
      const first = state.added.get(dto.number);
      if (first !== undefined) {
        report.add(src.row, 'skip', key, [], `the same session as row ${first}`);
        continue;
      }
      state.added.set(dto.number, src.row);
      state.sessions.push({ number: dto.number, date: dto.date, durationMinutes: dto.durationMinutes, phase: dto.phase });
      report.add(src.row, 'create', key);
      insert.push({ caseId: state.id, dto });
    }
    if (commit && insert.length) {
      await em.query(
        `INSERT INTO therapy_sessions (case_id, number, date, duration_minutes, phase, attended, recorded)
         SELECT * FROM unnest($1::uuid[], $2::int[], $3::date[], $4::int[], $5::text[], $6::bool[], $7::bool[])`,
        [
          insert.map((s) => s.caseId),
          insert.map((s) => s.dto.number),
          insert.map((s) => s.dto.date),
          insert.map((s) => s.dto.durationMinutes),
          insert.map((s) => s.dto.phase),
          insert.map((s) => s.dto.attended),
          insert.map((s) => s.dto.recorded),
        ],
      );
    }
    this.created += insert.length;
  }

  /** The cases a chunk names that were not seen yet, with their logged sessions: two queries per chunk. */
  private async loadCases(em: EntityManager, rows: SourceRow[]): Promise<void> {
    const codes = [...new Set(rows.map((r) => (r.cells.client_code ?? '').trim().toUpperCase()))].filter((c) => c && !this.cases.has(c));
    if (!codes.length) return;
    const found: {
      id: string;
      client_code: string;
      start_date: string;
      end_date: string | null;
      review_state: CaseReviewState;
      body_id: string;
      phases: { code: string }[];
    }[] = await em.query(
      `SELECT c.id, c.client_code, c.start_date::text AS start_date, c.end_date::text AS end_date, c.review_state, c.body_id,
              t.definition -> 'phases' AS phases
           FROM supervised_cases c JOIN taxonomies t ON t.id = c.taxonomy_version_id
          WHERE c.trainee_id = $1 AND c.client_code = ANY($2::text[])`,
      [this.scope.traineeId, codes],
    );
    for (const code of codes) this.cases.set(code, null);
    const writable = found.filter((f) => !this.scope.adminBodies || this.scope.adminBodies.includes(f.body_id));
    if (!writable.length) return;
    const logged: { case_id: string; number: number; date: string; duration_minutes: number; phase: string }[] = await em.query(
      `SELECT case_id, number, date::text AS date, duration_minutes, phase FROM therapy_sessions WHERE case_id = ANY($1::uuid[])`,
      [writable.map((f) => f.id)],
    );
    for (const f of writable) {
      const sessions = logged
        .filter((s) => s.case_id === f.id)
        .map((s) => ({ number: s.number, date: s.date, durationMinutes: s.duration_minutes, phase: s.phase as SessionFacts['phase'] }));
      this.cases.set(f.client_code, {
        id: f.id,
        startDate: f.start_date,
        endDate: f.end_date,
        reviewState: f.review_state,
        bodyId: f.body_id,
        phases: (f.phases ?? []).map((p) => p.code),
        sessions,
        existing: new Set(sessions.map((s) => s.number)),
        added: new Map(),
      });
    }
  }

  async finish(em: EntityManager, report: ReportBuilder, commit: boolean): Promise<Record<string, unknown>> {
    const touched = [...this.cases.values()].filter((c): c is CaseState => !!c && c.added.size > 0);
    for (const c of touched) {
      for (const issue of checkSessions(c, c.sessions, this.scope.now, c.phases)) {
        // an issue between two logged sessions is not this file's doing; otherwise it goes to the file's row(s)
        const rows = [issue.number, issue.other].map((n) => (n === undefined ? undefined : c.added.get(n))).filter((r) => r !== undefined);
        const row = rows[0];
        if (row !== undefined)
          report.fail(
            row,
            { field: issue.field === 'durationMinutes' ? 'duration_minutes' : issue.field, message: issue.message },
            'create',
            `${issue.number}`,
          );
      }
    }
    if (commit && !report.hasErrors && touched.length) {
      await em.query(`UPDATE supervised_cases SET version = version + 1, updated_at = now() WHERE id = ANY($1::uuid[])`, [
        touched.map((c) => c.id),
      ]);
      for (const c of touched) await reopenReview(em, c.id, c.reviewState, this.scope.actorId);
    }
    return { sessionsCreated: this.created, casesChanged: touched.length };
  }
}

const asRowError = (issue: SessionIssue) => ({
  field: issue.field === 'durationMinutes' ? 'duration_minutes' : issue.field,
  message: issue.message,
});
