import { jest } from '@jest/globals';
import { Role } from '../src/common/roles';
import { RecordLoader } from '../src/schemes/record-loader';
import { ALL_RECORD_PARTS } from '../src/schemes/rules/record-parts';
import { API, caseBody, daysAgo, session, supervise, team } from './cases-fixtures';
import { countRows, makeUser, type TestUser } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

// Issue 16: before publishing a draft, a body admin sees its effect on the scheme's people (enrolled and holders):
// who gains, who loses a level and by which rule. Nothing is written.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const scheme = (minHours: number) => ({
  noun: 'accredited',
  phaseBoundaries: { initialLastSession: 2, terminationSessions: 2 },
  levels: [
    {
      code: 'B',
      name: 'Practitioner',
      kind: 'practitioner',
      order: 1,
      validity: { kind: 'none' },
      prerequisites: [],
      requirements: [
        {
          id: 'course',
          type: 'learning_hours',
          label: 'Course hours',
          params: { kinds: ['didactic_course'], minHours, verifiedOnly: false },
        },
      ],
    },
  ],
});

async function course(trainee: TestUser, hours: number) {
  await t
    .http()
    .post(`${API}/trainees/${trainee.id}/activities`)
    .set(trainee.auth)
    .send({ kind: 'didactic_course', title: '=HYPERLINK("x")', provider: 'Institute', hours, delivery: 'in_person', date: daysAgo(100) })
    .expect(201);
}

/** A scheme of the body with a version in force since 30 days ago and the given people enrolled. */
async function schemeInForce(admin: TestUser, bodyId: string, definition: object, enrolled: TestUser[]) {
  const s = await t
    .http()
    .post(`${API}/schemes`)
    .set(admin.auth)
    .send({ bodyId, code: `WI-${Date.now()}-${Math.random().toString(36).slice(2, 6)}`, name: 'What-if' })
    .expect(201);
  const v1 = await t
    .http()
    .post(`${API}/schemes/${s.body.id}/versions`)
    .set(admin.auth)
    .send({ effectiveFrom: daysAgo(30), definition })
    .expect(201);
  await t
    .http()
    .post(`${API}/scheme-versions/${v1.body.id}/publish`)
    .set(admin.auth)
    .send({ allowPastEffectiveDate: true, reason: 'In force from a past date for the test' })
    .expect(201);
  for (const u of enrolled) await t.http().post(`${API}/schemes/${s.body.id}/enrolment`).set(u.auth).send({}).expect(201);
  return { schemeId: s.body.id as string, versionId: v1.body.id as string };
}

describe('the what-if of a draft scheme version', () => {
  it('names who would lose a level and by which rule, answers a CSV, and writes nothing', async () => {
    const tm = await team(t); // body, trainee (enrolled, 20 h) and supervisor
    const admin = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: tm.bodyId }]);
    const steady = await makeUser(t, [{ role: Role.Trainee, bodyId: tm.bodyId }], { displayName: '+Steady Trainee' });
    await supervise(t, steady.id, tm.supervisor.id, tm.bodyId);
    const outsider = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: (await team(t)).bodyId }]);

    const { schemeId, versionId: v1 } = await schemeInForce(admin, tm.bodyId, scheme(16), [tm.trainee, steady]);
    await course(tm.trainee, 20);
    await course(steady, 40);
    // the draft raises the course hours from 16 to 30
    const draft = await t
      .http()
      .post(`${API}/schemes/${schemeId}/versions`)
      .set(admin.auth)
      .send({ effectiveFrom: daysAgo(-30), definition: scheme(30) })
      .expect(201);
    const url = `${API}/bodies/${tm.bodyId}/schemes/${schemeId}/versions/${draft.body.id}`;

    const tables = ['audit_log', 'accreditations', 'scheme_enrolments', 'scheme_versions'];
    const counts = async () => Promise.all(tables.map((x) => countRows(t, x)));
    const before = await counts();

    const res = await t.http().get(`${url}/what-if`).set(admin.auth).expect(200);
    expect(res.body).toMatchObject({
      schemeId,
      draftVersionId: draft.body.id,
      currentVersionId: v1,
      people: 2,
      changedTotal: 1,
      levels: [{ levelCode: 'B', gain: 0, lose: 1, unchanged: 1, metBefore: 2, metAfter: 1 }],
    });
    expect(res.body.changed).toEqual([
      {
        personId: tm.trainee.id,
        name: expect.any(String),
        email: tm.trainee.email,
        levelCode: 'B',
        levelName: 'Practitioner',
        before: true,
        after: false,
        change: 'lose',
        rules: [{ ruleId: 'course', label: 'Course hours', before: true, after: false, message: expect.stringMatching(/20.*30/) }],
      },
    ]);

    const csv = await t.http().get(`${url}/what-if.csv`).set(admin.auth).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.text
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe('Name,E-mail,Level,Version 1 (in force),Version 2 (draft),Change,Rules that changed');
    expect(lines[1]).toContain(tm.trainee.email);
    expect(lines[1]).toContain('Practitioner (B),met,not met,loses,');
    expect(lines[1]).toContain('Course hours (course): ');

    expect(await counts()).toEqual(before);

    // not the caller's body, another body's path, or no scheme admin at all: 404; a published version: 409
    await t.http().get(`${url}/what-if`).set(outsider.auth).expect(404);
    await t
      .http()
      .get(`${API}/bodies/${(await team(t)).bodyId}/schemes/${schemeId}/versions/${draft.body.id}/what-if`)
      .set(admin.auth)
      .expect(404);
    await t.http().get(`${url}/what-if`).set(tm.trainee.auth).expect(403);
    const published = await t
      .http()
      .get(`${API}/bodies/${tm.bodyId}/schemes/${schemeId}/versions/${v1}/what-if`)
      .set(admin.auth)
      .expect(409);
    expect(published.body.code).toBe('NOT_A_DRAFT');
    await t.http().get(`${url}/what-if?limit=0`).set(admin.auth).expect(400);
  });

  it('loads a set of people with the same records as one by one', async () => {
    const tm = await team(t);
    const other = await makeUser(t, [{ role: Role.Trainee, bodyId: tm.bodyId }]);
    await supervise(t, other.id, tm.supervisor.id, tm.bodyId);
    await course(tm.trainee, 12);
    await course(other, 8);
    const c = await t
      .http()
      .post(`${API}/cases`)
      .set(tm.trainee.auth)
      .send(caseBody(tm.supervisor.id, { plannedSessions: 3 }))
      .expect(201);
    let version = c.body.version;
    for (let n = 1; n <= 3; n++) {
      const r = await t
        .http()
        .post(`${API}/cases/${c.body.id}/sessions`)
        .set(tm.trainee.auth)
        .set('If-Match', `"${version}"`)
        .send(session(n, daysAgo(50 - n * 7)))
        .expect(201);
      version = r.body.version;
    }
    await t
      .http()
      .post(`${API}/supervision-sessions`)
      .set(tm.supervisor.auth)
      .send({
        date: daysAgo(0),
        minutes: 60,
        format: 'individual',
        participantIds: [tm.trainee.id],
        caseReviews: [{ caseId: c.body.id }],
      })
      .expect((r) => {
        if (r.status !== 201) throw new Error(JSON.stringify(r.body));
      });
    await t
      .http()
      .post(`${API}/supervision-sessions`)
      .set(tm.supervisor.auth)
      .send({ date: daysAgo(0), minutes: 45, format: 'individual', participantIds: [other.id] })
      .expect(201);
    const loader = t.app.get(RecordLoader);
    const one = [await loader.load(tm.trainee.id), await loader.load(other.id), await loader.load(tm.supervisor.id)];
    expect(one[0]!.cases[0]!.sessions).toHaveLength(3);
    expect(one[0]!.supervisionReceived).toHaveLength(1);
    expect(one[2]!.supervisionGiven).toHaveLength(2);
    expect(await loader.loadMany([tm.trainee.id, other.id, tm.supervisor.id])).toEqual(one);
    // in chunks of one and of two, the same records in the same order
    expect(await loader.loadMany([tm.trainee.id, other.id, tm.supervisor.id], { chunkSize: 2 })).toEqual(one);
    expect(await loader.loadMany([tm.trainee.id, other.id, tm.trainee.id], { chunkSize: 1 })).toEqual(one.slice(0, 2));
    // every part asked for: the same records; a part left out (what no rule of a what-if reads) is empty, the rest as loaded alone
    const ids = [tm.trainee.id, other.id, tm.supervisor.id];
    expect(await loader.loadMany(ids, { parts: new Set(ALL_RECORD_PARTS) })).toEqual(one);
    const without = new Set(ALL_RECORD_PARTS.filter((p) => p !== 'supervisionGiven' && p !== 'measures'));
    expect(await loader.loadMany(ids, { parts: without })).toEqual(
      one.map((r) => ({ ...r, supervisionGiven: [], cases: r.cases.map((c) => ({ ...c, measures: [] })) })),
    );
  });

  it('loads cases only for the people whose verdict depends on them, and names the case rule they would lose by', async () => {
    const tm = await team(t);
    const admin = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: tm.bodyId }]);
    const few = await makeUser(t, [{ role: Role.Trainee, bodyId: tm.bodyId }], { displayName: 'Few Hours' });
    await supervise(t, few.id, tm.supervisor.id, tm.bodyId);
    // level B: 10 course hours and practice hours from the case log (any case, signed off or not)
    const practice = (minHours: number) => ({
      ...scheme(10),
      levels: [
        {
          ...scheme(10).levels[0]!,
          requirements: [
            ...scheme(10).levels[0]!.requirements,
            { id: 'practice', type: 'practice_hours', label: 'Practice', params: { minHours, filter: { signedOffOnly: false } } },
          ],
        },
      ],
    });
    const { schemeId } = await schemeInForce(admin, tm.bodyId, practice(2), [tm.trainee, few]);
    await course(tm.trainee, 12);
    await course(few, 4);
    // the trainee's case: 3 attended sessions of 50 minutes (2.5 h of practice); the other has the same but too few hours
    for (const who of [tm.trainee, few]) {
      const c = await t
        .http()
        .post(`${API}/cases`)
        .set(who.auth)
        .send(caseBody(tm.supervisor.id, { plannedSessions: 3 }))
        .expect(201);
      let version = c.body.version;
      for (let n = 1; n <= 3; n++)
        version = (
          await t
            .http()
            .post(`${API}/cases/${c.body.id}/sessions`)
            .set(who.auth)
            .set('If-Match', `"${version}"`)
            .send(session(n, daysAgo(50 - n * 7)))
            .expect(201)
        ).body.version;
    }
    // the draft asks for 3 h of practice
    const draft = await t
      .http()
      .post(`${API}/schemes/${schemeId}/versions`)
      .set(admin.auth)
      .send({ effectiveFrom: daysAgo(-30), definition: practice(3) })
      .expect(201);
    const loader = t.app.get(RecordLoader);
    const loads = jest.spyOn(loader, 'loadChunks');
    try {
      const res = await t
        .http()
        .get(`${API}/bodies/${tm.bodyId}/schemes/${schemeId}/versions/${draft.body.id}/what-if`)
        .set(admin.auth)
        .expect(200);
      expect(res.body).toMatchObject({
        people: 2,
        changedTotal: 1,
        levels: [{ levelCode: 'B', lose: 1, unchanged: 1, metBefore: 1, metAfter: 0 }],
      });
      expect(res.body.changed).toEqual([
        expect.objectContaining({
          personId: tm.trainee.id,
          change: 'lose',
          rules: [{ ruleId: 'practice', label: 'Practice', before: true, after: false, message: expect.stringMatching(/^2\.5 of 3 h/) }],
        }),
      ]);
      // first everyone without cases; then the whole record of the one person whose verdict the course hours do not settle
      const calls = loads.mock.calls.map(([ids, opts]) => ({ ids: [...ids].sort(), cases: opts?.parts?.has('cases') }));
      expect(calls).toEqual([
        { ids: [tm.trainee.id, few.id].sort(), cases: false },
        { ids: [tm.trainee.id], cases: true },
      ]);
    } finally {
      loads.mockRestore();
    }
  });
});
