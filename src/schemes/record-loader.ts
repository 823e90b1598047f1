import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { dateOf, dateOrNull } from '../common/dates';
import type { RubricDefinition } from '../rubrics/rubric-scoring';
import { caseAttributes } from './case-attributes';
import type { RecordPart } from './rules/record-parts';
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

/** Options of a load: the body's calibrated raters, and (bulk loads) the parts of the record the caller's rules read. */
export interface LoadOptions {
  calibratedRaters?: string[];
  /** the record parts to load (absent: all); a part left out is empty in every record (see rules/record-parts.ts) */
  parts?: ReadonlySet<RecordPart>;
}

// Levels held: from issue to the end of good standing (expiry, or the first event that ended it).
const LEVELS_SQL = `
  SELECT a.id, a.holder_id, s.code AS scheme_code, a.body_id, (SELECT b.code FROM bodies b WHERE b.id = a.body_id) AS body_code, a.level_code, a.issued_on, a.expires_on, a.status,
         (SELECT min(e.occurred_at) FROM accreditation_events e
           WHERE e.accreditation_id = a.id AND e.to_status IN ('lapsed', 'suspended', 'revoked', 'expired')) AS ended_at
    FROM accreditations a
    JOIN scheme_versions v ON v.id = a.scheme_version_id
    JOIN schemes s ON s.id = v.scheme_id
   WHERE a.holder_id = ANY($1::uuid[])
   ORDER BY a.holder_id, a.issued_on, a.id`;

/** How many people one round of bulk queries covers: bounds the rows held in memory at once. */
// (each statement of a chunk must finish well within the statement timeout, DB_STATEMENT_TIMEOUT_MS, on a cold cache)
export const LOAD_CHUNK = 250;
/** How many chunks a bulk load reads ahead of the one its caller works on. */
const READ_AHEAD = 2;

/**
 * Loads everything the eligibility rules read about one person, or about a whole set of people, with a fixed
 * number of queries whatever the size of the record or of the set (no query per person, case, session or
 * rating). One person and many share the same queries (`= ANY($1::uuid[])`) and the same row → record mapping:
 * a set is loaded in chunks of LOAD_CHUNK people, rows grouped by person in memory.
 */
@Injectable()
export class RecordLoader {
  constructor(private readonly db: DataSource) {}

  async load(personId: string, opts: { calibratedRaters?: string[] } = {}, em: EntityManager = this.db.manager): Promise<PersonRecord> {
    const [record] = await this.loadChunk([personId], opts, em);
    return record!;
  }

  /** The records of many people, in the order of the ids given (duplicates dropped), loaded LOAD_CHUNK at a time. */
  async loadMany(
    personIds: readonly string[],
    opts: LoadOptions & { chunkSize?: number } = {},
    em: EntityManager = this.db.manager,
  ): Promise<PersonRecord[]> {
    const out: PersonRecord[] = [];
    for await (const chunk of this.loadChunks(personIds, opts, em)) out.push(...chunk);
    return out;
  }

  /** The same records, a chunk at a time, so a caller that reduces each record (the what-if) holds one chunk in memory. */
  async *loadChunks(
    personIds: readonly string[],
    opts: LoadOptions & { chunkSize?: number } = {},
    em: EntityManager = this.db.manager,
  ): AsyncGenerator<PersonRecord[]> {
    const ids = [...new Set(personIds)];
    const size = Math.max(1, opts.chunkSize ?? LOAD_CHUNK);
    // the next chunks are read while the caller works on this one (the database and Node overlap, and one chunk's
    // statements run while another's rows are turned into records): READ_AHEAD chunks in flight at most
    const pending: Promise<PersonRecord[]>[] = [];
    let from = 0;
    const fill = () => {
      while (pending.length < READ_AHEAD && from < ids.length) {
        const chunk = this.loadChunk(ids.slice(from, from + size), opts, em);
        // a failed read surfaces at its own await; never an unhandled rejection meanwhile
        chunk.catch(() => undefined);
        pending.push(chunk);
        from += size;
      }
    };
    fill();
    while (pending.length) {
      const current = pending.shift()!;
      fill();
      yield await current;
    }
  }

  private async loadChunk(ids: string[], opts: LoadOptions, em: EntityManager): Promise<PersonRecord[]> {
    const q = (sql: string, params: unknown[]) => em.query(sql, params) as Promise<Row[]>;
    const wants = (part: RecordPart) => !opts.parts || opts.parts.has(part);
    // a part no rule reads is not queried (its rows are none)
    const none = () => Promise.resolve([] as Row[]);
    const when = (part: RecordPart, thunk: () => Promise<Row[]>) => (wants(part) ? thunk : none);
    const ps = [ids];
    // concurrently from the pool when we may; one after another inside a transaction (its single connection).
    // Every query names the person its rows belong to (person_id) and orders them (cases and ratings, wide rows a
    // sort would spill to disk, are ordered here instead), so one person loaded alone and within a set read the
    // same rows in the same order.
    // Calendar dates come as their text (YYYY-MM-DD), not as Date objects made and turned back into text per row.
    const [profile, activities, teaching, cases, received, given, ratings] = await runAll(!em.queryRunner, [
      () =>
        q(`SELECT user_id AS person_id, core_profession, licences, memberships FROM trainee_profiles WHERE user_id = ANY($1::uuid[])`, ps),
      when('activities', () =>
        q(
          `SELECT trainee_id AS person_id, id, kind, hours::float8 AS hours, date::text AS date, verified_at IS NOT NULL AS verified, trainer_id, delivery, provider, title
             FROM training_activities WHERE trainee_id = ANY($1::uuid[]) ORDER BY trainee_id, date, id`,
          ps,
        ),
      ),
      when('teaching', () =>
        q(
          `SELECT trainer_id AS person_id, id, kind, hours::float8 AS hours, date::text AS date FROM training_activities
            WHERE trainer_id = ANY($1::uuid[]) ORDER BY trainer_id, date, id`,
          ps,
        ),
      ),
      // a case with its sessions (by number) and outcome measures: one row per case, not one per session. Sessions are
      // the bulk of a record (16 a case): they come as one text of space-separated fields, SESSION_FIELDS per session
      // (building and parsing a JSON array per session cost a third more); measures, fewer, as JSON arrays of columns,
      // and only when a rule reads them
      when('cases', () =>
        q(
          `SELECT c.trainee_id AS person_id, c.id, c.client_code, c.format, c.adaptation, c.age_band, c.setting, c.primary_diagnosis,
                c.focus_problem_area, c.secondary_problem_area, c.attributes, c.taxonomy_version_id, t.code AS taxonomy_code, c.status,
                c.review_state, c.start_date::text AS start_date, c.end_date::text AS end_date, c.supervisor_id,
                (SELECT string_agg(format('%s %s %s %s %s %s %s', s.id, s.number, s.date::text, s.duration_minutes, s.phase,
                                          s.attended::int, s.recorded::int), ' ' ORDER BY s.number, s.id)
                   FROM therapy_sessions s WHERE s.case_id = c.id) AS sessions,
                ${
                  wants('measures')
                    ? `COALESCE((SELECT json_agg(json_build_array(m.id, m.instrument, m.session_number, m.administered_on)
                                                ORDER BY m.administered_on, m.id)
                                  FROM outcome_measures m WHERE m.case_id = c.id), '[]')`
                    : `'[]'::json`
                } AS measures
           FROM supervised_cases c JOIN taxonomies t ON t.id = c.taxonomy_version_id WHERE c.trainee_id = ANY($1::uuid[])`,
          ps,
        ),
      ),
      when('supervisionReceived', () =>
        q(
          `SELECT p.trainee_id AS person_id, ss.id, ss.date::text AS date, ss.supervisor_id, ss.format, ss.minutes,
                (SELECT count(*)::int FROM supervision_participants p2 WHERE p2.session_id = ss.id) AS member_count,
                COALESCE((SELECT json_agg(json_build_object('caseId', r.case_id, 'minutes', r.minutes, 'reviewedSessionIds', r.reviewed_session_ids)
                                          ORDER BY r.case_id)
                            FROM supervision_case_reviews r JOIN supervised_cases c ON c.id = r.case_id
                           WHERE r.session_id = ss.id AND c.trainee_id = p.trainee_id), '[]') AS case_reviews
           FROM supervision_sessions ss JOIN supervision_participants p ON p.session_id = ss.id AND p.trainee_id = ANY($1::uuid[])
          ORDER BY p.trainee_id, ss.date, ss.id`,
          ps,
        ),
      ),
      when('supervisionGiven', () =>
        q(
          `SELECT ss.supervisor_id AS person_id, ss.id, ss.date::text AS date, ss.minutes, array_agg(p.trainee_id ORDER BY p.trainee_id) AS trainee_ids
           FROM supervision_sessions ss JOIN supervision_participants p ON p.session_id = ss.id
          WHERE ss.supervisor_id = ANY($1::uuid[]) GROUP BY ss.id ORDER BY ss.supervisor_id, ss.date, ss.id`,
          ps,
        ),
      ),
      // one row per person, the ratings a JSON array of column arrays (thousands of rows of a chunk → one per person)
      when('ratings', () =>
        q(
          `SELECT r.trainee_id AS person_id,
                  json_agg(json_build_array(r.id, r.rubric_version_id, r.target_type, r.target_id, r.rater_id, r.rater_role, r.scores)) AS ratings
           FROM ratings r WHERE r.trainee_id = ANY($1::uuid[]) AND r.status = 'submitted'
            AND NOT EXISTS (SELECT 1 FROM ratings nx WHERE nx.supersedes_id = r.id)
          GROUP BY r.trainee_id`,
          ps,
        ),
      ),
    ]);
    // evidence of issue 15: qualifications with their verification, and references (the text is not read)
    const [qualifications, references] = await runAll(!em.queryRunner, [
      when('qualifications', () =>
        q(
          `SELECT person_id, id, kind, code, title, awarded_on, state FROM qualifications WHERE person_id = ANY($1::uuid[])
            ORDER BY person_id, awarded_on, id`,
          ps,
        ),
      ),
      when('references', () =>
        q(
          `SELECT applicant_id AS person_id, id, body_id, kind, (submitted_at AT TIME ZONE 'UTC')::date AS submitted_on FROM reference_requests
            WHERE applicant_id = ANY($1::uuid[]) AND cancelled_at IS NULL ORDER BY applicant_id, id`,
          ps,
        ),
      ),
    ]);
    // ratings in the order of their ids (as strings), as the rules read them
    const ratingsOf = new Map(
      ratings.map((r) => [
        String(r.person_id),
        (r.ratings as RatingColumns[]).sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : String(a[0]) > String(b[0]) ? 1 : 0)),
      ]),
    );
    const versionIds = [...new Set([...ratingsOf.values()].flatMap((list) => list.map((r) => String(r[1]))))];
    const rubrics = versionIds.length
      ? await q(
          `SELECT v.id, r.code, v.definition FROM rubric_versions v JOIN rubrics r ON r.id = v.rubric_id WHERE v.id = ANY($1::uuid[])`,
          [versionIds],
        )
      : [];
    const rubricById = new Map(
      rubrics.map((r) => [String(r.id), { rubricCode: String(r.code), definition: r.definition as RubricDefinition }]),
    );
    const rows = {
      profile: byPerson(profile),
      activities: byPerson(activities),
      teaching: byPerson(teaching),
      cases: byPerson(cases),
      received: byPerson(received),
      given: byPerson(given),
      qualifications: byPerson(qualifications),
      references: byPerson(references),
    };
    // the people who supervised or trained each person: their level history is read too
    const othersOf = new Map(
      ids.map((id) => [
        id,
        [
          ...new Set([
            ...(rows.cases.get(id) ?? []).map((c) => String(c.supervisor_id)),
            ...(rows.received.get(id) ?? []).map((r) => String(r.supervisor_id)),
            ...(rows.activities.get(id) ?? [])
              .map((a) => a.trainer_id)
              .filter(Boolean)
              .map(String),
          ]),
        ],
      ]),
    );
    const spans = toSpans(await q(LEVELS_SQL, [[...new Set([...ids, ...[...othersOf.values()].flat()])]]));
    return ids.map((personId) => {
      const personCases = rows.cases.get(personId) ?? [];
      const personRatings = ratingsOf.get(personId) ?? [];
      const others = othersOf.get(personId)!;
      return toRecord(personId, {
        profile: rows.profile.get(personId)?.[0],
        activities: rows.activities.get(personId) ?? [],
        teaching: rows.teaching.get(personId) ?? [],
        cases: toCases(personCases),
        received: rows.received.get(personId) ?? [],
        given: rows.given.get(personId) ?? [],
        ratings: personRatings,
        rubrics: Object.fromEntries(
          [...new Set(personRatings.map((r) => String(r[1])))].filter((id) => rubricById.has(id)).map((id) => [id, rubricById.get(id)!]),
        ),
        levels: spans.get(personId) ?? [],
        othersLevels: Object.fromEntries(others.map((id) => [id, spans.get(id) ?? []])),
        calibratedRaters: opts.calibratedRaters ?? [],
        qualifications: rows.qualifications.get(personId) ?? [],
        references: rows.references.get(personId) ?? [],
      });
    });
  }
}

const byKey = (rows: Row[], key: string): Map<string, Row[]> => {
  const out = new Map<string, Row[]>();
  for (const r of rows) {
    const k = String(r[key]);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
};
const byPerson = (rows: Row[]) => byKey(rows, 'person_id');

function toSpans(levels: Row[]): Map<string, LevelSpan[]> {
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
  return spans;
}

/** One person's rows → the record the rules read. */
function toRecord(
  personId: string,
  r: {
    profile: Row | undefined;
    activities: Row[];
    teaching: Row[];
    cases: CaseRecord[];
    received: Row[];
    given: Row[];
    ratings: RatingColumns[];
    rubrics: PersonRecord['rubrics'];
    levels: LevelSpan[];
    othersLevels: PersonRecord['othersLevels'];
    calibratedRaters: string[];
    qualifications: Row[];
    references: Row[];
  },
): PersonRecord {
  const p = r.profile;
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
    levels: r.levels,
    activities: r.activities.map((a) => ({
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
    teaching: r.teaching.map((a) => ({ id: String(a.id), kind: String(a.kind), hours: Number(a.hours), date: dateOf(a.date) })),
    cases: r.cases,
    supervisionReceived: r.received.map((x): SupervisionReceived => ({
      meetingId: String(x.id),
      date: dateOf(x.date),
      supervisorId: String(x.supervisor_id),
      format: x.format === 'group' ? 'group' : 'individual',
      minutes: Number(x.minutes),
      memberCount: Math.max(1, Number(x.member_count)),
      caseReviews: (x.case_reviews as { caseId: string; minutes: number | null; reviewedSessionIds: string[] | null }[]).map((c) => ({
        ...c,
        reviewedSessionIds: c.reviewedSessionIds ?? [],
      })),
    })),
    supervisionGiven: r.given.map((g) => ({
      id: String(g.id),
      date: dateOf(g.date),
      minutes: Number(g.minutes),
      traineeIds: (g.trainee_ids as string[]) ?? [],
    })),
    ratings: r.ratings.map(([id, rubricVersionId, targetType, targetId, raterId, raterRole, scores]) => ({
      id: String(id),
      rubricVersionId: String(rubricVersionId),
      targetType: targetType as 'session' | 'case' | 'portfolio',
      targetId: String(targetId),
      raterId: String(raterId),
      raterRole: raterRole as 'supervisor' | 'independent' | 'self',
      scores: scores as Record<string, number>,
    })),
    rubrics: r.rubrics,
    othersLevels: r.othersLevels,
    calibratedRaters: r.calibratedRaters,
    qualifications: r.qualifications.map((x): QualificationRecord => ({
      id: String(x.id),
      kind: String(x.kind),
      code: String(x.code),
      title: String(x.title),
      awardedOn: dateOf(x.awarded_on),
      state: x.state as QualificationRecord['state'],
    })),
    references: r.references.map((x): ReferenceRecord => ({
      id: String(x.id),
      bodyId: String(x.body_id),
      kind: String(x.kind),
      submittedOn: dateOrNull(x.submitted_on),
    })),
  };
}

async function runAll<T>(concurrently: boolean, thunks: (() => Promise<T>)[]): Promise<T[]> {
  if (concurrently) return Promise.all(thunks.map((t) => t()));
  const out: T[] = [];
  for (const t of thunks) out.push(await t());
  return out;
}

/** A rating as the ratings query sends it: id, rubric version, target type, target, rater, rater role, scores. */
type RatingColumns = [unknown, unknown, unknown, unknown, unknown, unknown, unknown];

/** The fields of a session in the cases query's text: id, number, date, minutes, phase, attended (0/1), recorded (0/1).
 *  None holds a space (a uuid, integers, an ISO date, a taxonomy phase code: a–z 0–9 _ . + -). */
const SESSION_FIELDS = 7;

function toSessions(text: string | null): CaseRecord['sessions'] {
  if (!text) return [];
  const f = text.split(' ');
  const out: CaseRecord['sessions'] = [];
  for (let i = 0; i + SESSION_FIELDS <= f.length; i += SESSION_FIELDS)
    out.push({
      id: f[i]!,
      number: Number(f[i + 1]),
      date: f[i + 2]!,
      durationMinutes: Number(f[i + 3]),
      phase: f[i + 4] as Phase,
      attended: f[i + 5] === '1',
      recorded: f[i + 6] === '1',
    });
  return out;
}

/** A person's cases by start date (then id), each with its sessions and measures. */
function toCases(cases: Row[]): CaseRecord[] {
  const ordered = cases.map((c) => ({ c, start: dateOf(c.start_date), id: String(c.id) }));
  ordered.sort((a, b) => (a.start === b.start ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.start < b.start ? -1 : 1));
  return ordered.map(({ c }): CaseRecord => {
    const values = {
      format: String(c.format),
      adaptation: String(c.adaptation),
      ageBand: String(c.age_band),
      setting: String(c.setting),
      focusProblemArea: String(c.focus_problem_area),
      secondaryProblemArea: (c.secondary_problem_area as string) ?? null,
      attributes: (c.attributes as Record<string, string | string[]>) ?? {},
    };
    return {
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
      sessions: toSessions(c.sessions as string | null),
      // [id, instrument, session_number, administered_on]
      measures: (c.measures as unknown[][]).map(([id, instrument, sessionNumber, administeredOn]) => ({
        id: String(id),
        instrument: String(instrument),
        sessionNumber: sessionNumber === null ? null : Number(sessionNumber),
        administeredOn: dateOf(administeredOn),
      })),
    };
  });
}
