import { Role } from '../src/common/roles';
import { makeAdmin, makeUser } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';
import { API, daysAgo, makeCase, session, team, type Team } from './cases-fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

interface Band {
  min: number;
  max: number;
  label: string;
}
interface Item {
  number: number;
  min: number;
  max: number;
  risk: boolean;
}
interface Instrument {
  code: string;
  name: string;
  itemCount: number;
  items: Item[];
  total: { min: number; max: number };
  bands: Band[];
  riskItems: number[];
}

const instruments = async (auth: Record<string, string>): Promise<Instrument[]> =>
  (await t.http().get(`${API}/instruments`).set(auth).expect(200)).body.items;

// Writes measures on one case, carrying the case's version as If-Match from one write to the next.
async function measureWriter(tm: Team) {
  const c = await makeCase(t, tm);
  let version = c.version;
  return async (body: object, status = 201) => {
    const res = await t
      .http()
      .post(`${API}/cases/${c.id}/measures`)
      .set(tm.trainee.auth)
      .set('If-Match', `"${version}"`)
      .send({ administeredOn: daysAgo(10), ...body })
      .expect(status);
    if (status === 201) version = res.body.caseVersion;
    return res.body;
  };
}

describe('instrument definitions (GET /instruments)', () => {
  it('lists the four scored instruments, each describing its items, total range, bands and risk items', async () => {
    const tm = await team(t);
    const list = await instruments(tm.trainee.auth);
    expect(list.map((i) => i.code)).toEqual(['BDI2', 'GAD7', 'HAMD17', 'PHQ9']);
    const phq = list.find((i) => i.code === 'PHQ9')!;
    expect(phq).toMatchObject({
      name: 'PHQ-9',
      construct: 'depression',
      loinc: '44261-6',
      itemCount: 9,
      total: { min: 0, max: 27 },
      riskItems: [9],
      casenessAt: 10,
      reliableChange: 6,
    });
    expect(phq.items[8]).toEqual({ number: 9, min: 0, max: 3, risk: true });
    expect(phq.bands.find((b) => b.min <= 12 && 12 <= b.max)?.label).toBe('moderate');
    const hamd = list.find((i) => i.code === 'HAMD17')!;
    expect(hamd.items.map((i) => i.max)).toEqual([4, 4, 4, 2, 2, 2, 4, 4, 4, 4, 4, 2, 2, 2, 4, 2, 2]);
    expect(hamd.riskItems).toEqual([3]);
    for (const ins of list) {
      expect(ins.items).toHaveLength(ins.itemCount);
      expect(ins.items.reduce((s, i) => s + i.max, 0)).toBe(ins.total.max);
      expect(ins.items.filter((i) => i.risk).map((i) => i.number)).toEqual(ins.riskItems);
      // bands are contiguous and cover exactly the total range
      expect(ins.bands[0].min).toBe(ins.total.min);
      expect(ins.bands.at(-1)!.max).toBe(ins.total.max);
      ins.bands.slice(1).forEach((b, i) => expect(b.min).toBe(ins.bands[i].max + 1));
    }
  });

  it('agrees with the scoring: a PHQ-9 total of 12 is saved in the band listed for 12, and every band edge of every instrument too', async () => {
    const tm = await team(t);
    const list = await instruments(tm.trainee.auth);
    const write = await measureWriter(tm);
    const phq = list.find((i) => i.code === 'PHQ9')!;
    expect((await write({ instrument: 'PHQ9', total: 12 })).severity).toBe(phq.bands.find((b) => b.min <= 12 && 12 <= b.max)!.label);
    for (const ins of list) {
      for (const band of ins.bands) {
        for (const total of [band.min, band.max])
          expect([ins.code, total, (await write({ instrument: ins.code, total })).severity]).toEqual([ins.code, total, band.label]);
      }
      await write({ instrument: ins.code, total: ins.total.max + 1 }, 400);
    }
  });

  it('agrees with the scoring on item ranges and risk items: every item at its maximum is accepted, one above is refused, a risk item above 0 flags', async () => {
    const tm = await team(t);
    const list = await instruments(tm.trainee.auth);
    const write = await measureWriter(tm);
    for (const ins of list) {
      const top = await write({ instrument: ins.code, items: ins.items.map((i) => i.max) });
      expect(top).toMatchObject({ total: ins.total.max, severity: ins.bands.at(-1)!.label, riskFlag: ins.riskItems.length > 0 });
      const over = await write({ instrument: ins.code, items: ins.items.map((i, n) => (n === 0 ? i.max + 1 : i.min)) }, 400);
      expect(over.details['items.0']).toEqual([`Item 1 must be between ${ins.items[0].min} and ${ins.items[0].max}`]);
      await write({ instrument: ins.code, items: ins.items.slice(1).map((i) => i.min) }, 400);
      for (const item of ins.items) {
        const only = await write({ instrument: ins.code, items: ins.items.map((i) => (i.number === item.number ? 1 : i.min)) });
        expect([ins.code, item.number, only.riskFlag]).toEqual([ins.code, item.number, item.risk]);
      }
    }
  });

  it('is readable by every signed-in role and by no one signed out', async () => {
    const tm = await team(t);
    const bodyAdmin = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: tm.bodyId }]);
    const admin = await makeAdmin(t);
    const expected = await instruments(tm.trainee.auth);
    const ofBody = async (auth: Record<string, string>) =>
      (await t.http().get(`${API}/instruments`).query({ bodyId: tm.bodyId }).set(auth).expect(200)).body.items;
    for (const who of [tm.supervisor, bodyAdmin, admin]) expect(await ofBody(who.auth)).toEqual(expected);
    await t.http().get(`${API}/instruments`).expect(401);
  });
});

// CORE-10 (Barkham et al. 2013): ten items 0–4, total 0–40, caseness 11, reliable change 6, item 6 asks about
// self-harm. A body adds it through the API alone; nothing in the service knows it.
const CORE10 = {
  items: Array.from({ length: 10 }, (_, i) => ({ min: 0, max: 4, ...(i === 5 ? { label: 'I made plans to end my life' } : {}) })),
  total: { min: 0, max: 40 },
  bands: [
    { min: 0, max: 10, label: 'healthy' },
    { min: 11, max: 14, label: 'mild' },
    { min: 15, max: 19, label: 'moderate' },
    { min: 20, max: 24, label: 'moderate_severe' },
    { min: 25, max: 40, label: 'severe' },
  ],
  casenessThreshold: 11,
  reliableChange: 6,
  riskItems: [6],
  licence: 'CORE System Trust: free to copy, not to change',
};

const schemeNaming = (instruments: string[]) => ({
  noun: 'accredited',
  phaseBoundaries: { initialLastSession: 2, terminationSessions: 2 },
  levels: [
    {
      code: 'L1',
      name: 'Level 1',
      kind: 'practitioner',
      order: 1,
      validity: { kind: 'fixed_term', months: 60 },
      renewal: {
        requirements: [{ id: 'cpd', type: 'cpd', params: { withinMonths: 60, minHours: 20 } }],
        graceDays: 90,
        reminderDaysBefore: 60,
        auditSharePercent: 5,
      },
      prerequisites: [],
      requirements: [
        {
          id: 'measures',
          type: 'outcome_measures',
          label: 'CORE-10 at intake and end',
          params: { minCases: 1, instruments, filter: { statuses: ['active'], signedOffOnly: false } },
        },
      ],
    },
  ],
});

describe('a body adds its own instrument (CORE-10) through the API and uses it in case logs and scheme rules', () => {
  async function addCore10(admin: { auth: Record<string, string> }, bodyId: string, code = 'CORE-10') {
    const res = await t
      .http()
      .post(`${API}/instruments`)
      .set(admin.auth)
      .send({ bodyId, code, name: 'CORE-10', construct: 'psychological distress', version: '1', definition: CORE10 })
      .expect(201);
    return res.body as { id: string; rowVersion: number; status: string };
  }

  it('drafts, edits (If-Match) and publishes it; a trainee records it, item 6 above 0 flags the case; a rule requiring it at intake and end counts it', async () => {
    const tm = await team(t);
    const admin = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: tm.bodyId }]);
    const draft = await addCore10(admin, tm.bodyId);
    expect(draft.status).toBe('draft');
    // a draft is the admins' only: not listed to the trainee, not usable in a measure
    expect((await instruments(tm.trainee.auth)).map((i) => i.code)).not.toContain('CORE-10');
    const c = await makeCase(t, tm, { plannedSessions: 4 });
    const early = await t
      .http()
      .post(`${API}/cases/${c.id}/measures`)
      .set(tm.trainee.auth)
      .set('If-Match', `"${c.version}"`)
      .send({ instrument: 'CORE-10', administeredOn: daysAgo(58), sessionNumber: 0, total: 20 })
      .expect(400);
    expect(early.body.code).toBe('UNKNOWN_INSTRUMENT');

    await t.http().patch(`${API}/instruments/${draft.id}`).set(admin.auth).send({ name: 'CORE-10 (x)' }).expect(428);
    const edited = await t
      .http()
      .patch(`${API}/instruments/${draft.id}`)
      .set(admin.auth)
      .set('If-Match', `"${draft.rowVersion}"`)
      .send({ construct: 'global distress' })
      .expect(200);
    await t
      .http()
      .patch(`${API}/instruments/${draft.id}`)
      .set(admin.auth)
      .set('If-Match', `"${draft.rowVersion}"`)
      .send({ construct: 'stale' })
      .expect(412);
    const published = await t.http().post(`${API}/instruments/${draft.id}/publish`).set(admin.auth).expect(200);
    expect(published.body).toMatchObject({
      status: 'published',
      construct: 'global distress',
      casenessAt: 11,
      reliableChange: 6,
      riskItems: [6],
    });
    // published is immutable
    const frozen = await t
      .http()
      .patch(`${API}/instruments/${draft.id}`)
      .set(admin.auth)
      .set('If-Match', `"${published.body.rowVersion}"`)
      .send({ name: 'changed' })
      .expect(409);
    expect(frozen.body.code).toBe('INSTRUMENT_NOT_DRAFT');
    void edited;
    const audit = await t.db.query(`SELECT action FROM audit_log WHERE entity_type = 'instrument' AND entity_id = $1 ORDER BY id`, [
      draft.id,
    ]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['instrument.create', 'instrument.update', 'instrument.publish']);

    const listed = (await instruments(tm.trainee.auth)).find((i) => i.code === 'CORE-10')!;
    expect(listed).toMatchObject({ itemCount: 10, total: { min: 0, max: 40 }, riskItems: [6] });

    // the case: 4 sessions, CORE-10 at intake (session 0) and at the end (session 4)
    let version = c.version;
    const post = async (path: string, body: object, status = 201) => {
      const res = await t
        .http()
        .post(`${API}/cases/${c.id}/${path}`)
        .set(tm.trainee.auth)
        .set('If-Match', `"${version}"`)
        .send(body)
        .expect(status);
      if (status === 201) version = res.body.caseVersion ?? res.body.version;
      return res.body;
    };
    for (let n = 1; n <= 4; n++) await post('sessions', session(n, daysAgo(58 - n * 7), n <= 2 ? 'initial' : 'termination'));
    const bad = await post(
      'measures',
      { instrument: 'CORE-10', administeredOn: daysAgo(58), sessionNumber: 0, items: [0, 0, 5, 0, 0, 0, 0, 0, 0, 0] },
      400,
    );
    expect(bad.details).toEqual({ 'items.2': ['Item 3 must be between 0 and 4'] });
    const intake = await post('measures', {
      instrument: 'CORE-10',
      administeredOn: daysAgo(58),
      sessionNumber: 0,
      items: [2, 2, 2, 2, 2, 0, 2, 2, 2, 2],
    });
    expect(intake).toMatchObject({ total: 18, severity: 'moderate', riskFlag: false, riskFlaggedAt: null });
    const end = await post('measures', {
      instrument: 'CORE-10',
      administeredOn: daysAgo(30),
      sessionNumber: 4,
      items: [1, 1, 1, 0, 0, 1, 0, 0, 1, 1],
    });
    expect(end).toMatchObject({ total: 6, severity: 'healthy', riskFlag: true });
    expect(end.riskFlaggedAt).not.toBeNull();
    const flag = await t.http().get(`${API}/cases/${c.id}/risk-flag`).set(tm.supervisor.auth).expect(200);
    expect(flag.body.riskFlaggedAt).not.toBeNull();

    const measures = await t.http().get(`${API}/cases/${c.id}/measures`).set(tm.supervisor.auth).expect(200);
    expect(measures.body.change).toEqual([
      expect.objectContaining({
        instrument: 'CORE-10',
        change: -12,
        caseAtIntake: true,
        caseNow: false,
        reliablyImproved: true,
        reliablyRecovered: true,
      }),
    ]);

    // a scheme of the body requiring CORE-10 at intake and end counts the case
    const scheme = await t
      .http()
      .post(`${API}/schemes`)
      .set(admin.auth)
      .send({ bodyId: tm.bodyId, code: `S-${Date.now()}`, name: 'CORE' })
      .expect(201);
    const sv = await t
      .http()
      .post(`${API}/schemes/${scheme.body.id}/versions`)
      .set(admin.auth)
      .send({ effectiveFrom: daysAgo(90), definition: schemeNaming(['CORE-10']) });
    expect([sv.status, sv.body.details]).toEqual([201, undefined]);
    await t
      .http()
      .post(`${API}/scheme-versions/${sv.body.id}/publish`)
      .set(admin.auth)
      .send({ allowPastEffectiveDate: true, reason: 'Test scheme in force from a past date' })
      .expect(201);
    await t.http().post(`${API}/schemes/${scheme.body.id}/enrolment`).set(tm.trainee.auth).send({}).expect(201);
    const progress = await t
      .http()
      .get(`${API}/trainees/${tm.trainee.id}/schemes/${scheme.body.id}/progress`)
      .set(tm.trainee.auth)
      .expect(200);
    const rule = progress.body.levels[0].rules.find((r: { ruleId: string }) => r.ruleId === 'measures');
    expect(rule).toMatchObject({ met: true, reached: 1, message: '1 of 1 cases have CORE-10 at the required points' });
    expect(rule.evidence).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'measure', id: intake.id }),
        expect.objectContaining({ kind: 'measure', id: end.id }),
      ]),
    );
  });

  it("keeps a body's instrument to that body: another body's trainee cannot record it, its admin cannot see or edit it", async () => {
    const mine = await team(t);
    const other = await team(t);
    const admin = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: mine.bodyId }]);
    const otherAdmin = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: other.bodyId }]);
    const draft = await addCore10(admin, mine.bodyId, 'CORE-10-X');
    await t.http().get(`${API}/instruments/${draft.id}`).set(otherAdmin.auth).expect(404);
    await t.http().post(`${API}/instruments/${draft.id}/publish`).set(otherAdmin.auth).expect(404);
    await t.http().post(`${API}/instruments/${draft.id}/publish`).set(admin.auth).expect(200);
    await t.http().get(`${API}/instruments/${draft.id}`).set(other.trainee.auth).expect(404);
    const forbidden = await t
      .http()
      .post(`${API}/instruments`)
      .set(otherAdmin.auth)
      .send({ bodyId: mine.bodyId, code: 'CORE-10-Y', name: 'x', construct: 'x', version: '1', definition: CORE10 })
      .expect(403);
    void forbidden;
    const c = await makeCase(t, other);
    const res = await t
      .http()
      .post(`${API}/cases/${c.id}/measures`)
      .set(other.trainee.auth)
      .set('If-Match', `"${c.version}"`)
      .send({ instrument: 'CORE-10-X', administeredOn: daysAgo(10), sessionNumber: 0, total: 12 })
      .expect(400);
    expect(res.body).toMatchObject({ code: 'UNKNOWN_INSTRUMENT', details: { instrument: [expect.stringContaining('CORE-10-X')] } });
    // other bodies may use the same code for their own instrument; a code that repeats a global one is refused
    await addCore10(otherAdmin, other.bodyId, 'CORE-10-X');
    const clash = await t
      .http()
      .post(`${API}/instruments`)
      .set(admin.auth)
      .send({ bodyId: mine.bodyId, code: 'PHQ9', name: 'x', construct: 'x', version: '1', definition: CORE10 })
      .expect(409);
    expect(clash.body.code).toBe('INSTRUMENT_CODE_TAKEN');
  });

  it('refuses an invalid definition naming each problem, and writes nothing', async () => {
    const tm = await team(t);
    const admin = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: tm.bodyId }]);
    const before = await t.db.query(`SELECT count(*)::int AS n FROM instruments`);
    const res = await t
      .http()
      .post(`${API}/instruments`)
      .set(admin.auth)
      .send({
        bodyId: tm.bodyId,
        code: 'BROKEN',
        name: 'Broken',
        construct: 'x',
        version: '1',
        definition: { ...CORE10, total: { min: 0, max: 30 }, riskItems: [12] },
      })
      .expect(400);
    expect(res.body).toMatchObject({
      code: 'INVALID_INSTRUMENT_DEFINITION',
      details: {
        'definition.total': ['total must be 0–40: the total is the sum of the items'],
        'definition.riskItems': ['riskItems must be item numbers 1–10'],
      },
    });
    expect((await t.db.query(`SELECT count(*)::int AS n FROM instruments`))[0].n).toBe(before[0].n);
  });
});
