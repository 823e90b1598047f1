import { Role } from '../src/common/roles';
import { API, caseBody, daysAgo, session, team, type Team } from './cases-fixtures';
import { countRows, makeBody, makeUser, type TestUser } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

// A national body's own scheme, written only here: nothing in the service knows it.
const OWN_SCHEME = {
  noun: 'zertifiziert',
  phaseBoundaries: { initialLastSession: 2, terminationSessions: 2 },
  groupCredit: { kind: 'share', multiplier: 2, capAtGroupMinutes: true },
  levels: [
    {
      code: 'BASIS',
      name: 'IPT-Basiszertifikat',
      kind: 'practitioner',
      order: 1,
      validity: { kind: 'fixed_term', months: 60 },
      renewal: {
        requirements: [{ id: 'fortbildung', type: 'cpd', params: { withinMonths: 60, minHours: 20 } }],
        graceDays: 90,
        reminderDaysBefore: 60,
        auditSharePercent: 5,
      },
      prerequisites: [{ id: 'beruf', type: 'profession', label: 'Approbation', params: { allowed: ['psychologist', 'psychiatrist'] } }],
      requirements: [
        { id: 'kurs', type: 'learning_hours', label: '16 h Einführungskurs', params: { kinds: ['didactic_course'], minHours: 16 } },
        { id: 'faelle', type: 'completed_cases', label: 'Ein abgeschlossener Fall', params: { minCount: 1, filter: { minSessions: 4 } } },
        {
          id: 'supervision',
          type: 'case_supervision',
          label: '≥ 1 h Supervision pro Fall',
          params: { minCases: 1, minMinutesPerCase: 60 },
        },
      ],
    },
  ],
};

async function publishedScheme(admin: TestUser, bodyId: string, definition: object = OWN_SCHEME) {
  const scheme = await t
    .http()
    .post(`${API}/schemes`)
    .set(admin.auth)
    .send({ bodyId, code: `S-${Date.now()}`, name: 'Eigenes Schema' })
    .expect(201);
  const draft = await t
    .http()
    .post(`${API}/schemes/${scheme.body.id}/versions`)
    .set(admin.auth)
    .send({ effectiveFrom: daysAgo(30), definition })
    .expect(201);
  await t
    .http()
    .post(`${API}/scheme-versions/${draft.body.id}/publish`)
    .set(admin.auth)
    .send({ allowPastEffectiveDate: true, reason: 'Test scheme in force from a past date' })
    .expect(201);
  return { schemeId: scheme.body.id as string, versionId: draft.body.id as string };
}

async function completeRecord(tm: Team) {
  await t
    .http()
    .put(`${API}/trainees/${tm.trainee.id}/profile`)
    .set(tm.trainee.auth)
    .send({ countryCode: 'DE', homeBodyId: tm.bodyId, coreProfession: 'psychologist', licences: [], memberships: [] })
    .expect(200);
  const course = await t
    .http()
    .post(`${API}/trainees/${tm.trainee.id}/activities`)
    .set(tm.trainee.auth)
    .send({ kind: 'didactic_course', title: 'IPT Einführung', provider: 'Institut', hours: 16, delivery: 'in_person', date: daysAgo(100) })
    .expect(201);
  await t.http().post(`${API}/activities/${course.body.id}/verify`).set(tm.supervisor.auth).expect(200);
  const c = await t
    .http()
    .post(`${API}/cases`)
    .set(tm.trainee.auth)
    .send(caseBody(tm.supervisor.id, { startDate: daysAgo(60), plannedSessions: 4 }))
    .expect(201);
  let version = c.body.version;
  const phases = ['initial', 'initial', 'termination', 'termination'];
  for (let n = 1; n <= 4; n++) {
    const s = await t
      .http()
      .post(`${API}/cases/${c.body.id}/sessions`)
      .set(tm.trainee.auth)
      .set('If-Match', `"${version}"`)
      .send(session(n, daysAgo(60 - n * 7), phases[n - 1]))
      .expect(201);
    version = s.body.version;
  }
  const closed = await t
    .http()
    .patch(`${API}/cases/${c.body.id}`)
    .set(tm.trainee.auth)
    .set('If-Match', `"${version}"`)
    .send({ status: 'completed', endDate: daysAgo(30), endReason: 'Planned ending' })
    .expect(200);
  await t
    .http()
    .post(`${API}/supervision-sessions`)
    .set(tm.supervisor.auth)
    .send({ date: daysAgo(0), minutes: 60, format: 'individual', participantIds: [tm.trainee.id], caseReviews: [{ caseId: c.body.id }] })
    .expect(201);
  const submitted = await t.http().post(`${API}/cases/${c.body.id}/submit`).set(tm.trainee.auth).expect(200);
  await t
    .http()
    .post(`${API}/cases/${c.body.id}/sign-off`)
    .set(tm.supervisor.auth)
    .send({ contentHash: submitted.body.contentHash })
    .expect(200);
  void closed;
  return c.body.id as string;
}

describe('a national body brings its own scheme through the API alone', () => {
  it('defines, publishes and evaluates it with every rule explained', async () => {
    const tm = await team(t);
    const admin = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: tm.bodyId }]);
    const { schemeId, versionId } = await publishedScheme(admin, tm.bodyId);

    await t.http().post(`${API}/schemes/${schemeId}/enrolment`).set(tm.trainee.auth).send({}).expect(201);
    const before = await t.http().get(`${API}/trainees/${tm.trainee.id}/schemes/${schemeId}/progress`).set(tm.trainee.auth).expect(200);
    expect(before.body).toMatchObject({ schemeVersionId: versionId, heldBy: 'enrolment', noun: 'zertifiziert' });
    const [basis] = before.body.levels;
    expect(basis).toMatchObject({ levelCode: 'BASIS', met: false, metCount: 0, ruleCount: 4 });
    expect(basis.rules.map((r: { ruleId: string; message: string }) => [r.ruleId, r.message])).toEqual([
      ['beruf', expect.stringContaining('No core profession recorded')],
      ['kurs', '0 of 16 h of didactic course (verified); 16 h more needed'],
      ['faelle', expect.stringContaining('0 of 1 completed, signed-off cases; 1 more case needed')],
      ['supervision', '0 of 1 cases meet the supervision requirement; 1 more case needed'],
    ]);

    const caseId = await completeRecord(tm);
    const after = await t
      .http()
      .get(`${API}/trainees/${tm.trainee.id}/schemes/${schemeId}/progress`)
      .query({ level: 'BASIS' })
      .set(tm.supervisor.auth)
      .expect(200);
    const report = after.body.levels[0];
    expect(report.rules.filter((r: { met: boolean }) => !r.met)).toEqual([]);
    expect(report).toMatchObject({ met: true, summary: 'All 4 requirements met' });
    const cases = report.rules.find((r: { ruleId: string }) => r.ruleId === 'faelle');
    expect(cases.evidence).toEqual([expect.objectContaining({ kind: 'case', id: caseId })]);
  });

  it('refuses a scheme with an unknown rule type or bad parameters, naming the rule and the field, and writes nothing', async () => {
    const body = await makeBody(t);
    const admin = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: body.id }]);
    const scheme = await t.http().post(`${API}/schemes`).set(admin.auth).send({ bodyId: body.id, code: 'BAD', name: 'Bad' }).expect(201);
    const bad = structuredClone(OWN_SCHEME);
    bad.levels[0].requirements[0].type = 'astrology';
    (bad.levels[0].requirements[1] as { params: object }).params = { minCount: -1 };
    const versions = await countRows(t, 'scheme_versions');
    const res = await t.http().post(`${API}/schemes/${scheme.body.id}/versions`).set(admin.auth).send({ definition: bad }).expect(400);
    expect(res.body.code).toBe('INVALID_SCHEME');
    expect(Object.keys(res.body.details)).toEqual([
      'definition.levels.0.requirements.0.type',
      'definition.levels.0.requirements.1.params.minCount',
    ]);
    expect(await countRows(t, 'scheme_versions')).toBe(versions);
  });

  it('keeps a published version immutable and a new version a copy; people stay on the version they enrolled on', async () => {
    const tm = await team(t);
    const admin = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: tm.bodyId }]);
    const { schemeId, versionId } = await publishedScheme(admin, tm.bodyId);
    await t
      .http()
      .put(`${API}/scheme-versions/${versionId}`)
      .set(admin.auth)
      .set('If-Match', '"2"')
      .send({ effectiveFrom: daysAgo(1), definition: OWN_SCHEME })
      .expect(409);
    await t.http().post(`${API}/schemes/${schemeId}/enrolment`).set(tm.trainee.auth).send({}).expect(201);

    const v2 = await t
      .http()
      .post(`${API}/schemes/${schemeId}/versions`)
      .set(admin.auth)
      .send({ effectiveFrom: daysAgo(1) })
      .expect(201);
    expect(v2.body).toMatchObject({ versionNumber: 2, status: 'draft', definition: OWN_SCHEME });
    const stricter = structuredClone(OWN_SCHEME);
    (stricter.levels[0].requirements[0] as { params: object }).params = { kinds: ['didactic_course'], minHours: 40 };
    await t
      .http()
      .put(`${API}/scheme-versions/${v2.body.id}`)
      .set(admin.auth)
      .send({ effectiveFrom: daysAgo(1), definition: stricter })
      .expect(428);
    await t
      .http()
      .put(`${API}/scheme-versions/${v2.body.id}`)
      .set(admin.auth)
      .set('If-Match', '"9"')
      .send({ effectiveFrom: daysAgo(1), definition: stricter })
      .expect(412);
    await t
      .http()
      .put(`${API}/scheme-versions/${v2.body.id}`)
      .set(admin.auth)
      .set('If-Match', `"${v2.body.version}"`)
      .send({ effectiveFrom: daysAgo(1), definition: stricter })
      .expect(200);
    await t
      .http()
      .post(`${API}/scheme-versions/${v2.body.id}/publish`)
      .set(admin.auth)
      .send({ allowPastEffectiveDate: true, reason: 'Test scheme in force from a past date' })
      .expect(201);
    await t.http().post(`${API}/scheme-versions/${versionId}/retire`).set(admin.auth).expect(201);

    // enrolled on v1: still evaluated on v1, even though it is retired
    const held = await t.http().get(`${API}/trainees/${tm.trainee.id}/schemes/${schemeId}/progress`).set(tm.trainee.auth).expect(200);
    expect(held.body).toMatchObject({ schemeVersionId: versionId, versionNumber: 1 });
    expect(held.body.levels[0].rules[1].required).toBe(16);
    // opting in moves them to v2; going back is refused
    await t.http().post(`${API}/schemes/${schemeId}/enrolment`).set(tm.trainee.auth).send({ schemeVersionId: v2.body.id }).expect(201);
    const moved = await t.http().get(`${API}/trainees/${tm.trainee.id}/schemes/${schemeId}/progress`).set(tm.trainee.auth).expect(200);
    expect(moved.body.levels[0].rules[1].required).toBe(40);
    await t.http().post(`${API}/schemes/${schemeId}/enrolment`).set(tm.trainee.auth).send({ schemeVersionId: versionId }).expect(400);
  });

  it('shows progress only within scope: others get 404; other bodies cannot manage the scheme', async () => {
    const tm = await team(t);
    const admin = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: tm.bodyId }]);
    const { schemeId } = await publishedScheme(admin, tm.bodyId);
    const other = await makeBody(t);
    const stranger = await makeUser(t, [{ role: Role.Trainee, bodyId: other.id }]);
    const foreignAdmin = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: other.id }]);
    await t.http().get(`${API}/trainees/${tm.trainee.id}/schemes/${schemeId}/progress`).set(stranger.auth).expect(404);
    await t.http().get(`${API}/trainees/${tm.trainee.id}/schemes/${schemeId}/progress`).set(foreignAdmin.auth).expect(404);
    await t.http().get(`${API}/trainees/${tm.trainee.id}/schemes/${schemeId}/progress`).set(admin.auth).expect(200);
    await t.http().post(`${API}/schemes/${schemeId}/versions`).set(foreignAdmin.auth).send({}).expect(403);
    await t.http().post(`${API}/schemes`).set(tm.trainee.auth).send({ bodyId: tm.bodyId, code: 'X1', name: 'Nope' }).expect(403);
    const types = await t.http().get(`${API}/schemes/rule-types`).set(tm.trainee.auth).expect(200);
    expect(types.body.find((r: { type: string }) => r.type === 'completed_cases').params).toEqual(
      expect.arrayContaining(['minCount', 'filter', 'distinctProblemAreas']),
    );
  });
});
