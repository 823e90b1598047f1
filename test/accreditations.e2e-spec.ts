import { AccreditationExpiryService } from '../src/accreditations/accreditation-expiry.service';
import { Role } from '../src/common/roles';
import { API, daysAgo, team, type Team } from './cases-fixtures';
import { decodePart } from './credentials-fixtures';
import { type Fetch, statusBit } from './ob3-verifier';
import { countRows, makeBody, makeUser, type TestUser } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

// A national scheme defined only here: an annual level with a CPD declaration and a five-year fixed-term level.
const SCHEME = {
  noun: 'accredited',
  phaseBoundaries: { initialLastSession: 3, terminationSessions: 3 },
  groupCredit: { kind: 'full' },
  levels: [
    {
      code: 'BASIC',
      name: 'Basic IPT Therapist',
      kind: 'practitioner',
      order: 1,
      validity: { kind: 'annual' },
      renewal: {
        requirements: [{ id: 'cpd-log', type: 'cpd', params: { withinMonths: 12, minHours: 10 } }],
        graceDays: 30,
        reminderDaysBefore: 30,
        auditSharePercent: 50,
      },
      prerequisites: [],
      requirements: [{ id: 'course', type: 'learning_hours', params: { kinds: ['didactic_course'], minHours: 16, verifiedOnly: false } }],
    },
    {
      code: 'SUPERVISOR',
      name: 'IPT Supervisor',
      kind: 'supervisor',
      order: 2,
      validity: { kind: 'fixed_term', months: 60 },
      renewal: { requirements: [], graceDays: 0, reminderDaysBefore: 90, auditSharePercent: 0 },
      prerequisites: [],
      requirements: [],
    },
  ],
};

interface World extends Team {
  admin: TestUser;
  schemeId: string;
}

async function world(): Promise<World> {
  const tm = await team(t);
  const admin = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: tm.bodyId }]);
  const scheme = await t
    .http()
    .post(`${API}/schemes`)
    .set(admin.auth)
    .send({ bodyId: tm.bodyId, code: `UK-${Date.now()}`, name: 'UK-style scheme' })
    .expect(201);
  const draft = await t
    .http()
    .post(`${API}/schemes/${scheme.body.id}/versions`)
    .set(admin.auth)
    .send({ effectiveFrom: daysAgo(10), definition: SCHEME })
    .expect(201);
  await t
    .http()
    .post(`${API}/scheme-versions/${draft.body.id}/publish`)
    .set(admin.auth)
    .send({ allowPastEffectiveDate: true, reason: 'Test scheme in force from a past date' })
    .expect(201);
  return { ...tm, admin, schemeId: scheme.body.id };
}

/** An accreditation issued through the real flow (apply → approve with an override). */
async function issue(
  w: World,
  holder: TestUser = w.trainee,
  levelCode = 'BASIC',
): Promise<{ id: string; expiresOn: string | null; credentialJws: string }> {
  const app = await t.http().post(`${API}/applications`).set(holder.auth).send({ schemeId: w.schemeId, levelCode }).expect(201);
  const res = await t
    .http()
    .post(`${API}/applications/${app.body.id}/approve`)
    .set(w.admin.auth)
    .send({ overrideReason: 'Course taken abroad' })
    .expect(200);
  return res.body.accreditation;
}

const setExpiry = (id: string, date: string) => t.db.query('UPDATE accreditations SET expires_on = $2 WHERE id = $1', [id, date]);
const inDays = (n: number) => daysAgo(-n);
const cpd = (holder: TestUser, hours: number) =>
  t
    .http()
    .post(`${API}/trainees/${holder.id}/activities`)
    .set(holder.auth)
    .send({ kind: 'cpd', title: 'CPD workshop', provider: 'Institute', hours, delivery: 'online', date: daysAgo(5) })
    .expect(201);
const auditRows = () => countRows(t, 'audit_log');
const addMonthsIso = (date: string, months: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
};

describe('status changes by the body', () => {
  it('suspends, reinstates and revokes with reasons in the history; revoked is final', async () => {
    const w = await world();
    const acc = await issue(w);
    const audits = await auditRows();
    const s = await t
      .http()
      .post(`${API}/accreditations/${acc.id}/suspend`)
      .set(w.admin.auth)
      .send({ reason: 'Complaint under review' })
      .expect(200);
    expect(s.body.status).toBe('suspended');
    expect(
      (await t.http().post(`${API}/accreditations/${acc.id}/suspend`).set(w.admin.auth).send({ reason: 'again' }).expect(409)).body.code,
    ).toBe('INVALID_STATUS_CHANGE');
    await t.http().post(`${API}/accreditations/${acc.id}/reinstate`).set(w.admin.auth).send({ reason: 'Complaint dismissed' }).expect(200);
    await t
      .http()
      .post(`${API}/accreditations/${acc.id}/revoke`)
      .set(w.admin.auth)
      .send({ reason: 'Practising outside scope' })
      .expect(200);
    expect(
      (await t.http().post(`${API}/accreditations/${acc.id}/reinstate`).set(w.admin.auth).send({ reason: 'mistake' }).expect(409)).body
        .code,
    ).toBe('ACCREDITATION_REVOKED');
    expect(await auditRows()).toBe(audits + 3);

    const detail = await t.http().get(`${API}/accreditations/${acc.id}`).set(w.trainee.auth).expect(200);
    expect(detail.body.status).toBe('revoked');
    expect(
      detail.body.events.map((e: { kind: string; fromStatus: string | null; toStatus: string; reason: string | null }) => [
        e.kind,
        e.fromStatus,
        e.toStatus,
        e.reason,
      ]),
    ).toEqual([
      ['issued', null, 'active', null],
      ['suspended', 'active', 'suspended', 'Complaint under review'],
      ['reinstated', 'suspended', 'active', 'Complaint dismissed'],
      ['revoked', 'active', 'revoked', 'Practising outside scope'],
    ]);
    const actions: { action: string; actor_role: string }[] = await t.db.query(
      `SELECT action, actor_role FROM audit_log WHERE entity_id = $1 ORDER BY occurred_at`,
      [acc.id],
    );
    expect(actions.map((a) => a.action)).toEqual(['accreditation.suspend', 'accreditation.reinstate', 'accreditation.revoke']);
    // revoked cannot be renewed
    expect(
      (await t.http().post(`${API}/accreditations/${acc.id}/renew`).set(w.trainee.auth).send({ declaration: true }).expect(409)).body.code,
    ).toBe('NOT_RENEWABLE');
  });

  it("requires a reason, refuses other bodies' admins (404) and holders (403), and writes nothing then", async () => {
    const w = await world();
    const acc = await issue(w);
    const foreign = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: (await makeBody(t)).id }]);
    const audits = await auditRows();
    const bad = await t
      .http()
      .post(`${API}/accreditations/${acc.id}/suspend`)
      .set(w.admin.auth)
      .send({ reason: '', extra: true })
      .expect(400);
    expect(Object.keys(bad.body.details).sort()).toEqual(['extra', 'reason']);
    expect(
      (await t.http().post(`${API}/accreditations/${acc.id}/suspend`).set(foreign.auth).send({ reason: 'x' }).expect(404)).body.code,
    ).toBe('ACCREDITATION_NOT_FOUND');
    await t.http().get(`${API}/accreditations/${acc.id}`).set(foreign.auth).expect(404);
    await t.http().post(`${API}/accreditations/${acc.id}/suspend`).set(w.trainee.auth).send({ reason: 'x' }).expect(403);
    expect(await auditRows()).toBe(audits);
    const [row] = await t.db.query('SELECT status FROM accreditations WHERE id = $1', [acc.id]);
    expect(row.status).toBe('active');
  });

  it("lists the holder's own and the body's, with filters", async () => {
    const w = await world();
    const a = await issue(w);
    const other = await makeUser(t, [{ role: Role.Trainee, bodyId: w.bodyId }]);
    const b = await issue(w, other, 'SUPERVISOR');
    const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((i) => i.id);
    expect(ids(await t.http().get(`${API}/accreditations`).set(w.trainee.auth).expect(200))).toEqual([a.id]);
    expect(ids(await t.http().get(`${API}/accreditations`).query({ bodyId: w.bodyId }).set(w.admin.auth).expect(200))).toEqual([
      b.id,
      a.id,
    ]);
    expect(
      ids(await t.http().get(`${API}/accreditations`).query({ bodyId: w.bodyId, levelCode: 'SUPERVISOR' }).set(w.admin.auth).expect(200)),
    ).toEqual([b.id]);
    expect(
      ids(
        await t
          .http()
          .get(`${API}/accreditations`)
          .query({ bodyId: w.bodyId, expiringBefore: inDays(400) })
          .set(w.admin.auth)
          .expect(200),
      ),
    ).toEqual([a.id]);
    await t.http().get(`${API}/accreditations/${b.id}`).set(w.trainee.auth).expect(404);
  });
});

describe('renewal by the holder', () => {
  it('opens in the reminder window; unmet renewal rules answer 422 per rule; met extends by a year and re-signs', async () => {
    const w = await world();
    const acc = await issue(w);
    expect(
      (await t.http().post(`${API}/accreditations/${acc.id}/renew`).set(w.trainee.auth).send({ declaration: true }).expect(409)).body.code,
    ).toBe('RENEWAL_NOT_OPEN');
    const expiry = inDays(10);
    await setExpiry(acc.id, expiry);
    await t.http().post(`${API}/accreditations/${acc.id}/renew`).set(w.trainee.auth).send({ declaration: false }).expect(400);
    await t.http().post(`${API}/accreditations/${acc.id}/renew`).set(w.admin.auth).send({ declaration: true }).expect(404);

    const audits = await auditRows();
    const unmet = await t.http().post(`${API}/accreditations/${acc.id}/renew`).set(w.trainee.auth).send({ declaration: true }).expect(422);
    expect(unmet.body).toMatchObject({
      code: 'RENEWAL_RULES_UNMET',
      details: { 'rules.cpd-log': [expect.stringMatching(/^not met: 0 of 10 h in the last 12 months/)] },
    });
    expect(await auditRows()).toBe(audits);

    await cpd(w.trainee, 10);
    const beforeRenewal = await auditRows();
    const renewed = await t
      .http()
      .post(`${API}/accreditations/${acc.id}/renew`)
      .set(w.trainee.auth)
      .send({ declaration: true, note: 'CPD log attached' })
      .expect(200);
    expect(renewed.body).toMatchObject({
      status: 'active',
      expiresOn: addMonthsIso(expiry, 12),
      evaluation: expect.objectContaining({ met: true }),
    });
    expect(renewed.body.credentialJws).not.toBe(acc.credentialJws);
    expect(renewed.body.events.at(-1)).toMatchObject({
      kind: 'renewed',
      reason: 'Declaration made: CPD log attached',
      actorId: w.trainee.id,
    });
    const [audit] = await t.db.query(`SELECT action, changes FROM audit_log WHERE entity_id = $1 AND action = 'accreditation.renew'`, [
      acc.id,
    ]);
    expect(audit.changes.expiresOn).toEqual({ from: expiry, to: addMonthsIso(expiry, 12) });
    expect(await auditRows()).toBe(beforeRenewal + 1);
  });

  it('stays renewable in the grace period, not after it', async () => {
    const w = await world();
    const acc = await issue(w);
    await cpd(w.trainee, 12);
    await setExpiry(acc.id, daysAgo(31));
    expect(
      (await t.http().post(`${API}/accreditations/${acc.id}/renew`).set(w.trainee.auth).send({ declaration: true }).expect(409)).body.code,
    ).toBe('RENEWAL_WINDOW_CLOSED');
    await setExpiry(acc.id, daysAgo(29));
    const ok = await t.http().post(`${API}/accreditations/${acc.id}/renew`).set(w.trainee.auth).send({ declaration: true }).expect(200);
    expect(ok.body.expiresOn).toBe(addMonthsIso(daysAgo(29), 12));
  });

  it('lists renewals due to the body: reminder date passed, still active', async () => {
    const w = await world();
    const due = await issue(w);
    const other = await makeUser(t, [{ role: Role.Trainee, bodyId: w.bodyId }]);
    const notYet = await issue(w, other);
    await setExpiry(due.id, inDays(20));
    await setExpiry(notYet.id, inDays(60));
    const res = await t.http().get(`${API}/accreditations/renewals-due`).query({ bodyId: w.bodyId }).set(w.admin.auth).expect(200);
    expect(res.body.map((r: { id: string }) => r.id)).toEqual([due.id]);
    expect(res.body[0]).toMatchObject({ reminderDueOn: daysAgo(10), renewableUntil: inDays(50) });
    const wider = await t
      .http()
      .get(`${API}/accreditations/renewals-due`)
      .query({ bodyId: w.bodyId, withinDays: 90 })
      .set(w.admin.auth)
      .expect(200);
    expect(wider.body.map((r: { id: string }) => r.id)).toEqual([due.id, notYet.id]);
    const foreign = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: (await makeBody(t)).id }]);
    await t.http().get(`${API}/accreditations/renewals-due`).query({ bodyId: w.bodyId }).set(foreign.auth).expect(404);
    await t.http().get(`${API}/accreditations/renewals-due`).query({ bodyId: w.bodyId }).set(w.trainee.auth).expect(403);

    // the body's pipeline counts the same accreditations by window, and people by level
    const pipeline = await t.http().get(`${API}/bodies/${w.bodyId}/pipeline`).set(w.admin.auth).expect(200);
    expect(pipeline.body.renewalsDue).toEqual([
      { window: 'overdue', count: 0 },
      { window: 'within_30_days', count: 1 },
      { window: 'within_60_days', count: 1 },
      { window: 'within_90_days', count: 0 },
    ]);
    expect(pipeline.body.levels.reduce((n: number, l: { active: number }) => n + l.active, 0)).toBe(2);
    await t.http().get(`${API}/bodies/${w.bodyId}/pipeline`).set(foreign.auth).expect(404);
    await t.http().get(`${API}/bodies/${w.bodyId}/pipeline`).set(w.trainee.auth).expect(403);
  });
});

describe('lapse and expiry processing', () => {
  it('lapses an overdue annual one and expires an overdue fixed-term one, once, with one audit row per request', async () => {
    const w = await world();
    const annual = await issue(w);
    const other = await makeUser(t, [{ role: Role.Trainee, bodyId: w.bodyId }]);
    const fixed = await issue(w, other, 'SUPERVISOR');
    const inGrace = await issue(w, await makeUser(t, [{ role: Role.Trainee, bodyId: w.bodyId }]));
    await setExpiry(annual.id, daysAgo(31));
    await setExpiry(fixed.id, daysAgo(1));
    await setExpiry(inGrace.id, daysAgo(30));

    const audits = await auditRows();
    const res = await t.http().post(`${API}/accreditations/process-expiries`).query({ bodyId: w.bodyId }).set(w.admin.auth).expect(200);
    expect(res.body.changed).toBe(2);
    expect(res.body.changes).toEqual(
      expect.arrayContaining([
        { accreditationId: annual.id, toStatus: 'lapsed' },
        { accreditationId: fixed.id, toStatus: 'expired' },
      ]),
    );
    expect(await auditRows()).toBe(audits + 1);
    const [audit] = await t.db.query(
      `SELECT changes FROM audit_log WHERE action = 'accreditation.process_expiries' ORDER BY occurred_at DESC LIMIT 1`,
    );
    expect(audit.changes.count).toBe(2);
    const statuses: { id: string; status: string }[] = await t.db.query(
      'SELECT id, status FROM accreditations WHERE id = ANY($1::uuid[])',
      [[annual.id, fixed.id, inGrace.id]],
    );
    expect(Object.fromEntries(statuses.map((s) => [s.id, s.status]))).toEqual({
      [annual.id]: 'lapsed',
      [fixed.id]: 'expired',
      [inGrace.id]: 'active',
    });
    const events = await t.db.query(
      `SELECT kind, from_status, to_status FROM accreditation_events WHERE accreditation_id = $1 AND kind <> 'issued'`,
      [annual.id],
    );
    expect(events).toEqual([{ kind: 'lapsed', from_status: 'active', to_status: 'lapsed' }]);

    // idempotent: a second run changes nothing and adds no event
    const again = await t.http().post(`${API}/accreditations/process-expiries`).query({ bodyId: w.bodyId }).set(w.admin.auth).expect(200);
    expect(again.body.changed).toBe(0);
    expect(
      await t.db.query(`SELECT 1 FROM accreditation_events WHERE accreditation_id = $1 AND kind = 'lapsed'`, [annual.id]),
    ).toHaveLength(1);
    // a lapsed one cannot be renewed by the holder
    expect(
      (await t.http().post(`${API}/accreditations/${annual.id}/renew`).set(w.trainee.auth).send({ declaration: true }).expect(409)).body
        .code,
    ).toBe('NOT_RENEWABLE');
    // a body admin must name a body; another body's admin cannot sweep this one
    await t.http().post(`${API}/accreditations/process-expiries`).set(w.admin.auth).expect(400);
    const foreign = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: (await makeBody(t)).id }]);
    await t.http().post(`${API}/accreditations/process-expiries`).query({ bodyId: w.bodyId }).set(foreign.auth).expect(404);
  });
});

describe('the in-process sweep', () => {
  it('lapses overdue ones as SYSTEM with one audit row, and writes nothing when there is nothing to do', async () => {
    const w = await world();
    const acc = await issue(w);
    await setExpiry(acc.id, daysAgo(40));
    const sweeper = t.app.get(AccreditationExpiryService);
    const audits = await auditRows();
    await sweeper['periodicSweep']();
    const [row] = await t.db.query('SELECT status FROM accreditations WHERE id = $1', [acc.id]);
    expect(row.status).toBe('lapsed');
    expect(await auditRows()).toBe(audits + 1);
    const [audit] = await t.db.query(`SELECT actor_id, actor_role, changes FROM audit_log ORDER BY occurred_at DESC LIMIT 1`);
    expect(audit).toMatchObject({ actor_id: null, actor_role: 'SYSTEM', changes: { accreditationIds: expect.arrayContaining([acc.id]) } });
    await sweeper['periodicSweep']();
    expect(await auditRows()).toBe(audits + 1);
  });
});

describe('leave of absence', () => {
  it("moves the expiry on by the leave's length in days", async () => {
    const w = await world();
    const acc = await issue(w);
    await setExpiry(acc.id, '2030-01-31');
    const bad = await t
      .http()
      .post(`${API}/accreditations/${acc.id}/leave`)
      .set(w.admin.auth)
      .send({ from: '2026-03-10', to: '2026-03-01', reason: 'Parental leave' })
      .expect(400);
    expect(bad.body.details).toHaveProperty('to');
    await t
      .http()
      .post(`${API}/accreditations/${acc.id}/leave`)
      .set(w.admin.auth)
      .send({ from: '2026-13-01', to: '2026-03-01', reason: 'x' })
      .expect(400);
    const res = await t
      .http()
      .post(`${API}/accreditations/${acc.id}/leave`)
      .set(w.admin.auth)
      .send({ from: '2026-03-01', to: '2026-03-10', reason: 'Parental leave' })
      .expect(200);
    expect(res.body.expiresOn).toBe('2030-02-10');
    expect(res.body.events.at(-1)).toMatchObject({
      kind: 'leave_of_absence',
      fromStatus: 'active',
      toStatus: 'active',
      reason: expect.stringContaining('(10 days): Parental leave'),
    });
    await t
      .http()
      .post(`${API}/accreditations/${acc.id}/leave`)
      .set(w.trainee.auth)
      .send({ from: '2026-03-01', to: '2026-03-10', reason: 'self-granted' })
      .expect(403);
  });
});

describe('random audit of renewals', () => {
  it("selects the share of the window's renewals, rounded up, never twice", async () => {
    const w = await world();
    const holders = [w.trainee, ...(await Promise.all([1, 2].map(() => makeUser(t, [{ role: Role.Trainee, bodyId: w.bodyId }]))))];
    const renewedIds: string[] = [];
    for (const h of holders) {
      const acc = await issue(w, h);
      await setExpiry(acc.id, inDays(5));
      await cpd(h, 10);
      await t.http().post(`${API}/accreditations/${acc.id}/renew`).set(h.auth).send({ declaration: true }).expect(200);
      renewedIds.push(acc.id);
    }
    const audits = await auditRows();
    // default share: the level's auditSharePercent (50 %) of 3 renewals → 2
    const first = await t.http().post(`${API}/bodies/${w.bodyId}/renewal-audits`).set(w.admin.auth).send({}).expect(201);
    expect(first.body.eligible).toBe(3);
    expect(first.body.selected).toHaveLength(2);
    expect(renewedIds).toEqual(expect.arrayContaining(first.body.selected.map((s: { accreditationId: string }) => s.accreditationId)));
    expect(await auditRows()).toBe(audits + 1);

    // the one left is the only one eligible now; 10 % of 1 rounds up to 1
    const second = await t.http().post(`${API}/bodies/${w.bodyId}/renewal-audits`).set(w.admin.auth).send({ sharePercent: 10 }).expect(201);
    expect(second.body.eligible).toBe(1);
    expect(second.body.selected).toHaveLength(1);
    const all = new Set([...first.body.selected, ...second.body.selected].map((s: { accreditationId: string }) => s.accreditationId));
    expect(all).toEqual(new Set(renewedIds));
    const third = await t.http().post(`${API}/bodies/${w.bodyId}/renewal-audits`).set(w.admin.auth).send({ sharePercent: 100 }).expect(201);
    expect(third.body).toEqual({ eligible: 0, selected: [] });

    const list = await t.http().get(`${API}/bodies/${w.bodyId}/renewal-audits`).set(w.admin.auth).expect(200);
    expect(list.body.items).toHaveLength(3);
    expect(
      await t.db.query(`SELECT 1 FROM accreditation_events WHERE kind = 'audit_selected' AND accreditation_id = ANY($1::uuid[])`, [
        renewedIds,
      ]),
    ).toHaveLength(3);

    // each sampled holder comes with what they must show (the level's renewal requirements), no outcome yet
    for (const item of list.body.items) {
      expect(item.mustShow.length).toBeGreaterThan(0);
      expect(item).toMatchObject({ outcome: null, outcomeReason: null, auditedAt: null, auditedByName: null });
    }

    // the body records what each audit found: passed; failed needs a reason; once per selection
    const [a1, a2] = list.body.items as { id: string; accreditationId: string }[];
    const outcome = (id: string) => `${API}/bodies/${w.bodyId}/renewal-audits/${id}/outcome`;
    const passed = await t.http().post(outcome(a1.id)).set(w.admin.auth).send({ outcome: 'passed' }).expect(200);
    expect(passed.body).toMatchObject({ id: a1.id, outcome: 'passed', outcomeReason: null, auditedByName: expect.any(String) });
    expect(Date.parse(passed.body.auditedAt)).toBeGreaterThan(0);
    const again = await t.http().post(outcome(a1.id)).set(w.admin.auth).send({ outcome: 'failed', reason: 'second thoughts' }).expect(409);
    expect(again.body.code).toBe('AUDIT_OUTCOME_RECORDED');
    const noReason = await t.http().post(outcome(a2.id)).set(w.admin.auth).send({ outcome: 'failed' }).expect(400);
    expect(Object.keys(noReason.body.details)).toEqual(['reason']);
    await t.http().post(outcome(a2.id)).set(w.admin.auth).send({ outcome: 'maybe' }).expect(400);
    const failed = await t
      .http()
      .post(outcome(a2.id))
      .set(w.admin.auth)
      .send({ outcome: 'failed', reason: 'No CPD certificates for the hours declared' })
      .expect(200);
    expect(failed.body).toMatchObject({ outcome: 'failed', outcomeReason: 'No CPD certificates for the hours declared' });
    const after = await t.http().get(`${API}/bodies/${w.bodyId}/renewal-audits`).set(w.admin.auth).expect(200);
    const byId = new Map(after.body.items.map((i: { id: string; outcome: string | null }) => [i.id, i.outcome]));
    expect([byId.get(a1.id), byId.get(a2.id)]).toEqual(['passed', 'failed']);
    expect(after.body.items.filter((i: { outcome: string | null }) => i.outcome === null)).toHaveLength(1);
    // the outcome is in the accreditation's history, the status unchanged
    const hist = await t.http().get(`${API}/accreditations/${a2.accreditationId}`).set(w.admin.auth).expect(200);
    expect(hist.body.events.at(-1)).toMatchObject({ kind: 'audit_failed', reason: 'No CPD certificates for the hours declared' });
    await t.http().post(outcome('00000000-0000-4000-8000-000000000000')).set(w.admin.auth).send({ outcome: 'passed' }).expect(404);

    await t.http().post(`${API}/bodies/${w.bodyId}/renewal-audits`).set(w.admin.auth).send({ sharePercent: 101 }).expect(400);
    const foreign = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: (await makeBody(t)).id }]);
    await t.http().post(`${API}/bodies/${w.bodyId}/renewal-audits`).set(foreign.auth).send({}).expect(404);
    await t.http().get(`${API}/bodies/${w.bodyId}/renewal-audits`).set(foreign.auth).expect(404);
    await t.http().post(outcome(a1.id)).set(foreign.auth).send({ outcome: 'passed' }).expect(404);
  });
});

describe('restoring a lapsed accreditation', () => {
  // the public status lists, read from this service whatever origin the credential names
  const fetchHere: Fetch = async (url) => {
    const res = await t
      .http()
      .get(new URL(url).pathname)
      .buffer(true)
      .parse((r, cb) => {
        let text = '';
        r.setEncoding('utf8');
        r.on('data', (c: string) => (text += c));
        r.on('end', () => cb(null, text));
      });
    return { status: res.status, text: res.body as string, headers: res.headers as Record<string, string> };
  };
  const bits = async (jws: string) => {
    const entry = decodePart(jws, 1).credentialStatus as Record<string, string>;
    return [await statusBit(entry, fetchHere), await statusBit(entry, fetchHere, 'revocation')];
  };

  async function lapsed(w: World, expiredDaysAgo: number) {
    const acc = await issue(w, await makeUser(t, [{ role: Role.Trainee, bodyId: w.bodyId }]));
    await setExpiry(acc.id, daysAgo(expiredDaysAgo));
    await t.http().post(`${API}/accreditations/process-expiries`).query({ bodyId: w.bodyId }).set(w.admin.auth).expect(200);
    const got = await t.http().get(`${API}/accreditations/${acc.id}`).set(w.admin.auth).expect(200);
    expect(got.body.status).toBe('lapsed');
    return { id: acc.id, etag: got.headers.etag as string, credentialJws: got.body.credentialJws as string };
  }

  it('a body admin restores it for the cycle after its old expiry, with If-Match, the event, one audit row and a re-signed credential', async () => {
    const w = await world();
    const acc = await lapsed(w, 40);
    const restore = () => t.http().post(`${API}/accreditations/${acc.id}/restore`).set(w.admin.auth);
    expect((await restore().send({ reason: 'Declaration was posted in time' }).expect(428)).body.code).toBe('PRECONDITION_REQUIRED');
    await restore().set('If-Match', '"999"').send({ reason: 'Declaration was posted in time' }).expect(412);
    await restore().set('If-Match', acc.etag).send({ reason: '' }).expect(400);

    const audits = await auditRows();
    expect(await bits(acc.credentialJws)).toEqual([1, 0]);
    const res = await restore().set('If-Match', acc.etag).send({ reason: 'Declaration was posted in time' }).expect(200);
    // the bit follows the status: the old and the re-signed credential share the index, now clear
    expect(await bits(acc.credentialJws)).toEqual([0, 0]);
    expect(await bits(res.body.credentialJws)).toEqual([0, 0]);
    expect(res.body).toMatchObject({ id: acc.id, status: 'active', expiresOn: addMonthsIso(daysAgo(40), 12) });
    expect(res.headers.etag).toBe(`"${res.body.version}"`);
    expect(res.body.credentialJws).not.toBe(acc.credentialJws);
    expect(res.body.events.at(-1)).toMatchObject({
      kind: 'restored',
      fromStatus: 'lapsed',
      toStatus: 'active',
      reason: 'Declaration was posted in time',
      actorId: w.admin.id,
    });
    expect(await auditRows()).toBe(audits + 1);
    const [audit] = await t.db.query(`SELECT changes FROM audit_log WHERE entity_id = $1 AND action = 'accreditation.restore'`, [acc.id]);
    expect(audit.changes).toMatchObject({
      status: { from: 'lapsed', to: 'active' },
      expiresOn: { from: daysAgo(40), to: addMonthsIso(daysAgo(40), 12) },
    });

    // active now: restoring again is refused, and the holder can renew it in its new cycle's window as usual
    const again = await restore().set('If-Match', res.headers.etag).send({ reason: 'again' }).expect(409);
    expect(again.body.code).toBe('INVALID_STATUS_CHANGE');
    // the holder is told, in the same transaction (the outbox), without the reason
    const told = await t.db.query(
      `SELECT n.kind, n.body_text FROM notifications n JOIN accreditations a ON a.holder_id = n.recipient_id WHERE a.id = $1 AND n.kind = 'accreditation.restored'`,
      [acc.id],
    );
    expect(told).toHaveLength(1);
    expect(told[0].body_text).not.toContain('Declaration was posted in time');
  });

  it("is refused once the cycle it would restore into is over, for a suspended one, and outside the admin's body", async () => {
    const w = await world();
    const old = await lapsed(w, 400);
    const late = await t
      .http()
      .post(`${API}/accreditations/${old.id}/restore`)
      .set(w.admin.auth)
      .set('If-Match', old.etag)
      .send({ reason: 'Late' })
      .expect(409);
    expect(late.body.code).toBe('RESTORE_WINDOW_CLOSED');

    const acc = await lapsed(w, 40);
    const foreign = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: (await makeBody(t)).id }]);
    expect(
      (
        await t
          .http()
          .post(`${API}/accreditations/${acc.id}/restore`)
          .set(foreign.auth)
          .set('If-Match', acc.etag)
          .send({ reason: 'x' })
          .expect(404)
      ).body.code,
    ).toBe('ACCREDITATION_NOT_FOUND');
    await t
      .http()
      .post(`${API}/accreditations/${acc.id}/restore`)
      .set(w.trainee.auth)
      .set('If-Match', acc.etag)
      .send({ reason: 'x' })
      .expect(403);

    const active = await issue(w, await makeUser(t, [{ role: Role.Trainee, bodyId: w.bodyId }]));
    const s = await t.http().post(`${API}/accreditations/${active.id}/suspend`).set(w.admin.auth).send({ reason: 'Complaint' }).expect(200);
    const refused = await t
      .http()
      .post(`${API}/accreditations/${active.id}/restore`)
      .set(w.admin.auth)
      .set('If-Match', `"${s.body.version}"`)
      .send({ reason: 'x' })
      .expect(409);
    expect(refused.body.code).toBe('INVALID_STATUS_CHANGE');
    const [row] = await t.db.query('SELECT status FROM accreditations WHERE id = $1', [acc.id]);
    expect(row.status).toBe('lapsed');
  });
});
