import { BodyKind } from '../src/bodies/body.entity';
import { Role } from '../src/common/roles';
import { API, daysAgo } from './cases-fixtures';
import { makeBody, makeUser, type TestUser } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

// Reference schemes and national derivations: the international body marks its published scheme version as a
// reference; a national body starts its scheme from it, asks 3 cases instead of 2, publishes; the comparison
// shows exactly that rule as stricter and that the national level implies the reference.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

// The reference, written here (the international body's own words): two cases, supervision on each.
const REFERENCE = {
  noun: 'certified',
  phaseBoundaries: { initialLastSession: 3, terminationSessions: 3 },
  groupCredit: { kind: 'share', multiplier: 2, capAtGroupMinutes: true },
  levels: [
    {
      code: 'PRACTITIONER',
      name: 'Certified IPT Practitioner',
      kind: 'practitioner',
      order: 1,
      validity: { kind: 'none' },
      prerequisites: [{ id: 'licence', type: 'licence', label: 'A licence', params: {} }],
      requirements: [
        { id: 'course', type: 'learning_hours', label: '16 h course', params: { kinds: ['didactic_course'], minHours: 16 } },
        { id: 'cases', type: 'completed_cases', label: 'Supervised cases', params: { minCount: 2 } },
        { id: 'supervision', type: 'case_supervision', label: '1 h per case', params: { minCases: 2, minMinutesPerCase: 60 } },
      ],
    },
  ],
};

let intlAdmin: TestUser;
let deAdmin: TestUser;
let frAdmin: TestUser;
let trainee: TestUser;
let deBodyId: string;
let referenceId: string;

const http = () => t.http();
const auditCount = async (action: string, entityId: string) =>
  Number((await t.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = $1 AND entity_id = $2`, [action, entityId]))[0].n);

beforeAll(async () => {
  const de = await makeBody(t, { name: 'IPT Deutschland', countryCode: 'DE' });
  const fr = await makeBody(t, { name: 'IPT France', countryCode: 'FR' });
  expect(de.parentId).toBeTruthy();
  deBodyId = de.id;
  intlAdmin = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: de.parentId }]);
  deAdmin = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: de.id }]);
  frAdmin = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: fr.id }]);
  trainee = await makeUser(t, [{ role: Role.Trainee, bodyId: de.id }]);
  const intl = await t.db.query(`SELECT kind FROM bodies WHERE id = $1`, [de.parentId]);
  expect(intl[0].kind).toBe(BodyKind.International);

  const scheme = await http()
    .post(`${API}/schemes`)
    .set(intlAdmin.auth)
    .send({ bodyId: de.parentId, code: `INTL-${Date.now()}`, name: 'International IPT certification' })
    .expect(201);
  const draft = await http()
    .post(`${API}/schemes/${scheme.body.id}/versions`)
    .set(intlAdmin.auth)
    .send({ effectiveFrom: daysAgo(30), definition: REFERENCE })
    .expect(201);
  referenceId = draft.body.id;
});

describe('reference schemes and national derivation', () => {
  it('only a published version of the international scheme can be marked, and only by its admins', async () => {
    const draftRes = await http().post(`${API}/scheme-versions/${referenceId}/reference`).set(intlAdmin.auth).expect(409);
    expect(draftRes.body.code).toBe('REFERENCE_NOT_PUBLISHED');
    await http()
      .post(`${API}/scheme-versions/${referenceId}/publish`)
      .set(intlAdmin.auth)
      .send({ allowPastEffectiveDate: true, reason: 'Test scheme in force from a past date' })
      .expect(201);

    // a trainee holds no scheme permission; a national admin does not administer the international body
    await http().post(`${API}/scheme-versions/${referenceId}/reference`).set(trainee.auth).expect(403);
    await http().post(`${API}/scheme-versions/${referenceId}/reference`).set(deAdmin.auth).expect(404);

    const marked = await http().post(`${API}/scheme-versions/${referenceId}/reference`).set(intlAdmin.auth).expect(201);
    expect(marked.body.isReference).toBe(true);
    expect(await auditCount('scheme_version.mark_reference', referenceId)).toBe(1);

    const list = await http().get(`${API}/reference-schemes`).set(trainee.auth).expect(200);
    expect(list.body).toContainEqual(
      expect.objectContaining({ versionId: referenceId, levels: [{ code: 'PRACTITIONER', name: 'Certified IPT Practitioner' }] }),
    );
  });

  it('a national scheme cannot be a reference', async () => {
    const own = await http()
      .post(`${API}/schemes`)
      .set(deAdmin.auth)
      .send({ bodyId: deBodyId, code: 'DE-OWN', name: 'Eigenes' })
      .expect(201);
    const v = await http()
      .post(`${API}/schemes/${own.body.id}/versions`)
      .set(deAdmin.auth)
      .send({ effectiveFrom: daysAgo(1), definition: REFERENCE })
      .expect(201);
    await http()
      .post(`${API}/scheme-versions/${v.body.id}/publish`)
      .set(deAdmin.auth)
      .send({ allowPastEffectiveDate: true, reason: 'Test scheme in force from a past date' })
      .expect(201);
    const res = await http().post(`${API}/scheme-versions/${v.body.id}/reference`).set(deAdmin.auth).expect(409);
    expect(res.body.code).toBe('REFERENCE_NOT_INTERNATIONAL');
  });

  it('a national body derives, asks 3 cases instead of 2, publishes; the comparison shows exactly that rule stricter', async () => {
    // another body's admin may not start a scheme for Germany; a version that is no reference is refused
    await http()
      .post(`${API}/bodies/${deBodyId}/schemes/from-reference`)
      .set(frAdmin.auth)
      .send({ referenceVersionId: referenceId, code: 'DE-IPT', name: 'IPT Deutschland' })
      .expect(403);

    const derived = await http()
      .post(`${API}/bodies/${deBodyId}/schemes/from-reference`)
      .set(deAdmin.auth)
      .send({ referenceVersionId: referenceId, code: 'DE-IPT', name: 'IPT Deutschland' })
      .expect(201);
    expect(derived.body).toMatchObject({ bodyId: deBodyId, code: 'DE-IPT', derivedFromVersionId: referenceId });
    expect(derived.body.versions).toEqual([expect.objectContaining({ versionNumber: 1, status: 'draft', isReference: false })]);
    const draftId: string = derived.body.versions[0].id;
    expect(await auditCount('scheme.derive', derived.body.id)).toBe(1);

    const draft = await http().get(`${API}/scheme-versions/${draftId}`).set(deAdmin.auth).expect(200);
    expect(draft.body.definition).toEqual(REFERENCE);

    // the draft is the German body's: another body's admin neither sees nor compares it
    await http().get(`${API}/scheme-versions/${draftId}`).set(frAdmin.auth).expect(404);
    await http()
      .get(`${API}/scheme-comparisons`)
      .query({ a: `${draftId}:PRACTITIONER`, b: `${referenceId}:PRACTITIONER` })
      .set(frAdmin.auth)
      .expect(404);

    // the German admin compares the untouched copy: equal throughout
    const copy = await http()
      .get(`${API}/scheme-comparisons`)
      .query({ a: `${draftId}:PRACTITIONER`, b: `${referenceId}:PRACTITIONER` })
      .set(deAdmin.auth)
      .expect(200);
    expect(copy.body.items.filter((i: { verdict: string }) => i.verdict !== 'equal')).toEqual([]);
    expect(copy.body.implies).toBe('yes');

    const changed = structuredClone(REFERENCE);
    changed.levels[0].requirements[1].params = { minCount: 3 };
    await http()
      .put(`${API}/scheme-versions/${draftId}`)
      .set(deAdmin.auth)
      .set('If-Match', `"${draft.body.version}"`)
      .send({ effectiveFrom: daysAgo(0), definition: changed })
      .expect(200);
    await http()
      .post(`${API}/scheme-versions/${draftId}/publish`)
      .set(deAdmin.auth)
      .send({ allowPastEffectiveDate: true, reason: 'Test scheme in force from a past date' })
      .expect(201);

    // published: anyone signed in compares it
    const cmp = await http()
      .get(`${API}/scheme-comparisons`)
      .query({ a: `${draftId}:PRACTITIONER`, b: `${referenceId}:PRACTITIONER` })
      .set(trainee.auth)
      .expect(200);
    const moved = cmp.body.items.filter((i: { verdict: string }) => i.verdict !== 'equal');
    expect(moved).toEqual([
      expect.objectContaining({ section: 'requirements', subject: 'completed_cases', verdict: 'stricter', words: '3 cases vs 2' }),
    ]);
    expect(cmp.body.counts).toMatchObject({ stricter: 1, looser: 0, different: 0, missing: 0, extra: 0 });
    expect(cmp.body.implies).toBe('yes');
    expect(cmp.body.a).toMatchObject({ schemeCode: 'DE-IPT', levelCode: 'PRACTITIONER', bodyName: 'IPT Deutschland' });

    // the other way round, the reference does not imply the German level
    const back = await http()
      .get(`${API}/scheme-comparisons`)
      .query({ a: `${referenceId}:PRACTITIONER`, b: `${draftId}:PRACTITIONER` })
      .set(trainee.auth)
      .expect(200);
    expect(back.body.implies).toBe('no');
    expect(back.body.reasons[0]).toMatch(/asks less on requirements Supervised cases: 2 cases vs 3/);
  });

  it('refuses bad comparison input with 4xx: malformed levels, unknown level codes', async () => {
    await http()
      .get(`${API}/scheme-comparisons`)
      .query({ a: 'nonsense', b: `${referenceId}:PRACTITIONER` })
      .set(trainee.auth)
      .expect(400);
    const res = await http()
      .get(`${API}/scheme-comparisons`)
      .query({ a: `${referenceId}:NOPE`, b: `${referenceId}:PRACTITIONER` })
      .set(trainee.auth)
      .expect(409);
    expect(res.body.code).toBe('LEVEL_NOT_IN_VERSION');
    await http()
      .get(`${API}/scheme-comparisons`)
      .query({ a: `00000000-0000-4000-8000-000000000000:PRACTITIONER`, b: `${referenceId}:PRACTITIONER` })
      .set(trainee.auth)
      .expect(404);
  });

  it('an unmarked reference is no longer listed nor derivable', async () => {
    await http().delete(`${API}/scheme-versions/${referenceId}/reference`).set(intlAdmin.auth).expect(200);
    expect(await auditCount('scheme_version.unmark_reference', referenceId)).toBe(1);
    // unmarking again changes nothing and answers the same
    const again = await http().delete(`${API}/scheme-versions/${referenceId}/reference`).set(intlAdmin.auth).expect(200);
    expect(again.body.isReference).toBe(false);
    const list = await http().get(`${API}/reference-schemes`).set(trainee.auth).expect(200);
    expect(list.body.map((r: { versionId: string }) => r.versionId)).not.toContain(referenceId);
    await http()
      .post(`${API}/bodies/${deBodyId}/schemes/from-reference`)
      .set(deAdmin.auth)
      .send({ referenceVersionId: referenceId, code: 'DE-IPT-2', name: 'IPT Deutschland 2' })
      .expect(400);
  });
});
