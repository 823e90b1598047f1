import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { checkCaseFields } from '../cases/case-rules';
import { checkClientCode } from '../cases/client-code';
import { CreateCaseDto } from '../cases/dto';
import { CaseStatus, SupervisedCase } from '../cases/supervised-case.entity';
import { dropUndefined, mergeErrors } from './activity-rows';
import { detailsToErrors, dtoErrors } from './api-rules';
import { RowCells } from './cells';
import type { ReportBuilder, RowErrorDto } from './import-report';
import type { RecordImporter, RecordImportScope } from './record-import-kind';
import type { SourceRow } from './row-source';

interface Supervision {
  supervisorId: string;
  bodyId: string;
}

// Supervised cases (fields, not narrative); natural key: the client code within the trainee's record. A case is
// logged under an ACTIVE supervision of the trainee by the supervisor named, in that supervision's body — as
// POST /cases does; a body admin imports only cases supervised within a body they administer.
export class CaseImporter implements RecordImporter {
  private supervisors: Map<string, Supervision> | null = null;
  private existing: Set<string> | null = null;
  private readonly inFile = new Map<string, number>();
  private created = 0;

  constructor(private readonly scope: RecordImportScope) {}

  private async load(em: EntityManager): Promise<void> {
    const rels: { email: string; supervisor_id: string; body_id: string }[] = await em.query(
      `SELECT u.email, r.supervisor_id, r.body_id FROM supervision_relationships r JOIN users u ON u.id = r.supervisor_id
        WHERE r.trainee_id = $1 AND r.status = 'active' ORDER BY r.created_at`,
      [this.scope.traineeId],
    );
    this.supervisors = new Map();
    for (const r of rels)
      if (!this.supervisors.has(r.email)) this.supervisors.set(r.email, { supervisorId: r.supervisor_id, bodyId: r.body_id });
    const codes: { client_code: string }[] = await em.query(`SELECT client_code FROM supervised_cases WHERE trainee_id = $1`, [
      this.scope.traineeId,
    ]);
    this.existing = new Set(codes.map((c) => c.client_code));
  }

  async chunk(em: EntityManager, rows: SourceRow[], report: ReportBuilder, commit: boolean): Promise<void> {
    if (!this.supervisors) await this.load(em);
    const insert: QueryDeepPartialEntity<SupervisedCase>[] = [];
    for (const src of rows) {
      const r = this.read(src);
      if (r.errors.length) {
        report.add(src.row, 'error', r.key, r.errors);
        continue;
      }
      if (this.existing!.has(r.key)) {
        report.add(src.row, 'match', r.key, [], 'a case with this client code is already in the record');
        continue;
      }
      const first = this.inFile.get(r.key);
      if (first !== undefined) {
        report.add(src.row, 'skip', r.key, [], `the same client code as row ${first}`);
        continue;
      }
      this.inFile.set(r.key, src.row);
      report.add(src.row, 'create', r.key);
      insert.push(r.values!);
    }
    if (commit && insert.length) await em.insert(SupervisedCase, insert);
    this.created += insert.length;
  }

  private read(src: SourceRow): { key: string; errors: RowErrorDto[]; values?: QueryDeepPartialEntity<SupervisedCase> } {
    const c = new RowCells(src.cells, src.formulas);
    const email = c.required('supervisor_email')?.toLowerCase();
    const supervision = email ? this.supervisors!.get(email) : undefined;
    if (email && !supervision) c.fail('supervisor_email', 'is not an active supervisor of the trainee');
    if (supervision && this.scope.adminBodies && !this.scope.adminBodies.includes(supervision.bodyId))
      c.fail('supervisor_email', 'supervises the trainee in a body you do not administer');
    const value = dropUndefined({
      clientCode: c.required('client_code'),
      supervisorId: supervision?.supervisorId,
      format: c.text('format'),
      adaptation: c.text('adaptation'),
      ageBand: c.text('age_band'),
      setting: c.text('setting'),
      primaryDiagnosis: c.text('primary_diagnosis'),
      focusProblemArea: c.text('focus_problem_area'),
      secondaryProblemArea: c.text('secondary_problem_area') ?? null,
      plannedSessions: c.number('planned_sessions'),
      startDate: c.date('start_date'),
      endDate: c.date('end_date', false) ?? null,
      status: c.text('status') ?? CaseStatus.Active,
      endReason: c.text('end_reason') ?? null,
      recordingConsent: c.yesNo('recording_consent'),
    });
    const code = typeof value.clientCode === 'string' ? checkClientCode(value.clientCode) : null;
    const key = code?.ok ? code.code : String(value.clientCode ?? '');
    const { dto, errors } = dtoErrors(CreateCaseDto, value);
    const rules: RowErrorDto[] = [];
    if (code && !code.ok) rules.push({ field: 'client_code', message: `client_code ${code.reason}` });
    if (dto.supervisorId === this.scope.traineeId) rules.push({ field: 'supervisor_email', message: 'you cannot supervise your own case' });
    const fields = {
      ...dto,
      status: dto.status ?? CaseStatus.Active,
      endDate: dto.endDate ?? null,
      secondaryProblemArea: dto.secondaryProblemArea ?? null,
      presentingProblem: null,
      formulation: null,
      course: null,
      techniques: null,
      outcome: null,
    };
    if (!errors.length) rules.push(...detailsToErrors(checkCaseFields(fields, this.scope.now)));
    // a missing supervisor was reported on its column; the DTO's supervisorId message would only repeat it
    const all = mergeErrors(
      c.errors,
      errors.filter((e) => e.field !== 'supervisor_id'),
      rules,
    );
    if (all.length) return { key, errors: all };
    return {
      key,
      errors: [],
      values: {
        ...fields,
        clientCode: key,
        traineeId: this.scope.traineeId,
        bodyId: supervision!.bodyId,
        supervisorId: supervision!.supervisorId,
      },
    };
  }

  async finish(): Promise<Record<string, unknown>> {
    return { casesCreated: this.created };
  }
}
