import { createHash } from 'node:crypto';
import { Role } from '../src/common/roles';
import { API, daysAgo } from './cases-fixtures';
import { csv, upload, xlsx, yearsAgo } from './imports-fixtures';
import { makeBody, makeUser, type TestUser } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const SCHEME = {
  noun: 'accredited',
  phaseBoundaries: { initialLastSession: 3, terminationSessions: 3 },
  groupCredit: { kind: 'full' },
  levels: [
    {
      code: 'A',
      name: 'Practitioner',
      kind: 'practitioner',
      order: 1,
      validity: { kind: 'none' },
      prerequisites: [],
      requirements: [{ id: 'course', type: 'learning_hours', params: { kinds: ['didactic_course'], minHours: 16, verifiedOnly: false } }],
    },
  ],
};

interface World {
  bodyId: string;
  admin: TestUser;
  schemeCode: string;
}

async function world(): Promise<World> {
  const body = await makeBody(t);
  const admin = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: body.id }]);
  const schemeCode = `RG${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
  const scheme = await t
    .http()
    .post(`${API}/schemes`)
    .set(admin.auth)
    .send({ bodyId: body.id, code: schemeCode, name: 'Register' })
    .expect(201);
  const draft = await t
    .http()
    .post(`${API}/schemes/${scheme.body.id}/versions`)
    .set(admin.auth)
    .send({ effectiveFrom: daysAgo(10), definition: SCHEME })
    .expect(201);
  await t
    .http()
    .post(`${API}/scheme-versions/${draft.body.id}/publish`)
    .set(admin.auth)
    .send({ allowPastEffectiveDate: true, reason: 'Test scheme in force from a past date' })
    .expect(201);
  return { bodyId: body.id, admin, schemeCode };
}

const HEADER = ['name', 'email', 'scheme', 'level', 'award_date', 'certificate_number', 'expiry_date', 'status', 'public_listing'];
const uniq = () => Math.random().toString(36).slice(2, 10);

describe('register import', () => {
  it('dry run reports each row and writes nothing; commit writes them marked as imported; a second commit matches them all', async () => {
    const w = await world();
    const existing = await makeUser(t, [], { email: `known-${uniq()}@test.example` });
    const n = uniq();
    const file = csv([
      HEADER,
      ['Ada Old', `ada-${n}@test.example`, w.schemeCode, 'A', yearsAgo(10), `OLD-${n}-1`, '', 'active', 'yes'],
      ['Known Person', existing.email.toUpperCase(), w.schemeCode, 'A', '25/03/2019', '', yearsAgo(1), 'lapsed', ''],
      ['Sus Pended', `sus-${n}@test.example`, w.schemeCode, 'A', '1.2.2018', '', '', 'suspended', 'no'],
    ]);
    const url = `/bodies/${w.bodyId}/imports/register`;
    const dry = await upload(t, url, w.admin, file, 'holders.csv').expect(200);
    expect(dry.body).toMatchObject({ kind: 'register', mode: 'dry-run', committed: false, counts: { rows: 3, create: 3, error: 0 } });
    expect(dry.body.file.sha256).toBe(createHash('sha256').update(file).digest('hex'));
    expect(dry.body.rows.map((r: { note: string }) => r.note)).toEqual(['new person', 'person matched by e-mail', 'new person']);
    const before = await t.db.query(`SELECT count(*)::int AS n FROM accreditations WHERE body_id = $1`, [w.bodyId]);
    expect(before[0].n).toBe(0);

    const done = await upload(t, `${url}?mode=commit`, w.admin, file, 'holders.csv').expect(200);
    expect(done.body).toMatchObject({ mode: 'commit', committed: true, counts: { create: 3 } });
    const accs: Record<string, unknown>[] = await t.db.query(
      `SELECT a.certificate_number, a.issued_on::text AS issued_on, a.expires_on::text AS expires_on, a.status, a.public_listing,
              a.imported_by, a.import_file_name, a.import_file_sha256, a.imported_at IS NOT NULL AS imported, a.credential_jws, u.email
         FROM accreditations a JOIN users u ON u.id = a.holder_id WHERE a.body_id = $1 ORDER BY a.issued_on`,
      [w.bodyId],
    );
    expect(accs).toHaveLength(3);
    expect(accs.every((a) => a.imported === true && a.imported_by === w.admin.id && a.import_file_name === 'holders.csv')).toBe(true);
    expect(accs[0]).toMatchObject({ certificate_number: `OLD-${n}-1`, issued_on: yearsAgo(10), status: 'active', public_listing: true });
    expect(accs[1]).toMatchObject({ issued_on: '2018-02-01', status: 'suspended', public_listing: false });
    expect(accs[2]).toMatchObject({ issued_on: '2019-03-25', status: 'lapsed', email: existing.email });
    // credentials only when the body asks
    expect(accs.every((a) => a.credential_jws === null)).toBe(true);
    const audit = await t.db.query(`SELECT changes FROM audit_log WHERE action = 'import.register' AND body_id = $1`, [w.bodyId]);
    expect(audit).toHaveLength(1);
    expect(audit[0].changes).toMatchObject({ file: { name: 'holders.csv' }, peopleCreated: 2, invitations: 0 });

    const again = await upload(t, `${url}?mode=commit`, w.admin, file, 'holders.csv').expect(200);
    expect(again.body.counts).toMatchObject({ rows: 3, create: 0, match: 3 });
    const after = await t.db.query(`SELECT count(*)::int AS n FROM accreditations WHERE body_id = $1`, [w.bodyId]);
    expect(after[0].n).toBe(3);
  });

  it('refuses ambiguous dates, formulas and bad values by row and field; a commit of such a file writes nothing (422)', async () => {
    const w = await world();
    const n = uniq();
    const rows = [
      HEADER,
      ['Ok Row', `ok-${n}@test.example`, w.schemeCode, 'A', '2015-06-01', '', '', 'active', ''],
      ['Ambiguous', `amb-${n}@test.example`, w.schemeCode, 'A', '05/03/2016', '', '', 'active', ''],
      ['=HYPERLINK("http://evil.example","x")', `f-${n}@test.example`, w.schemeCode, 'A', '2016-01-01', '', '', 'active', ''],
      ['Future', `fut-${n}@test.example`, w.schemeCode, 'A', '2999-01-01', '', '', 'active', ''],
      ['No Level', `lvl-${n}@test.example`, w.schemeCode, 'Z', '2016-01-01', '', '', 'active', ''],
      ['Lapsed', `lap-${n}@test.example`, w.schemeCode, 'A', '2016-01-01', '', '', 'lapsed', ''],
    ];
    const url = `/bodies/${w.bodyId}/imports/register`;
    const dry = await upload(t, url, w.admin, csv(rows)).expect(200);
    const errors = Object.fromEntries(
      dry.body.rows
        .filter((r: { action: string }) => r.action === 'error')
        .map((r: { row: number; errors: { field: string }[] }) => [r.row, r.errors.map((e) => e.field)]),
    );
    expect(errors).toEqual({ 3: ['award_date'], 4: ['name'], 5: ['award_date'], 6: ['level'], 7: ['expiry_date'] });
    expect(JSON.stringify(dry.body)).not.toContain('=HYPERLINK');
    const refused = await upload(t, `${url}?mode=commit`, w.admin, csv(rows)).expect(422);
    expect(refused.body.code).toBe('IMPORT_HAS_ERRORS');
    expect(Object.keys(refused.body.details)).toEqual(expect.arrayContaining(['rows.3.award_date', 'rows.7.expiry_date']));
    const written = await t.db.query(`SELECT count(*)::int AS n FROM accreditations WHERE body_id = $1`, [w.bodyId]);
    expect(written[0].n).toBe(0);
  });

  it('reads XLSX (date cells and text) and refuses a formula cell without using its cached result', async () => {
    const w = await world();
    const n = uniq();
    const book = await xlsx([
      HEADER,
      ['Xl Sheet', `xl-${n}@test.example`, w.schemeCode, 'A', new Date(Date.UTC(2017, 4, 2)), '', '', 'active', 'no'],
      [
        'Formula',
        `xf-${n}@test.example`,
        w.schemeCode,
        'A',
        { formula: 'DATE(2017,1,1)', result: new Date(Date.UTC(2017, 0, 1)) },
        '',
        '',
        'active',
        '',
      ],
    ]);
    const dry = await upload(t, `/bodies/${w.bodyId}/imports/register`, w.admin, book, 'holders.xlsx').expect(200);
    expect(dry.body.rows).toMatchObject([
      { row: 2, action: 'create' },
      { row: 3, action: 'error', errors: [{ field: 'award_date', message: expect.stringMatching(/formula/) }] },
    ]);
  });

  it('issues credentials and sends invitations only when asked', async () => {
    const w = await world();
    const n = uniq();
    const file = csv([HEADER, ['Cred Holder', `cred-${n}@test.example`, w.schemeCode, 'A', '2016-01-01', '', '', 'active', '']]);
    await upload(t, `/bodies/${w.bodyId}/imports/register?mode=commit&invite=true&issueCredentials=true`, w.admin, file).expect(200);
    const [acc] = await t.db.query(`SELECT credential_jws FROM accreditations WHERE body_id = $1`, [w.bodyId]);
    expect(acc.credential_jws).toMatch(/^ey/);
    const inv = await t.db.query(`SELECT role FROM invitations WHERE body_id = $1 AND email = $2`, [w.bodyId, `cred-${n}@test.example`]);
    expect(inv).toEqual([{ role: 'TRAINEE' }]);
  });

  it("is the body's admins': another body's admin and a trainee get 404 / 403, and a wrong header is a 400", async () => {
    const w = await world();
    const other = await world();
    const trainee = await makeUser(t, [{ role: Role.Trainee, bodyId: w.bodyId }]);
    const file = csv([HEADER]);
    await upload(t, `/bodies/${w.bodyId}/imports/register`, other.admin, file).expect(404);
    await upload(t, `/bodies/${w.bodyId}/imports/register`, trainee, file).expect(403);
    const bad = await upload(t, `/bodies/${w.bodyId}/imports/register`, w.admin, csv([['name', 'mail']])).expect(400);
    expect(bad.body.code).toBe('IMPORT_FILE_INVALID');
    const body = await makeBody(t);
    void body;
  });
});
