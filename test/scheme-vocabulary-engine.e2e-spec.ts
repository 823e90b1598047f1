import { Role } from '../src/common/roles';
import { API, caseBody, daysAgo, session, team, type Team } from './cases-fixtures';
import { countRows, makeBody, makeUser, type TestUser } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

// The scheme vocabulary of issue 15 end to end: advisory rules, windows relative to an event, supervision
// from recordings and per-level labels in a scheme written only here, checked when saved and published.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const today = () => daysAgo(0);
const BACK_DATED = { allowPastEffectiveDate: true, reason: 'The body adopted this version last month' };

const ENGINE_SCHEME = {
  noun: 'accredited',
  phaseBoundaries: { initialLastSession: 2, terminationSessions: 2 },
  groupCredit: { kind: 'share', multiplier: 2, capAtGroupMinutes: true },
  levels: [
    {
      code: 'A',
      name: 'Level A',
      noun: 'certified',
      title: 'Certified IPT Therapist',
      kind: 'practitioner',
      order: 1,
      validity: { kind: 'none' },
      prerequisites: [],
      requirements: [
        { id: 'recent-case', type: 'completed_cases', params: { minCount: 1, window: { monthsBeforeApplication: 12 } } },
        {
          id: 'rated',
          type: 'case_recordings',
          advisory: true,
          label: 'A rated recording (advisory)',
          params: { minCases: 1, minRatedPerCase: 1 },
        },
      ],
    },
    {
      code: 'B',
      name: 'Level B',
      kind: 'advanced',
      order: 2,
      validity: { kind: 'none' },
      prerequisites: [{ id: 'level-a', type: 'level_held', params: { levelCode: 'A' } }],
      requirements: [
        { id: 'since-a', type: 'completed_cases', params: { minCount: 1, window: { since: { levelAwarded: { levelCode: 'A' } } } } },
        {
          id: 'from-recordings',
          type: 'case_supervision',
          params: { minCases: 1, minShareOfSessionsSupervised: 0.5, fromRecordings: true, filter: { supervisorLevel: { levelCode: 'A' } } },
        },
      ],
    },
  ],
};

async function draft(admin: TestUser, bodyId: string, definition: object = ENGINE_SCHEME, effectiveFrom = today()) {
  const scheme = await t
    .http()
    .post(`${API}/schemes`)
    .set(admin.auth)
    .send({ bodyId, code: `E-${Date.now()}`, name: 'Engine scheme' })
    .expect(201);
  const version = await t.http().post(`${API}/schemes/${scheme.body.id}/versions`).set(admin.auth).send({ effectiveFrom, definition });
  return { schemeId: scheme.body.id as string, version };
}

/** A completed, signed-off case of four recorded sessions; one supervision meeting reviewed session 1's recording. */
async function caseWithOneReviewedRecording(tm: Team) {
  const c = await t
    .http()
    .post(`${API}/cases`)
    .set(tm.trainee.auth)
    .send(caseBody(tm.supervisor.id, { startDate: daysAgo(60), plannedSessions: 4, clientCode: undefined }))
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
  const detail = await t.http().get(`${API}/cases/${c.body.id}`).set(tm.trainee.auth).expect(200);
  const first = detail.body.sessions.find((s: { number: number }) => s.number === 1).id as string;
  await t
    .http()
    .post(`${API}/supervision-sessions`)
    .set(tm.supervisor.auth)
    .send({
      date: daysAgo(0),
      minutes: 60,
      format: 'individual',
      participantIds: [tm.trainee.id],
      caseReviews: [{ caseId: c.body.id, reviewedSessionIds: [first] }],
    })
    .expect(201);
  const submitted = await t.http().post(`${API}/cases/${c.body.id}/submit`).set(tm.trainee.auth).expect(200);
  await t
    .http()
    .post(`${API}/cases/${c.body.id}/sign-off`)
    .set(tm.supervisor.auth)
    .send({ contentHash: submitted.body.contentHash })
    .expect(200);
  return { id: c.body.id as string, clientCode: closed.body.clientCode as string };
}

type Rule = { ruleId: string; met: boolean; advisory: boolean; message: string; breakdown?: { message: string }[] };

describe('the scheme vocabulary engine', () => {
  it('evaluates advisory rules, windows, supervision from recordings and level labels on a person built through the API', async () => {
    const tm = await team(t);
    const admin = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: tm.bodyId }]);
    const { schemeId, version } = await draft(admin, tm.bodyId);
    expect(version.status).toBe(201);
    await t.http().post(`${API}/scheme-versions/${version.body.id}/publish`).set(admin.auth).send({}).expect(201);
    await t
      .http()
      .put(`${API}/trainees/${tm.trainee.id}/profile`)
      .set(tm.trainee.auth)
      .send({ countryCode: 'DE', homeBodyId: tm.bodyId, coreProfession: 'psychologist', licences: [], memberships: [] })
      .expect(200);
    await t.http().post(`${API}/schemes/${schemeId}/enrolment`).set(tm.trainee.auth).send({}).expect(201);
    const c = await caseWithOneReviewedRecording(tm);

    const progress = await t.http().get(`${API}/trainees/${tm.trainee.id}/schemes/${schemeId}/progress`).set(tm.trainee.auth).expect(200);
    const [a, b] = progress.body.levels as { met: boolean; noun: string; title: string; summary: string; rules: Rule[] }[];
    // level A: eligible although the advisory rule is not met, which is shown with its verdict
    expect(a).toMatchObject({ met: true, noun: 'certified', title: 'Certified IPT Therapist' });
    expect(a.summary).toBe('The requirement is met; 1 advisory rule not met (not blocking)');
    const rated = a.rules.find((r) => r.ruleId === 'rated')!;
    expect(rated).toMatchObject({ met: false, advisory: true });
    expect(rated.breakdown?.[0].message).toBe(`${c.clientCode}: not rated yet`);
    expect(a.rules.find((r) => r.ruleId === 'recent-case')!.message).toContain(
      `1 of 1 completed, signed-off cases in the 12 months before ${today()}`,
    );
    // level B: falls back to the scheme noun and the level name; nothing since A; one of four sessions reviewed from recordings
    expect(b).toMatchObject({ met: false, noun: 'accredited', title: 'Level B' });
    expect(b.rules.find((r) => r.ruleId === 'since-a')!.breakdown?.[0].message).toBe(
      `${c.clientCode}: not counted, outside the window (since A was awarded (not awarded yet))`,
    );

    // approving A needs no override for the advisory rule; the accreditation carries the level's labels
    const app = await t.http().post(`${API}/applications`).set(tm.trainee.auth).send({ schemeId, levelCode: 'A' }).expect(201);
    expect(app.body.allRulesMet).toBe(true);
    const approved = await t.http().post(`${API}/applications/${app.body.id}/approve`).set(admin.auth).send({ reason: 'Met' }).expect(200);
    expect(approved.body.accreditation).toMatchObject({ levelCode: 'A', noun: 'certified', levelTitle: 'Certified IPT Therapist' });
    const verified = await t.http().get(`${API}/verify/${approved.body.accreditation.certificateNumber}`).expect(200);
    expect(verified.body.level).toEqual({ code: 'A', name: 'Level A', noun: 'certified', title: 'Certified IPT Therapist' });

    // B after the award: the case was completed before A, and its supervision is read from the recordings reviewed
    const afterAward = await t
      .http()
      .get(`${API}/trainees/${tm.trainee.id}/schemes/${schemeId}/progress`)
      .query({ level: 'B' })
      .set(tm.supervisor.auth)
      .expect(200);
    const rules = afterAward.body.levels[0].rules as Rule[];
    expect(rules.find((r) => r.ruleId === 'level-a')!.met).toBe(true);
    expect(rules.find((r) => r.ruleId === 'since-a')!.breakdown?.[0].message).toMatch(
      new RegExp(`^${c.clientCode}: not counted, completed on ${daysAgo(30)}, not after the award on ${today()}$`),
    );
    // the supervisor holds no level A: the case filter leaves the case out, so nothing is counted
    expect(rules.find((r) => r.ruleId === 'from-recordings')!.message).toBe(
      '0 of 1 cases meet the supervision requirement; 1 more case needed',
    );
  });

  it('reads a share from the recordings a meeting reviewed', async () => {
    const tm = await team(t);
    const admin = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: tm.bodyId }]);
    const def = structuredClone(ENGINE_SCHEME);
    (def.levels[1].requirements[1].params as { filter?: unknown }).filter = undefined;
    def.levels[1].prerequisites = [];
    const { schemeId, version } = await draft(admin, tm.bodyId, def);
    await t.http().post(`${API}/scheme-versions/${version.body.id}/publish`).set(admin.auth).send({}).expect(201);
    const c = await caseWithOneReviewedRecording(tm);
    const res = await t
      .http()
      .get(`${API}/trainees/${tm.trainee.id}/schemes/${schemeId}/progress`)
      .query({ level: 'B' })
      .set(tm.trainee.auth)
      .expect(200);
    const rule = (res.body.levels[0].rules as Rule[]).find((r) => r.ruleId === 'from-recordings')!;
    expect(rule.met).toBe(false);
    expect(rule.breakdown?.[0].message).toBe(
      `${c.clientCode}: 60 min credited over 1 meeting; 1 of 4 sessions supervised from recordings (25 %); 50 % needed = 2`,
    );
  });

  it('refuses a typo in a rubric code or a supervisorLevel at save, naming the path, and writes nothing', async () => {
    const body = await makeBody(t);
    const admin = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: body.id }]);
    const typo = structuredClone(ENGINE_SCHEME);
    Object.assign(typo.levels[0].requirements[1].params, { rubricCode: 'IPT-AS-TYPO' });
    const versions = await countRows(t, 'scheme_versions');
    const { version } = await draft(admin, body.id, typo);
    expect(version.status).toBe(400);
    expect(version.body).toMatchObject({
      code: 'SCHEME_UNKNOWN_REFERENCE',
      details: { 'definition.levels.0.requirements.1.params.rubricCode': ['rubric IPT-AS-TYPO is not a rubric this body can use'] },
    });
    expect(await countRows(t, 'scheme_versions')).toBe(versions);

    // updating a draft is checked the same way
    const { version: ok } = await draft(admin, body.id);
    const badLevel = structuredClone(ENGINE_SCHEME);
    (badLevel.levels[1].requirements[1].params as { filter: { supervisorLevel: { levelCode: string } } }).filter.supervisorLevel.levelCode =
      'SUPERVISOR';
    const put = await t
      .http()
      .put(`${API}/scheme-versions/${ok.body.id}`)
      .set(admin.auth)
      .set('If-Match', `"${ok.body.version}"`)
      .send({ effectiveFrom: today(), definition: badLevel })
      .expect(400);
    expect(put.body).toMatchObject({
      code: 'SCHEME_UNKNOWN_REFERENCE',
      details: {
        'definition.levels.1.requirements.1.params.filter.supervisorLevel.levelCode': ['level SUPERVISOR is not a level of this scheme'],
      },
    });
  });

  it('checks references again at publish: a draft saved before the check cannot publish a typo', async () => {
    const body = await makeBody(t);
    const admin = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: body.id }]);
    const { version } = await draft(admin, body.id);
    const typo = structuredClone(ENGINE_SCHEME);
    (typo.levels[1].requirements[1].params as { filter: { supervisorLevel: { levelCode: string } } }).filter.supervisorLevel.levelCode =
      'AA';
    // as a draft written before references were checked would be
    await t.db.query(`UPDATE scheme_versions SET definition = $2 WHERE id = $1`, [version.body.id, JSON.stringify(typo)]);
    const res = await t.http().post(`${API}/scheme-versions/${version.body.id}/publish`).set(admin.auth).send({}).expect(400);
    expect(res.body).toMatchObject({
      code: 'SCHEME_UNKNOWN_REFERENCE',
      details: { 'definition.levels.1.requirements.1.params.filter.supervisorLevel.levelCode': ['level AA is not a level of this scheme'] },
    });
    const row = await t.db.query(`SELECT status FROM scheme_versions WHERE id = $1`, [version.body.id]);
    expect(row[0].status).toBe('draft');
  });

  it('refuses a past effective date at publish unless the body confirms it with a reason, which is audited', async () => {
    const body = await makeBody(t);
    const admin = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: body.id }]);
    const { version } = await draft(admin, body.id, ENGINE_SCHEME, daysAgo(10));
    const publish = (payload: object) => t.http().post(`${API}/scheme-versions/${version.body.id}/publish`).set(admin.auth).send(payload);
    const refused = await publish({}).expect(400);
    expect(refused.body).toMatchObject({
      code: 'PAST_EFFECTIVE_DATE',
      details: { allowPastEffectiveDate: [expect.stringContaining(daysAgo(10))] },
    });
    const noReason = await publish({ allowPastEffectiveDate: true }).expect(400);
    expect(noReason.body.details).toHaveProperty('reason');
    const published = await publish(BACK_DATED).expect(201);
    expect(published.body).toMatchObject({ status: 'published', effectiveFrom: daysAgo(10) });
    const [audit] = await t.db.query(`SELECT changes FROM audit_log WHERE entity_id = $1 AND action = 'scheme_version.publish'`, [
      version.body.id,
    ]);
    expect(audit.changes).toMatchObject({ pastEffectiveDate: true, reason: BACK_DATED.reason, effectiveFrom: daysAgo(10) });
  });
});
