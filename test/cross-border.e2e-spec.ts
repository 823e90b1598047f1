import { randomBytes } from 'node:crypto';
import { Role } from '../src/common/roles';
import { API, caseBody, daysAgo } from './cases-fixtures';
import { makeBody, makeUser, type TestUser } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

// Issue 16: cross-border supervision (a rule of body B names a level of body A; the supervisor's standing is checked
// on each meeting's date, wherever it was awarded) and moving (a record submitted to another body is read there).
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const http = () => t.http();
const code = (p: string) => `${p}-${randomBytes(3).toString('hex').toUpperCase()}`;
const level = (levelCode: string, requirements: object[]) => ({
  code: levelCode,
  name: `Level ${levelCode}`,
  kind: 'practitioner',
  order: 1,
  validity: { kind: 'none' },
  prerequisites: [],
  requirements,
});
const definition = (levels: object[]) => ({
  noun: 'accredited',
  phaseBoundaries: { initialLastSession: 3, terminationSessions: 3 },
  groupCredit: { kind: 'share', multiplier: 2, capAtGroupMinutes: true },
  levels,
});

async function scheme(admin: TestUser, bodyId: string, schemeCode: string, def: object) {
  const s = await http()
    .post(`${API}/schemes`)
    .set(admin.auth)
    .send({ bodyId, code: schemeCode, name: `Scheme ${schemeCode}` })
    .expect(201);
  const v = await http()
    .post(`${API}/schemes/${s.body.id}/versions`)
    .set(admin.auth)
    .send({ effectiveFrom: daysAgo(0), definition: def });
  return { schemeId: s.body.id as string, version: v };
}

async function publishedScheme(admin: TestUser, bodyId: string, schemeCode: string, def: object) {
  const { schemeId, version } = await scheme(admin, bodyId, schemeCode, def);
  if (version.status !== 201) throw new Error(JSON.stringify(version.body));
  await http().post(`${API}/scheme-versions/${version.body.id}/publish`).set(admin.auth).send({}).expect(201);
  return { schemeId, versionId: version.body.id as string };
}

/** An accreditation of A's SUP level (fixture: awarded on `issuedOn`), revoked by A's admin, the revocation dated `revokedOn`. */
async function heldBetween(holderId: string, bodyId: string, versionId: string, issuedOn: string, revokedOn: string, aAdmin: TestUser) {
  const [row] = await t.db.query(
    `INSERT INTO accreditations (certificate_number, holder_id, holder_name, body_id, scheme_version_id, level_code, level_name, noun, level_title, status, issued_on)
     VALUES ($1, $2, 'Test User', $3, $4, 'SUP', 'Level SUP', 'accredited', 'Level SUP', 'active', $5) RETURNING id`,
    [code('XB'), holderId, bodyId, versionId, issuedOn],
  );
  await http().post(`${API}/accreditations/${row.id}/revoke`).set(aAdmin.auth).send({ reason: 'Standards breach' }).expect(200);
  await t.db.query(
    `UPDATE accreditation_events SET occurred_at = $2::date + interval '12 hours' WHERE accreditation_id = $1 AND to_status = 'revoked'`,
    [row.id, revokedOn],
  );
}

type Rule = { ruleId: string; met: boolean; reached: number; message: string; evidence: { id: string }[] };

describe('cross-border supervision', () => {
  it("counts a B trainee's meetings with A's supervisor only while that supervisor held A's level", async () => {
    const bodyA = await makeBody(t, { code: code('US-IPT') });
    const bodyB = await makeBody(t, { code: code('UK-IPT') });
    const aAdmin = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: bodyA.id }]);
    const bAdmin = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: bodyB.id }]);
    const supervisorA = await makeUser(t, [{ role: Role.Supervisor, bodyId: bodyA.id }]);
    const traineeB = await makeUser(t, [{ role: Role.Trainee, bodyId: bodyB.id }]);

    // the same scheme code in both bodies: A's has the SUP level, B's names it with A's body code
    const schemeCode = code('IPT');
    const a = await publishedScheme(
      aAdmin,
      bodyA.id,
      schemeCode,
      definition([level('SUP', [{ id: 'h', type: 'supervision_received', params: { minHours: 1 } }])]),
    );
    const supervisorLevel = { bodyCode: bodyA.code, schemeCode, levelCode: 'SUP' };
    const b = await publishedScheme(
      bAdmin,
      bodyB.id,
      schemeCode,
      definition([level('PRACT', [{ id: 'sup', type: 'supervision_received', params: { minHours: 3, supervisorLevel } }])]),
    );

    // an unknown body or a level its scheme lacks: 400 naming the path; nothing saved
    const unknownBody = await scheme(
      bAdmin,
      bodyB.id,
      code('BAD'),
      definition([
        level('X', [
          {
            id: 's',
            type: 'supervision_received',
            params: { minHours: 1, supervisorLevel: { ...supervisorLevel, bodyCode: 'NO-SUCH-BODY' } },
          },
        ]),
      ]),
    );
    expect(unknownBody.version.status).toBe(400);
    expect(unknownBody.version.body).toMatchObject({
      code: 'SCHEME_UNKNOWN_REFERENCE',
      details: { 'definition.levels.0.requirements.0.params.supervisorLevel.bodyCode': ['body NO-SUCH-BODY is not a known body'] },
    });
    const unknownLevel = await scheme(
      bAdmin,
      bodyB.id,
      code('BAD'),
      definition([
        level('X', [
          { id: 's', type: 'supervision_received', params: { minHours: 1, supervisorLevel: { ...supervisorLevel, levelCode: 'NOPE' } } },
        ]),
      ]),
    );
    expect(unknownLevel.version.status).toBe(400);
    expect(unknownLevel.version.body.details).toEqual({
      'definition.levels.0.requirements.0.params.supervisorLevel.levelCode': [
        `level NOPE is not a level of scheme ${schemeCode} of body ${bodyA.code}`,
      ],
    });
    const noScheme = await scheme(
      bAdmin,
      bodyB.id,
      code('BAD'),
      definition([
        level('X', [
          { id: 's', type: 'supervision_received', params: { minHours: 1, supervisorLevel: { bodyCode: bodyA.code, levelCode: 'SUP' } } },
        ]),
      ]),
    );
    expect(noScheme.version.status).toBe(400);
    expect(noScheme.version.body.details).toHaveProperty(['definition.levels.0.requirements.0.params.supervisorLevel.schemeCode']);

    // A's supervisor is found from B by exact e-mail (with the bodies they supervise in), and assigned by B's admin: they accept
    const found = await http()
      .get(`${API}/supervision/supervisors`)
      .query({ email: supervisorA.email.toUpperCase() })
      .set(traineeB.auth)
      .expect(200);
    expect(found.body).toEqual([
      { id: supervisorA.id, displayName: 'Test User', bodies: [{ id: bodyA.id, code: bodyA.code, name: bodyA.name }] },
    ]);
    const partial = await http()
      .get(`${API}/supervision/supervisors`)
      .query({ email: supervisorA.email.slice(2) })
      .set(traineeB.auth)
      .expect(200);
    expect(partial.body).toEqual([]);
    const rel = await http()
      .post(`${API}/supervision/relationships`)
      .set(bAdmin.auth)
      .send({ traineeId: traineeB.id, supervisorId: supervisorA.id, bodyId: bodyB.id, startedOn: daysAgo(60) })
      .expect(201);
    expect(rel.body).toMatchObject({ status: 'requested', bodyId: bodyB.id });
    // not a supervisor anywhere: refused
    await http()
      .post(`${API}/supervision/relationships`)
      .set(bAdmin.auth)
      .send({ traineeId: traineeB.id, supervisorId: aAdmin.id, bodyId: bodyB.id })
      .expect(400);
    const accepted = await http().post(`${API}/supervision/relationships/${rel.body.id}/accept`).set(supervisorA.auth).expect(200);
    expect(accepted.body).toMatchObject({ status: 'active', startedOn: daysAgo(60) });

    // A's level held from 30 days ago until its revocation 10 days ago; meetings 40, 20 and 5 days ago
    await heldBetween(supervisorA.id, bodyA.id, a.versionId, daysAgo(30), daysAgo(10), aAdmin);
    const meetings: Record<string, string> = {};
    for (const days of [40, 20, 5]) {
      const m = await http()
        .post(`${API}/supervision-sessions`)
        .set(supervisorA.auth)
        .send({ date: daysAgo(days), minutes: 60, format: 'individual', participantIds: [traineeB.id], caseReviews: [] })
        .expect(201);
      meetings[days] = m.body.id;
    }
    await http().post(`${API}/schemes/${b.schemeId}/enrolment`).set(traineeB.auth).send({}).expect(201);
    const progress = await http().get(`${API}/trainees/${traineeB.id}/schemes/${b.schemeId}/progress`).set(bAdmin.auth).expect(200);
    const rule = (progress.body.levels[0].rules as Rule[]).find((r) => r.ruleId === 'sup')!;
    expect(rule).toMatchObject({ met: false, reached: 1 });
    expect(rule.evidence.map((e) => e.id)).toEqual([meetings[20]]);
    expect(rule.message).toContain(
      `2 meetings not counted: the supervisor did not hold ${bodyA.code} SUP on ${daysAgo(40)}, ${daysAgo(5)}`,
    );
  });
});

describe('moving: a record submitted to another body', () => {
  it("lets B's admins read the A case, read-only, only while the record is submitted", async () => {
    const bodyA = await makeBody(t);
    const bodyB = await makeBody(t);
    const trainee = await makeUser(t, [{ role: Role.Trainee, bodyId: bodyA.id }]);
    const supervisor = await makeUser(t, [{ role: Role.Supervisor, bodyId: bodyA.id }]);
    const bAdmin = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: bodyB.id }]);
    const aAdmin = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: bodyA.id }]);
    await http()
      .post(`${API}/supervision/relationships`)
      .set(aAdmin.auth)
      .send({ traineeId: trainee.id, supervisorId: supervisor.id, bodyId: bodyA.id, startedOn: daysAgo(90) })
      .expect(201);
    const c = await http().post(`${API}/cases`).set(trainee.auth).send(caseBody(supervisor.id)).expect(201);
    const submitted = await http().post(`${API}/cases/${c.body.id}/submit`).set(trainee.auth).expect(200);
    await http()
      .post(`${API}/cases/${c.body.id}/sign-off`)
      .set(supervisor.auth)
      .send({ contentHash: submitted.body.contentHash })
      .expect(200);

    const readCase = () => http().get(`${API}/cases/${c.body.id}`).set(bAdmin.auth);
    await readCase().expect(404);
    await http().get(`${API}/users/${trainee.id}`).set(bAdmin.auth).expect(404);
    expect((await http().get(`${API}/cases`).query({ traineeId: trainee.id }).set(bAdmin.auth).expect(200)).body.items).toEqual([]);

    // the trainee submits their record to B (and joins it as a trainee), audited
    const sub = await http()
      .post(`${API}/me/record-submissions`)
      .set(trainee.auth)
      .send({ bodyId: bodyB.id, joinAsTrainee: true })
      .expect(201);
    expect(sub.body).toMatchObject({ bodyId: bodyB.id, bodyCode: bodyB.code, withdrawnAt: null });
    await http().post(`${API}/me/record-submissions`).set(trainee.auth).send({ bodyId: bodyB.id }).expect(409);
    const audits = await t.db.query(`SELECT action, changes FROM audit_log WHERE entity_id = $1`, [sub.body.id]);
    expect(audits).toEqual([{ action: 'record.submit', changes: expect.objectContaining({ joinedAsTrainee: true, role: 'TRAINEE' }) }]);
    expect(
      await t.db.query(`SELECT 1 FROM role_grants WHERE user_id = $1 AND body_id = $2 AND role = 'TRAINEE'`, [trainee.id, bodyB.id]),
    ).toHaveLength(1);
    expect((await http().get(`${API}/me/record-submissions`).set(trainee.auth).expect(200)).body.items).toHaveLength(1);

    const read = await readCase().expect(200);
    expect(read.body).toMatchObject({ id: c.body.id, bodyId: bodyA.id, reviewState: 'signed_off' });
    expect((await http().get(`${API}/cases`).query({ traineeId: trainee.id }).set(bAdmin.auth).expect(200)).body.items).toHaveLength(1);
    await http().get(`${API}/users/${trainee.id}`).set(bAdmin.auth).expect(200);
    // read-only: B's admin cannot return A's signed-off case (only its supervisor reviews) or change it (the trainee's alone)
    await http()
      .post(`${API}/cases/${c.body.id}/return`)
      .set(bAdmin.auth)
      .send({ comments: 'Not ours to return' })
      .expect((r) => expect([403, 404]).toContain(r.status));
    await http()
      .patch(`${API}/cases/${c.body.id}`)
      .set(bAdmin.auth)
      .set('If-Match', `"${read.body.version}"`)
      .send({ presentingProblem: 'changed' })
      .expect((r) => expect([403, 404]).toContain(r.status));
    const [after] = await t.db.query(`SELECT review_state, version FROM supervised_cases WHERE id = $1`, [c.body.id]);
    expect(after).toMatchObject({ review_state: 'signed_off', version: read.body.version });

    // nobody else withdraws it; the trainee does, and B's admin is back to 404
    await http().post(`${API}/me/record-submissions/${sub.body.id}/withdraw`).set(bAdmin.auth).expect(404);
    const withdrawn = await http().post(`${API}/me/record-submissions/${sub.body.id}/withdraw`).set(trainee.auth).expect(200);
    expect(withdrawn.body.withdrawnAt).not.toBeNull();
    await http().post(`${API}/me/record-submissions/${sub.body.id}/withdraw`).set(trainee.auth).expect(409);
    await readCase().expect(404);
  });
});
