import type { EntityManager } from 'typeorm';
import { reopenReview } from '../cases/case-edits';
import { CaseReviewState } from '../cases/supervised-case.entity';
import { isFutureDate } from '../common/dates';
import { CreateMeasureDto } from '../measures/dto';
import { instrumentsAvailableTo } from '../measures/instrument-catalog';
import { type ScoredMeasure, scoreMeasure } from '../measures/measure-scoring';
import { riskFlagNotice } from '../notifications/notice';
import type { NotificationsService } from '../notifications/notifications.service';
import { dropUndefined, mergeErrors } from './activity-rows';
import { detailsToErrors, dtoErrors } from './api-rules';
import { RowCells } from './cells';
import type { ReportBuilder, RowErrorDto } from './import-report';
import type { RecordImporter, RecordImportScope } from './record-import-kind';
import type { SourceRow } from './row-source';

interface CaseState {
  id: string;
  clientCode: string;
  supervisorId: string;
  endDate: string | null;
  reviewState: CaseReviewState;
  bodyId: string;
  riskFlagged: boolean;
  /** natural keys of the measures already on the case */
  existing: Set<string>;
  added: number;
  flagged: boolean;
}

interface Insert {
  caseId: string;
  dto: CreateMeasureDto;
  value: ScoredMeasure;
}

// the API's field names → the template's columns
const COLUMN: Record<string, string> = { administered_on: 'administered_on', session_number: 'session', items: 'scores', total: 'total' };
const toColumns = (errors: RowErrorDto[]) => errors.map((e) => ({ ...e, field: COLUMN[e.field] ?? e.field }));

const sessionLabel = (n: number | null | undefined) => (n === 0 ? 'intake' : n === null || n === undefined ? '-' : String(n));
const keyOf = (code: string, instrument: string, session: number | null | undefined, date: string) =>
  `${code} ${instrument} ${sessionLabel(session)} ${date}`;

// Outcome measures of cases already in the record; natural key client code + instrument + session ('intake', a
// number, or none) + administered date. Each row passes the measure DTO and the same checks as POST
// /cases/:id/measures: not in the future, not after the case ended, an instrument available to the case's body,
// item count and ranges by the instrument's definition (measure-scoring.ts scores it, as the API does). As through
// the API, a case that gains measures gets a new version and goes back to draft; a risk item raised flags the case
// for its supervisor (one notification per case).
export class MeasureImporter implements RecordImporter {
  private readonly cases = new Map<string, CaseState | null>();
  private created = 0;

  constructor(
    private readonly scope: RecordImportScope,
    private readonly notifications: NotificationsService,
  ) {}

  async chunk(em: EntityManager, rows: SourceRow[], report: ReportBuilder, commit: boolean): Promise<void> {
    await this.loadCases(em, rows);
    const inserts: Insert[] = [];
    for (const src of rows) {
      const c = new RowCells(src.cells, src.formulas);
      const code = (c.required('client_code') ?? '').toUpperCase();
      const instrument = c.required('instrument')?.toUpperCase();
      const session = this.session(c);
      const scores = this.scores(c);
      const value = dropUndefined({
        instrument,
        administeredOn: c.date('administered_on'),
        sessionNumber: session ?? undefined,
        items: scores,
        total: c.number('total', false),
      });
      const key = keyOf(code, instrument ?? '', session, (value.administeredOn as string | undefined) ?? '');
      const { dto, errors } = dtoErrors(CreateMeasureDto, value);
      const state = code ? this.cases.get(code) : undefined;
      if (code && !state) c.fail('client_code', `"${code}" is not a case in the record you may write to (import the case first)`);
      const rules: RowErrorDto[] = [];
      let scored: ScoredMeasure | undefined;
      if (!errors.length && state) {
        const checked = await this.check(em, state, dto);
        rules.push(...checked.errors);
        scored = checked.value;
      }
      const all = mergeErrors(c.errors, toColumns(errors), toColumns(rules));
      if (all.length || !state || !scored) {
        report.add(src.row, 'error', key, all);
        continue;
      }
      const natural = keyOf('', dto.instrument, dto.sessionNumber, dto.administeredOn);
      if (state.existing.has(natural)) {
        report.add(src.row, 'match', key, [], 'this administration is already on the case');
        continue;
      }
      state.existing.add(natural);
      state.added++;
      if (scored.riskFlag) state.flagged = true;
      report.add(src.row, 'create', key);
      inserts.push({ caseId: state.id, dto, value: scored });
    }
    if (commit && inserts.length) await insertMeasures(em, inserts);
    this.created += inserts.length;
  }

  /** 'intake' → 0, a whole number → that session, empty → not tied to a session. */
  private session(c: RowCells): number | null | undefined {
    const v = c.text('session');
    if (v === undefined) return null;
    if (v.toLowerCase() === 'intake') return 0;
    if (!/^\d+$/.test(v)) {
      c.fail('session', `must be intake or a session number, not "${v}"`);
      return undefined;
    }
    return Number(v);
  }

  /** `2;1;3;…` (item scores in instrument order; commas or spaces also separate them). */
  private scores(c: RowCells): number[] | undefined {
    const v = c.text('scores');
    if (v === undefined) return undefined;
    const parts = v.split(/[;,\s]+/).filter(Boolean);
    if (!parts.every((p) => /^\d+$/.test(p))) {
      c.fail('scores', `must be whole numbers separated by ; (e.g. 2;1;3), not "${v}"`);
      return undefined;
    }
    return parts.map(Number);
  }

  /** The service's checks of POST /cases/:id/measures, in its order, as row errors. */
  private async check(
    em: EntityManager,
    state: CaseState,
    dto: CreateMeasureDto,
  ): Promise<{ errors: RowErrorDto[]; value?: ScoredMeasure }> {
    if (isFutureDate(dto.administeredOn, this.scope.now))
      return { errors: [{ field: 'administered_on', message: 'administered_on must not be in the future' }] };
    const instrument = (await instrumentsAvailableTo(em, state.bodyId, [dto.instrument])).get(dto.instrument);
    if (!instrument)
      return { errors: [{ field: 'instrument', message: `${dto.instrument} is not an instrument available to this case's body` }] };
    const scored = scoreMeasure(instrument, dto);
    if (!scored.ok) return { errors: detailsToErrors(scored.details) };
    if (state.endDate && dto.administeredOn > state.endDate)
      return { errors: [{ field: 'administered_on', message: 'administered_on must not be after the case ended' }] };
    return { errors: [], value: scored.value };
  }

  /** The cases a chunk names that were not seen yet, with their measures' keys: two queries per chunk. */
  private async loadCases(em: EntityManager, rows: SourceRow[]): Promise<void> {
    const codes = [...new Set(rows.map((r) => (r.cells.client_code ?? '').trim().toUpperCase()))].filter((c) => c && !this.cases.has(c));
    if (!codes.length) return;
    const found: {
      id: string;
      client_code: string;
      supervisor_id: string;
      end_date: string | null;
      review_state: CaseReviewState;
      body_id: string;
      risk_flagged: boolean;
    }[] = await em.query(
      `SELECT id, client_code, supervisor_id, end_date::text AS end_date, review_state, body_id, risk_flagged_at IS NOT NULL AS risk_flagged
         FROM supervised_cases WHERE trainee_id = $1 AND client_code = ANY($2::text[])`,
      [this.scope.traineeId, codes],
    );
    for (const code of codes) this.cases.set(code, null);
    const writable = found.filter((f) => !this.scope.adminBodies || this.scope.adminBodies.includes(f.body_id));
    if (!writable.length) return;
    const have: { case_id: string; instrument: string; session_number: number | null; administered_on: string }[] = await em.query(
      `SELECT case_id, instrument, session_number, administered_on::text AS administered_on FROM outcome_measures WHERE case_id = ANY($1::uuid[])`,
      [writable.map((f) => f.id)],
    );
    for (const f of writable) {
      this.cases.set(f.client_code, {
        id: f.id,
        clientCode: f.client_code,
        supervisorId: f.supervisor_id,
        endDate: f.end_date,
        reviewState: f.review_state,
        bodyId: f.body_id,
        riskFlagged: f.risk_flagged,
        existing: new Set(have.filter((m) => m.case_id === f.id).map((m) => keyOf('', m.instrument, m.session_number, m.administered_on))),
        added: 0,
        flagged: false,
      });
    }
  }

  async finish(em: EntityManager, report: ReportBuilder, commit: boolean): Promise<Record<string, unknown>> {
    const touched = [...this.cases.values()].filter((c): c is CaseState => !!c && c.added > 0);
    if (commit && !report.hasErrors && touched.length) {
      await em.query(`UPDATE supervised_cases SET version = version + 1, updated_at = now() WHERE id = ANY($1::uuid[])`, [
        touched.map((c) => c.id),
      ]);
      for (const c of touched) await reopenReview(em, c.id, c.reviewState, this.scope.actorId);
      const flagged = touched.filter((c) => c.flagged);
      if (flagged.length) {
        // as POST /cases/:id/measures: a new signal clears the supervisor's acknowledgement and notifies them
        await em.query(
          `UPDATE supervised_cases SET risk_flagged_at = COALESCE(risk_flagged_at, now()),
                  risk_acknowledged_at = NULL, risk_acknowledged_by = NULL, risk_acknowledgement_note = NULL
            WHERE id = ANY($1::uuid[])`,
          [flagged.map((c) => c.id)],
        );
        for (const c of flagged)
          await this.notifications.enqueue(
            em,
            riskFlagNotice({ id: c.id, traineeId: this.scope.traineeId, supervisorId: c.supervisorId, clientCode: c.clientCode }),
          );
      }
    }
    return { measuresCreated: this.created, casesChanged: touched.length, casesRiskFlagged: touched.filter((c) => c.flagged).length };
  }
}

async function insertMeasures(em: EntityManager, rows: Insert[]): Promise<void> {
  await em.query(
    `INSERT INTO outcome_measures (case_id, instrument, administered_on, session_number, items, total, severity, risk_flag)
     SELECT u.case_id, u.instrument, u.administered_on, u.session_number,
            CASE WHEN u.items IS NULL THEN NULL ELSE ARRAY(SELECT jsonb_array_elements_text(u.items)::int) END,
            u.total, u.severity, u.risk_flag
       FROM unnest($1::uuid[], $2::text[], $3::date[], $4::int[], $5::jsonb[], $6::int[], $7::text[], $8::bool[])
         AS u(case_id, instrument, administered_on, session_number, items, total, severity, risk_flag)`,
    [
      rows.map((r) => r.caseId),
      rows.map((r) => r.dto.instrument),
      rows.map((r) => r.dto.administeredOn),
      rows.map((r) => r.dto.sessionNumber ?? null),
      rows.map((r) => (r.value.items ? JSON.stringify(r.value.items) : null)),
      rows.map((r) => r.value.total),
      rows.map((r) => r.value.severity),
      rows.map((r) => r.value.riskFlag === true),
    ],
  );
}
