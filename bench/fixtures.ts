// What the load needs: signed-in tokens, case ids, certificate numbers, and the pool of draft cases the write
// endpoint appends sessions to (each request valid: its own case, the case's current version, the next number).
import { Pool } from 'pg';
import { BENCH_PASSWORD } from './generate';
import { sleep } from './util';

export interface Person {
  id: string;
  token: string;
  bodyId: string;
}

export interface Fixtures {
  trainees: Person[];
  supervisors: Person[];
  casesByTrainee: Map<string, string[]>;
  schemeByBody: Map<string, string>;
  certificates: string[];
  names: string[];
  slots: WriteSlots;
  signedInAt: number;
}

export async function signIn(baseUrl: string, email: string): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(`${baseUrl}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: BENCH_PASSWORD }),
    });
    if (res.ok) return ((await res.json()) as { accessToken: string }).accessToken;
    if (attempt >= 3) throw new Error(`sign-in of ${email} failed: ${res.status} ${await res.text()}`);
    await sleep(500);
  }
}

async function signInAll(baseUrl: string, emails: string[], parallel = 4): Promise<string[]> {
  const out: string[] = new Array(emails.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < emails.length) {
        const i = next++;
        out[i] = await signIn(baseUrl, emails[i]);
      }
    }),
  );
  return out;
}

export async function loadFixtures(db: Pool, baseUrl: string, opts: { trainees: number; supervisors: number }): Promise<Fixtures> {
  const tr = (
    await db.query(
      `SELECT u.id, u.email, g.body_id FROM users u JOIN role_grants g ON g.user_id = u.id AND g.role = 'TRAINEE'
                               WHERE u.email LIKE 'trainee%@bench.ipt.example' ORDER BY u.email LIMIT $1`,
      [opts.trainees],
    )
  ).rows;
  const sup = (
    await db.query(
      `SELECT u.id, u.email, g.body_id FROM users u JOIN role_grants g ON g.user_id = u.id AND g.role = 'SUPERVISOR'
                                WHERE u.email LIKE 'supervisor%@bench.ipt.example' ORDER BY u.email LIMIT $1`,
      [opts.supervisors],
    )
  ).rows;
  const [trTokens, supTokens] = [
    await signInAll(
      baseUrl,
      tr.map((r) => r.email),
    ),
    await signInAll(
      baseUrl,
      sup.map((r) => r.email),
    ),
  ];
  const trainees = tr.map((r, i) => ({ id: r.id as string, token: trTokens[i], bodyId: r.body_id as string }));
  const supervisors = sup.map((r, i) => ({ id: r.id as string, token: supTokens[i], bodyId: r.body_id as string }));
  const casesByTrainee = new Map<string, string[]>();
  for (const r of (
    await db.query(`SELECT id, trainee_id FROM supervised_cases WHERE trainee_id = ANY($1::uuid[]) ORDER BY id`, [
      trainees.map((t) => t.id),
    ])
  ).rows) {
    casesByTrainee.set(r.trainee_id, [...(casesByTrainee.get(r.trainee_id) ?? []), r.id]);
  }
  const schemeByBody = new Map<string, string>(
    (await db.query(`SELECT body_id, id FROM schemes`)).rows.map((r) => [r.body_id as string, r.id as string]),
  );
  const certificates = (await db.query(`SELECT certificate_number FROM accreditations ORDER BY certificate_number LIMIT 500`)).rows.map(
    (r) => r.certificate_number as string,
  );
  const names = ['murph', 'tanak', 'silva', 'jones', 'okaf', 'berg', 'rossi', 'kumar', 'walsh', 'larsen'];
  const slots = new WriteSlots(db, trainees);
  await slots.reset();
  await slots.sync();
  return { trainees, supervisors, casesByTrainee, schemeByBody, certificates, names, slots, signedInAt: Date.now() };
}

/** Tokens live 15 minutes: sign the pool in again when they are older than 10. */
export async function refreshTokens(f: Fixtures, baseUrl: string, db: Pool): Promise<void> {
  if (Date.now() - f.signedInAt < 10 * 60_000) return;
  const emails = async (people: Person[]) =>
    (await db.query(`SELECT id, email FROM users WHERE id = ANY($1::uuid[])`, [people.map((p) => p.id)])).rows;
  for (const people of [f.trainees, f.supervisors]) {
    const byId = new Map((await emails(people)).map((r) => [r.id as string, r.email as string]));
    const tokens = await signInAll(
      baseUrl,
      people.map((p) => byId.get(p.id)!),
    );
    people.forEach((p, i) => (p.token = tokens[i]));
  }
  f.slots.retoken(f.trainees);
  f.signedInAt = Date.now();
}

export interface Slot {
  caseId: string;
  token: string;
  version: number;
  next: number;
  lastDate: string;
}

/**
 * Draft, open cases of the signed-in trainees. A request takes a free slot (its case is then used by no other
 * connection), and on a 2xx the slot's version and next number advance. Sessions go up to `cap` (40 — what a
 * real case may plan — raised by 10 when every slot is full, at most 100, the API's limit).
 */
export class WriteSlots {
  private free: Slot[] = [];
  private all: Slot[] = [];
  cap = 40;
  invalid = 0;
  constructor(
    private readonly db: Pool,
    private trainees: Person[],
  ) {}

  retoken(trainees: Person[]): void {
    this.trainees = trainees;
  }

  /**
   * Every run starts from the generated data: the sessions earlier runs wrote (through the service or the
   * baseline, each with its audit row; generated sessions have none) are removed from the trainees' cases.
   */
  async reset(): Promise<void> {
    await this.db.query(
      `DELETE FROM therapy_sessions s USING audit_log a
        WHERE a.action = 'session.create' AND a.entity_type = 'case' AND a.actor_id = ANY($1::uuid[])
          AND s.id::text = a.changes->>'sessionId'`,
      [this.trainees.map((t) => t.id)],
    );
  }

  /** Reads every slot's version and last number from the database (after a run, in-flight requests may have been cut off). */
  async sync(): Promise<void> {
    const tokens = new Map(this.trainees.map((t) => [t.id, t.token]));
    const rows = (
      await this.db.query(
        `SELECT c.id, c.trainee_id, c.version, COALESCE(max(s.number), 0) AS last, COALESCE(max(s.date), c.start_date)::text AS last_date
         FROM supervised_cases c LEFT JOIN therapy_sessions s ON s.case_id = c.id
        WHERE c.trainee_id = ANY($1::uuid[]) AND c.review_state = 'draft' AND c.status = 'active' AND c.end_date IS NULL
        GROUP BY c.id ORDER BY c.id`,
        [this.trainees.map((t) => t.id)],
      )
    ).rows;
    this.all = rows.map((r) => ({
      caseId: r.id,
      token: tokens.get(r.trainee_id)!,
      version: Number(r.version),
      next: Number(r.last) + 1,
      lastDate: r.last_date,
    }));
    this.free = this.all.filter((s) => s.next <= this.cap);
  }

  get size(): number {
    return this.free.length;
  }

  take(): Slot | undefined {
    if (!this.free.length && this.cap < 100) {
      this.cap = Math.min(100, this.cap + 10);
      this.free = this.all.filter((s) => s.next <= this.cap);
    }
    return this.free.pop();
  }

  give(slot: Slot, ok: boolean, etag: string | undefined): void {
    if (!ok) {
      this.invalid++;
      return; // state unknown until the next sync
    }
    const v = /"(\d+)"/.exec(etag ?? '');
    slot.version = v ? Number(v[1]) : slot.version + 1;
    slot.next++;
    if (slot.next <= this.cap) this.free.unshift(slot);
  }
}

export const today = (): string => new Date().toISOString().slice(0, 10);

export const sessionBody = (slot: Slot): string =>
  JSON.stringify({ number: slot.next, date: today(), durationMinutes: 50, phase: 'termination', attended: true, recorded: true });
