import { Role } from '../src/common/roles';
import { API, daysAgo } from './cases-fixtures';
import { makeAdmin, makeBody, makeUser, type TestUser } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

// A scheme that asks for evidence from outside the training record (issue 15): a verified clinical degree or
// licence from a list, and two clinical references.
const SCHEME = {
  noun: 'accredited',
  phaseBoundaries: { initialLastSession: 3, terminationSessions: 3 },
  groupCredit: { kind: 'share', multiplier: 2, capAtGroupMinutes: true },
  levels: [
    {
      code: 'ENTRY',
      name: 'Entry level',
      kind: 'practitioner',
      order: 1,
      validity: { kind: 'none' },
      prerequisites: [],
      requirements: [
        {
          id: 'degree',
          type: 'qualification',
          label: 'Clinical degree or licence',
          params: { codes: ['MSC_CLIN_PSY', 'PSYCHOTHERAPIST_LICENCE'] },
        },
        { id: 'refs', type: 'references', label: 'Two clinical references', params: { min: 2, kinds: ['clinical'], withinMonths: 24 } },
      ],
    },
  ],
};

// a minimal but real PDF header: the service checks the bytes against the declared media type
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2048, 0x20), Buffer.from('\n%%EOF\n')]);

/** The newest outbox message to `to`, before the worker delivered it: its link's token for `path`. */
async function mailedToken(to: string, path: string): Promise<string> {
  const rows: { link: string; body_text: string }[] = await t.db.query(
    `SELECT link, body_text FROM notifications WHERE to_address = $1 ORDER BY created_at DESC LIMIT 1`,
    [to],
  );
  expect(rows).toHaveLength(1);
  const m = new RegExp(`${path}#([A-Za-z0-9_-]+)`).exec(rows[0].link);
  expect(m).not.toBeNull();
  expect(rows[0].body_text).toContain(m![1]);
  return m![1];
}

async function setUp() {
  const body = await makeBody(t, { name: 'Evidence Body' });
  const admin = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: body.id }]);
  const person = await makeUser(t, [{ role: Role.Trainee, bodyId: body.id }], { displayName: 'Pat Applicant' });
  const scheme = await t
    .http()
    .post(`${API}/schemes`)
    .set(admin.auth)
    .send({ bodyId: body.id, code: `EV-${Date.now()}`, name: 'Evidence' })
    .expect(201);
  const draft = await t
    .http()
    .post(`${API}/schemes/${scheme.body.id}/versions`)
    .set(admin.auth)
    .send({ effectiveFrom: daysAgo(30), definition: SCHEME })
    .expect(201);
  await t
    .http()
    .post(`${API}/scheme-versions/${draft.body.id}/publish`)
    .set(admin.auth)
    .send({ allowPastEffectiveDate: true, reason: 'Test scheme in force from a past date' })
    .expect(201);
  await t.http().post(`${API}/schemes/${scheme.body.id}/enrolment`).set(person.auth).send({}).expect(201);
  return { body, admin, person, schemeId: scheme.body.id as string };
}

const progress = async (person: TestUser, schemeId: string) =>
  (await t.http().get(`${API}/trainees/${person.id}/schemes/${schemeId}/progress`).set(person.auth).expect(200)).body.levels[0];

describe('qualifications and references as evidence', () => {
  it('a person meets the level once a verified qualification and two clinical references are in', async () => {
    const { body, admin, person, schemeId } = await setUp();

    const before = await progress(person, schemeId);
    expect(before).toMatchObject({ met: false, metCount: 0, ruleCount: 2 });
    expect(before.rules.map((r: { ruleId: string; message: string }) => [r.ruleId, r.message])).toEqual([
      ['degree', 'No qualification recorded from the accepted list: MSC_CLIN_PSY, PSYCHOTHERAPIST_LICENCE'],
      ['refs', '0 submitted clinical references of 2 within the last 24 months: 2 more clinical references needed'],
    ]);

    // the person records the degree and uploads its document
    const created = await t
      .http()
      .post(`${API}/trainees/${person.id}/qualifications`)
      .set(person.auth)
      .send({
        kind: 'degree',
        code: 'msc_clin_psy',
        title: 'MSc Clinical Psychology',
        issuer: 'University of Example',
        awardedOn: '2019-07-01',
      })
      .expect(201);
    expect(created.body).toMatchObject({ code: 'MSC_CLIN_PSY', state: 'pending', document: null, version: 1 });
    const q = created.body.id as string;
    await t.http().put(`${API}/qualifications/${q}/document`).set(person.auth).set('content-type', 'application/pdf').send(PDF).expect(428);
    const uploaded = await t
      .http()
      .put(`${API}/qualifications/${q}/document?fileName=diploma.pdf`)
      .set(person.auth)
      .set('content-type', 'application/pdf')
      .set('if-match', '"1"')
      .send(PDF)
      .expect(200);
    expect(uploaded.body.document).toMatchObject({ fileName: 'diploma.pdf', contentType: 'application/pdf', sizeBytes: PDF.length });
    expect(uploaded.headers.etag).toBe('"2"');

    const pending = await progress(person, schemeId);
    expect(pending.rules[0]).toMatchObject({ met: false, message: 'MSC_CLIN_PSY is recorded and awaits verification by the body' });

    // the body admin sees it in the queue, reads the document, verifies the version they looked at
    const queue = await t.http().get(`${API}/bodies/${body.id}/qualifications?state=pending`).set(admin.auth).expect(200);
    expect(queue.body.items).toEqual([expect.objectContaining({ id: q, personName: 'Pat Applicant', state: 'pending' })]);
    const doc = await t.http().get(`${API}/qualifications/${q}/document`).set(admin.auth).buffer(true).expect(200);
    expect(doc.headers['content-type']).toBe('application/pdf');
    expect(Buffer.compare(doc.body as Buffer, PDF)).toBe(0);
    await t.http().post(`${API}/qualifications/${q}/verify`).set(admin.auth).set('if-match', '"1"').send({}).expect(412);
    const verified = await t.http().post(`${API}/qualifications/${q}/verify`).set(admin.auth).set('if-match', '"2"').send({}).expect(200);
    expect(verified.body).toMatchObject({ state: 'verified', reviewedBy: admin.id });
    await t.http().post(`${API}/qualifications/${q}/reject`).set(admin.auth).set('if-match', '"3"').send({ note: 'no' }).expect(409);
    const audited: { action: string }[] = await t.db.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`, [q]);
    expect(audited.map((a) => a.action)).toEqual(['qualification.create', 'qualification.document', 'qualification.verify']);

    // two clinical references, asked for and written through the mailed links
    const tokens: string[] = [];
    for (const [i, email] of ['ref.one@referee.example', 'ref.two@referee.example'].entries()) {
      const r = await t
        .http()
        .post(`${API}/me/references`)
        .set(person.auth)
        .send({ bodyId: body.id, kind: 'clinical', refereeName: `Referee ${i + 1}`, refereeEmail: email, relation: 'Clinical supervisor' })
        .expect(201);
      expect(r.body).toMatchObject({ state: 'requested', kind: 'clinical' });
      tokens.push(await mailedToken(email, '/references/write'));
    }
    const preview = await t.http().post(`${API}/references/preview`).send({ token: tokens[0] }).expect(200);
    expect(preview.body).toMatchObject({
      applicantName: 'Pat Applicant',
      bodyName: 'Evidence Body',
      kind: 'clinical',
      refereeName: 'Referee 1',
    });
    const text = 'Pat worked with me for two years and is a careful, reflective clinician.';
    for (const token of tokens) {
      await t.http().post(`${API}/references/submit`).send({ token, text, recommend: true, rating: 5 }).expect(200);
    }

    // the link works once
    const reuse = await t.http().post(`${API}/references/submit`).send({ token: tokens[0], text }).expect(409);
    expect(reuse.body).toMatchObject({ code: 'REFERENCE_NOT_PENDING', details: { state: ['submitted'] } });
    await t.http().post(`${API}/references/preview`).send({ token: tokens[0] }).expect(409);

    // the applicant sees the state, never the text; the body's admin reads it
    const mine = await t.http().get(`${API}/me/references`).set(person.auth).expect(200);
    expect(mine.body.items.map((r: { state: string }) => r.state)).toEqual(['submitted', 'submitted']);
    expect(JSON.stringify(mine.body)).not.toContain('careful, reflective');
    const forBody = await t.http().get(`${API}/bodies/${body.id}/references`).set(admin.auth).expect(200);
    expect(forBody.body.items).toEqual([
      expect.objectContaining({ text, recommend: true, rating: 5, applicantName: 'Pat Applicant' }),
      expect.objectContaining({ text }),
    ]);
    await t.http().get(`${API}/references/${mine.body.items[0].id}`).set(person.auth).expect(403);

    const after = await progress(person, schemeId);
    expect(after).toMatchObject({ met: true, metCount: 2 });
    expect(after.rules[0].evidence).toEqual([expect.objectContaining({ kind: 'qualification', id: q })]);
    expect(after.rules[1]).toMatchObject({ reached: 2, required: 2 });
  });

  it("another body's admin, a supervisor and a stranger get 404; nobody verifies their own qualification", async () => {
    const { body, person } = await setUp();
    const other = await makeBody(t);
    const foreignAdmin = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: other.id }]);
    const supervisor = await makeUser(t, [{ role: Role.Supervisor, bodyId: body.id }]);
    const q = await t
      .http()
      .post(`${API}/trainees/${person.id}/qualifications`)
      .set(person.auth)
      .send({ kind: 'licence', code: 'PSYCHOTHERAPIST_LICENCE', title: 'Licence', issuer: 'Chamber', awardedOn: '2020-01-01' })
      .expect(201);
    for (const who of [foreignAdmin, supervisor]) {
      await t.http().get(`${API}/qualifications/${q.body.id}`).set(who.auth).expect(404);
      await t.http().get(`${API}/qualifications/${q.body.id}/document`).set(who.auth).expect(404);
      await t.http().get(`${API}/trainees/${person.id}/qualifications`).set(who.auth).expect(404);
    }
    const denied = await t
      .http()
      .post(`${API}/qualifications/${q.body.id}/verify`)
      .set(foreignAdmin.auth)
      .set('if-match', '"1"')
      .send({})
      .expect(404);
    expect(denied.body.code).toBe('QUALIFICATION_NOT_FOUND');
    await t.http().get(`${API}/bodies/${body.id}/qualifications`).set(foreignAdmin.auth).expect(404);
    await t.http().get(`${API}/bodies/${body.id}/references`).set(foreignAdmin.auth).expect(404);

    await t
      .http()
      .post(`${API}/me/references`)
      .set(person.auth)
      .send({
        bodyId: body.id,
        kind: 'clinical',
        refereeName: 'R',
        refereeEmail: 'r@referee.example',
        relation: 'Colleague',
      })
      .expect(201);
    const token = await mailedToken('r@referee.example', '/references/write');
    await t.http().post(`${API}/references/submit`).send({ token, text: 'A reference that is long enough to count.' }).expect(200);
    const [ref] = (await t.http().get(`${API}/me/references`).set(person.auth).expect(200)).body.items;
    await t.http().get(`${API}/references/${ref.id}`).set(foreignAdmin.auth).expect(404);
    await t.http().post(`${API}/me/references/${ref.id}/cancel`).set(foreignAdmin.auth).expect(404);

    // a body admin who is also a trainee of the body cannot verify their own qualification
    const both = await makeUser(t, [
      { role: Role.Trainee, bodyId: body.id },
      { role: Role.BodyAdmin, bodyId: body.id },
    ]);
    const own = await t
      .http()
      .post(`${API}/trainees/${both.id}/qualifications`)
      .set(both.auth)
      .send({ kind: 'degree', code: 'MSC_CLIN_PSY', title: 'MSc', issuer: 'U', awardedOn: '2020-01-01' })
      .expect(201);
    const self = await t
      .http()
      .post(`${API}/qualifications/${own.body.id}/verify`)
      .set(both.auth)
      .set('if-match', '"1"')
      .send({})
      .expect(403);
    expect(self.body.code).toBe('CANNOT_VERIFY_OWN');
  });

  it('refuses a document that is not what it claims, too large, or of another type, and changes nothing', async () => {
    const { person } = await setUp();
    const q = await t
      .http()
      .post(`${API}/trainees/${person.id}/qualifications`)
      .set(person.auth)
      .send({ kind: 'prior_training', code: 'IPT_INTRO', title: 'IPT introduction', issuer: 'Institute', awardedOn: '2021-05-01' })
      .expect(201);
    const id = q.body.id as string;
    const put = (type: string, bytes: Buffer) =>
      t.http().put(`${API}/qualifications/${id}/document`).set(person.auth).set('content-type', type).set('if-match', '"1"').send(bytes);
    const fake = await put('application/pdf', Buffer.from('<html><script>alert(1)</script></html>')).expect(400);
    expect(fake.body.code).toBe('INVALID_DOCUMENT');
    await put('text/html', Buffer.from('<html></html>')).expect(415);
    const big = await put(
      'image/png',
      Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(5 * 1024 * 1024)]),
    );
    expect(big.status).toBe(413);
    // the same media type on another route is refused, not parsed
    await t
      .http()
      .post(`${API}/trainees/${person.id}/qualifications`)
      .set(person.auth)
      .set('content-type', 'application/pdf')
      .send(PDF)
      .expect(415);
    expect(await t.db.query(`SELECT 1 FROM qualification_documents WHERE qualification_id = $1`, [id])).toEqual([]);
    const still = await t.http().get(`${API}/qualifications/${id}`).set(person.auth).expect(200);
    expect(still.body).toMatchObject({ version: 1, document: null });
    // bad input is a clear 400, never a partial write
    const future = await t
      .http()
      .post(`${API}/trainees/${person.id}/qualifications`)
      .set(person.auth)
      .send({ kind: 'degree', code: 'x', title: '', issuer: 'U', awardedOn: '2999-01-01' })
      .expect(400);
    expect(Object.keys(future.body.details).sort()).toEqual(['code', 'title']);
  });

  it('resend replaces the link, cancel ends the request; expired links are refused', async () => {
    const { body, person } = await setUp();
    const email = 'twice@referee.example';
    const r = await t
      .http()
      .post(`${API}/me/references`)
      .set(person.auth)
      .send({ bodyId: body.id, kind: 'character', refereeName: 'Twice', refereeEmail: email, relation: 'Colleague' })
      .expect(201);
    const first = await mailedToken(email, '/references/write');
    await t
      .http()
      .post(`${API}/me/references`)
      .set(person.auth)
      .send({
        bodyId: body.id,
        kind: 'character',
        refereeName: 'Twice',
        refereeEmail: email,
        relation: 'Colleague',
      })
      .expect(409);
    const self = await t
      .http()
      .post(`${API}/me/references`)
      .set(person.auth)
      .send({ bodyId: body.id, kind: 'character', refereeName: 'Me', refereeEmail: person.email, relation: 'Myself' })
      .expect(400);
    expect(self.body.code).toBe('SELF_REFERENCE');

    const resent = await t.http().post(`${API}/me/references/${r.body.id}/resend`).set(person.auth).expect(200);
    expect(resent.body).toMatchObject({ sendCount: 2, state: 'requested' });
    const second = await mailedToken(email, '/references/write');
    expect(second).not.toBe(first);
    await t.http().post(`${API}/references/preview`).send({ token: first }).expect(404);
    await t.http().post(`${API}/references/preview`).send({ token: second }).expect(200);

    await t.db.query(`UPDATE reference_requests SET expires_at = now() - interval '1 minute' WHERE id = $1`, [r.body.id]);
    const expired = await t
      .http()
      .post(`${API}/references/submit`)
      .send({ token: second, text: 'Too late for this link, sadly.' })
      .expect(409);
    expect(expired.body.details).toEqual({ state: ['expired'] });

    const cancelled = await t.http().post(`${API}/me/references/${r.body.id}/cancel`).set(person.auth).expect(200);
    expect(cancelled.body.state).toBe('cancelled');
    await t.http().post(`${API}/me/references/${r.body.id}/resend`).set(person.auth).expect(409);
    const actions: { action: string }[] = await t.db.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`, [r.body.id]);
    expect(actions.map((a) => a.action)).toEqual(['reference.request', 'reference.resend', 'reference.cancel']);
  });

  it("erasing the person removes their qualifications' documents and stops their open reference links", async () => {
    const { body, person } = await setUp();
    const global = await makeAdmin(t);
    const q = await t
      .http()
      .post(`${API}/trainees/${person.id}/qualifications`)
      .set(person.auth)
      .send({ kind: 'degree', code: 'MSC_CLIN_PSY', title: 'MSc', issuer: 'U', awardedOn: '2020-01-01' })
      .expect(201);
    await t
      .http()
      .put(`${API}/qualifications/${q.body.id}/document`)
      .set(person.auth)
      .set('content-type', 'application/pdf')
      .set('if-match', '"1"')
      .send(PDF)
      .expect(200);
    const email = 'erased.referee@referee.example';
    await t
      .http()
      .post(`${API}/me/references`)
      .set(person.auth)
      .send({ bodyId: body.id, kind: 'clinical', refereeName: 'R', refereeEmail: email, relation: 'Colleague' })
      .expect(201);
    const token = await mailedToken(email, '/references/write');
    await t.http().post(`${API}/users/${person.id}/erase`).set(global.auth).send({ reason: 'GDPR Art. 17 request, ticket 15' }).expect(200);
    expect(await t.db.query(`SELECT 1 FROM qualification_documents WHERE qualification_id = $1`, [q.body.id])).toEqual([]);
    const late = await t.http().post(`${API}/references/submit`).send({ token, text: 'Written after the person was erased.' }).expect(409);
    expect(late.body.details).toEqual({ state: ['cancelled'] });
  });
});
