// National-scale data set, written with set-based SQL (INSERT … SELECT generate_series) after the real
// migrations. Every id is derived from an ordinal (md5 → UUID v4 shape) so that later steps and the load
// generator can find rows without reading them back. Row-by-row inserts through the API would take hours.
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig } from '../src/config/env';
import { buildDataSourceOptions } from '../src/database/data-source-options';
import { ENTITIES } from '../src/entities';
import { hashPassword } from '../src/auth/password-hasher';
import { seedExampleRubrics } from '../src/rubrics/rubric-seed';
import { IPT_EXAMPLE_DEFINITION } from '../src/rubrics/rubric-seed';
import { UK_STYLE_SCHEME } from '../src/schemes/seed-schemes';
import { ProgressBar, type Scale } from './util';

export const BENCH_PASSWORD = 'bench-password-2026-long';
export const GROWTH_SIZES = [10, 50, 200] as const;
const BODY_CODES = ['UK', 'DE', 'NL', 'SE', 'IT', 'AU', 'US', 'CA', 'IE', 'NO'];
const FIRST = [
  'Alex',
  'Sam',
  'Jamie',
  'Robin',
  'Morgan',
  'Kim',
  'Noor',
  'Ana',
  'Lena',
  'Tomas',
  'Ines',
  'Priya',
  'Femi',
  'Yuki',
  'Omar',
  'Greta',
  'Lars',
  'Mira',
  'Jonas',
  'Chloe',
];
const LAST = [
  'Smith',
  'Jones',
  'Garcia',
  'Muller',
  'Jansen',
  'Berg',
  'Rossi',
  'Novak',
  'Okafor',
  'Tanaka',
  'Kowalski',
  'Silva',
  'Dubois',
  'Larsen',
  'Murphy',
  'Nguyen',
  'Haddad',
  'Fischer',
  'Bakker',
  'Lindqvist',
  'Moreau',
  'Costa',
  'Walsh',
  'Kumar',
  'Schmidt',
  'Petrov',
  'Ahmed',
  'Evans',
  'Wright',
  'Romano',
];

const sqlArray = (xs: string[]) => `ARRAY[${xs.map((x) => `'${x}'`).join(',')}]`;
/** display name of person number `n` (an SQL integer expression) */
const nameExpr = (n: string) =>
  `(${sqlArray(FIRST)})[1 + (${n}) % ${FIRST.length}] || ' ' || (${sqlArray(LAST)})[1 + ((${n}) / ${FIRST.length}) % ${LAST.length}]`;

const SCORES = Object.fromEntries(IPT_EXAMPLE_DEFINITION.items.map((i) => [i.code, 4]));

export interface Generated {
  seconds: number;
  rows: Record<string, number>;
}

/** Migrates and fills the database; the database must be empty of bench data (the caller checks). */
export async function generate(databaseUrl: string, scale: Scale): Promise<Generated> {
  const started = Date.now();
  const T = scale.trainees,
    S = scale.supervisors,
    B = scale.bodies,
    C = scale.cases,
    N = scale.sessions,
    R = scale.ratings;
  const base = Math.floor(N / C),
    rem = N - base * C;
  const n = (i: string) => `(${base} + CASE WHEN ${i} < ${rem} THEN 1 ELSE 0 END)`;
  const start = (i: string) => `(current_date - (7 * ${n(i)} + 30 + (${i}) % 900))`;
  // case i: trainee t = i % T (k-th case of that trainee), the trainee's supervisor s = t % S, body = s % B
  const sessionChunks = Math.max(1, Math.min(20, Math.ceil(N / 150_000)));
  const steps: [string, number][] = [
    ['migrations', 3],
    ['reference data', 1],
    ['people', 3],
    ['cases', 6],
    ...Array.from({ length: sessionChunks }, (_, k): [string, number] => [
      `therapy sessions ${k + 1}/${sessionChunks}`,
      40 / sessionChunks,
    ]),
    ['outcome measures', 8],
    ['sign-offs', 3],
    ['ratings', 8],
    ['supervision sessions', 6],
    ['activities & accreditations', 2],
    ['growth trainees', 1],
    ['indexes & constraints', 15],
    ['vacuum analyze', 8],
  ];
  const total = steps.reduce((a, [, w]) => a + w, 0);
  const bar = new ProgressBar(total, 'generating');
  let done = 0;
  const step = async (name: string, work: () => Promise<unknown>) => {
    bar.update(done, name);
    await work();
    done += steps.find(([s]) => s === name)?.[1] ?? 0;
    bar.update(done, name);
  };

  await step('migrations', async () => {
    const config = loadConfig({
      DATABASE_URL: databaseUrl,
      JWT_SECRET: 'x'.repeat(32),
      CREDENTIALS_MASTER_KEY: Buffer.alloc(32).toString('base64'),
    });
    const ds = new DataSource(
      await buildDataSourceOptions({ ...config, MIGRATIONS_RUN: false, DB_STATEMENT_TIMEOUT_MS: 120_000 }, ENTITIES),
    );
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
    await ds.transaction((em) => seedExampleRubrics(em));
    await ds.destroy();
  });

  const db = new Client({ connectionString: databaseUrl, application_name: 'ipt-bench-generate' });
  await db.connect();
  const q = (sql: string, params: unknown[] = []) => db.query(sql, params);
  try {
    await q(`SET synchronous_commit = off`);
    await q(`SET maintenance_work_mem = '512MB'`);
    await q(`SET work_mem = '64MB'`);
    await q(`SET statement_timeout = 0`);
    await q(
      `CREATE FUNCTION pg_temp.u(k text) RETURNS uuid LANGUAGE sql IMMUTABLE AS $$ SELECT overlay(overlay(md5(k) placing '4' from 13) placing '8' from 17)::uuid $$`,
    );
    const u = (k: string) => `pg_temp.u(${k})`;
    const hash = await hashPassword(BENCH_PASSWORD);

    // the big tables are filled without their indexes and constraints, which are then rebuilt exactly
    // as the migrations made them (names and definitions read from the catalogue)
    const saved = await dropIndexes(db, ['therapy_sessions', 'outcome_measures', 'ratings']);

    await step('reference data', async () => {
      await q(
        `INSERT INTO bodies (id, code, name, kind, country_code) VALUES (${u(`'body:intl'`)}, 'ISIPT-B', 'International IPT Society (bench)', 'international', NULL)`,
      );
      await q(
        `INSERT INTO bodies (id, code, name, kind, country_code, parent_id)
               SELECT ${u(`'body:' || b`)}, c.code, c.code || ' IPT Network (bench)', 'national', substr(c.code, 1, 2), ${u(`'body:intl'`)}
                 FROM generate_series(0, $1 - 1) b JOIN LATERAL (SELECT COALESCE(($2::text[])[b + 1], 'N' || b) AS code) c ON TRUE`,
        [B, BODY_CODES],
      );
      await q(
        `INSERT INTO schemes (id, body_id, code, name) SELECT ${u(`'scheme:' || b`)}, ${u(`'body:' || b`)}, 'IPT-LEVELS', 'IPT accreditation (UK-style example)' FROM generate_series(0, $1 - 1) b`,
        [B],
      );
      await q(
        `INSERT INTO scheme_versions (id, scheme_id, version_number, status, effective_from, definition, published_at)
               SELECT ${u(`'sv:' || b`)}, ${u(`'scheme:' || b`)}, 1, 'published', '2020-01-01', $2::jsonb, now() FROM generate_series(0, $1 - 1) b`,
        [B, JSON.stringify(UK_STYLE_SCHEME)],
      );
    });

    await step('people', async () => {
      await q(
        `INSERT INTO users (id, email, display_name, password_hash)
               SELECT ${u(`'sup:' || s`)}, 'supervisor' || s || '@bench.ipt.example', ${nameExpr('s + 7')}, $2 FROM generate_series(0, $1 - 1) s`,
        [S, hash],
      );
      await q(
        `INSERT INTO users (id, email, display_name, password_hash)
               SELECT ${u(`'tr:' || t`)}, 'trainee' || t || '@bench.ipt.example', ${nameExpr('t')}, $2 FROM generate_series(0, $1 - 1) t`,
        [T, hash],
      );
      await q(
        `INSERT INTO role_grants (user_id, role, body_id) SELECT ${u(`'sup:' || s`)}, 'SUPERVISOR', ${u(`'body:' || (s % ${B})`)} FROM generate_series(0, $1 - 1) s`,
        [S],
      );
      await q(
        `INSERT INTO role_grants (user_id, role, body_id) SELECT ${u(`'tr:' || t`)}, 'TRAINEE', ${u(`'body:' || ((t % ${S}) % ${B})`)} FROM generate_series(0, $1 - 1) t`,
        [T],
      );
      await q(
        `INSERT INTO trainee_profiles (user_id, country_code, home_body_id, core_profession, memberships)
               SELECT ${u(`'tr:' || t`)}, b.country_code, b.id, 'psychologist', jsonb_build_array(jsonb_build_object('bodyId', b.id, 'from', '2020-01-01', 'to', NULL))
                 FROM generate_series(0, $1 - 1) t JOIN bodies b ON b.id = ${u(`'body:' || ((t % ${S}) % ${B})`)}`,
        [T],
      );
      // every trainee is enrolled in their body's scheme at its published version (what-if: the body's population)
      await q(
        `INSERT INTO scheme_enrolments (user_id, scheme_id, scheme_version_id, enrolled_on)
               SELECT ${u(`'tr:' || t`)}, ${u(`'scheme:' || ((t % ${S}) % ${B})`)}, ${u(`'sv:' || ((t % ${S}) % ${B})`)}, '2021-01-01'
                 FROM generate_series(0, $1 - 1) t`,
        [T],
      );
      await q(
        `INSERT INTO supervision_relationships (trainee_id, supervisor_id, body_id, status, requested_by, started_on)
               SELECT ${u(`'tr:' || t`)}, ${u(`'sup:' || (t % ${S})`)}, ${u(`'body:' || ((t % ${S}) % ${B})`)}, 'active', ${u(`'tr:' || t`)}, '2021-01-01'
                 FROM generate_series(0, $1 - 1) t`,
        [T],
      );
      await q(
        `INSERT INTO training_activities (trainee_id, kind, title, provider, hours, delivery, date, verified_by, verified_at)
               SELECT ${u(`'tr:' || t`)}, 'didactic_course', 'IPT foundation course', 'Bench IPT Institute', 16, 'in_person', '2021-03-01', ${u(`'sup:' || (t % ${S})`)}, now()
                 FROM generate_series(0, $1 - 1) t`,
        [T],
      );
    });

    // review state by (k + t) % 10: 0-4 signed off (completed), 5-7 submitted, 8-9 draft
    const st = `((i / ${T} + i % ${T}) % 10)`;
    await step('cases', () =>
      q(
        `INSERT INTO supervised_cases (id, trainee_id, supervisor_id, body_id, client_code, format, adaptation, age_band, setting, primary_diagnosis,
                 focus_problem_area, planned_sessions, start_date, end_date, status, recording_consent, presenting_problem, review_state, submitted_at, risk_flagged_at)
         SELECT ${u(`'c:' || i`)}, ${u(`'tr:' || (i % ${T})`)}, ${u(`'sup:' || ((i % ${T}) % ${S})`)}, ${u(`'body:' || (((i % ${T}) % ${S}) % ${B})`)},
                'BC' || lpad((i / ${T})::text, 5, '0'), 'individual',
                CASE WHEN i % 20 = 0 THEN 'adolescent' ELSE 'adult' END,
                CASE WHEN i % 20 = 0 THEN '12-17' ELSE '26-40' END, 'secondary_care',
                CASE WHEN i % 3 = 0 THEN 'F33.1' ELSE 'F32.1' END,
                (ARRAY['grief','role_dispute','role_transition','interpersonal_deficits'])[1 + i % 4], 16,
                ${start('i')}, CASE WHEN ${st} < 5 THEN ${start('i')} + 7 * (${n('i')} - 1) END,
                CASE WHEN ${st} < 5 THEN 'completed' ELSE 'active' END::case_status, TRUE, 'Low mood after a role change',
                CASE WHEN ${st} < 5 THEN 'signed_off' WHEN ${st} < 8 THEN 'submitted' ELSE 'draft' END::case_review_state,
                CASE WHEN ${st} < 8 THEN now() - make_interval(mins => i % 5000) END,
                CASE WHEN ${st} BETWEEN 5 AND 7 AND i % 97 = 0 THEN now() END
           FROM generate_series(0, $1 - 1) i`,
        [C],
      ),
    );

    const phase = (g: string, nn: string) =>
      `CASE WHEN ${g} <= 4 THEN 'initial' WHEN ${g} > ${nn} - 4 THEN 'termination' ELSE 'middle' END`;
    for (let k = 0; k < sessionChunks; k++) {
      const lo = Math.floor((k * C) / sessionChunks),
        hi = Math.floor(((k + 1) * C) / sessionChunks);
      await step(`therapy sessions ${k + 1}/${sessionChunks}`, () =>
        q(
          `INSERT INTO therapy_sessions (id, case_id, number, date, duration_minutes, phase, attended, recorded, created_at, updated_at)
           SELECT ${u(`'s:' || i || ':' || g`)}, ${u(`'c:' || i`)}, g, ${start('i')} + 7 * (g - 1), 50, ${phase('g', n('i'))},
                  g % 11 <> 0, TRUE, (${start('i')} + 7 * (g - 1) + 1)::timestamptz, (${start('i')} + 7 * (g - 1) + 1)::timestamptz
             FROM generate_series($1::int, $2::int - 1) i, generate_series(1, ${n('i')}) g`,
          [lo, hi],
        ),
      );
    }

    await step('outcome measures', () =>
      q(
        `INSERT INTO outcome_measures (case_id, instrument, administered_on, session_number, total, severity, risk_flag)
         SELECT ${u(`'c:' || i`)}, 'PHQ9', CASE WHEN e = 0 THEN ${start('i')} ELSE ${start('i')} + 7 * (${n('i')} - 1) END,
                CASE WHEN e = 0 THEN 0 ELSE ${n('i')} END, CASE WHEN e = 0 THEN 17 ELSE 7 END, CASE WHEN e = 0 THEN 'moderately_severe' ELSE 'mild' END, FALSE
           FROM generate_series(0, $1 - 1) i, generate_series(0, 1) e`,
        [C],
      ),
    );

    await step('sign-offs', () =>
      q(`INSERT INTO case_signoffs (case_id, supervisor_id, content_hash, snapshot)
         SELECT c.id, c.supervisor_id, md5(c.id::text) || md5(c.client_code), '{}'::jsonb FROM supervised_cases c WHERE c.review_state = 'signed_off'`),
    );

    await step('ratings', async () => {
      const [{ id: rubricVersionId }] = (
        await q(
          `SELECT v.id FROM rubric_versions v JOIN rubrics r ON r.id = v.rubric_id WHERE r.code = 'IPT-EXAMPLE-QA' AND v.version_number = 1`,
        )
      ).rows;
      const perCaseMax = Math.ceil(R / C);
      const g = `(1 + ((1 + 4 * j) % ${n('i')}))`;
      await q(
        `INSERT INTO ratings (id, rubric_version_id, target_type, target_id, trainee_id, rater_id, rater_role, body_id, scores, total, mean, passed, status, session_phase, submitted_at)
               SELECT ${u(`'r:' || i || ':' || j`)}, $2, 'session', ${u(`'s:' || i || ':' || ${g}`)}, ${u(`'tr:' || (i % ${T})`)}, ${u(`'sup:' || ((i % ${T}) % ${S})`)}, 'supervisor',
                      ${u(`'body:' || (((i % ${T}) % ${S}) % ${B})`)}, $3::jsonb, 40, 4, TRUE, 'submitted', ${phase(g, n('i'))}, now()
                 FROM generate_series(0, $1 - 1) i, generate_series(0, ${perCaseMax - 1}) j
                WHERE j < ((i + 1)::bigint * ${R}) / ${C} - (i::bigint * ${R}) / ${C}`,
        [C, rubricVersionId, JSON.stringify(SCORES)],
      );
    });

    await step('supervision sessions', async () => {
      await q(
        `INSERT INTO supervision_sessions (id, supervisor_id, body_id, date, minutes, format, created_by)
               SELECT ${u(`'ss:' || i`)}, ${u(`'sup:' || ((i % ${T}) % ${S})`)}, ${u(`'body:' || (((i % ${T}) % ${S}) % ${B})`)}, ${start('i')} + 14, 60, 'individual', ${u(`'sup:' || ((i % ${T}) % ${S})`)}
                 FROM generate_series(0, $1 - 1, 2) i`,
        [C],
      );
      await q(
        `INSERT INTO supervision_participants (session_id, trainee_id) SELECT ${u(`'ss:' || i`)}, ${u(`'tr:' || (i % ${T})`)} FROM generate_series(0, $1 - 1, 2) i`,
        [C],
      );
      await q(
        `INSERT INTO supervision_case_reviews (session_id, case_id, minutes) SELECT ${u(`'ss:' || i`)}, ${u(`'c:' || i`)}, 60 FROM generate_series(0, $1 - 1, 2) i`,
        [C],
      );
    });

    await step('activities & accreditations', async () => {
      await q(
        `INSERT INTO accreditations (id, certificate_number, holder_id, holder_name, body_id, scheme_version_id, level_code, level_name, noun, level_title, status, issued_on, expires_on, public_listing)
               SELECT ${u(`'acc:' || t`)}, b.code || '-B-' || lpad(t::text, 6, '0'), u.id, u.display_name, b.id, ${u(`'sv:' || ((t % ${S}) % ${B})`)}, 'B', 'IPT Practitioner (Level B)',
                      'accredited', 'IPT Practitioner (Level B)',
                      'active', current_date - 200, current_date + 165, t % 20 = 0
                 FROM generate_series(0, $1 - 1, 10) t JOIN users u ON u.id = ${u(`'tr:' || t`)} JOIN bodies b ON b.id = ${u(`'body:' || ((t % ${S}) % ${B})`)}`,
        [T],
      );
      await q(
        `INSERT INTO accreditation_events (accreditation_id, kind, from_status, to_status, occurred_at) SELECT id, 'issued', NULL, 'active', created_at FROM accreditations`,
      );
    });

    // three trainees with 10, 50 and 200 completed cases of 16 sessions, 6 rated sessions per case: progress-report growth
    await step('growth trainees', async () => {
      for (const size of GROWTH_SIZES) {
        const id = u(`'growth:${size}'`),
          sup = u(`'sup:0'`),
          body = u(`'body:0'`);
        await q(
          `INSERT INTO users (id, email, display_name, password_hash) VALUES (${id}, 'growth${size}@bench.ipt.example', 'Growth ${size}', $1)`,
          [hash],
        );
        await q(`INSERT INTO role_grants (user_id, role, body_id) VALUES (${id}, 'TRAINEE', ${body})`);
        await q(
          `INSERT INTO trainee_profiles (user_id, country_code, home_body_id, core_profession) SELECT ${id}, country_code, id, 'nurse' FROM bodies WHERE id = ${body}`,
        );
        await q(
          `INSERT INTO supervision_relationships (trainee_id, supervisor_id, body_id, status, requested_by, started_on) VALUES (${id}, ${sup}, ${body}, 'active', ${id}, '2021-01-01')`,
        );
        await q(
          `INSERT INTO training_activities (trainee_id, kind, title, provider, hours, delivery, date) VALUES (${id}, 'didactic_course', 'IPT course', 'Bench', 16, 'online', '2021-02-01')`,
        );
        const gs = `(current_date - (200 + k))`;
        await q(`INSERT INTO supervised_cases (id, trainee_id, supervisor_id, body_id, client_code, format, adaptation, age_band, setting, primary_diagnosis, focus_problem_area,
                   planned_sessions, start_date, end_date, status, recording_consent, review_state, submitted_at)
                 SELECT ${u(`'gc:${size}:' || k`)}, ${id}, ${sup}, ${body}, 'GC' || lpad(k::text, 5, '0'), 'individual', 'adult', '41-64', 'primary_care', 'F32.2',
                        (ARRAY['grief','role_dispute','role_transition','interpersonal_deficits'])[1 + k % 4], 16, ${gs}, ${gs} + 105, 'completed', TRUE, 'signed_off', now()
                   FROM generate_series(0, ${size - 1}) k`);
        await q(`INSERT INTO therapy_sessions (id, case_id, number, date, duration_minutes, phase, attended, recorded)
                 SELECT ${u(`'gs:${size}:' || k || ':' || g`)}, ${u(`'gc:${size}:' || k`)}, g, ${gs} + 7 * (g - 1), 50, ${phase('g', '16')}, TRUE, TRUE
                   FROM generate_series(0, ${size - 1}) k, generate_series(1, 16) g`);
        await q(`INSERT INTO outcome_measures (case_id, instrument, administered_on, session_number, total, severity)
                 SELECT ${u(`'gc:${size}:' || k`)}, 'PHQ9', ${gs} + CASE WHEN e = 0 THEN 0 ELSE 105 END, CASE WHEN e = 0 THEN 0 ELSE 16 END, 16 - 9 * e, CASE WHEN e = 0 THEN 'moderately_severe' ELSE 'mild' END
                   FROM generate_series(0, ${size - 1}) k, generate_series(0, 1) e`);
        await q(
          `INSERT INTO case_signoffs (case_id, supervisor_id, content_hash, snapshot) SELECT id, supervisor_id, md5(id::text) || md5(client_code), '{}' FROM supervised_cases WHERE trainee_id = ${id}`,
        );
        const [{ id: rv }] = (
          await q(`SELECT v.id FROM rubric_versions v JOIN rubrics r ON r.id = v.rubric_id WHERE r.code = 'IPT-EXAMPLE-QA'`)
        ).rows;
        await q(
          `INSERT INTO ratings (rubric_version_id, target_type, target_id, trainee_id, rater_id, rater_role, body_id, scores, total, mean, passed, status, session_phase, submitted_at)
                 SELECT $1, 'session', ${u(`'gs:${size}:' || k || ':' || (1 + (1 + 3 * j) % 16)`)}, ${id}, ${sup}, 'supervisor', ${body}, $2::jsonb, 40, 4, TRUE, 'submitted', 'middle', now()
                   FROM generate_series(0, ${size - 1}) k, generate_series(0, 5) j`,
          [rv, JSON.stringify(SCORES)],
        );
        await q(`INSERT INTO supervision_sessions (id, supervisor_id, body_id, date, minutes, format, created_by)
                 SELECT ${u(`'gss:${size}:' || k`)}, ${sup}, ${body}, ${gs} + 50, 240, 'individual', ${sup} FROM generate_series(0, ${size - 1}) k`);
        await q(
          `INSERT INTO supervision_participants (session_id, trainee_id) SELECT ${u(`'gss:${size}:' || k`)}, ${id} FROM generate_series(0, ${size - 1}) k`,
        );
        await q(
          `INSERT INTO supervision_case_reviews (session_id, case_id, minutes) SELECT ${u(`'gss:${size}:' || k`)}, ${u(`'gc:${size}:' || k`)}, 240 FROM generate_series(0, ${size - 1}) k`,
        );
      }
    });

    await step('indexes & constraints', () => restoreIndexes(db, saved));
    await step('vacuum analyze', () => q(`VACUUM (ANALYZE)`));
    const rows: Record<string, number> = {};
    for (const t of [
      'users',
      'supervised_cases',
      'therapy_sessions',
      'ratings',
      'outcome_measures',
      'supervision_sessions',
      'accreditations',
    ]) {
      rows[t] = Number((await q(`SELECT count(*)::bigint AS n FROM ${t}`)).rows[0].n);
    }
    const seconds = (Date.now() - started) / 1000;
    bar.finish(
      `generated in ${seconds.toFixed(1)} s: ${Object.entries(rows)
        .map(([k, v]) => `${k} ${v.toLocaleString('en')}`)
        .join(', ')}`,
    );
    return { seconds, rows };
  } finally {
    await db.end();
  }
}

interface SavedIndexes {
  constraints: { table: string; name: string; def: string; kind: string }[];
  indexes: string[];
}

async function dropIndexes(db: Client, tables: string[]): Promise<SavedIndexes> {
  const { rows: constraints } = await db.query(
    `SELECT c.conrelid::regclass::text AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS def, c.contype AS kind
       FROM pg_constraint c WHERE c.conrelid = ANY($1::regclass[]) AND c.contype IN ('p', 'u', 'f')`,
    [tables],
  );
  const { rows: idx } = await db.query(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def FROM pg_index i
      WHERE i.indrelid = ANY($1::regclass[]) AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u'))`,
    [tables],
  );
  // foreign keys first (a table's own FK may point at its own primary key), then keys, then plain indexes
  const order = (k: string) => (k === 'f' ? 0 : 1);
  for (const c of [...constraints].sort((a, b) => order(a.kind) - order(b.kind)))
    await db.query(`ALTER TABLE ${c.table} DROP CONSTRAINT "${c.name}"`);
  for (const i of idx) await db.query(`DROP INDEX ${i.name}`);
  return { constraints, indexes: idx.map((i: { def: string }) => i.def) };
}

async function restoreIndexes(db: Client, saved: SavedIndexes): Promise<void> {
  const order = (k: string) => (k === 'f' ? 1 : 0);
  for (const c of [...saved.constraints].sort((a, b) => order(a.kind) - order(b.kind))) {
    await db.query(`ALTER TABLE ${c.table} ADD CONSTRAINT "${c.name}" ${c.def}`);
  }
  for (const def of saved.indexes) await db.query(def);
}
