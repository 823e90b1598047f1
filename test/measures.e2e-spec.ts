import { countRows } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';
import { API, daysAgo, makeCase, team } from './cases-fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const PHQ_LOW_RISK = [0, 0, 0, 0, 0, 0, 0, 0, 1];

describe('outcome measures', () => {
  it('computes total, band and LOINC; a PHQ-9 item 9 > 0 flags the case in the same write and puts it first in the queue', async () => {
    const tm = await team(t);
    const a = await makeCase(t, tm);
    const b = await makeCase(t, tm);
    await t.http().post(`${API}/cases/${a.id}/submit`).set(tm.trainee.auth).expect(200);

    const m = await t
      .http()
      .post(`${API}/cases/${b.id}/measures`)
      .set(tm.trainee.auth)
      .set('If-Match', '"1"')
      .send({ instrument: 'PHQ9', administeredOn: daysAgo(50), sessionNumber: 0, items: PHQ_LOW_RISK })
      .expect(201);
    expect(m.body).toMatchObject({ total: 1, severity: 'minimal', riskFlag: true, loinc: '44261-6', caseVersion: 2 });
    expect(m.body.riskFlaggedAt).not.toBeNull();
    const [row] = await t.db.query(`SELECT risk_flagged_at FROM supervised_cases WHERE id = $1`, [b.id]);
    expect(row.risk_flagged_at).not.toBeNull();
    await t.http().post(`${API}/cases/${b.id}/submit`).set(tm.trainee.auth).expect(200);

    const queue = await t.http().get(`${API}/supervision/queue`).set(tm.supervisor.auth).expect(200);
    expect(queue.body.items.map((c: { id: string }) => c.id)).toEqual([b.id, a.id]);
    expect(queue.body.items[0].riskFlaggedAt).not.toBeNull();
    const page = await t.http().get(`${API}/supervision/queue`).query({ limit: 1 }).set(tm.supervisor.auth).expect(200);
    const next = await t
      .http()
      .get(`${API}/supervision/queue`)
      .query({ limit: 1, cursor: page.body.nextCursor })
      .set(tm.supervisor.auth)
      .expect(200);
    expect([page.body.items[0].id, next.body.items[0].id]).toEqual([b.id, a.id]);

    const got = await t.http().get(`${API}/cases/${b.id}`).set(tm.supervisor.auth).expect(200);
    expect(got.body.riskFlaggedAt).not.toBeNull();
    expect(got.body.measures.latest).toEqual([expect.objectContaining({ instrument: 'PHQ9', riskFlag: true })]);
  });

  it('reports change from intake with caseness and reliable change, and says when no threshold is configured', async () => {
    const tm = await team(t);
    const c = await makeCase(t, tm);
    let version = c.version;
    const post = (body: object) =>
      t.http().post(`${API}/cases/${c.id}/measures`).set(tm.trainee.auth).set('If-Match', `"${version++}"`).send(body);
    await post({ instrument: 'PHQ9', administeredOn: daysAgo(55), sessionNumber: 0, items: [2, 2, 2, 2, 2, 2, 2, 2, 0] }).expect(201);
    await post({ instrument: 'PHQ9', administeredOn: daysAgo(5), sessionNumber: 12, total: 6 }).expect(201);
    await post({ instrument: 'BDI2', administeredOn: daysAgo(55), sessionNumber: 0, total: 30 }).expect(201);
    await post({ instrument: 'BDI2', administeredOn: daysAgo(5), sessionNumber: 12, total: 12 }).expect(201);
    const res = await t.http().get(`${API}/cases/${c.id}/measures`).set(tm.supervisor.auth).expect(200);
    expect(res.body.items).toHaveLength(4);
    const phq = res.body.change.find((s: { instrument: string }) => s.instrument === 'PHQ9');
    expect(phq).toMatchObject({
      intake: { total: 16 },
      latest: { total: 6 },
      change: -10,
      caseAtIntake: true,
      caseNow: false,
      reliablyImproved: true,
      reliablyRecovered: true,
    });
    const bdi = res.body.change.find((s: { instrument: string }) => s.instrument === 'BDI2');
    expect(bdi).toMatchObject({
      change: -18,
      reliablyImproved: null,
      notes: expect.arrayContaining(['no reliable-change threshold configured for BDI-II']),
    });
    expect(res.body.items.find((i: { total: number }) => i.total === 6).riskFlag).toBeNull();
  });

  it('refuses bad scores with details and writes nothing', async () => {
    const tm = await team(t);
    const c = await makeCase(t, tm);
    const before = { m: await countRows(t, 'outcome_measures'), a: await countRows(t, 'audit_log') };
    const post = (body: object) =>
      t
        .http()
        .post(`${API}/cases/${c.id}/measures`)
        .set(tm.trainee.auth)
        .set('If-Match', `"${c.version}"`)
        .send({ administeredOn: daysAgo(10), ...body });
    expect((await post({ instrument: 'PHQ9', items: [0, 0, 0, 0, 0, 0, 0, 0, 0], total: 0 }).expect(400)).body.details.total).toBeDefined();
    expect((await post({ instrument: 'PHQ9', items: [4, 0, 0, 0, 0, 0, 0, 0, 0] }).expect(400)).body.details['items.0']).toEqual([
      'Item 1 must be between 0 and 3',
    ]);
    expect((await post({ instrument: 'GAD7', total: 22 }).expect(400)).body.details.total).toBeDefined();
    expect(
      (await post({ instrument: 'HAMD17', items: [0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] }).expect(400)).body.details[
        'items.3'
      ],
    ).toBeDefined();
    expect((await post({ instrument: 'PHQ9', total: 5, severity: 'minimal' }).expect(400)).body.details.severity).toBeDefined();
    expect(
      (await post({ instrument: 'PHQ9', total: 5, administeredOn: daysAgo(-3) }).expect(400)).body.details.administeredOn,
    ).toBeDefined();
    expect(await countRows(t, 'outcome_measures')).toBe(before.m);
    expect(await countRows(t, 'audit_log')).toBe(before.a);
  });

  it('is case content: adding or deleting a measure voids a sign-off; deleting the risky one clears the flag', async () => {
    const tm = await team(t);
    const c = await makeCase(t, tm);
    const risky = await t
      .http()
      .post(`${API}/cases/${c.id}/measures`)
      .set(tm.trainee.auth)
      .set('If-Match', `"${c.version}"`)
      .send({ instrument: 'PHQ9', administeredOn: daysAgo(50), items: PHQ_LOW_RISK })
      .expect(201);
    const s = await t.http().post(`${API}/cases/${c.id}/submit`).set(tm.trainee.auth).expect(200);
    const signed = await t
      .http()
      .post(`${API}/cases/${c.id}/sign-off`)
      .set(tm.supervisor.auth)
      .send({ contentHash: s.body.contentHash })
      .expect(200);
    await t.http().delete(`${API}/cases/${c.id}/measures/${risky.body.id}`).set(tm.trainee.auth).set('If-Match', '"1"').expect(412);
    const audits = await countRows(t, 'audit_log');
    const del = await t
      .http()
      .delete(`${API}/cases/${c.id}/measures/${risky.body.id}`)
      .set(tm.trainee.auth)
      .set('If-Match', `"${signed.body.version}"`)
      .expect(200);
    expect(await countRows(t, 'audit_log')).toBe(audits + 1);
    expect(del.body).toMatchObject({ items: [], riskFlaggedAt: null });
    const got = await t.http().get(`${API}/cases/${c.id}`).set(tm.trainee.auth).expect(200);
    expect(got.body).toMatchObject({ reviewState: 'draft', currentSignoff: null, riskFlaggedAt: null });
    // only the trainee writes measures
    await t
      .http()
      .post(`${API}/cases/${c.id}/measures`)
      .set(tm.supervisor.auth)
      .set('If-Match', `"${del.body.caseVersion}"`)
      .send({ instrument: 'GAD7', administeredOn: daysAgo(3), total: 3 })
      .expect(403);
  });

  it('needs If-Match with the case ETag on every measure write: missing is 428, stale is 412, and nothing is written', async () => {
    const tm = await team(t);
    const c = await makeCase(t, tm);
    const kept = await t
      .http()
      .post(`${API}/cases/${c.id}/measures`)
      .set(tm.trainee.auth)
      .set('If-Match', `"${c.version}"`)
      .send({ instrument: 'GAD7', administeredOn: daysAgo(20), total: 9 })
      .expect(201);
    const current = kept.body.caseVersion as number;
    const state = async () => ({
      measures: await countRows(t, 'outcome_measures'),
      audit: await countRows(t, 'audit_log'),
      version: (await t.db.query(`SELECT version FROM supervised_cases WHERE id = $1`, [c.id]))[0].version,
    });
    const before = await state();
    const body = { instrument: 'PHQ9', administeredOn: daysAgo(10), items: PHQ_LOW_RISK };

    const missing = await t.http().post(`${API}/cases/${c.id}/measures`).set(tm.trainee.auth).send(body).expect(428);
    expect(missing.body.code).toBe('PRECONDITION_REQUIRED');
    const stale = await t
      .http()
      .post(`${API}/cases/${c.id}/measures`)
      .set(tm.trainee.auth)
      .set('If-Match', `"${current - 1}"`)
      .send(body)
      .expect(412);
    expect(stale.body.code).toBe('PRECONDITION_FAILED');
    expect((await t.http().delete(`${API}/cases/${c.id}/measures/${kept.body.id}`).set(tm.trainee.auth).expect(428)).body.code).toBe(
      'PRECONDITION_REQUIRED',
    );
    expect(
      (
        await t
          .http()
          .delete(`${API}/cases/${c.id}/measures/${kept.body.id}`)
          .set(tm.trainee.auth)
          .set('If-Match', `"${current - 1}"`)
          .expect(412)
      ).body.code,
    ).toBe('PRECONDITION_FAILED');
    expect(await state()).toEqual(before);
    const [flag] = await t.db.query(`SELECT risk_flagged_at FROM supervised_cases WHERE id = $1`, [c.id]);
    expect(flag.risk_flagged_at).toBeNull();

    // with the current ETag both go through, each bumping the case version once with one audit row
    const added = await t
      .http()
      .post(`${API}/cases/${c.id}/measures`)
      .set(tm.trainee.auth)
      .set('If-Match', `"${current}"`)
      .send(body)
      .expect(201);
    expect(added.body.caseVersion).toBe(current + 1);
    const removed = await t
      .http()
      .delete(`${API}/cases/${c.id}/measures/${kept.body.id}`)
      .set(tm.trainee.auth)
      .set('If-Match', `"${current + 1}"`)
      .expect(200);
    expect(removed.body).toMatchObject({ caseVersion: current + 2, items: [expect.objectContaining({ id: added.body.id })] });
    expect(await state()).toEqual({ measures: before.measures, audit: before.audit + 2, version: current + 2 });
    const audits = await t.db.query(
      `SELECT action, entity_type, entity_id, body_id, changes FROM audit_log WHERE entity_id = $1 AND action LIKE 'measure.%' ORDER BY id`,
      [c.id],
    );
    expect(audits.slice(-2)).toEqual([
      {
        action: 'measure.create',
        entity_type: 'case',
        entity_id: c.id,
        body_id: tm.bodyId,
        changes: { measureId: added.body.id, instrument: 'PHQ9', riskFlag: true, reviewState: { from: 'draft' } },
      },
      {
        action: 'measure.delete',
        entity_type: 'case',
        entity_id: c.id,
        body_id: tm.bodyId,
        changes: { measureId: kept.body.id, instrument: 'GAD7', reviewState: { from: 'draft' } },
      },
    ]);
  });
});
