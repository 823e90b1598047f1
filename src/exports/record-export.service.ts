import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { FileDownload } from '../common/file-download';
import type { AuthedCtx } from '../common/request-context';
import { RECORD_EXPORT_FORMAT, type RecordExport } from './record-export';
import { recordPdf } from './record-pdf';

// A person's own record, everything the service holds about their training, as plain JSON (schema:
// docs/schemas/record-export.schema.json). One statement per section; each answers a JSON array in a fixed order.
const SECTIONS = {
  activities: `
    SELECT json_build_object('id', a.id, 'kind', a.kind, 'title', a.title, 'provider', a.provider, 'hours', a.hours::float8,
             'delivery', a.delivery, 'date', a.date, 'evidenceRef', a.evidence_ref, 'verified', a.verified_at IS NOT NULL, 'verifiedAt', a.verified_at) AS j
      FROM training_activities a WHERE a.trainee_id = $1 ORDER BY a.date, a.id`,
  cases: `
    SELECT json_build_object('id', c.id, 'bodyId', c.body_id, 'supervisorName', s.display_name, 'clientCode', c.client_code, 'format', c.format,
             'adaptation', c.adaptation, 'ageBand', c.age_band, 'setting', c.setting, 'primaryDiagnosis', c.primary_diagnosis,
             'focusProblemArea', c.focus_problem_area, 'secondaryProblemArea', c.secondary_problem_area, 'plannedSessions', c.planned_sessions,
             'startDate', c.start_date, 'endDate', c.end_date, 'status', c.status, 'endReason', c.end_reason, 'reviewState', c.review_state,
             'presentingProblem', c.presenting_problem, 'formulation', c.formulation, 'course', c.course, 'techniques', c.techniques, 'outcome', c.outcome,
             'sessions', COALESCE((SELECT json_agg(json_build_object('number', t.number, 'date', t.date, 'durationMinutes', t.duration_minutes,
                 'phase', t.phase, 'attended', t.attended, 'recorded', t.recorded) ORDER BY t.number) FROM therapy_sessions t WHERE t.case_id = c.id), '[]'),
             'measures', COALESCE((SELECT json_agg(json_build_object('instrument', m.instrument, 'administeredOn', m.administered_on,
                 'sessionNumber', m.session_number, 'total', m.total, 'severity', m.severity, 'riskFlag', m.risk_flag) ORDER BY m.administered_on, m.id)
                 FROM outcome_measures m WHERE m.case_id = c.id), '[]'),
             'signOffs', COALESCE((SELECT json_agg(json_build_object('supervisorName', su.display_name, 'contentHash', so.content_hash,
                 'signedAt', so.signed_at, 'voidedAt', so.voided_at, 'voidReason', so.void_reason) ORDER BY so.signed_at)
                 FROM case_signoffs so JOIN users su ON su.id = so.supervisor_id WHERE so.case_id = c.id), '[]')) AS j
      FROM supervised_cases c JOIN users s ON s.id = c.supervisor_id WHERE c.trainee_id = $1 ORDER BY c.start_date, c.id`,
  supervisionRelationships: `
    SELECT json_build_object('id', r.id, 'supervisorName', s.display_name, 'bodyId', r.body_id, 'status', r.status,
             'startedOn', r.started_on, 'endedOn', r.ended_on, 'endReason', r.end_reason) AS j
      FROM supervision_relationships r JOIN users s ON s.id = r.supervisor_id WHERE r.trainee_id = $1 ORDER BY r.created_at, r.id`,
  supervisionSessions: `
    SELECT json_build_object('id', ss.id, 'supervisorName', s.display_name, 'bodyId', ss.body_id, 'date', ss.date, 'minutes', ss.minutes,
             'format', ss.format, 'participants', (SELECT count(*)::int FROM supervision_participants p2 WHERE p2.session_id = ss.id),
             'casesReviewed', COALESCE((SELECT json_agg(cr.case_id ORDER BY cr.case_id) FROM supervision_case_reviews cr
                 JOIN supervised_cases rc ON rc.id = cr.case_id AND rc.trainee_id = $1 WHERE cr.session_id = ss.id), '[]')) AS j
      FROM supervision_sessions ss JOIN supervision_participants p ON p.session_id = ss.id AND p.trainee_id = $1
      JOIN users s ON s.id = ss.supervisor_id ORDER BY ss.date, ss.id`,
  ratingsReceived: `
    SELECT json_build_object('id', r.id, 'rubricVersionId', r.rubric_version_id, 'targetType', r.target_type, 'targetId', r.target_id,
             'raterRole', r.rater_role, 'scores', r.scores, 'total', r.total, 'mean', r.mean, 'passed', r.passed,
             'overallComment', r.overall_comment, 'supersedesId', r.supersedes_id, 'submittedAt', r.submitted_at) AS j
      FROM ratings r WHERE r.trainee_id = $1 AND r.status = 'submitted' ORDER BY r.submitted_at, r.id`,
  applications: `
    SELECT json_build_object('id', a.id, 'bodyId', a.body_id, 'levelCode', a.level_code, 'status', a.status, 'submittedAt', a.created_at,
             'allRulesMet', a.all_rules_met, 'decidedAt', a.decided_at, 'decisionReason', a.decision_reason, 'accreditationId', a.accreditation_id) AS j
      FROM applications a WHERE a.applicant_id = $1 ORDER BY a.created_at, a.id`,
  accreditations: `
    SELECT json_build_object('id', a.id, 'certificateNumber', a.certificate_number, 'bodyId', a.body_id, 'bodyName', b.name,
             'levelCode', a.level_code, 'levelName', a.level_name, 'status', a.status, 'issuedOn', a.issued_on, 'expiresOn', a.expires_on,
             'publicListing', a.public_listing) AS j
      FROM accreditations a JOIN bodies b ON b.id = a.body_id WHERE a.holder_id = $1 ORDER BY a.issued_on, a.id`,
} as const;

type Section = keyof typeof SECTIONS;

@Injectable()
export class RecordExportService {
  constructor(private readonly db: DataSource) {}

  // one read-only transaction, so every section describes the same moment
  async export(ctx: AuthedCtx): Promise<RecordExport> {
    const me = ctx.actor.userId;
    return this.db.transaction('REPEATABLE READ', async (em) => {
      const [person]: { j: RecordExport['person'] }[] = await em.query(
        `SELECT json_build_object('id', u.id, 'email', u.email, 'displayName', u.display_name, 'createdAt', u.created_at,
                  'traineeProfile', (SELECT json_build_object('countryCode', p.country_code, 'homeBodyId', p.home_body_id, 'coreProfession', p.core_profession,
                      'licences', p.licences, 'memberships', p.memberships) FROM trainee_profiles p WHERE p.user_id = u.id)) AS j
           FROM users u WHERE u.id = $1`,
        [me],
      );
      const sections = {} as Record<Section, unknown[]>;
      for (const key of Object.keys(SECTIONS) as Section[]) {
        sections[key] = ((await em.query(SECTIONS[key], [me])) as { j: unknown }[]).map((r) => r.j);
      }
      return { format: RECORD_EXPORT_FORMAT, exportedAt: new Date().toISOString(), person: person!.j, ...sections } as RecordExport;
    });
  }

  async pdf(ctx: AuthedCtx): Promise<FileDownload> {
    const record = await this.export(ctx);
    const pdf = await recordPdf(record, new Date(record.exportedAt));
    return { filename: `training-record-${record.exportedAt.slice(0, 10)}.pdf`, contentType: 'application/pdf', body: Buffer.from(pdf) };
  }
}
