// Import throughput on the server database: a session file of N rows (default 100,000) imported by a trainee
// through the running service, dry run then commit, against the floor — a plain multi-row INSERT of the same rows
// (1,000 per statement, no parsing, no validation) from this process, in the same run, on the same cases. The
// service's RSS is sampled every 50 ms while each import runs (the file is streamed: growth should stay < 100 MB).
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { signIn } from './fixtures';
import { rssMb } from './service';
import { sleep } from './util';

const SESSIONS_PER_CASE = 16;

export interface ImportBenchResult {
  rows: number;
  fileBytes: number;
  floor: { seconds: number; rowsPerSecond: number };
  dryRun: ImportRun;
  commit: ImportRun;
}

interface ImportRun {
  seconds: number;
  rowsPerSecond: number;
  ratioToFloor: number;
  status: number;
  counts: Record<string, number>;
  rssBeforeMb: number;
  rssPeakMb: number;
  rssGrowthMb: number;
}

const phase = (n: number) => (n <= 3 ? 'initial' : n > SESSIONS_PER_CASE - 3 ? 'termination' : 'middle');
const day = (start: number, n: number) => new Date(start + 7 * (n - 1) * 86_400_000).toISOString().slice(0, 10);

export async function importBench(db: Pool, baseUrl: string, servicePid: number, rows: number): Promise<ImportBenchResult> {
  const cases = Math.ceil(rows / SESSIONS_PER_CASE);
  const tag = randomUUID().slice(0, 8);
  const [{ body_id: bodyId, password_hash: hash }] = (
    await db.query(
      `SELECT g.body_id, u.password_hash FROM users u JOIN role_grants g ON g.user_id = u.id AND g.role = 'TRAINEE'
        WHERE u.email LIKE 'trainee%@bench.ipt.example' ORDER BY u.email LIMIT 1`,
    )
  ).rows;
  const traineeEmail = `import-${tag}@bench.ipt.example`;
  const ids: { id: string }[] = (
    await db.query(
      `INSERT INTO users (email, display_name, password_hash) VALUES ($1, 'Import Bench', $3), ($2, 'Import Supervisor', $3) RETURNING id`,
      [traineeEmail, `import-sup-${tag}@bench.ipt.example`, hash],
    )
  ).rows;
  const [traineeId, supervisorId] = ids.map((r) => r.id);
  await db.query(`INSERT INTO role_grants (user_id, role, body_id) VALUES ($1, 'TRAINEE', $3), ($2, 'SUPERVISOR', $3)`, [
    traineeId,
    supervisorId,
    bodyId,
  ]);
  await db.query(
    `INSERT INTO supervision_relationships (trainee_id, supervisor_id, body_id, status, requested_by, started_on) VALUES ($1, $2, $3, 'active', $1, current_date)`,
    [traineeId, supervisorId, bodyId],
  );
  const start = Date.now() - 3 * 365 * 86_400_000;
  const caseIds: string[] = (
    await db.query(
      `INSERT INTO supervised_cases (trainee_id, supervisor_id, body_id, client_code, format, adaptation, age_band, setting, primary_diagnosis,
              focus_problem_area, planned_sessions, start_date, status, recording_consent)
       SELECT $1, $2, $3, 'IB' || k, 'individual', 'adult', '26-40', 'community', 'F32.1', 'grief', 16, $4::date, 'active', TRUE
         FROM generate_series(0, $5::int - 1) k ORDER BY k RETURNING id`,
      [traineeId, supervisorId, bodyId, day(start, 1), cases],
    )
  ).rows.map((r: { id: string }) => r.id);

  const data: { caseIndex: number; n: number }[] = [];
  for (let k = 0; k < cases && data.length < rows; k++)
    for (let n = 1; n <= SESSIONS_PER_CASE && data.length < rows; n++) data.push({ caseIndex: k, n });
  const lines = ['client_code,number,date,duration_minutes,phase,attended,recorded'];
  for (const r of data) lines.push(`IB${r.caseIndex},${r.n},${day(start, r.n)},50,${phase(r.n)},yes,${r.n % 2 ? 'yes' : 'no'}`);
  const file = Buffer.from(lines.join('\n') + '\n', 'utf8');

  // the floor: the same rows, one plain multi-row INSERT per 1,000, in one transaction; then removed again
  const client = await db.connect();
  const floorStart = performance.now();
  try {
    await client.query('BEGIN');
    for (let i = 0; i < data.length; i += 1000) {
      const batch = data.slice(i, i + 1000);
      const params: unknown[] = [];
      const values = batch.map((r, j) => {
        params.push(caseIds[r.caseIndex], r.n, day(start, r.n), 50, phase(r.n), true, r.n % 2 === 1);
        const b = j * 7;
        return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}, $${b + 7})`;
      });
      await client.query(
        `INSERT INTO therapy_sessions (case_id, number, date, duration_minutes, phase, attended, recorded) VALUES ${values.join(', ')}`,
        params,
      );
    }
    await client.query('COMMIT');
  } finally {
    client.release();
  }
  const floorSeconds = (performance.now() - floorStart) / 1000;
  await db.query(`DELETE FROM therapy_sessions WHERE case_id = ANY($1::uuid[])`, [caseIds]);
  const floorRate = data.length / floorSeconds;

  const token = await signIn(baseUrl, traineeEmail);
  const once = async (mode: 'dry-run' | 'commit'): Promise<ImportRun> => {
    await sleep(500);
    const rssBefore = rssMb(servicePid);
    let peak = rssBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb(servicePid))), 50);
    const form = new FormData();
    form.append('file', new Blob([file], { type: 'text/csv' }), 'sessions.csv');
    const t0 = performance.now();
    const res = await fetch(`${baseUrl}/api/v1/trainees/${traineeId}/imports/sessions?mode=${mode}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    const body = (await res.json()) as { counts?: Record<string, number> };
    const seconds = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, rssMb(servicePid));
    const rate = data.length / seconds;
    return {
      seconds,
      rowsPerSecond: rate,
      ratioToFloor: rate / floorRate,
      status: res.status,
      counts: body.counts ?? {},
      rssBeforeMb: rssBefore,
      rssPeakMb: peak,
      rssGrowthMb: peak - rssBefore,
    };
  };
  const dryRun = await once('dry-run');
  const commit = await once('commit');
  const written = Number(
    (await db.query(`SELECT count(*) AS n FROM therapy_sessions WHERE case_id = ANY($1::uuid[])`, [caseIds])).rows[0].n,
  );
  if (commit.status !== 200 || written !== data.length)
    throw new Error(`import commit answered ${commit.status} and wrote ${written} of ${data.length} rows`);
  return { rows: data.length, fileBytes: file.length, floor: { seconds: floorSeconds, rowsPerSecond: floorRate }, dryRun, commit };
}
