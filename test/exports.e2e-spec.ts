import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020';
import addFormatsModule from 'ajv-formats';
import ExcelJS from 'exceljs';
import type { Response } from 'superagent';
import { Role } from '../src/common/roles';
import { AppConfig } from '../src/config/env';
import { qrRuns, verificationUrl } from '../src/exports/certificate-pdf';
import { API, daysAgo, makeCase, session, supervise, team, type Team } from './cases-fixtures';
import { makeUser, type TestUser } from './support/factories';
import { pdfRectangles, pdfText } from './support/pdf-text';
import { createTestApp, type TestApp } from './support/test-app';

/* eslint-disable @typescript-eslint/no-explicit-any */
const addFormats = ((addFormatsModule as any).default ?? addFormatsModule) as (ajv: Ajv2020) => Ajv2020;

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
      code: 'BASIC',
      name: 'Praticien IPT (niveau A)',
      kind: 'practitioner',
      order: 1,
      validity: { kind: 'annual' },
      renewal: { requirements: [], graceDays: 30, reminderDaysBefore: 30, auditSharePercent: 0 },
      prerequisites: [],
      requirements: [{ id: 'course', type: 'learning_hours', params: { kinds: ['didactic_course'], minHours: 16, verifiedOnly: false } }],
    },
  ],
};

interface World extends Team {
  admin: TestUser;
  holder: TestUser;
  schemeId: string;
  acc: { id: string; certificateNumber: string };
}

const binary = (res: Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

async function world(holderName = 'Zoë Holder'): Promise<World> {
  const tm = await team(t);
  const admin = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: tm.bodyId }]);
  const holder = await makeUser(t, [{ role: Role.Trainee, bodyId: tm.bodyId }], { displayName: holderName });
  const scheme = await t
    .http()
    .post(`${API}/schemes`)
    .set(admin.auth)
    .send({ bodyId: tm.bodyId, code: `EX-${Date.now()}`, name: 'Export scheme' })
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
  const app = await t
    .http()
    .post(`${API}/applications`)
    .set(holder.auth)
    .send({ schemeId: scheme.body.id, levelCode: 'BASIC' })
    .expect(201);
  const res = await t
    .http()
    .post(`${API}/applications/${app.body.id}/approve`)
    .set(admin.auth)
    .send({ overrideReason: 'Course taken abroad' })
    .expect(200);
  return { ...tm, admin, holder, schemeId: scheme.body.id, acc: res.body.accreditation };
}

const certificate = (w: World, who: TestUser, id = w.acc.id) =>
  t.http().get(`${API}/accreditations/${id}/certificate.pdf`).set(who.auth).buffer(true).parse(binary);

describe('printable certificate', () => {
  it('is a PDF naming the holder, the level as the body wrote it and the number, with the verification QR', async () => {
    const w = await world();
    const res = await certificate(w, w.holder).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(`certificate-${w.acc.certificateNumber}.pdf`);
    expect(res.headers['cache-control']).toBe('private, no-store');
    const pdf = res.body as Buffer;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toEqual(expect.arrayContaining([w.acc.certificateNumber, 'Zoë Holder', 'Praticien IPT (niveau A)', daysAgo(0)]));
    // the QR code drawn is the one of the verify URL printed beside it (qrRuns is unit-tested against the QR matrix)
    const url = verificationUrl(t.app.get(AppConfig).publicBaseUrl, w.acc.certificateNumber);
    expect(text.join(' ')).toContain(url);
    expect(pdfRectangles(pdf)).toBe(qrRuns(url).runs.length);
  });

  it("is the holder's and the body's admins': another trainee, the supervisor and another body's admin get 404", async () => {
    const w = await world();
    await certificate(w, w.admin).expect(200);
    const other = await world();
    for (const who of [w.trainee, w.supervisor, other.admin, other.holder]) {
      const res = await t.http().get(`${API}/accreditations/${w.acc.id}/certificate.pdf`).set(who.auth).expect(404);
      expect(res.headers['content-type']).toMatch(/application\/json/);
      expect(res.body.code).toBe('ACCREDITATION_NOT_FOUND');
    }
    await t.http().get(`${API}/accreditations/00000000-0000-4000-8000-000000000000/certificate.pdf`).set(w.holder.auth).expect(404);
    await t.http().get(`${API}/accreditations/${w.acc.id}/certificate.pdf`).expect(401);
  });
});

describe('body exports', () => {
  const exportOf = (w: World, who: TestUser, kind: string, format?: string) =>
    t
      .http()
      .get(`${API}/bodies/${w.bodyId}/exports/${kind}${format ? `?format=${format}` : ''}`)
      .set(who.auth)
      .buffer(true)
      .parse(binary);

  it('exports the register as CSV, neutralising a name a spreadsheet would run as a formula', async () => {
    const w = await world('=HYPERLINK("http://evil.example","click")');
    const res = await exportOf(w, w.admin, 'register').expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/attachment; filename=".*-register-\d{4}-\d{2}-\d{2}\.csv"/);
    const lines = (res.body as Buffer)
      .toString('utf8')
      .replace(/^\ufeff/, '')
      .split('\r\n');
    expect(lines[0]).toBe('Certificate number,Holder,E-mail,Level code,Level,Status,Awarded on,Expires on,Listed publicly');
    expect(lines[1]).toBe(
      `${w.acc.certificateNumber},"'=HYPERLINK(""http://evil.example"",""click"")",${w.holder.email},BASIC,Praticien IPT (niveau A),active,${daysAgo(0)},${daysAgo(-365).slice(0, 4)}${daysAgo(0).slice(4)},no`,
    );
  });

  it('exports applications with their decisions as XLSX', async () => {
    const w = await world();
    const res = await exportOf(w, w.admin, 'applications', 'xlsx').expect(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Applications')!;
    expect(ws.rowCount).toBe(2);
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const row = Object.fromEntries(header.map((h, i) => [h, ws.getRow(2).getCell(i + 1).value]));
    expect(row).toMatchObject({
      Applicant: 'Zoë Holder',
      Status: 'approved',
      'All rules met': 'no',
      'Override reason': 'Course taken abroad',
      'Certificate number': w.acc.certificateNumber,
    });
  });

  it('exports accreditations due for renewal: the same list as renewals-due', async () => {
    const w = await world();
    await t.db.query('UPDATE accreditations SET expires_on = $2 WHERE id = $1', [w.acc.id, daysAgo(-10)]);
    const text = (await exportOf(w, w.admin, 'renewals').expect(200)).body.toString('utf8');
    const due = await t.http().get(`${API}/accreditations/renewals-due?bodyId=${w.bodyId}`).set(w.admin.auth).expect(200);
    expect(due.body).toHaveLength(1);
    expect(text.trim().split('\r\n')).toHaveLength(2);
    expect(text).toContain(
      `${w.acc.certificateNumber},Zoë Holder,BASIC,Praticien IPT (niveau A),${daysAgo(-10)},${due.body[0].reminderDueOn},${due.body[0].renewableUntil},active`,
    );
  });

  it("is for the body's admins: 403 for a trainee or supervisor, 404 for another body's admin, 400 for an unknown kind or format", async () => {
    const w = await world();
    const other = await world();
    await exportOf(w, w.holder, 'register').expect(403);
    await exportOf(w, w.supervisor, 'register').expect(403);
    const res = await exportOf(w, other.admin, 'register').expect(404);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    await t.http().get(`${API}/bodies/${w.bodyId}/exports/people`).set(w.admin.auth).expect(400);
    await t.http().get(`${API}/bodies/${w.bodyId}/exports/register?format=pdf`).set(w.admin.auth).expect(400);
    const global = await makeUser(t, [{ role: Role.Admin }]);
    await exportOf(w, global, 'register', 'xlsx').expect(200);
  });
});

describe("a person's whole record", () => {
  const SCHEMA = JSON.parse(readFileSync(join(process.cwd(), 'docs/schemas/record-export.schema.json'), 'utf8')) as object;
  const validate = addFormats(new Ajv2020({ allErrors: true, strict: true })).compile(SCHEMA);

  it('holds their activities, cases with sessions, measures and sign-offs, supervision, applications and accreditations, valid against the documented schema', async () => {
    const w = await world();
    const tm = { bodyId: w.bodyId, trainee: w.holder, supervisor: w.supervisor };
    await supervise(t, w.holder.id, w.supervisor.id, w.bodyId);
    await t
      .http()
      .post(`${API}/trainees/${w.holder.id}/activities`)
      .set(w.holder.auth)
      .send({ kind: 'cpd', title: 'CPD workshop', provider: 'Institute', hours: 2.5, delivery: 'online', date: daysAgo(5) })
      .expect(201);
    const c = await makeCase(t, tm);
    await t
      .http()
      .post(`${API}/cases/${c.id}/sessions`)
      .set(w.holder.auth)
      .set('If-Match', '"1"')
      .send(session(1, daysAgo(50)))
      .expect(201);
    await t
      .http()
      .post(`${API}/cases/${c.id}/measures`)
      .set(w.holder.auth)
      .set('If-Match', '"2"')
      .send({ instrument: 'PHQ9', administeredOn: daysAgo(50), sessionNumber: 0, items: [2, 2, 2, 1, 1, 2, 1, 1, 0] })
      .expect(201);
    // someone else's record must not leak into it
    await makeCase(t, { bodyId: w.bodyId, trainee: w.trainee, supervisor: w.supervisor });

    const res = await t.http().get(`${API}/me/record-export`).set(w.holder.auth).expect(200);
    const ok = validate(res.body);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    const r = res.body;
    expect(r.person).toMatchObject({ id: w.holder.id, email: w.holder.email, displayName: 'Zoë Holder' });
    expect(r.activities).toEqual([expect.objectContaining({ title: 'CPD workshop', hours: 2.5, verified: false })]);
    expect(r.cases).toHaveLength(1);
    expect(r.cases[0]).toMatchObject({
      id: c.id,
      sessions: [{ number: 1, date: daysAgo(50) }],
      measures: [{ instrument: 'PHQ9', total: 12 }],
      signOffs: [],
    });
    expect(r.supervisionRelationships).toEqual([expect.objectContaining({ status: 'active' })]);
    expect(r.applications).toEqual([expect.objectContaining({ status: 'approved', accreditationId: w.acc.id })]);
    expect(r.accreditations).toEqual([
      expect.objectContaining({ certificateNumber: w.acc.certificateNumber, levelName: 'Praticien IPT (niveau A)' }),
    ]);
    expect(res.headers['cache-control']).toMatch(/no-store/);
  });

  it("is only ever one's own: another person's export holds none of it", async () => {
    const w = await world();
    const res = await t.http().get(`${API}/me/record-export`).set(w.trainee.auth).expect(200);
    expect(validate(res.body)).toBe(true);
    expect(res.body.person.id).toBe(w.trainee.id);
    expect(res.body.accreditations).toEqual([]);
    expect(res.body.applications).toEqual([]);
    await t.http().get(`${API}/me/record-export`).expect(401);
  });

  it('prints as a readable PDF for its owner', async () => {
    const w = await world();
    const res = await t.http().get(`${API}/me/record-export.pdf`).set(w.holder.auth).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['cache-control']).toBe('private, no-store');
    const text = pdfText(res.body as Buffer).join('\n');
    expect(text).toContain(`Zoë Holder <${w.holder.email}>`);
    expect(text).toContain(`${w.acc.certificateNumber}: Praticien IPT (niveau A)`);
    expect(text).toContain('approved');
  });
});
