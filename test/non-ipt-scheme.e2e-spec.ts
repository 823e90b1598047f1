import { Role } from '../src/common/roles';
import { IPT_TAXONOMY_DEFINITION } from '../src/taxonomies/ipt-taxonomy';
import type { TaxonomyDefinition } from '../src/taxonomies/taxonomy-definition';
import { API, daysAgo, team } from './cases-fixtures';
import { makeUser, type TestUser } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

// Issue 15: a body accrediting another therapy uses the product with no code change. A CBT body (our own example,
// not a real scheme) defines, through the API only: its taxonomy (CBT problem foci, its own adaptation and setting,
// a required "disorder" attribute, CBT's session phases), an outcome instrument (a 7-item panic severity scale with
// illustrative bands), a competence rubric, and a scheme whose rules name all three. A trainee is then built through
// the API, and the progress report says exactly what is met and what is missing, in the CBT body's own terms.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const http = () => t.http();
/** the expected status, or a failure that shows the answer's body (what the service said was wrong) */
const status = (expected: number) => (res: { status: number; body: unknown }) => {
  if (res.status !== expected) throw new Error(`expected ${expected}, got ${res.status}: ${JSON.stringify(res.body)}`);
};
const sfx = `${Date.now() % 1_000_000}`;
const RUBRIC = `CBT-COMP-${sfx}`;
const INSTRUMENT = `PANIC7-${sfx}`;

function cbtTaxonomy(): TaxonomyDefinition {
  const def = structuredClone(IPT_TAXONOMY_DEFINITION);
  const attr = (code: string) => def.attributes.find((a) => a.code === code)!;
  attr('problemArea').values = [
    { code: 'panic', label: 'Panic' },
    { code: 'worry', label: 'Worry' },
    { code: 'low_mood', label: 'Low mood' },
  ];
  attr('adaptation').values = [
    { code: 'standard', label: 'Standard protocol' },
    { code: 'long_term_condition', label: 'Long-term physical condition' },
  ];
  attr('setting').values = [{ code: 'talking_therapies', label: 'NHS Talking Therapies (step 3)' }];
  def.attributes.push({
    code: 'disorder',
    label: 'Disorder treated',
    required: true,
    values: [
      { code: 'panic_disorder', label: 'Panic disorder' },
      { code: 'gad', label: 'Generalised anxiety disorder' },
      { code: 'depression', label: 'Depression' },
    ],
  });
  def.phases = [
    { code: 'assessment', label: 'Assessment and formulation' },
    { code: 'treatment', label: 'Treatment' },
    { code: 'relapse_prevention', label: 'Relapse prevention' },
  ];
  return def;
}

// seven items 0–4 (total 0–28); bands, caseness and reliable change are illustrative, not a published norm
const PANIC7 = {
  items: Array.from({ length: 7 }, () => ({ min: 0, max: 4 })),
  total: { min: 0, max: 28 },
  bands: [
    { min: 0, max: 7, label: 'slight' },
    { min: 8, max: 13, label: 'moderate' },
    { min: 14, max: 28, label: 'severe' },
  ],
  casenessThreshold: 8,
  reliableChange: 5,
  riskItems: [],
  licence: 'Example instrument written for this test',
};

const RUBRIC_DEFINITION = {
  scale: { min: 0, max: 6 },
  items: [
    { code: 'agenda', label: 'Agenda setting' },
    { code: 'guided_discovery', label: 'Guided discovery' },
    { code: 'homework', label: 'Homework setting' },
  ],
  aggregation: 'sum',
  passRule: { threshold: 12, itemFloor: 2 },
  multiRater: { kind: 'single', disagreementThreshold: 2 },
};

const scheme = (instrument: string) => ({
  noun: 'certified',
  phaseBoundaries: { initialLastSession: 1, terminationSessions: 1 },
  groupCredit: { kind: 'full' },
  levels: [
    {
      code: 'CBT-PRACT',
      name: 'CBT practitioner',
      kind: 'practitioner',
      order: 1,
      validity: { kind: 'none' },
      prerequisites: [],
      requirements: [
        { id: 'course', type: 'learning_hours', params: { kinds: ['didactic_course'], minHours: 10, verifiedOnly: false } },
        { id: 'cases', type: 'completed_cases', params: { minCount: 1 } },
        { id: 'disorders', type: 'distinct_case_attribute', params: { attribute: 'disorder', minDistinct: 2 } },
        { id: 'measures', type: 'outcome_measures', params: { minCases: 1, instruments: [instrument], atEnd: true } },
        { id: 'competence', type: 'case_recordings', params: { minCases: 1, minRatedPerCase: 1, rubricCode: RUBRIC, requirePass: true } },
      ],
    },
  ],
});

interface World {
  bodyId: string;
  admin: TestUser;
  trainee: TestUser;
  supervisor: TestUser;
  taxonomyId: string;
  schemeId: string;
  rubricVersionId: string;
}

async function cbtBody(): Promise<World> {
  const tm = await team(t);
  const admin = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: tm.bodyId }]);
  const tax = await http()
    .post(`${API}/taxonomies`)
    .set(admin.auth)
    .send({ bodyId: tm.bodyId, code: 'CBT', name: 'CBT case lists', definition: cbtTaxonomy() });
  expect([tax.status, tax.body.details]).toEqual([201, undefined]);
  await http().post(`${API}/taxonomies/${tax.body.id}/publish`).set(admin.auth).expect(status(201));
  const instrument = await http()
    .post(`${API}/instruments`)
    .set(admin.auth)
    .send({ bodyId: tm.bodyId, code: INSTRUMENT, name: 'Panic severity (7 items)', construct: 'panic', version: '1', definition: PANIC7 })
    .expect(status(201));
  await http().post(`${API}/instruments/${instrument.body.id}/publish`).set(admin.auth).expect(status(200));
  const rubric = await http()
    .post(`${API}/rubrics`)
    .set(admin.auth)
    .send({
      ownerBodyId: tm.bodyId,
      code: RUBRIC,
      name: 'CBT competence (example)',
      modality: 'CBT',
      target: 'session',
      definition: RUBRIC_DEFINITION,
    })
    .expect(status(201));
  const rubricVersionId = rubric.body.versions[0].id;
  await http().post(`${API}/rubric-versions/${rubricVersionId}/publish`).set(admin.auth).expect(status(200));

  const s = await http()
    .post(`${API}/schemes`)
    .set(admin.auth)
    .send({ bodyId: tm.bodyId, code: `CBT-${sfx}`, name: 'CBT certification' })
    .expect(status(201));
  // a typo in an instrument code is refused when the scheme is saved, naming the path
  const typo = await http()
    .post(`${API}/schemes/${s.body.id}/versions`)
    .set(admin.auth)
    .send({ effectiveFrom: daysAgo(30), definition: scheme(`${INSTRUMENT}X`) })
    .expect(status(400));
  expect(typo.body.code).toBe('SCHEME_UNKNOWN_REFERENCE');
  expect(Object.keys(typo.body.details).join(' ')).toContain('levels.0.requirements.3.params.instruments');
  const v = await http()
    .post(`${API}/schemes/${s.body.id}/versions`)
    .set(admin.auth)
    .send({ effectiveFrom: daysAgo(30), definition: scheme(INSTRUMENT) })
    .expect(status(201));
  await http()
    .post(`${API}/scheme-versions/${v.body.id}/publish`)
    .set(admin.auth)
    .send({ allowPastEffectiveDate: true, reason: 'The CBT scheme took effect last month' })
    .expect(status(201));
  await http().post(`${API}/schemes/${s.body.id}/enrolment`).set(tm.trainee.auth).send({}).expect(status(201));
  return { ...tm, admin, taxonomyId: tax.body.id, schemeId: s.body.id, rubricVersionId };
}

/** A completed, signed-off CBT case: four sessions, the panic scale at intake and at the end, session 4 rated. */
async function cbtCase(w: World, disorder: string, scores: Record<string, number>): Promise<{ id: string; clientCode: string }> {
  const created = await http()
    .post(`${API}/cases`)
    .set(w.trainee.auth)
    .send({
      supervisorId: w.supervisor.id,
      taxonomyVersionId: w.taxonomyId,
      format: 'individual',
      adaptation: 'standard',
      ageBand: '26-40',
      setting: 'talking_therapies',
      primaryDiagnosis: 'F41.0',
      focusProblemArea: 'panic',
      attributes: { disorder },
      plannedSessions: 4,
      startDate: daysAgo(40),
      recordingConsent: true,
    })
    .expect(status(201));
  const id = created.body.id as string;
  let version = created.body.version as number;
  const phases = ['assessment', 'treatment', 'treatment', 'relapse_prevention'];
  for (let n = 1; n <= 4; n++) {
    const s = await http()
      .post(`${API}/cases/${id}/sessions`)
      .set(w.trainee.auth)
      .set('If-Match', `"${version}"`)
      .send({ number: n, date: daysAgo(35 - 7 * n), durationMinutes: 60, phase: phases[n - 1], attended: true, recorded: true })
      .expect(status(201));
    version = s.body.version ?? s.body.caseVersion;
  }
  for (const [sessionNumber, total] of [
    [0, 18],
    [4, 6],
  ]) {
    const m = await http()
      .post(`${API}/cases/${id}/measures`)
      .set(w.trainee.auth)
      .set('If-Match', `"${version}"`)
      .send({ instrument: INSTRUMENT, administeredOn: daysAgo(sessionNumber === 0 ? 35 : 7), sessionNumber, total })
      .expect(status(201));
    version = m.body.caseVersion;
  }
  const done = await http()
    .patch(`${API}/cases/${id}`)
    .set(w.trainee.auth)
    .set('If-Match', `"${version}"`)
    .send({ status: 'completed', endDate: daysAgo(7), endReason: 'Planned ending', outcome: 'Panic attacks stopped.' })
    .expect(status(200));
  await http().post(`${API}/cases/${id}/submit`).set(w.trainee.auth).expect(status(200));
  const seen = await http().get(`${API}/cases/${id}`).set(w.supervisor.auth).expect(status(200));
  await http().post(`${API}/cases/${id}/sign-off`).set(w.supervisor.auth).send({ contentHash: seen.body.contentHash }).expect(status(200));
  const last = seen.body.sessions.find((s: { number: number }) => s.number === 4);
  const rating = await http()
    .post(`${API}/ratings`)
    .set(w.supervisor.auth)
    .send({ rubricVersionId: w.rubricVersionId, targetType: 'session', targetId: last.id, scores })
    .expect(status(201));
  await http().post(`${API}/ratings/${rating.body.id}/submit`).set(w.supervisor.auth).expect(status(200));
  return { id, clientCode: done.body.clientCode };
}

const progressOf = async (w: World) =>
  (await http().get(`${API}/trainees/${w.trainee.id}/schemes/${w.schemeId}/progress`).set(w.trainee.auth).expect(status(200))).body
    .levels[0];
const rule = (level: { rules: { ruleId: string }[] }, id: string) =>
  level.rules.find((r) => r.ruleId === id) as unknown as Record<string, unknown> & { met: boolean; message: string };

describe('a non-IPT (CBT-style) scheme, end to end through the API', () => {
  it("evaluates a trainee in the body's own terms: its taxonomy, its instrument and its rubric", async () => {
    const w = await cbtBody();
    // values outside the CBT taxonomy are refused with the allowed ones named
    const wrong = await http()
      .post(`${API}/cases`)
      .set(w.trainee.auth)
      .send({
        supervisorId: w.supervisor.id,
        taxonomyVersionId: w.taxonomyId,
        format: 'individual',
        adaptation: 'adult',
        ageBand: '26-40',
        setting: 'talking_therapies',
        primaryDiagnosis: 'F41.0',
        focusProblemArea: 'grief',
        attributes: { disorder: 'panic_disorder' },
        plannedSessions: 4,
        startDate: daysAgo(40),
        recordingConsent: true,
      })
      .expect(status(400));
    expect(wrong.body.details.focusProblemArea.join(' ')).toContain('panic');
    expect(Object.keys(wrong.body.details)).toEqual(expect.arrayContaining(['focusProblemArea', 'adaptation']));

    await http()
      .post(`${API}/trainees/${w.trainee.id}/activities`)
      .set(w.trainee.auth)
      .send({
        kind: 'didactic_course',
        title: 'CBT for anxiety disorders',
        provider: 'CBT Institute',
        hours: 12,
        delivery: 'online',
        date: daysAgo(50),
      })
      .expect(status(201));
    // one case, rated below the item floor on homework setting
    const first = await cbtCase(w, 'panic_disorder', { agenda: 6, guided_discovery: 6, homework: 1 });
    let level = await progressOf(w);
    expect(level.met).toBe(false);
    expect(rule(level, 'course').met).toBe(true);
    expect(rule(level, 'cases').met).toBe(true);
    expect(rule(level, 'measures').met).toBe(true);
    expect(rule(level, 'disorders').met).toBe(false);
    expect(rule(level, 'disorders').message).toMatch(/1 of 2/);
    expect(rule(level, 'competence').met).toBe(false);
    // the failed rating is explained with its score, the pass rule and the failing item, naming the case
    expect(JSON.stringify(rule(level, 'competence'))).toContain(first.clientCode);
    expect(JSON.stringify(rule(level, 'competence'))).toMatch(/Homework setting.* 1 < 2/);

    // a second disorder, with a passing rating: every rule is met
    await cbtCase(w, 'gad', { agenda: 5, guided_discovery: 5, homework: 4 });
    level = await progressOf(w);
    expect(level.rules.filter((r: { met: boolean }) => !r.met).map((r: { ruleId: string }) => r.ruleId)).toEqual([]);
    expect(level.met).toBe(true);
    expect(level).toMatchObject({ levelCode: 'CBT-PRACT', levelName: 'CBT practitioner' });
  });
});
