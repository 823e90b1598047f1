import { Role } from '../src/common/roles';
import { API, daysAgo, team, type Team } from './cases-fixtures';
import { countRows, makeBody, makeUser, type TestUser } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

// A small national scheme that exists only in this file: the body brings it through the API, no code.
const PRAXIS_SCHEME = {
  noun: 'akkreditiert',
  phaseBoundaries: { initialLastSession: 3, terminationSessions: 3 },
  groupCredit: { kind: 'share', multiplier: 2, capAtGroupMinutes: true },
  levels: [
    {
      code: 'PRAKTIKER',
      name: 'IPT-Praktiker',
      kind: 'practitioner',
      order: 1,
      validity: { kind: 'annual' },
      renewal: {
        requirements: [{ id: 'fortbildung', type: 'cpd', params: { withinMonths: 12, minHours: 10 } }],
        graceDays: 30,
        reminderDaysBefore: 30,
        auditSharePercent: 25,
      },
      prerequisites: [],
      requirements: [
        {
          id: 'kurs',
          type: 'learning_hours',
          label: '16 h Einführungskurs',
          params: { kinds: ['didactic_course'], minHours: 16, verifiedOnly: false },
        },
        {
          id: 'booster',
          type: 'learning_hours',
          label: '8 h Aufbaukurs',
          params: { kinds: ['booster'], minHours: 8, verifiedOnly: false },
        },
      ],
    },
  ],
};

interface World extends Team {
  admin: TestUser;
  bodyCode: string;
  schemeId: string;
  versionId: string;
}

async function world(): Promise<World> {
  const tm = await team(t);
  const admin = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: tm.bodyId }]);
  const [{ code }]: { code: string }[] = await t.db.query('SELECT code FROM bodies WHERE id = $1', [tm.bodyId]);
  const scheme = await t
    .http()
    .post(`${API}/schemes`)
    .set(admin.auth)
    .send({ bodyId: tm.bodyId, code: `P-${Date.now()}`, name: 'Praxis-Schema' })
    .expect(201);
  const draft = await t
    .http()
    .post(`${API}/schemes/${scheme.body.id}/versions`)
    .set(admin.auth)
    .send({ effectiveFrom: daysAgo(10), definition: PRAXIS_SCHEME })
    .expect(201);
  await t
    .http()
    .post(`${API}/scheme-versions/${draft.body.id}/publish`)
    .set(admin.auth)
    .send({ allowPastEffectiveDate: true, reason: 'Test scheme in force from a past date' })
    .expect(201);
  return { ...tm, admin, bodyCode: code, schemeId: scheme.body.id, versionId: draft.body.id };
}

const activity = (w: { trainee: TestUser }, kind: string, hours: number) =>
  t
    .http()
    .post(`${API}/trainees/${w.trainee.id}/activities`)
    .set(w.trainee.auth)
    .send({ kind, title: `${kind} course`, provider: 'Institut', hours, delivery: 'in_person', date: daysAgo(20) })
    .expect(201);

const apply = (w: World, who: TestUser = w.trainee, body: object = {}) =>
  t
    .http()
    .post(`${API}/applications`)
    .set(who.auth)
    .send({ schemeId: w.schemeId, levelCode: 'PRAKTIKER', ...body });

const auditRows = () => countRows(t, 'audit_log');

describe('applying for a level', () => {
  it('a supervisor with no trainee role enrols, applies, and withdraws their own application', async () => {
    const w = await world();
    const supervisorOnly = await makeUser(t, [{ role: Role.Supervisor, bodyId: w.bodyId }]);
    const res = await apply(w, supervisorOnly).expect(201);
    expect(res.body).toMatchObject({ applicantId: supervisorOnly.id, status: 'submitted' });
    await t.http().post(`${API}/applications/${res.body.id}/withdraw`).set(supervisorOnly.auth).expect(200);
    // and not somebody else's
    const theirs = await apply(w).expect(201);
    await t.http().post(`${API}/applications/${theirs.body.id}/withdraw`).set(supervisorOnly.auth).expect(404);
  });

  it('enrols the applicant at the version in force, stores the evaluation snapshot and writes one audit row', async () => {
    const w = await world();
    await activity(w, 'didactic_course', 16);
    const before = await auditRows();
    const res = await apply(w, w.trainee, { note: 'Bitte prüfen' }).expect(201);
    expect(await auditRows()).toBe(before + 1);
    expect(res.body).toMatchObject({
      applicantId: w.trainee.id,
      bodyId: w.bodyId,
      schemeVersionId: w.versionId,
      levelCode: 'PRAKTIKER',
      status: 'submitted',
      allRulesMet: false,
      applicantNote: 'Bitte prüfen',
    });
    // names, never ids: the applicant's name in the answer and in the body's list
    await t.db.query(`UPDATE users SET display_name = 'Greta Antragstellerin' WHERE id = $1`, [w.trainee.id]);
    expect((await t.http().get(`${API}/applications/${res.body.id}`).set(w.trainee.auth).expect(200)).body.applicantName).toBe(
      'Greta Antragstellerin',
    );
    const listed = await t.http().get(`${API}/applications`).query({ bodyId: w.bodyId }).set(w.admin.auth).expect(200);
    expect(listed.body.items.find((a: { id: string }) => a.id === res.body.id).applicantName).toBe('Greta Antragstellerin');
    expect(res.body.evaluation.rules.map((r: { ruleId: string; met: boolean }) => [r.ruleId, r.met])).toEqual([
      ['kurs', true],
      ['booster', false],
    ]);
    expect(res.body.events).toEqual([
      expect.objectContaining({
        kind: 'submitted',
        actorId: w.trainee.id,
        evaluation: expect.objectContaining({ levelCode: 'PRAKTIKER', met: false }),
      }),
    ]);
    const [enrolment] = await t.db.query('SELECT scheme_version_id FROM scheme_enrolments WHERE user_id = $1 AND scheme_id = $2', [
      w.trainee.id,
      w.schemeId,
    ]);
    expect(enrolment.scheme_version_id).toBe(w.versionId);
    const [row] = await t.db.query(`SELECT action, actor_id, body_id FROM audit_log WHERE entity_id = $1`, [res.body.id]);
    expect(row).toEqual({ action: 'application.submit', actor_id: w.trainee.id, body_id: w.bodyId });

    const dup = await apply(w).expect(409);
    expect(dup.body.code).toBe('APPLICATION_ALREADY_OPEN');
  });

  it('answers 400 with field details and writes nothing on bad input', async () => {
    const w = await world();
    const [apps, audits, enrolments] = [await countRows(t, 'applications'), await auditRows(), await countRows(t, 'scheme_enrolments')];
    const bad = await t
      .http()
      .post(`${API}/applications`)
      .set(w.trainee.auth)
      .send({ schemeId: 'nope', levelCode: 'lower-case', status: 'approved' })
      .expect(400);
    expect(Object.keys(bad.body.details).sort()).toEqual(['levelCode', 'schemeId', 'status']);
    const unknownLevel = await apply(w, w.trainee, { levelCode: 'MEISTER' }).expect(400);
    expect(unknownLevel.body.details).toHaveProperty('levelCode');
    expect([await countRows(t, 'applications'), await auditRows(), await countRows(t, 'scheme_enrolments')]).toEqual([
      apps,
      audits,
      enrolments,
    ]);
  });
});

describe('deciding an application', () => {
  it('needs an override reason to approve with unmet rules, then issues a signed accreditation in the same step', async () => {
    const w = await world();
    const app = (await apply(w).expect(201)).body;
    const [accs, audits] = [await countRows(t, 'accreditations'), await auditRows()];

    const refused = await t
      .http()
      .post(`${API}/applications/${app.id}/approve`)
      .set(w.admin.auth)
      .send({ reason: 'Gute Arbeit' })
      .expect(422);
    expect(refused.body).toMatchObject({ code: 'UNMET_RULES_NEED_OVERRIDE', details: { unmetRules: ['kurs', 'booster'] } });
    expect([await countRows(t, 'accreditations'), await auditRows()]).toEqual([accs, audits]);

    const ok = await t
      .http()
      .post(`${API}/applications/${app.id}/approve`)
      .set(w.admin.auth)
      .send({ reason: 'Gute Arbeit', overrideReason: 'Gleichwertige Ausbildung im Ausland nachgewiesen' })
      .expect(200);
    expect(await auditRows()).toBe(audits + 1);
    const acc = ok.body.accreditation;
    expect(ok.body.application).toMatchObject({
      status: 'approved',
      decidedBy: w.admin.id,
      overrideReason: 'Gleichwertige Ausbildung im Ausland nachgewiesen',
      accreditationId: acc.id,
      allRulesMet: false,
    });
    expect(acc.certificateNumber).toMatch(new RegExp(`^${w.bodyCode}-\\d{4}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$`));
    expect(acc).toMatchObject({
      holderId: w.trainee.id,
      holderName: 'Test User',
      levelCode: 'PRAKTIKER',
      levelName: 'IPT-Praktiker',
      status: 'active',
      publicListing: false,
      applicationId: app.id,
    });
    const issued = new Date(`${acc.issuedOn}T00:00:00Z`);
    issued.setUTCFullYear(issued.getUTCFullYear() + 1);
    expect(acc.expiresOn).toBe(issued.toISOString().slice(0, 10));
    expect(acc.credentialJws.split('.')).toHaveLength(3);
    expect(acc.events).toEqual([expect.objectContaining({ kind: 'issued', fromStatus: null, toStatus: 'active', actorId: w.admin.id })]);
    const [stored] = await t.db.query('SELECT credential_jws FROM accreditations WHERE id = $1', [acc.id]);
    expect(stored.credential_jws).toBe(acc.credentialJws);
    const [audit] = await t.db.query(
      `SELECT action, actor_role, changes FROM audit_log WHERE entity_id = $1 AND action = 'application.approve'`,
      [app.id],
    );
    expect(audit).toMatchObject({
      actor_role: 'BODY_ADMIN',
      changes: {
        override: { reason: 'Gleichwertige Ausbildung im Ausland nachgewiesen', unmetRules: ['kurs', 'booster'] },
        certificateNumber: acc.certificateNumber,
      },
    });

    // decisions are final
    expect(
      (await t.http().post(`${API}/applications/${app.id}/approve`).set(w.admin.auth).send({ overrideReason: 'again' }).expect(409)).body
        .code,
    ).toBe('APPLICATION_DECIDED');
    expect(
      (await t.http().post(`${API}/applications/${app.id}/reject`).set(w.admin.auth).send({ reason: 'too late' }).expect(409)).body.code,
    ).toBe('APPLICATION_DECIDED');
    expect(await countRows(t, 'accreditations')).toBe(accs + 1);
  });

  it('approves without override when every rule is met', async () => {
    const w = await world();
    await activity(w, 'didactic_course', 16);
    await activity(w, 'booster', 8);
    const app = (await apply(w).expect(201)).body;
    expect(app.allRulesMet).toBe(true);
    const ok = await t.http().post(`${API}/applications/${app.id}/approve`).set(w.admin.auth).send({}).expect(200);
    expect(ok.body.application).toMatchObject({ status: 'approved', overrideReason: null, allRulesMet: true });
    expect(ok.body.accreditation.publicListing).toBe(false);
  });

  // issue 12, finding 4: `approve {"publicListing":true}` used to list the holder without their consent
  it('refuses to let a body admin list the holder on the public register; the holder alone consents', async () => {
    const w = await world();
    await activity(w, 'didactic_course', 16);
    await activity(w, 'booster', 8);
    const app = (await apply(w).expect(201)).body;
    const audits = await auditRows();
    for (const publicListing of [true, false]) {
      const refused = await t.http().post(`${API}/applications/${app.id}/approve`).set(w.admin.auth).send({ publicListing }).expect(400);
      expect(refused.body).toMatchObject({ code: 'PUBLIC_LISTING_NEEDS_HOLDER_CONSENT', details: { publicListing: [expect.any(String)] } });
    }
    expect(await auditRows()).toBe(audits);
    expect((await t.http().get(`${API}/applications/${app.id}`).set(w.admin.auth).expect(200)).body.status).toBe('submitted');

    const acc = (await t.http().post(`${API}/applications/${app.id}/approve`).set(w.admin.auth).send({}).expect(200)).body.accreditation;
    expect(acc.publicListing).toBe(false);
    const onRegister = async () =>
      (await t.http().get(`${API}/register`).query({ bodyId: acc.bodyId }).expect(200)).body.items.filter(
        (e: { certificateNumber: string }) => e.certificateNumber === acc.certificateNumber,
      ).length;
    expect(await onRegister()).toBe(0);
    // the holder consents
    await t
      .http()
      .put(`${API}/accreditations/${acc.id}/public-listing`)
      .set(w.trainee.auth)
      .set('If-Match', `"${acc.version}"`)
      .send({ publicListing: true })
      .expect(200);
    expect(await onRegister()).toBe(1);
  });

  it('asks for more information; the answer re-evaluates the application and sends it back', async () => {
    const w = await world();
    const app = (await apply(w).expect(201)).body;
    const asked = await t
      .http()
      .post(`${API}/applications/${app.id}/request-info`)
      .set(w.admin.auth)
      .send({ message: 'Bitte Kursnachweis nachreichen' })
      .expect(200);
    expect(asked.body).toMatchObject({ status: 'more_info_requested', infoRequest: 'Bitte Kursnachweis nachreichen' });
    await t.http().post(`${API}/applications/${app.id}/request-info`).set(w.admin.auth).send({ message: 'again' }).expect(409);
    // someone else cannot answer for the applicant
    // (a supervisor may apply for levels itself, so the refusal is the scope's 404: it is not their application)
    await t.http().post(`${API}/applications/${app.id}/respond`).set(w.supervisor.auth).send({ note: 'x' }).expect(404);
    const other = await makeUser(t, [{ role: Role.Trainee, bodyId: w.bodyId }]);
    await t.http().post(`${API}/applications/${app.id}/respond`).set(other.auth).send({ note: 'x' }).expect(404);

    await activity(w, 'didactic_course', 16);
    const answered = await t
      .http()
      .post(`${API}/applications/${app.id}/respond`)
      .set(w.trainee.auth)
      .send({ note: 'Nachweis hochgeladen' })
      .expect(200);
    expect(answered.body.status).toBe('submitted');
    expect(answered.body.evaluation.rules.find((r: { ruleId: string }) => r.ruleId === 'kurs').met).toBe(true);
    expect(answered.body.version).toBe(app.version + 2);
    expect(answered.body.events.map((e: { kind: string }) => e.kind)).toEqual(['submitted', 'info_requested', 'responded']);
    const responded = answered.body.events[2];
    expect(responded).toMatchObject({ note: 'Nachweis hochgeladen', evaluation: expect.objectContaining({ metCount: 1 }) });
    await t.http().post(`${API}/applications/${app.id}/respond`).set(w.trainee.auth).send({ note: 'twice' }).expect(409);
  });

  it('requires a reason to reject, and writes nothing without one', async () => {
    const w = await world();
    const app = (await apply(w).expect(201)).body;
    const audits = await auditRows();
    const bad = await t.http().post(`${API}/applications/${app.id}/reject`).set(w.admin.auth).send({}).expect(400);
    expect(bad.body.details).toHaveProperty('reason');
    await t.http().post(`${API}/applications/${app.id}/reject`).set(w.admin.auth).send({ reason: '   ' }).expect(400);
    expect(await auditRows()).toBe(audits);
    const rejected = await t
      .http()
      .post(`${API}/applications/${app.id}/reject`)
      .set(w.admin.auth)
      .send({ reason: 'Fallarbeit fehlt' })
      .expect(200);
    expect(rejected.body).toMatchObject({
      status: 'rejected',
      decisionReason: 'Fallarbeit fehlt',
      decidedBy: w.admin.id,
      accreditationId: null,
    });
    expect(await auditRows()).toBe(audits + 1);
    // a new application may follow a decided one
    await apply(w).expect(201);
  });

  it('keeps decisions to the body: a foreign body admin gets 404, a trainee 403, an applicant-admin 403 on their own', async () => {
    const w = await world();
    const app = (await apply(w).expect(201)).body;
    const foreignBody = await makeBody(t);
    const foreign = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: foreignBody.id }]);
    expect(
      (await t.http().post(`${API}/applications/${app.id}/approve`).set(foreign.auth).send({ overrideReason: 'x' }).expect(404)).body.code,
    ).toBe('APPLICATION_NOT_FOUND');
    await t.http().post(`${API}/applications/${app.id}/request-info`).set(foreign.auth).send({ message: 'x' }).expect(404);
    await t.http().get(`${API}/applications/${app.id}`).set(foreign.auth).expect(404);
    await t.http().post(`${API}/applications/${app.id}/approve`).set(w.trainee.auth).send({ overrideReason: 'x' }).expect(403);

    // the international parent's body admin administers the national body's schemes
    const [{ parent_id: parentId }] = await t.db.query('SELECT parent_id FROM bodies WHERE id = $1', [w.bodyId]);
    const intl = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: parentId }]);
    await t.http().get(`${API}/applications/${app.id}`).set(intl.auth).expect(200);

    const selfAdmin = await makeUser(t, [
      { role: Role.Trainee, bodyId: w.bodyId },
      { role: Role.BodyAdmin, bodyId: w.bodyId },
    ]);
    const own = (await apply(w, selfAdmin).expect(201)).body;
    const refused = await t
      .http()
      .post(`${API}/applications/${own.id}/approve`)
      .set(selfAdmin.auth)
      .send({ overrideReason: 'mine' })
      .expect(403);
    expect(refused.body.code).toBe('OWN_APPLICATION');
    expect(await t.db.query('SELECT id FROM accreditations WHERE holder_id = $1', [selfAdmin.id])).toEqual([]);
    const [mine] = await t.db.query('SELECT status FROM applications WHERE id = $1', [own.id]);
    expect(mine.status).toBe('submitted');
  });

  it('lets the applicant withdraw while open, and not after', async () => {
    const w = await world();
    const app = (await apply(w).expect(201)).body;
    // not their application: 404 (a supervisor may hold applications of its own)
    await t.http().post(`${API}/applications/${app.id}/withdraw`).set(w.supervisor.auth).expect(404);
    const done = await t.http().post(`${API}/applications/${app.id}/withdraw`).set(w.trainee.auth).expect(200);
    expect(done.body.status).toBe('withdrawn');
    expect((await t.http().post(`${API}/applications/${app.id}/withdraw`).set(w.trainee.auth).expect(409)).body.code).toBe(
      'APPLICATION_CLOSED',
    );
    expect(
      (await t.http().post(`${API}/applications/${app.id}/approve`).set(w.admin.auth).send({ overrideReason: 'x' }).expect(409)).body.code,
    ).toBe('APPLICATION_DECIDED');
  });
});

describe('listing applications', () => {
  it("scopes the list: own, active supervisees', the body's; with filters and keyset pages", async () => {
    const w = await world();
    const first = (await apply(w).expect(201)).body;
    const colleague = await makeUser(t, [{ role: Role.Trainee, bodyId: w.bodyId }]);
    const second = (await apply(w, colleague).expect(201)).body;
    await t.http().post(`${API}/applications/${second.id}/reject`).set(w.admin.auth).send({ reason: 'no' }).expect(200);

    const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((i) => i.id);
    expect(ids(await t.http().get(`${API}/applications`).set(w.trainee.auth).expect(200))).toEqual([first.id]);
    expect(ids(await t.http().get(`${API}/applications`).set(w.supervisor.auth).expect(200))).toEqual([first.id]);
    expect(ids(await t.http().get(`${API}/applications`).query({ bodyId: w.bodyId }).set(w.admin.auth).expect(200))).toEqual([
      second.id,
      first.id,
    ]);
    expect(
      ids(await t.http().get(`${API}/applications`).query({ bodyId: w.bodyId, status: 'rejected' }).set(w.admin.auth).expect(200)),
    ).toEqual([second.id]);
    const page1 = await t.http().get(`${API}/applications`).query({ bodyId: w.bodyId, limit: 1 }).set(w.admin.auth).expect(200);
    expect(ids(page1)).toEqual([second.id]);
    const page2 = await t
      .http()
      .get(`${API}/applications`)
      .query({ bodyId: w.bodyId, limit: 1, cursor: page1.body.nextCursor })
      .set(w.admin.auth)
      .expect(200);
    expect(ids(page2)).toEqual([first.id]);
    expect(page2.body.nextCursor).toBeNull();

    const foreign = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: (await makeBody(t)).id }]);
    expect(ids(await t.http().get(`${API}/applications`).query({ bodyId: w.bodyId }).set(foreign.auth).expect(200))).toEqual([]);
    await t.http().get(`${API}/applications/${first.id}`).set(colleague.auth).expect(404);
    const detail = await t.http().get(`${API}/applications/${first.id}`).set(w.trainee.auth).expect(200);
    expect(detail.body.events).toHaveLength(1);
    await t.http().get(`${API}/applications`).query({ status: 'bogus' }).set(w.trainee.auth).expect(400);
  });
});
