import { Role } from '../src/common/roles';
import { RecordLoader } from '../src/schemes/record-loader';
import { IPT_TAXONOMY_DEFINITION, IPT_TAXONOMY_ID } from '../src/taxonomies/ipt-taxonomy';
import type { TaxonomyDefinition } from '../src/taxonomies/taxonomy-definition';
import { API, caseBody, daysAgo, session, team, type Team } from './cases-fixtures';
import { countRows, makeAdmin, makeBody, makeUser, type TestUser } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

// A body's own lists: IPT's, plus the problem area "loss of the healthy self" (an adaptation for chronic illness),
// a retired setting, a required custom attribute and a multiple one, and its own session phases.
function ownDefinition(): TaxonomyDefinition {
  const def = structuredClone(IPT_TAXONOMY_DEFINITION);
  def.attributes[0].values.push({ code: 'loss_of_healthy_self', label: 'Loss of the healthy self' });
  def.attributes.find((a) => a.code === 'setting')!.values.find((v) => v.code === 'university')!.retired = true;
  def.attributes.push(
    {
      code: 'diagnosisGroup',
      label: 'Diagnosis group',
      required: true,
      values: [
        { code: 'depression', label: 'Depression' },
        { code: 'anxiety', label: 'Anxiety' },
      ],
    },
    {
      code: 'comorbidity',
      label: 'Comorbidity',
      required: false,
      multiple: true,
      values: [
        { code: 'substance', label: 'Substance use' },
        { code: 'pain', label: 'Chronic pain' },
      ],
    },
  );
  def.phases = [
    { code: 'assessment', label: 'Assessment' },
    { code: 'treatment', label: 'Treatment' },
    { code: 'ending', label: 'Ending' },
  ];
  return def;
}

async function bodyWithAdmin(): Promise<Team & { admin: TestUser }> {
  const tm = await team(t);
  return { ...tm, admin: await makeUser(t, [{ role: Role.BodyAdmin, bodyId: tm.bodyId }]) };
}

async function publishOwn(tm: { bodyId: string; admin: TestUser }, code = 'IPT-CHRONIC'): Promise<string> {
  const draft = await t
    .http()
    .post(`${API}/taxonomies`)
    .set(tm.admin.auth)
    .send({ bodyId: tm.bodyId, code, name: 'IPT for chronic illness', definition: ownDefinition() })
    .expect(201);
  expect(draft.body).toMatchObject({ status: 'draft', versionNumber: 1, bodyId: tm.bodyId, version: 1 });
  await t.http().post(`${API}/taxonomies/${draft.body.id}/publish`).set(tm.admin.auth).expect(201);
  return draft.body.id;
}

describe('the seeded IPT taxonomy', () => {
  it('is published, international, and what a case names when it names none; client-facing values unchanged', async () => {
    const tm = await team(t);
    const got = await t.http().get(`${API}/taxonomies/${IPT_TAXONOMY_ID}`).set(tm.trainee.auth).expect(200);
    expect(got.body).toMatchObject({ code: 'IPT', versionNumber: 1, status: 'published', bodyId: null });
    expect(got.body.definition).toEqual(IPT_TAXONOMY_DEFINITION);
    const c = await t.http().post(`${API}/cases`).set(tm.trainee.auth).send(caseBody(tm.supervisor.id)).expect(201);
    expect(c.body).toMatchObject({ taxonomyVersionId: IPT_TAXONOMY_ID, format: 'individual', focusProblemArea: 'grief', attributes: {} });
    const bad = await t
      .http()
      .post(`${API}/cases`)
      .set(tm.trainee.auth)
      .send(caseBody(tm.supervisor.id, { focusProblemArea: 'loss_of_healthy_self', ageBand: '99' }))
      .expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(bad.body.details).toEqual({
      focusProblemArea: ['focusProblemArea must be one of: grief, role_dispute, role_transition, interpersonal_deficits, other'],
      ageBand: ['ageBand must be one of: 12-17, 18-25, 26-40, 41-64, 65-89, 90+'],
    });
  });
});

describe('a body publishes its own taxonomy and a case uses it', () => {
  it('accepts its values, refuses bad ones naming the field, checks session phases, and exposes attributes to rules', async () => {
    const tm = await bodyWithAdmin();
    const taxonomyId = await publishOwn(tm);
    const available = await t.http().get(`${API}/bodies/${tm.bodyId}/taxonomies`).set(tm.trainee.auth).expect(200);
    expect(available.body.map((x: { id: string }) => x.id)).toEqual([taxonomyId, IPT_TAXONOMY_ID]);

    const cases = () => countRows(t, 'supervised_cases');
    const before = await cases();
    const body = (over: Record<string, unknown>) => caseBody(tm.supervisor.id, { taxonomyVersionId: taxonomyId, ...over });
    const bad = await t
      .http()
      .post(`${API}/cases`)
      .set(tm.trainee.auth)
      .send(body({ format: 'couple', setting: 'university', attributes: { comorbidity: ['pain', 'gambling'], colour: 'red' } }))
      .expect(400);
    expect(bad.body.details).toEqual({
      format: ['format must be one of: individual, group'],
      setting: ['setting must be one of: primary_care, secondary_care, community, inpatient, private_practice, other'],
      'attributes.diagnosisGroup': ['attributes.diagnosisGroup is required (one of: depression, anxiety)'],
      'attributes.comorbidity': ['attributes.comorbidity value gambling is not allowed: each must be one of: substance, pain'],
      'attributes.colour': ["colour is not an attribute of the case's taxonomy"],
    });
    expect(await cases()).toBe(before);

    const created = await t
      .http()
      .post(`${API}/cases`)
      .set(tm.trainee.auth)
      .send(body({ focusProblemArea: 'loss_of_healthy_self', attributes: { diagnosisGroup: 'depression', comorbidity: ['pain'] } }))
      .expect(201);
    expect(created.body).toMatchObject({
      taxonomyVersionId: taxonomyId,
      focusProblemArea: 'loss_of_healthy_self',
      attributes: { diagnosisGroup: 'depression', comorbidity: ['pain'] },
    });
    const id = created.body.id;

    // session phases are the taxonomy's: IPT's "initial" is not one of them
    const wrongPhase = await t
      .http()
      .post(`${API}/cases/${id}/sessions`)
      .set(tm.trainee.auth)
      .set('If-Match', '"1"')
      .send(session(1, daysAgo(50), 'initial'))
      .expect(400);
    expect(wrongPhase.body.details).toEqual({ phase: ['phase must be one of: assessment, treatment, ending'] });
    await t
      .http()
      .post(`${API}/cases/${id}/sessions`)
      .set(tm.trainee.auth)
      .set('If-Match', '"1"')
      .send(session(1, daysAgo(50), 'treatment'))
      .expect(201);
    const backwards = await t
      .http()
      .post(`${API}/cases/${id}/sessions`)
      .set(tm.trainee.auth)
      .set('If-Match', '"2"')
      .send(session(2, daysAgo(43), 'assessment'))
      .expect(400);
    expect(backwards.body.code).toBe('INCONSISTENT_SESSIONS');

    // a PATCH is checked against the case's taxonomy too
    const patched = await t
      .http()
      .patch(`${API}/cases/${id}`)
      .set(tm.trainee.auth)
      .set('If-Match', '"2"')
      .send({ attributes: { diagnosisGroup: 'panic' } })
      .expect(400);
    expect(patched.body.details).toEqual({
      'attributes.diagnosisGroup': ['attributes.diagnosisGroup must be one of: depression, anxiety'],
    });

    const record = await t.app.get(RecordLoader).load(tm.trainee.id);
    expect(record.cases[0]).toMatchObject({
      taxonomyCode: 'IPT-CHRONIC',
      taxonomyVersionId: taxonomyId,
      focusProblemArea: 'loss_of_healthy_self',
      // problemArea lists the focus and the secondary area; the body's own diagnosisGroup wins over the one derived
      // from the ICD-10 code
      attributes: {
        problemArea: ['loss_of_healthy_self'],
        focusProblemArea: 'loss_of_healthy_self',
        format: 'individual',
        adaptation: 'adult',
        setting: 'community',
        ageBand: '26-40',
        diagnosisGroup: 'depression',
        comorbidity: ['pain'],
      },
    });
  });

  it("keeps a retired value on a case that has it, and refuses another body's taxonomy", async () => {
    const tm = await bodyWithAdmin();
    const taxonomyId = await publishOwn(tm);
    // a case from before the value was retired (written directly: the API refuses a retired value for a new case)
    const c = await t
      .http()
      .post(`${API}/cases`)
      .set(tm.trainee.auth)
      .send(caseBody(tm.supervisor.id, { taxonomyVersionId: taxonomyId, attributes: { diagnosisGroup: 'anxiety' } }))
      .expect(201);
    await t.db.query(`UPDATE supervised_cases SET setting = 'university' WHERE id = $1`, [c.body.id]);
    const kept = await t
      .http()
      .patch(`${API}/cases/${c.body.id}`)
      .set(tm.trainee.auth)
      .set('If-Match', '"1"')
      .send({ plannedSessions: 12 })
      .expect(200);
    expect(kept.body).toMatchObject({ setting: 'university', plannedSessions: 12 });

    const other = await bodyWithAdmin();
    const foreign = await t
      .http()
      .post(`${API}/cases`)
      .set(other.trainee.auth)
      .send(caseBody(other.supervisor.id, { taxonomyVersionId: taxonomyId }))
      .expect(400);
    expect(Object.keys(foreign.body.details)).toEqual(['taxonomyVersionId']);
  });
});

describe('drafts, publishing and who may see what', () => {
  it('edits a draft with If-Match, publishes it, then refuses changes (409); a new version copies the last', async () => {
    const tm = await bodyWithAdmin();
    const audits = await countRows(t, 'audit_log');
    const draft = await t
      .http()
      .post(`${API}/taxonomies`)
      .set(tm.admin.auth)
      .send({ bodyId: tm.bodyId, code: 'LISTS', name: 'Lists', definition: ownDefinition() })
      .expect(201);
    const id = draft.body.id;
    const def = ownDefinition();
    await t.http().put(`${API}/taxonomies/${id}`).set(tm.admin.auth).send({ name: 'Lists v1', definition: def }).expect(428);
    await t
      .http()
      .put(`${API}/taxonomies/${id}`)
      .set(tm.admin.auth)
      .set('If-Match', '"7"')
      .send({ name: 'Lists v1', definition: def })
      .expect(412);
    def.attributes.splice(1, 1);
    const invalid = await t
      .http()
      .put(`${API}/taxonomies/${id}`)
      .set(tm.admin.auth)
      .set('If-Match', '"1"')
      .send({ name: 'Lists v1', definition: def })
      .expect(400);
    expect(invalid.body).toMatchObject({
      code: 'INVALID_TAXONOMY',
      details: { 'definition.attributes': ['attribute format is required (every case records it)'] },
    });
    const edited = await t
      .http()
      .put(`${API}/taxonomies/${id}`)
      .set(tm.admin.auth)
      .set('If-Match', '"1"')
      .send({ name: 'Lists v1', definition: ownDefinition() })
      .expect(200);
    expect(edited.headers.etag).toBe('"2"');
    await t.http().post(`${API}/taxonomies`).set(tm.admin.auth).send({ bodyId: tm.bodyId, code: 'LISTS', name: 'Lists again' }).expect(409);
    const published = await t.http().post(`${API}/taxonomies/${id}/publish`).set(tm.admin.auth).expect(201);
    expect(published.body).toMatchObject({ status: 'published', version: 3 });
    expect(published.body.publishedAt).toEqual(expect.any(String));

    const immutable = await t
      .http()
      .put(`${API}/taxonomies/${id}`)
      .set(tm.admin.auth)
      .set('If-Match', '"3"')
      .send({ name: 'Changed', definition: ownDefinition() })
      .expect(409);
    expect(immutable.body.code).toBe('VERSION_PUBLISHED');
    expect((await t.http().post(`${API}/taxonomies/${id}/publish`).set(tm.admin.auth).expect(409)).body.code).toBe('NOT_A_DRAFT');

    const v2 = await t
      .http()
      .post(`${API}/taxonomies`)
      .set(tm.admin.auth)
      .send({ bodyId: tm.bodyId, code: 'LISTS', name: 'Lists v2' })
      .expect(201);
    expect(v2.body).toMatchObject({ versionNumber: 2, status: 'draft' });
    expect(v2.body.definition).toEqual(ownDefinition());
    // create, 2 failed + 1 good edit, 1 refused create, publish, 2 refused, v2: one audit row per change that happened
    expect(await countRows(t, 'audit_log')).toBe(audits + 4);
    const trail: { action: string }[] = await t.db.query(
      `SELECT action FROM audit_log WHERE entity_type = 'taxonomy' AND entity_id = ANY($1::text[]) ORDER BY id`,
      [[id, v2.body.id]],
    );
    expect(trail.map((r) => r.action)).toEqual(['taxonomy.create', 'taxonomy.update', 'taxonomy.publish', 'taxonomy.create']);
  });

  it("answers 404 for another body's draft, 403 to a role without the permission, and lists only what the caller may see", async () => {
    const a = await bodyWithAdmin();
    const b = await bodyWithAdmin();
    const draft = await t
      .http()
      .post(`${API}/taxonomies`)
      .set(a.admin.auth)
      .send({ bodyId: a.bodyId, code: 'SECRET', name: 'Draft', definition: ownDefinition() })
      .expect(201);
    const id = draft.body.id;
    for (const who of [b.admin, a.trainee]) await t.http().get(`${API}/taxonomies/${id}`).set(who.auth).expect(404);
    await t
      .http()
      .put(`${API}/taxonomies/${id}`)
      .set(b.admin.auth)
      .set('If-Match', '"1"')
      .send({ name: 'x', definition: ownDefinition() })
      .expect(404);
    await t.http().post(`${API}/taxonomies/${id}/publish`).set(b.admin.auth).expect(404);
    await t.http().post(`${API}/taxonomies/${id}/publish`).set(a.trainee.auth).expect(403);
    await t
      .http()
      .post(`${API}/taxonomies`)
      .set(b.admin.auth)
      .send({ bodyId: a.bodyId, code: 'X', name: 'x', definition: ownDefinition() })
      .expect(403);
    const listed = (who: TestUser) =>
      t
        .http()
        .get(`${API}/taxonomies`)
        .set(who.auth)
        .expect(200)
        .then((r) => r.body.map((x: { id: string }) => x.id));
    expect(await listed(a.admin)).toContain(id);
    expect(await listed(b.admin)).not.toContain(id);
    expect(await listed(a.trainee)).toContain(IPT_TAXONOMY_ID);
    // the taxonomies a case may use are published ones only
    const ids = (await t.http().get(`${API}/bodies/${a.bodyId}/taxonomies`).set(a.trainee.auth).expect(200)).body.map(
      (x: { id: string }) => x.id,
    );
    expect(ids).not.toContain(id);
    await t
      .http()
      .post(`${API}/cases`)
      .set(a.trainee.auth)
      .send(caseBody(a.supervisor.id, { taxonomyVersionId: id }))
      .expect(400);
  });

  it('lets only international administrators define international taxonomies', async () => {
    const national = await bodyWithAdmin();
    await t
      .http()
      .post(`${API}/taxonomies`)
      .set(national.admin.auth)
      .send({ code: 'WORLD', name: 'World', definition: ownDefinition() })
      .expect(403);
    const intl = await makeBody(t, { kind: 'international' as never, parentId: null, code: `I-${Date.now()}` });
    const intlAdmin = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: intl.id }]);
    const created = await t
      .http()
      .post(`${API}/taxonomies`)
      .set(intlAdmin.auth)
      .send({ code: 'WORLD', name: 'World', definition: ownDefinition() })
      .expect(201);
    expect(created.body.bodyId).toBeNull();
    const global = await makeAdmin(t);
    await t.http().post(`${API}/taxonomies/${created.body.id}/publish`).set(global.auth).expect(201);
    const available = await t.http().get(`${API}/bodies/${national.bodyId}/taxonomies`).set(national.trainee.auth).expect(200);
    expect(available.body.map((x: { code: string }) => x.code)).toContain('WORLD');
  });
});
