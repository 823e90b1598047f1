// BASELINE: a bare node:http + pg (Pool) server answering the six measured endpoints with the SAME SQL
// statements the service sends (copied from the service's own statement log, see capture-sql.ts — same text,
// same order, same parameters, including the session/grants query of the AuthGuard, the record-access
// predicate, the transaction of a write with its audit row, and the rate-limit upsert of public routes).
// It verifies the JWT exactly like TokenService (jose, HS256 pinned, iss/aud/typ/exp) and checks the route's
// permission with the same pure table. It calls the same pure functions where the service has business
// rules (checkSessions for a write; RecordLoader's row mapping + evaluateLevel for progress).
// It does NOT: map rows to the service's DTOs (it returns rows), compute the case content hash, validate
// request bodies beyond types and ranges, log, set helmet headers or request ids.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { jwtVerify } from 'jose';
import { Pool, types } from 'pg';
import type { EntityManager, DataSource } from 'typeorm';
import { ACCESS_SQL } from '../src/access/record-access.service';
import { ACTOR_SQL } from '../src/auth/auth.guard';
import { hasPermission, Permission } from '../src/auth/permissions';
import type { Role } from '../src/common/roles';
import { checkSessions, issueDetails } from '../src/cases/session-consistency';
import { evaluateLevel } from '../src/schemes/evaluate-level';
import { RecordLoader } from '../src/schemes/record-loader';
import { toFormula } from '../src/schemes/rules/cases/case-supervision';
import type { SchemeDefinition } from '../src/schemes/scheme-definition';
import { DEFAULT_GROUP_FORMULA, type GroupCreditFormula } from '../src/supervision-sessions/group-credit';

types.setTypeParser(1082, (v: string) => v); // date columns as YYYY-MM-DD strings, as TypeORM returns them

const env = process.env;
const pool = new Pool({
  connectionString: env.DATABASE_URL,
  max: Number(env.DB_POOL_SIZE ?? 10),
  statement_timeout: 5000,
  query_timeout: 6000,
  application_name: 'ipt-bench-baseline',
});
pool.on('error', () => undefined);
const key = new TextEncoder().encode(env.JWT_SECRET);
const PUBLIC_LIMIT = Number(env.PUBLIC_RATE_LIMIT ?? 100000);
let statements = 0;

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
async function q(sql: string, params: unknown[] = [], client: { query: Pool['query'] } = pool): Promise<Row[]> {
  statements++;
  return (await client.query(sql, params)).rows;
}

// TypeORM's select lists, reproduced exactly ("Alias"."col" AS "Alias_col", …)
const sel = (alias: string, cols: string) =>
  cols
    .split(' ')
    .map((c) => `"${alias}"."${c}" AS "${alias}_${c}"`)
    .join(', ');
const CASE_COLS =
  'id trainee_id supervisor_id body_id client_code format adaptation age_band setting primary_diagnosis focus_problem_area secondary_problem_area planned_sessions start_date end_date status end_reason recording_consent presenting_problem formulation course techniques outcome review_state submitted_at risk_flagged_at version created_at updated_at';
const SESSION_COLS = 'id case_id number date duration_minutes phase attended recorded created_at updated_at';
const MEASURE_COLS = 'id case_id instrument administered_on session_number items total severity risk_flag created_at';
const SIGNOFF_COLS = 'id case_id supervisor_id content_hash snapshot signed_at voided_at void_reason';
const ACC_COLS =
  'id certificate_number holder_id holder_name body_id scheme_version_id level_code level_name application_id status issued_on expires_on public_listing credential_jws created_at updated_at version';
const BODY_COLS = 'id code name kind country_code parent_id created_at';

// the guard's and the record-access check's own statements, so the baseline cannot drift from them
const CASE_BY_ID = `SELECT ${sel('c', CASE_COLS)} FROM supervised_cases c WHERE c.id = $1`;
const SESSIONS_OF_CASE = `SELECT ${sel('s', SESSION_COLS)} FROM therapy_sessions s WHERE s.case_id = $1 ORDER BY s.number`;
const MEASURES_OF_CASE = `SELECT ${sel('m', MEASURE_COLS)} FROM outcome_measures m WHERE m.case_id = $1 ORDER BY m.administered_on, m.created_at`;
const SIGNOFF_OF_CASE = `SELECT ${sel('o', SIGNOFF_COLS)} FROM case_signoffs o WHERE o.case_id = $1 AND o.voided_at IS NULL LIMIT 1`;
const BUMP_CASE = `UPDATE supervised_cases AS c SET version = c.version + 1, updated_at = now() WHERE c.id = $1 AND c.version = $2 AND c.trainee_id = $3 RETURNING ${sel('c', CASE_COLS)}`;
const INSERT_SESSION = `INSERT INTO therapy_sessions AS s (case_id, number, date, duration_minutes, phase, attended, recorded)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${sel('s', SESSION_COLS)}`;
const QUEUE_SQL = `SELECT ${sel('c', CASE_COLS)}, (SELECT count(*)::int FROM therapy_sessions s WHERE s.case_id = c.id AND s.attended) AS delivered
         FROM supervised_cases c
        WHERE c.supervisor_id = $1 AND c.review_state = $2
          AND EXISTS (SELECT 1 FROM supervision_relationships r WHERE r.trainee_id = c.trainee_id AND r.supervisor_id = c.supervisor_id AND r.status = 'active')
        ORDER BY CASE WHEN c.risk_flagged_at IS NULL THEN 1 ELSE 0 END, date_trunc('milliseconds', c.submitted_at), c.id LIMIT $3`;
const SCHEME_BY_ID = `SELECT ${sel('Scheme', 'id body_id code name created_at')} FROM "schemes" "Scheme" WHERE (("Scheme"."id" = $1)) LIMIT 1`;
const ENROLMENT = `SELECT ${sel('SchemeEnrolment', 'id user_id scheme_id scheme_version_id enrolled_on opted_in_at created_at version')} FROM "scheme_enrolments" "SchemeEnrolment" WHERE (("SchemeEnrolment"."user_id" = $1) AND ("SchemeEnrolment"."scheme_id" = $2)) LIMIT 1`;
const VERSION_IN_FORCE = `SELECT ${sel('SchemeVersion', 'id scheme_id version_number status effective_from definition published_at retired_at created_at updated_at version')} FROM "scheme_versions" "SchemeVersion" WHERE (("SchemeVersion"."scheme_id" = $1) AND ("SchemeVersion"."status" = $2) AND ("SchemeVersion"."effective_from" <= $3)) ORDER BY "SchemeVersion"."effective_from" DESC, "SchemeVersion"."version_number" DESC LIMIT 1`;
const RATE_LIMIT_SQL = `INSERT INTO rate_limits (key, hits, window_ends_at) VALUES ($1, 1, now() + make_interval(secs => $2))
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN rate_limits.window_ends_at <= now() THEN 1 ELSE rate_limits.hits + 1 END,
         window_ends_at = CASE WHEN rate_limits.window_ends_at <= now() THEN EXCLUDED.window_ends_at ELSE rate_limits.window_ends_at END
       RETURNING hits, EXTRACT(EPOCH FROM window_ends_at - now())::float8 AS ttl`;
const REGISTER_SQL = `SELECT a.id, a.holder_name, a.certificate_number, a.body_id, b.name AS body_name, b.country_code, a.level_code, a.level_name,
              a.issued_on::text AS issued_on, a.expires_on::text AS expires_on, a.status
         FROM accreditations a JOIN bodies b ON b.id = a.body_id
        WHERE a.public_listing = TRUE AND (a.status = $1 OR (a.status = $2 AND (a.expires_on IS NULL OR a.expires_on >= $3::date))) AND a.holder_name ILIKE $4
        ORDER BY a.holder_name, a.id LIMIT $5`;
const VERIFY_SQL = `SELECT ${sel('a', ACC_COLS)}, ${sel('b', BODY_COLS)} FROM accreditations a JOIN bodies b ON b.id = a.body_id WHERE a.certificate_number = $1`;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

interface Actor {
  id: string;
  grants: { role: Role; bodyId: string | null }[];
}

async function authenticate(req: IncomingMessage, permission: Permission): Promise<Actor> {
  const m = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(req.headers.authorization ?? '');
  if (!m) throw new HttpError(401, 'unauthorized');
  let sub: string, sid: string;
  try {
    const { payload } = await jwtVerify(m[1], key, {
      algorithms: ['HS256'],
      issuer: 'ipt-accreditation',
      audience: 'ipt-accreditation-api',
      typ: 'at+jwt',
      requiredClaims: ['sub', 'exp', 'iat'],
    });
    sub = String(payload.sub);
    sid = String(payload.sid);
  } catch {
    throw new HttpError(401, 'invalid token');
  }
  const rows = await q(ACTOR_SQL, [sid, sub]);
  if (!rows.length) throw new HttpError(401, 'session ended');
  const actor = { id: rows[0].id as string, grants: rows[0].grants as Actor['grants'] };
  if (
    !hasPermission(
      actor.grants.map((g) => g.role),
      permission,
    )
  )
    throw new HttpError(403, 'forbidden');
  return actor;
}

/** RecordAccessService.relation: own / supervisor / body_admin / admin, or null. */
async function relation(
  actor: Actor,
  traineeId: string,
  recordBodyId: string | null,
  client?: { query: Pool['query'] },
): Promise<string | null> {
  const adminBodies = actor.grants.filter((g) => g.role === 'BODY_ADMIN' && g.bodyId).map((g) => g.bodyId);
  const [row] = await q(ACCESS_SQL, [traineeId, actor.id, adminBodies, recordBodyId], client);
  if (actor.id === traineeId) return 'own';
  if (row.supervised_in) return 'supervisor';
  if (row.admin_body) return 'body_admin';
  if (actor.grants.some((g) => g.role === 'ADMIN' && !g.bodyId)) return 'admin';
  return null;
}

async function caseContent(c: Row): Promise<Row> {
  const sessions = await q(SESSIONS_OF_CASE, [c.c_id]);
  const measures = await q(MEASURES_OF_CASE, [c.c_id]);
  const [signoff] = await q(SIGNOFF_OF_CASE, [c.c_id]);
  return { case: c, sessions, measures, signoff: signoff ?? null };
}

async function getCase(req: IncomingMessage, id: string): Promise<[number, unknown, Record<string, string>?]> {
  const actor = await authenticate(req, Permission.RecordsRead);
  const [c] = await q(CASE_BY_ID, [id]);
  if (!c || !(await relation(actor, c.c_trainee_id, c.c_body_id))) throw new HttpError(404, 'Case not found');
  return [200, await caseContent(c), { etag: `"${c.c_version}"` }];
}

async function queue(req: IncomingMessage, url: URL): Promise<[number, unknown]> {
  const actor = await authenticate(req, Permission.RecordsReview);
  const limit = Math.min(100, Math.max(1, Number(url.searchParams.get('limit') ?? 20)));
  const rows = await q(QUEUE_SQL, [actor.id, 'submitted', limit + 1]);
  return [200, { items: rows.slice(0, limit), nextCursor: rows.length > limit ? 'more' : null }];
}

async function addSession(req: IncomingMessage, id: string, raw: string): Promise<[number, unknown, Record<string, string>?]> {
  const actor = await authenticate(req, Permission.RecordsWrite);
  const m = /^(?:W\/)?"(\d{1,9})"$/.exec(String(req.headers['if-match'] ?? '').trim());
  if (!req.headers['if-match']) throw new HttpError(428, 'If-Match required');
  if (!m) throw new HttpError(412, 'stale');
  const expected = Number(m[1]);
  const dto = JSON.parse(raw) as {
    number: number;
    date: string;
    durationMinutes: number;
    phase: 'initial' | 'middle' | 'termination';
    attended: boolean;
    recorded: boolean;
  };
  if (
    !Number.isInteger(dto.number) ||
    dto.number < 1 ||
    dto.number > 100 ||
    !/^\d{4}-\d{2}-\d{2}$/.test(dto.date) ||
    typeof dto.attended !== 'boolean' ||
    typeof dto.recorded !== 'boolean'
  ) {
    throw new HttpError(400, 'invalid session');
  }
  const client = await pool.connect();
  try {
    await q('START TRANSACTION', [], client);
    const [c] = await q(BUMP_CASE, [id, expected, actor.id], client);
    if (!c) {
      const [found] = await q(`SELECT trainee_id FROM supervised_cases WHERE id = $1`, [id], client);
      throw found && found.trainee_id === actor.id ? new HttpError(412, 'stale') : new HttpError(404, 'Case not found');
    }
    if (c.c_review_state !== 'draft') throw new HttpError(501, 'the baseline only writes to draft cases');
    const others = await q(SESSIONS_OF_CASE, [id], client);
    const facts = others.map((s) => ({ number: s.s_number, date: s.s_date, durationMinutes: s.s_duration_minutes, phase: s.s_phase }));
    const details = issueDetails(
      checkSessions({ startDate: c.c_start_date, endDate: c.c_end_date }, [...facts, dto], new Date()),
      dto.number,
    );
    if (Object.keys(details).length) throw new HttpError(400, JSON.stringify(details));
    const [row] = await q(INSERT_SESSION, [id, dto.number, dto.date, dto.durationMinutes, dto.phase, dto.attended, dto.recorded], client);
    const measures = await q(MEASURES_OF_CASE, [id], client);
    await q(
      `INSERT INTO "audit_log"("occurred_at", "actor_id", "actor_role", "body_id", "action", "entity_type", "entity_id", "changes", "request_id") VALUES (DEFAULT, $1, $2, $3, $4, $5, $6, $7, $8) RETURNING "id", "occurred_at", "changes"`,
      [
        actor.id,
        'SELF',
        c.c_body_id,
        'session.create',
        'case',
        id,
        JSON.stringify({ sessionId: row.s_id, number: dto.number }),
        'baseline',
      ],
      client,
    );
    await q('COMMIT', [], client);
    const sessions = [...others, row].sort((a, b) => a.s_number - b.s_number);
    return [201, { case: c, sessions, measures, signoff: null }, { etag: `"${c.c_version}"` }];
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

// RecordLoader only calls em.query: give it the pool, so the same statements run and the same record is built
const fakeEm = { query: (sql: string, params: unknown[]) => q(sql, params) } as unknown as EntityManager;
const loader = new RecordLoader(undefined as unknown as DataSource);

async function progress(req: IncomingMessage, traineeId: string, schemeId: string, url: URL): Promise<[number, unknown]> {
  const actor = await authenticate(req, Permission.RecordsRead);
  if (!(await relation(actor, traineeId, null))) throw new HttpError(404, 'Trainee not found');
  const today = new Date().toISOString().slice(0, 10);
  const [scheme] = await q(SCHEME_BY_ID, [schemeId]);
  if (!scheme) throw new HttpError(404, 'Scheme not found');
  const [enrolment] = await q(ENROLMENT, [traineeId, schemeId]);
  if (enrolment) throw new HttpError(501, 'the baseline does not follow enrolments');
  const [version] = await q(VERSION_IN_FORCE, [schemeId, 'published', today]);
  if (!version) throw new HttpError(409, 'no version in force');
  const definition = version.SchemeVersion_definition as SchemeDefinition;
  const levelCode = url.searchParams.get('level');
  const levels = levelCode
    ? definition.levels.filter((l) => l.code === levelCode)
    : [...definition.levels].sort((a, b) => a.order - b.order);
  if (!levels.length) throw new HttpError(400, 'no such level');
  if (JSON.stringify(levels).includes('"calibratedRatersOnly":true'))
    throw new HttpError(501, 'the baseline does not load calibrated raters');
  const record = await loader.load(traineeId, { calibratedRaters: [] }, fakeEm);
  const ctx = {
    asOf: today,
    schemeCode: scheme.Scheme_code as string,
    schemeBodyId: scheme.Scheme_body_id as string,
    phaseBoundaries: definition.phaseBoundaries,
    groupCredit: definition.groupCredit ? toFormula(definition.groupCredit) : (DEFAULT_GROUP_FORMULA as GroupCreditFormula),
  };
  return [
    200,
    {
      personId: traineeId,
      schemeId,
      schemeVersionId: version.SchemeVersion_id,
      levels: levels.map((l) => evaluateLevel(definition, l, record, ctx)),
    },
  ];
}

let lastSweep = 0;
async function rateLimit(req: IncomingMessage): Promise<void> {
  const [hit] = await q(RATE_LIMIT_SQL, [`public:ip:baseline:${req.socket.remoteAddress}`, 60]);
  if (Date.now() - lastSweep >= 60_000) {
    lastSweep = Date.now();
    await q(`DELETE FROM rate_limits WHERE window_ends_at < now() - interval '1 hour'`);
  }
  if (hit.hits > PUBLIC_LIMIT) throw new HttpError(429, 'too many requests');
}

async function register(req: IncomingMessage, url: URL): Promise<[number, unknown]> {
  await rateLimit(req);
  const name = url.searchParams.get('name') ?? '';
  const rows = await q(REGISTER_SQL, [
    'suspended',
    'active',
    new Date().toISOString().slice(0, 10),
    `%${name.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`,
    21,
  ]);
  return [
    200,
    {
      items: rows.slice(0, 20).map((a) => ({
        holderName: a.holder_name,
        certificateNumber: a.certificate_number,
        body: { id: a.body_id, name: a.body_name },
        level: a.level_code,
        status: a.status,
      })),
      nextCursor: rows.length > 20 ? 'more' : null,
    },
  ];
}

async function verify(req: IncomingMessage, number: string): Promise<[number, unknown]> {
  await rateLimit(req);
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/.test(number)) throw new HttpError(400, 'not a certificate number');
  const [acc] = await q(VERIFY_SQL, [number]);
  if (!acc) return [200, { result: 'unknown', certificateNumber: number }];
  const today = new Date().toISOString().slice(0, 10);
  const good = acc.a_status === 'active' && (!acc.a_expires_on || acc.a_expires_on >= today);
  return [
    200,
    {
      result: good ? 'valid' : acc.a_status,
      certificateNumber: number,
      holderName: acc.a_public_listing ? acc.a_holder_name : null,
      level: acc.a_level_code,
      body: acc.b_name,
    },
  ];
}

const UUID = '([0-9a-fA-F-]{36})';
const routes: [
  string,
  RegExp,
  (req: IncomingMessage, m: RegExpExecArray, url: URL, body: string) => Promise<[number, unknown, Record<string, string>?]>,
][] = [
  ['GET', new RegExp(`^/api/v1/cases/${UUID}$`), (req, m) => getCase(req, m[1].toLowerCase())],
  ['GET', /^\/api\/v1\/supervision\/queue$/, (req, _m, url) => queue(req, url)],
  ['POST', new RegExp(`^/api/v1/cases/${UUID}/sessions$`), (req, m, _u, body) => addSession(req, m[1].toLowerCase(), body)],
  [
    'GET',
    new RegExp(`^/api/v1/trainees/${UUID}/schemes/${UUID}/progress$`),
    (req, m, url) => progress(req, m[1].toLowerCase(), m[2].toLowerCase(), url),
  ],
  ['GET', /^\/api\/v1\/register$/, (req, _m, url) => register(req, url)],
  ['GET', /^\/api\/v1\/verify\/([^/]+)$/, (req, m) => verify(req, decodeURIComponent(m[1]))],
  ['GET', /^\/__bench\/statements$/, async () => [200, { statements }]],
  ['GET', /^\/health\/ready$/, async () => [200, { status: 'ok' }]],
];

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const json = JSON.stringify(body);
  // Content-Length, not chunked: as lean as the service's replies (see shared notes)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json), ...headers });
  res.end(json);
}

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    for (const [method, re, handler] of routes) {
      const m = re.exec(url.pathname);
      if (!m || method !== req.method) continue;
      handler(req, m, url, Buffer.concat(chunks).toString('utf8'))
        .then(([status, body, headers]) => send(res, status, body, headers))
        .catch((err: unknown) =>
          err instanceof HttpError ? send(res, err.status, { message: err.message }) : send(res, 500, { message: String(err) }),
        );
      return;
    }
    send(res, 404, { message: 'not found' });
  });
});
server.keepAliveTimeout = 72_000;
server.listen(Number(env.PORT ?? 3901), '127.0.0.1');
process.once('SIGTERM', () => {
  server.close(() => void pool.end().then(() => process.exit(0)));
  server.closeAllConnections();
});
