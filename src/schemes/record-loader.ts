import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { dateOf, dateOrNull } from '../common/dates';
import type { RubricDefinition } from '../rubrics/rubric-scoring';
import { caseAttributes } from './case-attributes';
import type {
  CaseRecord,
  LevelSpan,
  PersonRecord,
  Phase,
  QualificationRecord,
  ReferenceRecord,
  SupervisionReceived,
} from './person-record';

type Row = Record<string, unknown>;

// Levels held: from issue to the end of good standing (expiry, or the first event that ended it).
const LEVELS_SQL = `
  SELECT a.id, a.holder_id, s.code AS scheme_code, a.body_id, (SELECT b.code FROM bodies b WHERE b.id = a.body_id) AS body_code, a.level_code, a.issued_on, a.expires_on, a.status,
         (SELECT min(e.occurred_at) FROM accreditation_events e
           WHERE e.accreditation_id = a.id AND e.to_status IN ('lapsed', 'suspended', 'revoked', 'expired')) AS ended_at
    FROM accreditations a
    JOIN scheme_versions v ON v.id = a.scheme_version_id
    JOIN schemes s ON s.id = v.scheme_id
   WHERE a.holder_id = ANY($1::uuid[])`;

/**
 * Loads everything the eligibility rules read about one person, with a fixed number of queries whatever
 * the size of the record (no query per case, session or rating).
 */
@Injectable()
export class RecordLoader {
  constructor(private readonly db: DataSource) {}

  async load(personId: string, opts: { calibratedRaters?: string[] } = {}, em: EntityManager = this.db.manager): Promise<PersonRecord> {
    const q = (sql: string, params: unknown[]) => em.query(sql, params) as Promise<Row[]>;
    // concurrently from the pool when we may; one after another inside a transaction (its single connection)
    const [profile, activities, teaching, cases, sessions, measures, received, given, ratings] = await runAll(!em.queryRunner, [
      () => q(`SELECT core_profession, licences, memberships FROM trainee_profiles WHERE user_id = $1`, [personId]),
      () =>
        q(
          `SELECT id, kind, hours::float8 AS hours, date, verified_at IS NOT NULL AS verified, trainer_id, delivery, provider, title
             FROM training_activities WHERE trainee_id = $1`,
          [personId],
        ),
      () => q(`SELECT id, kind, hours::float8 AS hours, date FROM training_activities WHERE trainer_id = $1`, [personId]),
      () =>
        q(
          `SELECT c.id, c.client_code, c.format, c.adaptation, c.age_band, c.setting, c.primary_diagnosis, c.focus_problem_area,
                c.secondary_problem_area, c.attributes, c.taxonomy_version_id, t.code AS taxonomy_code, c.status, c.review_state,
                c.start_date, c.end_date, c.supervisor_id
           FROM supervised_cases c JOIN taxonomies t ON t.id = c.taxonomy_version_id WHERE c.trainee_id = $1`,
          [personId],
        ),
      () =>
        q(
          `SELECT s.id, s.case_id, s.number, s.date, s.duration_minutes, s.phase, s.attended, s.recorded
           FROM therapy_sessions s JOIN supervised_cases c ON c.id = s.case_id WHERE c.trainee_id = $1 ORDER BY s.number`,
          [personId],
        ),
      () =>
        q(
          `SELECT m.id, m.case_id, m.instrument, m.session_number, m.administered_on
           FROM outcome_measures m JOIN supervised_cases c ON c.id = m.case_id WHERE c.trainee_id = $1`,
          [personId],
        ),
      () =>
        q(
          `SELECT ss.id, ss.date, ss.supervisor_id, ss.format, ss.minutes,
                (SELECT count(*)::int FROM supervision_participants p2 WHERE p2.session_id = ss.id) AS member_count,
                COALESCE((SELECT json_agg(json_build_object('caseId', r.case_id, 'minutes', r.minutes, 'reviewedSessionIds', r.reviewed_session_ids))
                            FROM supervision_case_reviews r JOIN supervised_cases c ON c.id = r.case_id
                           WHERE r.session_id = ss.id AND c.trainee_id = $1), '[]') AS case_reviews
           FROM supervision_sessions ss JOIN supervision_participants p ON p.session_id = ss.id AND p.trainee_id = $1`,
          [personId],
        ),
      () =>
        q(
          `SELECT ss.id, ss.date, ss.minutes, array_agg(p.trainee_id) AS trainee_ids
           FROM supervision_sessions ss JOIN supervision_participants p ON p.session_id = ss.id
          WHERE ss.supervisor_id = $1 GROUP BY ss.id`,
          [personId],
        ),
      () =>
        q(
          `SELECT r.id, r.rubric_version_id, r.target_type, r.target_id, r.rater_id, r.rater_role, r.scores
           FROM ratings r WHERE r.trainee_id = $1 AND r.status = 'submitted'
            AND NOT EXISTS (SELECT 1 FROM ratings nx WHERE nx.supersedes_id = r.id)`,
          [personId],
        ),
    ]);
    // evidence of issue 15: qualifications with their verification, and references (the text is not read)
    const [qualifications, references] = await runAll(!em.queryRunner, [
      () => q(`SELECT id, kind, code, title, awarded_on, state FROM qualifications WHERE person_id = $1`, [personId]),
      () =>
        q(
          `SELECT id, body_id, kind, (submitted_at AT TIME ZONE 'UTC')::date AS submitted_on FROM reference_requests
            WHERE applicant_id = $1 AND cancelled_at IS NULL`,
          [personId],
        ),
    ]);
    const versionIds = [...new Set(ratings.map((r) => String(r.rubric_version_id)))];
    const others = [
      ...new Set([
        ...cases.map((c) => String(c.supervisor_id)),
        ...received.map((r) => String(r.supervisor_id)),
        ...activities
          .map((a) => a.trainer_id)
          .filter(Boolean)
          .map(String),
      ]),
    ];
    const rubrics = versionIds.length
      ? await q(
          `SELECT v.id, r.code, v.definition FROM rubric_versions v JOIN rubrics r ON r.id = v.rubric_id WHERE v.id = ANY($1::uuid[])`,
          [versionIds],
        )
      : [];
    const levels = await q(LEVELS_SQL, [[personId, ...others]]);
    const spans = new Map<string, LevelSpan[]>();
    for (const l of levels) {
      const ended = l.status === 'active' ? null : (dateOrNull(l.ended_at) ?? dateOrNull(l.expires_on));
      const to = [ended, l.status === 'active' ? dateOrNull(l.expires_on) : null].filter((x): x is string => !!x).sort()[0] ?? null;
      const list = spans.get(String(l.holder_id)) ?? [];
      list.push({
        accreditationId: String(l.id),
        schemeCode: String(l.scheme_code),
        bodyId: String(l.body_id),
        bodyCode: String(l.body_code),
        levelCode: String(l.level_code),
        from: dateOf(l.issued_on),
        to,
      });
      spans.set(String(l.holder_id), list);
    }
    const p = profile[0];
    return {
      personId,
      profile: p
        ? {
            profession: (p.core_profession as string) ?? null,
            licences: ((p.licences as { jurisdiction: string; number: string; expiresOn: string | null }[]) ?? []).map((l) => ({
              ...l,
              expiresOn: l.expiresOn ?? null,
            })),
            memberships: (p.memberships as { bodyId: string; from: string; to: string | null }[]) ?? [],
          }
        : null,
      levels: spans.get(personId) ?? [],
      activities: activities.map((a) => ({
        id: String(a.id),
        kind: String(a.kind),
        hours: Number(a.hours),
        date: dateOf(a.date),
        verified: a.verified === true,
        trainerId: (a.trainer_id as string) ?? null,
        delivery: String(a.delivery),
        provider: String(a.provider),
        title: String(a.title),
      })),
      teaching: teaching.map((a) => ({ id: String(a.id), kind: String(a.kind), hours: Number(a.hours), date: dateOf(a.date) })),
      cases: toCases(cases, sessions, measures),
      supervisionReceived: received.map((r): SupervisionReceived => ({
        meetingId: String(r.id),
        date: dateOf(r.date),
        supervisorId: String(r.supervisor_id),
        format: r.format === 'group' ? 'group' : 'individual',
        minutes: Number(r.minutes),
        memberCount: Math.max(1, Number(r.member_count)),
        caseReviews: (r.case_reviews as { caseId: string; minutes: number | null; reviewedSessionIds: string[] | null }[]).map((x) => ({
          ...x,
          reviewedSessionIds: x.reviewedSessionIds ?? [],
        })),
      })),
      supervisionGiven: given.map((g) => ({
        id: String(g.id),
        date: dateOf(g.date),
        minutes: Number(g.minutes),
        traineeIds: (g.trainee_ids as string[]) ?? [],
      })),
      ratings: ratings.map((r) => ({
        id: String(r.id),
        rubricVersionId: String(r.rubric_version_id),
        targetType: r.target_type as 'session' | 'case' | 'portfolio',
        targetId: String(r.target_id),
        raterId: String(r.rater_id),
        raterRole: r.rater_role as 'supervisor' | 'independent' | 'self',
        scores: r.scores as Record<string, number>,
      })),
      rubrics: Object.fromEntries(
        rubrics.map((r) => [String(r.id), { rubricCode: String(r.code), definition: r.definition as RubricDefinition }]),
      ),
      othersLevels: Object.fromEntries(others.map((id) => [id, spans.get(id) ?? []])),
      calibratedRaters: opts.calibratedRaters ?? [],
      qualifications: qualifications.map((x): QualificationRecord => ({
        id: String(x.id),
        kind: String(x.kind),
        code: String(x.code),
        title: String(x.title),
        awardedOn: dateOf(x.awarded_on),
        state: x.state as QualificationRecord['state'],
      })),
      references: references.map((x): ReferenceRecord => ({
        id: String(x.id),
        bodyId: String(x.body_id),
        kind: String(x.kind),
        submittedOn: dateOrNull(x.submitted_on),
      })),
    };
  }
}

async function runAll<T>(concurrently: boolean, thunks: (() => Promise<T>)[]): Promise<T[]> {
  if (concurrently) return Promise.all(thunks.map((t) => t()));
  const out: T[] = [];
  for (const t of thunks) out.push(await t());
  return out;
}

function toCases(cases: Row[], sessions: Row[], measures: Row[]): CaseRecord[] {
  const byCase = new Map<string, CaseRecord>();
  for (const c of cases) {
    const values = {
      format: String(c.format),
      adaptation: String(c.adaptation),
      ageBand: String(c.age_band),
      setting: String(c.setting),
      focusProblemArea: String(c.focus_problem_area),
      secondaryProblemArea: (c.secondary_problem_area as string) ?? null,
      attributes: (c.attributes as Record<string, string | string[]>) ?? {},
    };
    byCase.set(String(c.id), {
      id: String(c.id),
      clientCode: String(c.client_code),
      format: String(c.format),
      adaptation: String(c.adaptation),
      primaryDiagnosis: String(c.primary_diagnosis),
      focusProblemArea: String(c.focus_problem_area),
      secondaryProblemArea: (c.secondary_problem_area as string) ?? null,
      taxonomyCode: String(c.taxonomy_code),
      taxonomyVersionId: String(c.taxonomy_version_id),
      status: String(c.status),
      reviewState: String(c.review_state),
      startDate: dateOf(c.start_date),
      endDate: dateOrNull(c.end_date),
      supervisorId: String(c.supervisor_id),
      // the body's own attributes from the taxonomy, and the built-in ones the case columns hold (problemArea =
      // focus and secondary together; diagnosisGroup derived from the ICD-10 code)
      attributes: caseAttributes({
        focusProblemArea: String(c.focus_problem_area),
        secondaryProblemArea: (c.secondary_problem_area as string) ?? null,
        format: String(c.format),
        adaptation: String(c.adaptation),
        setting: String(c.setting),
        ageBand: String(c.age_band),
        primaryDiagnosis: String(c.primary_diagnosis),
        custom: values.attributes,
      }),
      sessions: [],
      measures: [],
    });
  }
  for (const s of sessions) {
    byCase.get(String(s.case_id))?.sessions.push({
      id: String(s.id),
      number: Number(s.number),
      date: dateOf(s.date),
      durationMinutes: Number(s.duration_minutes),
      phase: s.phase as Phase,
      attended: s.attended === true,
      recorded: s.recorded === true,
    });
  }
  for (const m of measures) {
    byCase.get(String(m.case_id))?.measures.push({
      id: String(m.id),
      instrument: String(m.instrument),
      sessionNumber: m.session_number === null ? null : Number(m.session_number),
      administeredOn: dateOf(m.administered_on),
    });
  }
  return [...byCase.values()];
}
