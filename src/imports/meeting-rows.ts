import type { EntityManager } from 'typeorm';
import { DomainError } from '../common/errors';
import type { Actor, Grant } from '../common/request-context';
import { CreateSupervisionSessionDto } from '../supervision-sessions/dto';
import { checkAgainstRecords } from '../supervision-sessions/session-records';
import { sessionShapeProblems } from '../supervision-sessions/session-rules';
import { SupervisionCaseReview } from '../supervision-sessions/supervision-case-review.entity';
import { SupervisionParticipant } from '../supervision-sessions/supervision-participant.entity';
import { SupervisionSession } from '../supervision-sessions/supervision-session.entity';
import { dropUndefined, mergeErrors } from './activity-rows';
import { detailsToErrors, dtoErrors } from './api-rules';
import { RowCells } from './cells';
import type { ReportBuilder, RowErrorDto } from './import-report';
import type { RecordImporter, RecordImportScope } from './record-import-kind';
import type { SourceRow } from './row-source';

interface Person {
  id: string;
  grants: Grant[];
}

// the API's field names → the template's columns
const COLUMN: Record<string, string> = {
  participant_ids: 'co_trainee_emails',
  case_reviews: 'cases_reviewed',
  'case_reviews.reviewed_session_ids': 'cases_reviewed',
};
const toColumns = (errors: RowErrorDto[]) => errors.map((e) => ({ ...e, field: COLUMN[e.field] ?? e.field }));
const list = (v: string | undefined) => (v ?? '').split(/[;,\s]+/).filter(Boolean);

// Supervision meetings the trainee attended, imported by a BODY ADMIN for a trainee of their body (supervision
// meetings are recorded by supervisors, never by the trainee: the body vouches for them instead, and the import
// is audited under the admin). Natural key: date + supervisor e-mail + format — a meeting of that supervisor on
// that date, in that format, with the trainee taking part is matched. Each row is the supervision-session API's
// request as the supervisor would send it (the DTO, the session's own rules, then the checks against the records:
// an active supervision by that date, everyone in one body, reviewed cases the supervisor's cases of a participant),
// so an imported meeting counts exactly as a logged one does; created_by keeps the importing admin.
export class MeetingImporter implements RecordImporter {
  private readonly people = new Map<string, Person | null>();
  private existing: Set<string> | null = null;
  private caseIds: Map<string, string> | null = null;
  private readonly inFile = new Map<string, number>();
  private created = 0;

  constructor(private readonly scope: RecordImportScope) {}

  async chunk(em: EntityManager, rows: SourceRow[], report: ReportBuilder, commit: boolean): Promise<void> {
    if (!this.existing) await this.load(em);
    await this.loadPeople(em, rows);
    for (const src of rows) {
      const c = new RowCells(src.cells, src.formulas);
      const email = c.required('supervisor_email')?.toLowerCase();
      const supervisor = email ? this.people.get(email) : undefined;
      if (email && !supervisor) c.fail('supervisor_email', 'is not a user of the service');
      const coTrainees = list(c.text('co_trainee_emails')).map((e) => e.toLowerCase());
      const unknown = coTrainees.filter((e) => !this.people.get(e));
      if (unknown.length) c.fail('co_trainee_emails', `are not users of the service: ${unknown.join(', ')}`);
      const codes = list(c.text('cases_reviewed')).map((code) => code.toUpperCase());
      const missing = codes.filter((code) => !this.caseIds!.has(code));
      if (missing.length) c.fail('cases_reviewed', `are not cases in the trainee's record: ${missing.join(', ')}`);
      const value = dropUndefined({
        date: c.date('date'),
        minutes: c.number('minutes'),
        format: c.text('format')?.toLowerCase(),
        participantIds: [this.scope.traineeId, ...coTrainees.flatMap((e) => this.people.get(e)?.id ?? [])],
        caseReviews: codes.flatMap((code) => (this.caseIds!.has(code) ? [{ caseId: this.caseIds!.get(code)! }] : [])),
      });
      const key = `${value.date ?? ''} ${email ?? ''} ${value.format ?? ''}`;
      const { dto, errors } = dtoErrors(CreateSupervisionSessionDto, value);
      const rules: RowErrorDto[] = [];
      if (!errors.length && !c.errors.length && supervisor) rules.push(...(await this.check(em, supervisor, email!, dto)));
      const all = mergeErrors(c.errors, toColumns(errors), toColumns(rules));
      if (all.length || !supervisor) {
        report.add(src.row, 'error', key, all);
        continue;
      }
      const natural = `${dto.date} ${supervisor.id} ${dto.format}`;
      if (this.existing!.has(natural)) {
        report.add(src.row, 'match', key, [], 'a meeting of this supervisor on this date with the trainee is already recorded');
        continue;
      }
      const first = this.inFile.get(natural);
      if (first !== undefined) {
        report.add(src.row, 'skip', key, [], `the same meeting as row ${first}`);
        continue;
      }
      this.inFile.set(natural, src.row);
      report.add(src.row, 'create', key);
      if (commit) await this.write(em, supervisor, dto);
      this.created++;
    }
  }

  /** The supervision-session API's checks, run as if the supervisor sent the row; plus: in a body the admin administers. */
  private async check(em: EntityManager, supervisor: Person, email: string, dto: CreateSupervisionSessionDto): Promise<RowErrorDto[]> {
    const shape = { ...dto, caseReviews: dto.caseReviews ?? [], notes: null };
    const problems = detailsToErrors(sessionShapeProblems(shape, supervisor.id, this.scope.now));
    if (problems.length) return problems;
    const actor: Actor = { userId: supervisor.id, sessionId: '', email, grants: supervisor.grants };
    try {
      const { bodyId } = await checkAgainstRecords(em, actor, shape);
      if (this.scope.adminBodies && !this.scope.adminBodies.includes(bodyId))
        return [{ field: 'supervisor_email', message: 'supervises the trainee in a body you do not administer' }];
      this.bodyOf.set(`${supervisor.id} ${dto.date}`, bodyId);
      return [];
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      return this.asRowErrors(err);
    }
  }

  private readonly bodyOf = new Map<string, string>();

  /** A refusal of the records check on the row's columns, each person named by e-mail (never an internal id). */
  private asRowErrors(err: DomainError): RowErrorDto[] {
    const emailOf = new Map([...this.people].flatMap(([email, p]) => (p ? [[p.id, email] as const] : [])));
    const named = (m: string) =>
      m.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => emailOf.get(id) ?? 'the trainee');
    if (err.code === 'NO_ACTIVE_SUPERVISION') {
      const traineeOff = (err.details?.participantIds ?? []).some((m) => m.startsWith(this.scope.traineeId));
      if (traineeOff)
        return [{ field: 'supervisor_email', message: 'supervisor_email was not an active supervisor of the trainee on that date' }];
    }
    if (!err.details) return [{ field: 'supervisor_email', message: err.message }];
    return detailsToErrors(Object.fromEntries(Object.entries(err.details).map(([f, ms]) => [f, ms.map(named)])));
  }

  private async write(em: EntityManager, supervisor: Person, dto: CreateSupervisionSessionDto): Promise<void> {
    const session = await em.save(
      em.create(SupervisionSession, {
        supervisorId: supervisor.id,
        bodyId: this.bodyOf.get(`${supervisor.id} ${dto.date}`)!,
        date: dto.date,
        minutes: dto.minutes,
        format: dto.format,
        notes: null,
        createdBy: this.scope.actorId,
      }),
    );
    await em.insert(
      SupervisionParticipant,
      dto.participantIds.map((traineeId) => ({ sessionId: session.id, traineeId })),
    );
    if (dto.caseReviews?.length)
      await em.insert(
        SupervisionCaseReview,
        dto.caseReviews.map((r) => ({ sessionId: session.id, caseId: r.caseId, minutes: null, reviewedSessionIds: [] })),
      );
  }

  private async load(em: EntityManager): Promise<void> {
    const have: { date: string; supervisor_id: string; format: string }[] = await em.query(
      `SELECT s.date::text AS date, s.supervisor_id, s.format::text AS format FROM supervision_sessions s
         JOIN supervision_participants p ON p.session_id = s.id WHERE p.trainee_id = $1`,
      [this.scope.traineeId],
    );
    this.existing = new Set(have.map((h) => `${h.date} ${h.supervisor_id} ${h.format}`));
    const cases: { id: string; client_code: string }[] = await em.query(
      `SELECT id, client_code FROM supervised_cases WHERE trainee_id = $1`,
      [this.scope.traineeId],
    );
    this.caseIds = new Map(cases.map((c) => [c.client_code, c.id]));
  }

  /** The supervisors and co-trainees a chunk names by e-mail, with the supervisors' role grants: one query. */
  private async loadPeople(em: EntityManager, rows: SourceRow[]): Promise<void> {
    const emails = [
      ...new Set(
        rows.flatMap((r) => [r.cells.supervisor_email ?? '', ...list(r.cells.co_trainee_emails)].map((e) => e.trim().toLowerCase())),
      ),
    ].filter((e) => e && !this.people.has(e));
    if (!emails.length) return;
    const found: { id: string; email: string; grants: Grant[] }[] = await em.query(
      `SELECT u.id, lower(u.email) AS email,
              COALESCE((SELECT json_agg(json_build_object('role', g.role, 'bodyId', g.body_id)) FROM role_grants g
                         WHERE g.user_id = u.id AND g.revoked_at IS NULL), '[]') AS grants
         FROM users u WHERE lower(u.email) = ANY($1::text[]) AND u.status = 'active'`,
      [emails],
    );
    for (const e of emails) this.people.set(e, null);
    for (const f of found) this.people.set(f.email, { id: f.id, grants: f.grants });
  }

  async finish(): Promise<Record<string, unknown>> {
    return { meetingsCreated: this.created };
  }
}
