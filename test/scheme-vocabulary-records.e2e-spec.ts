import { Role } from '../src/common/roles';
import { API, caseBody, daysAgo, session, supervise, team, type Team } from './cases-fixtures';
import { makeUser, type TestUser } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

// A scheme written only here, in the record vocabulary: learning hours with an online cap, a provider filter and a
// second total; supervision received across the record with a group-size limit; practice hours from the case
// log; distinct problem areas and settings.
const RECORD_SCHEME = {
  noun: 'accredited',
  phaseBoundaries: { initialLastSession: 1, terminationSessions: 1 },
  groupCredit: { kind: 'full' },
  levels: [
    {
      code: 'PRACTITIONER',
      name: 'Practitioner',
      kind: 'practitioner',
      order: 1,
      validity: { kind: 'none' },
      prerequisites: [],
      requirements: [
        {
          id: 'training',
          type: 'learning_hours',
          params: {
            kinds: ['didactic_course'],
            minHours: 20,
            where: [{ attribute: 'provider', noneOf: ['Weekend Webinars Ltd'] }],
            caps: [{ delivery: 'online', maxHours: 6 }],
            totals: [{ label: 'in person', minHours: 16, filter: { delivery: ['in_person'] } }],
          },
        },
        {
          id: 'supervision',
          type: 'supervision_received',
          params: { minHours: 2, groupSizeLimit: { maxMembers: 2, fallback: { creditMinutes: 15 } } },
        },
        { id: 'practice', type: 'practice_hours', params: { minHours: 6 } },
        {
          id: 'areas',
          type: 'distinct_case_attribute',
          params: {
            attribute: 'problemArea',
            minDistinct: 2,
            values: ['grief', 'role_dispute', 'role_transition', 'interpersonal_deficits'],
          },
        },
        { id: 'settings', type: 'distinct_case_attribute', params: { attribute: 'setting', minDistinct: 3 } },
        {
          id: 'case-supervision',
          type: 'case_supervision',
          params: { minCases: 1, minMinutesPerCase: 60, groupSizeLimit: { maxMembers: 2, fallback: 'none' } },
        },
      ],
    },
  ],
};

async function publish(admin: TestUser, bodyId: string): Promise<string> {
  const scheme = await t
    .http()
    .post(`${API}/schemes`)
    .set(admin.auth)
    .send({ bodyId, code: `REC-${Date.now()}`, name: 'Record vocabulary' })
    .expect(201);
  const draft = await t
    .http()
    .post(`${API}/schemes/${scheme.body.id}/versions`)
    .set(admin.auth)
    .send({ effectiveFrom: daysAgo(30), definition: RECORD_SCHEME })
    .expect(201);
  await t
    .http()
    .post(`${API}/scheme-versions/${draft.body.id}/publish`)
    .set(admin.auth)
    .send({ allowPastEffectiveDate: true, reason: 'Test scheme in force from a past date' })
    .expect(201);
  return scheme.body.id as string;
}

async function activity(tm: Team, body: Record<string, unknown>) {
  const a = await t
    .http()
    .post(`${API}/trainees/${tm.trainee.id}/activities`)
    .set(tm.trainee.auth)
    .send({ kind: 'didactic_course', title: 'IPT', provider: 'IPT Institute', date: daysAgo(90), ...body })
    .expect(201);
  await t.http().post(`${API}/activities/${a.body.id}/verify`).set(tm.supervisor.auth).expect(200);
}

/** A completed, signed-off case of 4 attended 50-minute sessions. */
async function signedOffCase(tm: Team, over: Record<string, unknown>): Promise<string> {
  const c = await t
    .http()
    .post(`${API}/cases`)
    .set(tm.trainee.auth)
    .send(caseBody(tm.supervisor.id, { startDate: daysAgo(60), plannedSessions: 4, ...over }))
    .expect(201);
  let version = c.body.version;
  for (let n = 1; n <= 4; n++) {
    const s = await t
      .http()
      .post(`${API}/cases/${c.body.id}/sessions`)
      .set(tm.trainee.auth)
      .set('If-Match', `"${version}"`)
      .send(session(n, daysAgo(60 - n * 7), n === 1 ? 'initial' : n === 4 ? 'termination' : 'middle'))
      .expect(201);
    version = s.body.version;
  }
  await t
    .http()
    .patch(`${API}/cases/${c.body.id}`)
    .set(tm.trainee.auth)
    .set('If-Match', `"${version}"`)
    .send({ status: 'completed', endDate: daysAgo(20), endReason: 'Planned ending' })
    .expect(200);
  const submitted = await t.http().post(`${API}/cases/${c.body.id}/submit`).set(tm.trainee.auth).expect(200);
  await t
    .http()
    .post(`${API}/cases/${c.body.id}/sign-off`)
    .set(tm.supervisor.auth)
    .send({ contentHash: submitted.body.contentHash })
    .expect(200);
  return c.body.id as string;
}

async function supervisionMeeting(tm: Team, body: Record<string, unknown>) {
  const res = await t
    .http()
    .post(`${API}/supervision-sessions`)
    .set(tm.supervisor.auth)
    .send({ date: daysAgo(0), format: 'individual', participantIds: [tm.trainee.id], ...body });
  expect([res.status, res.body]).toEqual([201, expect.objectContaining({ id: expect.any(String) })]);
}

type Rule = { ruleId: string; met: boolean; reached: number; message: string; evidence: { kind: string; id: string; note?: string }[] };

describe('a scheme written in the record vocabulary, evaluated over a record built through the API', () => {
  it('caps online hours, adds up supervision across the record, turns the case log into practice hours and counts distinct attributes', async () => {
    const tm = await team(t);
    const admin = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: tm.bodyId }]);
    const schemeId = await publish(admin, tm.bodyId);
    await t.http().post(`${API}/schemes/${schemeId}/enrolment`).set(tm.trainee.auth).send({}).expect(201);

    await activity(tm, { hours: 16, delivery: 'in_person' });
    await activity(tm, { hours: 10, delivery: 'online' });
    await activity(tm, { hours: 8, delivery: 'online', provider: 'Weekend Webinars Ltd' });
    const grief = await signedOffCase(tm, { focusProblemArea: 'grief', setting: 'community' });
    await signedOffCase(tm, {
      focusProblemArea: 'role_dispute',
      secondaryProblemArea: 'other',
      setting: 'primary_care',
      clientCode: 'RD02',
    });

    // 60 min on a case, 60 min tied to no case, and a group of 3 (over the limit of 2: 15 min instead of 90)
    const others = await Promise.all([0, 1].map(() => makeUser(t, [{ role: Role.Trainee, bodyId: tm.bodyId }])));
    for (const o of others) await supervise(t, o.id, tm.supervisor.id, tm.bodyId);
    await supervisionMeeting(tm, { minutes: 60, caseReviews: [{ caseId: grief }] });
    await supervisionMeeting(tm, { minutes: 60 });
    await supervisionMeeting(tm, {
      minutes: 90,
      format: 'group',
      participantIds: [tm.trainee.id, ...others.map((o) => o.id)],
      caseReviews: [{ caseId: grief }],
    });

    const res = await t.http().get(`${API}/trainees/${tm.trainee.id}/schemes/${schemeId}/progress`).set(tm.trainee.auth).expect(200);
    const rules = Object.fromEntries((res.body.levels[0].rules as Rule[]).map((r) => [r.ruleId, r]));

    expect(rules.training).toMatchObject({ met: true, reached: 22 });
    expect(rules.training.message).toBe(
      '22 of 20 h of didactic course (verified, provider not Weekend Webinars Ltd); in person: 16 of 16 h; ' +
        '4 h of online over the cap of 6 h not counted',
    );
    expect(rules.training.evidence).toHaveLength(2);

    expect(rules.supervision).toMatchObject({ met: true, reached: 2.25 });
    expect(rules.supervision.message).toBe(
      '2.25 of 2 h of supervision received over 3 meetings; 1 group meeting over 2 members counted as 15 min each',
    );
    expect(rules.supervision.evidence.map((e) => e.note)).toContainEqual(`group, 90 min on ${daysAgo(0)}, 15 min credited`);

    // 2 cases × 4 sessions × 50 min
    expect(rules.practice).toMatchObject({ met: true, reached: 6.67 });
    expect(rules.practice.message).toBe('6.67 of 6 h of practice (attended sessions of signed-off cases) over 8 sessions in 2 cases');

    expect(rules.areas).toMatchObject({ met: true, reached: 2 });
    expect(rules.areas.message).toBe('2 of 2 problem areas in completed, signed-off cases: grief, role dispute');
    expect(rules.settings).toMatchObject({ met: false, reached: 2 });
    expect(rules.settings.message).toBe('2 of 3 settings in completed, signed-off cases: community, primary care; 1 more setting needed');

    // the group over the limit counts as nothing for the case: only the individual hour is left
    expect(rules['case-supervision']).toMatchObject({ met: true, reached: 1 });
    expect(res.body.levels[0]).toMatchObject({ met: false });
  });

  it('refuses a scheme whose record-vocabulary parameters are wrong, naming each field, and lists the new rule types', async () => {
    const tm = await team(t);
    const admin = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: tm.bodyId }]);
    const scheme = await t
      .http()
      .post(`${API}/schemes`)
      .set(admin.auth)
      .send({ bodyId: tm.bodyId, code: 'BADREC', name: 'Bad' })
      .expect(201);
    const bad = structuredClone(RECORD_SCHEME);
    const req = bad.levels[0].requirements as { params: Record<string, unknown> }[];
    req[0].params.caps = [{ maxHours: 6 }];
    req[1].params.groupSizeLimit = { maxMembers: 2, fallback: 'half' };
    req[3].params.attribute = 'Problem Area';
    const res = await t.http().post(`${API}/schemes/${scheme.body.id}/versions`).set(admin.auth).send({ definition: bad }).expect(400);
    expect(res.body.code).toBe('INVALID_SCHEME');
    expect(Object.keys(res.body.details)).toEqual([
      'definition.levels.0.requirements.0.params.caps.0.delivery',
      'definition.levels.0.requirements.1.params.groupSizeLimit.fallback',
      'definition.levels.0.requirements.3.params.attribute',
    ]);
    const types = await t.http().get(`${API}/schemes/rule-types`).set(tm.trainee.auth).expect(200);
    const names = (types.body as { type: string; params: string[] }[]).map((r) => r.type);
    expect(names).toEqual(expect.arrayContaining(['supervision_received', 'practice_hours', 'distinct_case_attribute']));
    expect(types.body.find((r: { type: string }) => r.type === 'learning_hours').params).toEqual(
      expect.arrayContaining(['delivery', 'trainerLevels', 'where', 'caps', 'totals']),
    );
  });
});
