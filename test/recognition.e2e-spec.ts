import { Role } from '../src/common/roles';
import { API, daysAgo } from './cases-fixtures';
import { makeBody, makeUser, type TestUser } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

// Recognition between bodies: body B (UK) counts body A's (US) level A as its PRACTITIONER with one top-up rule
// (3 h of workshops). A holder of US A applies to UK PRACTITIONER through the recognition: the top-up is unmet,
// then met after the workshop; the body approves and the accreditation records the recognition it rests on. A
// presented credential of US A works the same way; a revoked one, or someone else's, is refused.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const http = () => t.http();
const level = (code: string, requirements: unknown[]) => ({
  code,
  name: `Level ${code}`,
  kind: 'practitioner',
  order: 1,
  validity: { kind: 'none' },
  prerequisites: [],
  requirements,
});
const definition = (levels: unknown[]) => ({
  noun: 'accredited',
  phaseBoundaries: { initialLastSession: 3, terminationSessions: 3 },
  groupCredit: { kind: 'share', multiplier: 2, capAtGroupMinutes: true },
  levels,
});
const TOP_UP = {
  id: 'uk-workshop',
  type: 'learning_hours',
  label: '3 h of UK workshops',
  params: { kinds: ['workshop'], minHours: 3, verifiedOnly: false },
};

let usAdmin: TestUser, ukAdmin: TestUser, frAdmin: TestUser;
let holder: TestUser, presenter: TestUser, revokedHolder: TestUser;
let usBodyId: string, ukBodyId: string, usSchemeCode: string, ukSchemeId: string;
const credentials = new Map<string, { id: string; jws: string }>();

async function scheme(admin: TestUser, bodyId: string, code: string, levels: unknown[]): Promise<string> {
  const s = await http()
    .post(`${API}/schemes`)
    .set(admin.auth)
    .send({ bodyId, code, name: `${code} scheme` })
    .expect(201);
  const v = await http()
    .post(`${API}/schemes/${s.body.id}/versions`)
    .set(admin.auth)
    .send({ effectiveFrom: daysAgo(60), definition: definition(levels) })
    .expect(201);
  await http()
    .post(`${API}/scheme-versions/${v.body.id}/publish`)
    .set(admin.auth)
    .send({ allowPastEffectiveDate: true, reason: 'Test scheme in force from a past date' })
    .expect(201);
  return s.body.id as string;
}

// US level A has no requirements: applying and approving is enough to hold it
async function awardUsA(person: TestUser, usSchemeId: string) {
  const app = await http().post(`${API}/applications`).set(person.auth).send({ schemeId: usSchemeId, levelCode: 'A' }).expect(201);
  const ok = await http().post(`${API}/applications/${app.body.id}/approve`).set(usAdmin.auth).send({}).expect(200);
  credentials.set(person.id, { id: ok.body.accreditation.id, jws: ok.body.accreditation.credentialJws });
}

const draft = (over: Record<string, unknown> = {}) => ({
  toSchemeId: ukSchemeId,
  toLevelCode: 'PRACTITIONER',
  fromBodyId: usBodyId,
  fromSchemeCode: usSchemeCode,
  fromLevelCode: 'A',
  effectiveFrom: daysAgo(1),
  topUps: [TOP_UP],
  ...over,
});

beforeAll(async () => {
  const us = await makeBody(t, { name: 'IPT United States', countryCode: 'US' });
  const uk = await makeBody(t, { name: 'IPT United Kingdom', countryCode: 'GB' });
  const fr = await makeBody(t, { name: 'IPT France', countryCode: 'FR' });
  usBodyId = us.id;
  ukBodyId = uk.id;
  usAdmin = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: us.id }]);
  ukAdmin = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: uk.id }]);
  frAdmin = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: fr.id }]);
  holder = await makeUser(t, [{ role: Role.Trainee, bodyId: us.id }]);
  presenter = await makeUser(t, [{ role: Role.Trainee, bodyId: us.id }]);
  revokedHolder = await makeUser(t, [{ role: Role.Trainee, bodyId: us.id }]);
  usSchemeCode = `US-${Date.now()}`;
  const usSchemeId = await scheme(usAdmin, us.id, usSchemeCode, [level('A', [])]);
  // the ordinary route to UK PRACTITIONER needs two completed cases, which none of these people has
  ukSchemeId = await scheme(ukAdmin, uk.id, `UK-${Date.now()}`, [
    level('PRACTITIONER', [{ id: 'cases', type: 'completed_cases', label: 'Two cases', params: { minCount: 2 } }]),
  ]);
  for (const p of [holder, presenter, revokedHolder]) await awardUsA(p, usSchemeId);
  await http()
    .post(`${API}/accreditations/${credentials.get(revokedHolder.id)!.id}/revoke`)
    .set(usAdmin.auth)
    .send({ reason: 'Practising outside scope' })
    .expect(200);
});

describe('recognition between bodies', () => {
  let recognitionId: string;

  it('only an admin of the recognising body may draft one', async () => {
    expect((await http().post(`${API}/recognitions`).set(frAdmin.auth).send(draft()).expect(403)).body.code).toBe('FORBIDDEN');
    await http().post(`${API}/recognitions`).set(holder.auth).send(draft()).expect(403);
  });

  it('checks the top-ups like scheme rules, naming the path', async () => {
    const unknown = await http()
      .post(`${API}/recognitions`)
      .set(ukAdmin.auth)
      .send(
        draft({
          topUps: [
            { id: 'sup', type: 'case_supervision', params: { minCases: 1, minMinutesPerCase: 60, supervisorLevel: { levelCode: 'NOPE' } } },
          ],
        }),
      )
      .expect(400);
    expect(unknown.body.code).toBe('SCHEME_UNKNOWN_REFERENCE');
    expect(unknown.body.details['topUps.0.params.supervisorLevel.levelCode']).toEqual(['level NOPE is not a level of this scheme']);
    const bad = await http()
      .post(`${API}/recognitions`)
      .set(ukAdmin.auth)
      .send(draft({ topUps: [{ ...TOP_UP, params: { ...TOP_UP.params, minHours: -1 } }] }))
      .expect(400);
    expect(bad.body.code).toBe('INVALID_RECOGNITION');
    expect(Object.keys(bad.body.details)).toEqual(['topUps.0.params.minHours']);
    const source = await http()
      .post(`${API}/recognitions`)
      .set(ukAdmin.auth)
      .send(draft({ fromLevelCode: 'Z' }))
      .expect(400);
    expect(source.body.details.fromLevelCode).toBeDefined();
  });

  it('drafts, edits with If-Match, publishes (audited); published ones are public policy, drafts are not', async () => {
    const created = await http()
      .post(`${API}/recognitions`)
      .set(ukAdmin.auth)
      .send(draft({ topUps: [] }))
      .expect(201);
    recognitionId = created.body.id;
    const edit = { effectiveFrom: daysAgo(1), topUps: [TOP_UP] };
    expect(created.body).toMatchObject({ status: 'draft', versionNumber: 1, fromBodyName: 'IPT United States', fromLevelName: 'Level A' });
    expect((await http().get(`${API}/bodies/${ukBodyId}/recognitions`).set(holder.auth).expect(200)).body).toEqual([]);
    await http().get(`${API}/recognitions/${recognitionId}`).set(holder.auth).expect(404);
    await http().put(`${API}/recognitions/${recognitionId}`).set(ukAdmin.auth).send(edit).expect(428);
    await http().put(`${API}/recognitions/${recognitionId}`).set(frAdmin.auth).set('If-Match', '"1"').send(edit).expect(404);
    const edited = await http().put(`${API}/recognitions/${recognitionId}`).set(ukAdmin.auth).set('If-Match', '"1"').send(edit).expect(200);
    expect(edited.body.topUps).toEqual([TOP_UP]);
    // in force since yesterday: holders' routes change retroactively, so the body confirms it with a reason (audited)
    const publish = `${API}/recognitions/${recognitionId}/publish`;
    expect((await http().post(publish).set(ukAdmin.auth).send({}).expect(400)).body.code).toBe('PAST_EFFECTIVE_DATE');
    const noReason = await http().post(publish).set(ukAdmin.auth).send({ allowPastEffectiveDate: true }).expect(400);
    expect(noReason.body.details.reason).toBeDefined();
    await http().post(publish).set(ukAdmin.auth).send({ allowPastEffectiveDate: true, reason: 'Agreed at the May meeting' }).expect(201);
    const listed = await http().get(`${API}/bodies/${ukBodyId}/recognitions`).set(holder.auth).expect(200);
    expect(listed.body.map((r: { id: string; status: string }) => [r.id, r.status])).toEqual([[recognitionId, 'published']]);
    await http().put(`${API}/recognitions/${recognitionId}`).set(ukAdmin.auth).set('If-Match', '"3"').send(edit).expect(409);
    const audit = await t.db.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY occurred_at`, [recognitionId]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['recognition.create', 'recognition.update', 'recognition.publish']);
    const [published] = await t.db.query(`SELECT changes FROM audit_log WHERE entity_id = $1 AND action = 'recognition.publish'`, [
      recognitionId,
    ]);
    expect(published.changes).toMatchObject({ pastEffectiveDate: true, reason: 'Agreed at the May meeting' });
  });

  it('a holder of US A sees UK PRACTITIONER through the recognition with the top-up gap, applies, meets it, and is approved', async () => {
    const routes = await http().get(`${API}/trainees/${holder.id}/schemes/${ukSchemeId}/progress/recognition`).set(holder.auth).expect(200);
    expect(routes.body).toHaveLength(1);
    expect(routes.body[0].report).toMatchObject({ route: 'recognition', met: false, ruleCount: 1 });
    expect(routes.body[0].report.rules.map((r: { ruleId: string }) => r.ruleId)).toEqual(['uk-workshop']);
    expect(routes.body[0].sourceAccreditationId).toBe(credentials.get(holder.id)!.id);
    // the ordinary route is unchanged
    const ordinary = await http().get(`${API}/trainees/${holder.id}/schemes/${ukSchemeId}/progress`).set(holder.auth).expect(200);
    expect(ordinary.body.levels[0].rules.map((r: { ruleId: string }) => r.ruleId)).toEqual(['cases']);

    const app = await http()
      .post(`${API}/applications`)
      .set(holder.auth)
      .send({ schemeId: ukSchemeId, levelCode: 'PRACTITIONER', recognitionId })
      .expect(201);
    expect(app.body.allRulesMet).toBe(false);
    expect(app.body.evaluation).toMatchObject({
      route: 'recognition',
      recognition: { id: recognitionId, versionNumber: 1, sourceBody: { id: usBodyId }, sourceLevel: { code: 'A', name: 'Level A' } },
    });
    expect(app.body.evaluation.rules[0]).toMatchObject({ ruleId: 'uk-workshop', met: false, reached: 0, required: 3 });
    expect(app.body.basis).toMatchObject({ kind: 'recognition', via: 'held', sourceAccreditationId: credentials.get(holder.id)!.id });

    await http()
      .post(`${API}/trainees/${holder.id}/activities`)
      .set(holder.auth)
      .send({ kind: 'workshop', title: 'IPT in the NHS', provider: 'IPT UK', hours: 3, delivery: 'in_person', date: daysAgo(0) })
      .expect(201);
    const after = await http().get(`${API}/trainees/${holder.id}/schemes/${ukSchemeId}/progress/recognition`).set(holder.auth).expect(200);
    expect(after.body[0].report).toMatchObject({ met: true });

    const ok = await http().post(`${API}/applications/${app.body.id}/approve`).set(ukAdmin.auth).send({}).expect(200);
    expect(ok.body.application.evaluation).toMatchObject({ route: 'recognition', met: true });
    expect(ok.body.accreditation).toMatchObject({
      levelCode: 'PRACTITIONER',
      basis: { kind: 'recognition', recognitionId, recognitionVersion: 1, via: 'held', sourceLevel: { code: 'A' } },
    });
    const audit = await t.db.query(`SELECT changes FROM audit_log WHERE action = 'application.approve' AND entity_id = $1`, [app.body.id]);
    expect(audit[0].changes.basis).toMatchObject({ recognitionId });
  });

  it('accepts a presented, valid credential of US A that names the applicant', async () => {
    const app = await http()
      .post(`${API}/applications`)
      .set(presenter.auth)
      .send({ schemeId: ukSchemeId, levelCode: 'PRACTITIONER', recognitionId, credential: credentials.get(presenter.id)!.jws })
      .expect(201);
    expect(app.body.basis).toMatchObject({
      via: 'credential',
      credentialId: `urn:uuid:${credentials.get(presenter.id)!.id}`,
      sourceAccreditationId: credentials.get(presenter.id)!.id,
    });
    expect(app.body.evaluation.route).toBe('recognition');
  });

  it('refuses a revoked credential, someone else’s credential, and a level no longer held', async () => {
    const revoked = await http()
      .post(`${API}/applications`)
      .set(revokedHolder.auth)
      .send({ schemeId: ukSchemeId, levelCode: 'PRACTITIONER', recognitionId, credential: credentials.get(revokedHolder.id)!.jws })
      .expect(400);
    expect(revoked.body).toMatchObject({ code: 'CREDENTIAL_NOT_ACCEPTED', details: { credential: ['it verifies as revoked'] } });
    const notHeld = await http()
      .post(`${API}/applications`)
      .set(revokedHolder.auth)
      .send({ schemeId: ukSchemeId, levelCode: 'PRACTITIONER', recognitionId })
      .expect(409);
    expect(notHeld.body.code).toBe('RECOGNISED_LEVEL_NOT_HELD');
    const other = await http()
      .post(`${API}/applications`)
      .set(revokedHolder.auth)
      .send({ schemeId: ukSchemeId, levelCode: 'PRACTITIONER', recognitionId, credential: credentials.get(holder.id)!.jws })
      .expect(400);
    expect(other.body.details.credential).toEqual(['it was issued to someone else']);
  });

  it('counts a level recognised as ours where a rule says orRecognised (level filters read the published recognitions)', async () => {
    // version 2 of the recognition: "holds our PRACTITIONER, or a level recognised as it" and the same without orRecognised
    const held = (id: string, orRecognised?: boolean) => ({
      id,
      type: 'level_held',
      params: { levelCode: 'PRACTITIONER', ...(orRecognised ? { orRecognised } : {}) },
    });
    const v2 = await http()
      .post(`${API}/recognitions`)
      .set(ukAdmin.auth)
      .send(draft({ topUps: [held('or-recognised', true), held('ours-only')] }))
      .expect(201);
    expect(v2.body.versionNumber).toBe(2);
    await http()
      .post(`${API}/recognitions/${v2.body.id}/publish`)
      .set(ukAdmin.auth)
      .send({ allowPastEffectiveDate: true, reason: 'Version 2 in force since yesterday' })
      .expect(201);
    // the presenter holds US A (recognised as PRACTITIONER since yesterday) and not UK PRACTITIONER itself
    const routes = await http()
      .get(`${API}/trainees/${presenter.id}/schemes/${ukSchemeId}/progress/recognition`)
      .set(presenter.auth)
      .expect(200);
    expect(routes.body).toHaveLength(1);
    expect(routes.body[0].recognition.versionNumber).toBe(2);
    expect(routes.body[0].report.rules.map((r: { ruleId: string; met: boolean }) => [r.ruleId, r.met])).toEqual([
      ['or-recognised', true],
      ['ours-only', false],
    ]);
  });
});
