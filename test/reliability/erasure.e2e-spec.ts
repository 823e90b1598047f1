import ExcelJS from 'exceljs';
import { randomBytes, randomUUID } from 'node:crypto';
import { Role } from '../../src/common/roles';
import { API, caseBody, supervise } from '../cases-fixtures';
import { makeAccreditation, sign } from '../credentials-fixtures';
import { type ActorKey, MATRIX } from '../security/access-matrix';
import { buildWorld, type World } from '../security/world';
import { makeAdmin, makeBody, makeUser, TEST_PASSWORD, type TestUser } from '../support/factories';
import { listRoutes } from '../support/routes';
import { pdfText } from '../support/pdf-text';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** Every text-like column of every table (audit trail included) that contains `needle`, case-insensitively. */
async function findEverywhere(needle: string): Promise<string[]> {
  const cols: { table_name: string; column_name: string }[] = await t.db.query(
    `SELECT c.table_name, c.column_name FROM information_schema.columns c
       JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name AND tb.table_type = 'BASE TABLE'
      WHERE c.table_schema = current_schema()
        AND c.data_type IN ('text', 'character varying', 'character', 'jsonb', 'json', 'ARRAY', 'USER-DEFINED')`,
  );
  const hits: string[] = [];
  for (const c of cols) {
    const [row] = await t.db.query(
      `SELECT count(*)::int AS n FROM "${c.table_name}" WHERE "${c.column_name}"::text ILIKE '%' || $1 || '%'`,
      [needle],
    );
    if (row.n > 0) hits.push(`${c.table_name}.${c.column_name} (${row.n})`);
  }
  return hits;
}

describe('POST /users/:id/erase', () => {
  it("removes the person's personal data everywhere; their accreditation still verifies under a pseudonym", async () => {
    const body = await makeBody(t, { name: 'IPT Erasureland' });
    const tag = randomBytes(4).toString('hex');
    const name = `Zelda Quarrington ${tag}`;
    const email = `zelda.${tag}@test.example`;
    const person = await makeUser(t, [{ role: Role.Trainee, bodyId: body.id }], { email, displayName: name });
    const supervisor = await makeUser(t, [{ role: Role.Supervisor, bodyId: body.id }]);
    await supervise(t, person.id, supervisor.id, body.id);
    const admin = await makeAdmin(t);
    await t.db.query(
      `INSERT INTO trainee_profiles (user_id, country_code, home_body_id, core_profession, licences, memberships) VALUES ($1, 'GB', $2, 'psychologist', $3::jsonb, $4::jsonb)`,
      [
        person.id,
        body.id,
        JSON.stringify([{ jurisdiction: 'GB', number: 'HCPC-PYL-998877', expiresOn: '2030-01-01' }]),
        JSON.stringify([{ bodyId: body.id, from: '2020-01-01', to: null }]),
      ],
    );
    // their data in places other than their account: free text naming them, a stored idempotent response,
    // a failed sign-in counter keyed by their e-mail, an accreditation (and its signed credential) in their name
    const created = await t
      .http()
      .post(`${API}/cases`)
      .set(person.auth)
      .set('Idempotency-Key', `k-${randomUUID()}`)
      .send(caseBody(supervisor.id, { presentingProblem: `Referred to ${name} for low mood after a bereavement.` }))
      .expect(201);
    await t.http().post(`${API}/auth/sign-in`).send({ email, password: 'not-the-password-at-all' }).expect(401);
    const acc = await makeAccreditation(t, body, person.id, { holderName: name, publicListing: true });
    const jws = await sign(t, acc, body.name);
    expect(jws).toBeTruthy();
    expect((await findEverywhere(email)).length).toBeGreaterThan(0);
    expect((await findEverywhere(name)).length).toBeGreaterThan(0);

    // the reason goes into the append-only audit trail, so it must not name the person
    const named = await t
      .http()
      .post(`${API}/users/${person.id}/erase`)
      .set(admin.auth)
      .send({ reason: `Request from ${name} by letter` })
      .expect(400);
    expect(named.body.details.reason).toBeDefined();

    const res = await t
      .http()
      .post(`${API}/users/${person.id}/erase`)
      .set(admin.auth)
      .send({ reason: 'GDPR Art. 17 request, ticket 4711' })
      .expect(200);
    expect(res.body).toMatchObject({ id: person.id, status: 'erased', accreditationsPseudonymised: 1 });
    expect(res.body.sessionsDeleted).toBeGreaterThanOrEqual(1);
    expect(res.body.freeTextRowsScrubbed).toBeGreaterThanOrEqual(1);

    expect(await findEverywhere(email)).toEqual([]);
    expect(await findEverywhere(name)).toEqual([]);
    expect(await findEverywhere('HCPC-PYL-998877')).toEqual([]);

    const [user] = await t.db.query(`SELECT email, display_name, password_hash, status FROM users WHERE id = $1`, [person.id]);
    expect(user.email).toMatch(/^erased-[0-9a-f]+@invalid$/);
    expect(user.display_name).toBe(res.body.pseudonym);
    expect(user.status).toBe('erased');
    expect(user.password_hash).not.toMatch(/^\$argon2/);
    expect(await t.db.query(`SELECT id FROM sessions WHERE user_id = $1`, [person.id])).toEqual([]);
    expect(await t.db.query(`SELECT id FROM idempotency_keys WHERE user_id = $1`, [person.id])).toEqual([]);
    expect(await t.db.query(`SELECT licences FROM trainee_profiles WHERE user_id = $1`, [person.id])).toEqual([{ licences: [] }]);
    // the clinical record stays (pseudonymous), with the mention of the person replaced
    const [kase] = await t.db.query(`SELECT presenting_problem FROM supervised_cases WHERE id = $1`, [created.body.id]);
    expect(kase.presenting_problem).toBe('Referred to [erased] for low mood after a bereavement.');

    // they can no longer use the service: old tokens, refresh, sign-in
    await t.http().get(`${API}/me`).set(person.auth).expect(401);
    await t.http().post(`${API}/auth/refresh`).send({ refreshToken: person.refreshToken }).expect(401);
    await t.http().post(`${API}/auth/sign-in`).send({ email, password: TEST_PASSWORD }).expect(401);

    // the accreditation still verifies by its certificate number, under the pseudonym (now off the register)
    const verified = await t.http().get(`${API}/verify/${acc.certificateNumber}`).expect(200);
    expect(verified.body).toMatchObject({ certificateNumber: acc.certificateNumber, result: 'valid', holderName: null });
    const [row] = await t.db.query(`SELECT holder_name, status, public_listing, credential_jws FROM accreditations WHERE id = $1`, [
      acc.id,
    ]);
    expect(row).toEqual({ holder_name: res.body.pseudonym, status: 'active', public_listing: false, credential_jws: null });
    const byName = await t.http().get(`${API}/verify/${acc.certificateNumber}`).query({ name: res.body.pseudonym }).expect(200);
    expect(byName.body.nameMatches).toBe(true);

    // exactly one audit row, with no personal data in it
    const audits = await t.db.query(`SELECT actor_id, actor_role, changes FROM audit_log WHERE action = 'user.erase' AND entity_id = $1`, [
      person.id,
    ]);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      actor_id: admin.id,
      actor_role: 'ADMIN',
      changes: { reason: 'GDPR Art. 17 request, ticket 4711', status: { from: 'active', to: 'erased' } },
    });

    // erased is final: a second erasure (or any admin action on them) finds no one
    await t
      .http()
      .post(`${API}/users/${person.id}/erase`)
      .set(admin.auth)
      .send({ reason: 'GDPR Art. 17 request, ticket 4711' })
      .expect(404);
  });

  it('is for global admins only; not oneself', async () => {
    const body = await makeBody(t);
    const bodyAdmin = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: body.id }]);
    const trainee = await makeUser(t, [{ role: Role.Trainee, bodyId: body.id }]);
    await t
      .http()
      .post(`${API}/users/${trainee.id}/erase`)
      .set(bodyAdmin.auth)
      .send({ reason: 'GDPR Art. 17 request, ticket 1' })
      .expect(403);
    await t
      .http()
      .post(`${API}/users/${trainee.id}/erase`)
      .set(trainee.auth)
      .send({ reason: 'GDPR Art. 17 request, ticket 1' })
      .expect(403);
    const admin = await makeAdmin(t);
    await t.http().post(`${API}/users/${admin.id}/erase`).set(admin.auth).send({ reason: 'GDPR Art. 17 request, ticket 1' }).expect(409);
    await t
      .http()
      .post(`${API}/users/${randomUUID()}/erase`)
      .set(admin.auth)
      .send({ reason: 'GDPR Art. 17 request, ticket 1' })
      .expect(404);
    await t.http().post(`${API}/users/${trainee.id}/erase`).set(admin.auth).send({ reason: 'short' }).expect(400);
    await t.http().get(`${API}/me`).set(trainee.auth).expect(200);
  });
});

/**
 * Every GET of the API an actor can make in world `w` — the routes read from the application itself, their ids
 * from the access matrix — plus `extra` URLs, following every page of every list.
 */
// Files (PDF certificates and records, XLSX exports) are read as what a person would see in them.
async function binaryText(url: string, actor: TestUser): Promise<string> {
  const res = await t
    .http()
    .get(url)
    .set(actor.auth)
    .buffer(true)
    .parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => done(null, Buffer.concat(chunks)));
    });
  const bytes = res.body as Buffer;
  const type = String(res.headers['content-type'] ?? '');
  if (type.startsWith('application/pdf')) return pdfText(bytes).join('\n');
  if (type.includes('spreadsheetml')) {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const cells: string[] = [];
    book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text)))));
    return cells.join('\n');
  }
  return bytes.toString('utf8');
}

async function readEverything(
  w: World,
  who: ActorKey,
  actor: TestUser,
  extra: string[],
): Promise<{ url: string; status: number; text: string }[]> {
  const urls = [...extra];
  for (const r of listRoutes(t.app)) {
    if (r.method !== 'GET' || !r.path.startsWith('/api/')) continue;
    const row = MATRIX[`GET ${r.path}`];
    const c = { w, who, n: 'scan' };
    const params: Record<string, string> = row?.params?.(c) ?? {};
    const path = r.path.replace(/:(\w+)/g, (_, k: string) => encodeURIComponent(params[k] ?? ''));
    if (path.includes('//') || path.endsWith('/')) throw new Error(`no ids for ${r.path} in the access matrix`);
    const q = row?.query?.(c);
    urls.push(q ? `${path}?${q}` : path);
  }
  const out: { url: string; status: number; text: string }[] = [];
  for (const url of urls) {
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: { status: number; text: string; body: { nextCursor?: unknown } } = await t
        .http()
        .get(cursor ? `${url}${url.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(cursor)}` : url)
        .set(actor.auth);
      out.push({ url, status: res.status, text: res.text ?? (await binaryText(url, actor)) });
      cursor = res.status === 200 && typeof res.body?.nextCursor === 'string' ? res.body.nextCursor : null;
    } while (cursor && ++pages < 100);
  }
  return out;
}

const mentions = (reads: { url: string; status: number; text: string }[], ...needles: string[]) =>
  reads.filter((r) => needles.some((n) => r.text.toLowerCase().includes(n.toLowerCase()))).map((r) => `${r.status} GET ${r.url}`);

// issue 12, finding 2: after erasure the person's name and e-mail could still be read in audit reasons (GET
// /audit) and in a replayed idempotent response
describe('erasure reaches every API read', () => {
  it('leaves no trace in any GET a body admin or a global admin can make, audit reasons and idempotent replays included', async () => {
    const global = await makeAdmin(t);
    const w = await buildWorld(t, 'A', global);
    const tag = randomBytes(4).toString('hex');
    const name = `Zebulon Quarrie ${tag}`;
    const email = w.trainee.email;
    await t.db.query(`UPDATE users SET display_name = $1 WHERE id = $2`, [name, w.trainee.id]);
    await t.db.query(`UPDATE accreditations SET holder_name = $1 WHERE holder_id = $2`, [name, w.trainee.id]);

    // free text quoting them, typed by their body's admin and supervisor; the suspension with an Idempotency-Key
    const suspend = { reason: `Complaint about ${name} <${email}> under review` };
    const key = `erase-replay-${tag}`;
    const suspended = () =>
      t.http().post(`${API}/accreditations/${w.ids.accreditation}/suspend`).set(w.admin.auth).set('Idempotency-Key', key).send(suspend);
    await suspended().expect(200);
    await t
      .http()
      .post(`${API}/accreditations/${w.ids.accreditationDue}/revoke`)
      .set(w.admin.auth)
      .send({ reason: `Revoked: ${name} no longer practises` })
      .expect(200);
    await t
      .http()
      .post(`${API}/cases/${w.ids.caseSubmitted}/return`)
      .set(w.supervisor.auth)
      .send({ comments: `${name}, please add the formulation` })
      .expect(200);
    const replayedBefore = await suspended().expect(200);
    expect(replayedBefore.headers['idempotent-replayed']).toBe('true');
    expect(replayedBefore.text).toContain(name);

    const extra = [
      `${API}/audit?entityId=${w.ids.accreditation}`,
      `${API}/audit?actorId=${w.admin.id}`,
      `${API}/users?q=${encodeURIComponent(name)}`,
      `${API}/users/${w.trainee.id}`,
    ];
    const before = await readEverything(w, 'adminA', w.admin, extra);
    expect(before.length).toBeGreaterThan(45);
    // the scan can fail: before erasure it finds them in the trail and in their account
    expect(mentions(before, name, email)).toEqual(
      expect.arrayContaining([expect.stringContaining(`GET ${API}/audit`), `200 GET ${API}/users/${w.trainee.id}`]),
    );

    const erased = await t
      .http()
      .post(`${API}/users/${w.trainee.id}/erase`)
      .set(global.auth)
      .send({ reason: 'GDPR Art. 17 request, ticket 5150' })
      .expect(200);
    expect(erased.body.auditEntriesScrubbed).toBeGreaterThanOrEqual(2);

    for (const [who, actor] of [
      ['adminA', w.admin],
      ['global', global],
    ] as const) {
      const after = await readEverything(w, who, actor, extra);
      expect(after.filter((r) => r.status === 200).length).toBeGreaterThan(30);
      expect([who, mentions(after, name, email)]).toEqual([who, []]);
    }
    const replayed = await suspended().expect(200);
    expect(replayed.headers['idempotent-replayed']).toBe('true');
    expect(replayed.text).not.toContain(name);
    expect(replayed.text.toLowerCase()).not.toContain(email.toLowerCase());
    expect(replayed.body.status).toBe('suspended');

    // the audit rows are still there, scrubbed in place; the erasure is itself on the trail
    const [row] = await t.db.query(`SELECT changes FROM audit_log WHERE action = 'accreditation.suspend' AND entity_id = $1`, [
      w.ids.accreditation,
    ]);
    expect(row.changes.reason).toBe('Complaint about [erased] <[erased]> under review');
    const [event] = await t.db.query(`SELECT changes FROM audit_log WHERE action = 'user.erase' AND entity_id = $1`, [w.trainee.id]);
    expect(event.changes).toMatchObject({ auditEntriesScrubbed: erased.body.auditEntriesScrubbed });
  });

  it('the audit trail still refuses every change but an erasure scrub of `changes`', async () => {
    const [row] = await t.db.query(
      `INSERT INTO audit_log (actor_role, action, entity_type, changes) VALUES ('SYSTEM', 'test.scrub', 'test', '{"reason": "told by Abigail Test"}') RETURNING id, changes`,
    );
    const declared = (pattern: string, replacement: string, sql: string) =>
      t.db.transaction(async (em) => {
        await em.query(`SELECT set_config('ipt.erasure_pattern', $1, true), set_config('ipt.erasure_replacement', $2, true)`, [
          pattern,
          replacement,
        ]);
        await em.query(sql, [row.id]);
      });
    // another column, even during an erasure
    await expect(declared('Abigail Test', '[erased]', `UPDATE audit_log SET action = 'x' WHERE id = $1`)).rejects.toThrow(/append-only/);
    // a rewrite that is not the declared replacement
    await expect(
      declared('Abigail Test', '[erased]', `UPDATE audit_log SET changes = '{"forged": true}'::jsonb WHERE id = $1`),
    ).rejects.toThrow(/append-only/);
    // a replacement other than the marker
    await expect(
      declared(
        'Abigail Test',
        'someone else',
        `UPDATE audit_log SET changes = regexp_replace(changes::text, 'Abigail Test', 'someone else', 'gi')::jsonb WHERE id = $1`,
      ),
    ).rejects.toThrow(/append-only/);
    await expect(declared('Abigail Test', '[erased]', `DELETE FROM audit_log WHERE id = $1`)).rejects.toThrow(/append-only/);
    // nothing without a declared erasure, not even the scrub itself
    await expect(
      t.db.query(`UPDATE audit_log SET changes = regexp_replace(changes::text, 'Abigail Test', '[erased]', 'gi')::jsonb WHERE id = $1`, [
        row.id,
      ]),
    ).rejects.toThrow(/append-only/);
    expect((await t.db.query(`SELECT changes FROM audit_log WHERE id = $1`, [row.id]))[0].changes).toEqual(row.changes);
    // the one allowed change
    await declared(
      'Abigail Test',
      '[erased]',
      `UPDATE audit_log SET changes = regexp_replace(changes::text, 'Abigail Test', '[erased]', 'gi')::jsonb WHERE id = $1`,
    );
    expect((await t.db.query(`SELECT changes FROM audit_log WHERE id = $1`, [row.id]))[0].changes).toEqual({ reason: 'told by [erased]' });
  });
});
