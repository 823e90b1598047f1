import { Role } from '../src/common/roles';
import { API, daysAgo, makeCase, supervise, team } from './cases-fixtures';
import { countRows, makeUser } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const FLAGGED = [0, 0, 0, 0, 0, 0, 0, 0, 1];
const CLEAR = [0, 0, 0, 0, 0, 0, 0, 0, 0];
const auditRows = () => countRows(t, 'audit_log');

describe('acknowledging a risk flag', () => {
  it("the case's supervisor acknowledges with a note; the queue and the case show who and when; a repeat changes nothing", async () => {
    const tm = await team(t);
    const c = await makeCase(t, tm);
    await t
      .http()
      .post(`${API}/cases/${c.id}/measures`)
      .set(tm.trainee.auth)
      .set('If-Match', `"${c.version}"`)
      .send({ instrument: 'PHQ9', administeredOn: daysAgo(50), sessionNumber: 0, items: FLAGGED })
      .expect(201);
    await t.http().post(`${API}/cases/${c.id}/submit`).set(tm.trainee.auth).expect(200);
    const unacked = await t.http().get(`${API}/cases/${c.id}/risk-flag`).set(tm.trainee.auth).expect(200);
    expect(unacked.body).toMatchObject({ caseId: c.id, acknowledgedAt: null, acknowledgedBy: null, note: null });
    expect(unacked.body.riskFlaggedAt).not.toBeNull();
    const versionBefore = (await t.http().get(`${API}/cases/${c.id}`).set(tm.trainee.auth).expect(200)).body.version;

    const audits = await auditRows();
    const ack = await t
      .http()
      .post(`${API}/cases/${c.id}/risk-flag/acknowledge`)
      .set(tm.supervisor.auth)
      .send({ note: 'Spoke with the trainee; safety plan in place' })
      .expect(200);
    expect(ack.body).toMatchObject({
      caseId: c.id,
      acknowledgedBy: { id: tm.supervisor.id, name: expect.any(String) },
      note: 'Spoke with the trainee; safety plan in place',
    });
    expect(ack.body.acknowledgedBy.name.length).toBeGreaterThan(0);
    expect(ack.body.acknowledgedAt).not.toBeNull();
    expect(await auditRows()).toBe(audits + 1);
    const [audit] = await t.db.query(`SELECT action, changes FROM audit_log WHERE entity_id = $1 AND action = 'case.risk_acknowledge'`, [
      c.id,
    ]);
    // the note may be clinical: not in the trail
    expect(audit.changes).toMatchObject({ noted: true, alreadyAcknowledged: false });
    expect(JSON.stringify(audit.changes)).not.toContain('safety plan');

    // not case content: the trainee's ETag stays valid
    await t.db.query(
      `UPDATE users SET display_name = CASE id WHEN $1::uuid THEN 'Tom Trainee' ELSE 'Sue Supervisor' END WHERE id IN ($1, $2)`,
      [tm.trainee.id, tm.supervisor.id],
    );
    const after = await t.http().get(`${API}/cases/${c.id}`).set(tm.trainee.auth).expect(200);
    expect(after.body.version).toBe(versionBefore);
    // the case names both people (never an id fragment)
    expect(after.body).toMatchObject({ traineeName: 'Tom Trainee', supervisorName: 'Sue Supervisor' });
    expect(after.body.riskAcknowledgedAt).toBe(ack.body.acknowledgedAt);
    const queue = await t.http().get(`${API}/supervision/queue`).set(tm.supervisor.auth).expect(200);
    expect(queue.body.items[0]).toMatchObject({
      id: c.id,
      riskAcknowledgedAt: ack.body.acknowledgedAt,
      riskAcknowledgedByName: 'Sue Supervisor',
      traineeName: 'Tom Trainee',
    });
    // names are read as they are now (a renamed supervisor shows under their new name)
    const current = { ...ack.body, acknowledgedBy: { id: tm.supervisor.id, name: 'Sue Supervisor' } };
    expect(
      await t
        .http()
        .get(`${API}/cases/${c.id}/risk-flag`)
        .set(tm.trainee.auth)
        .expect(200)
        .then((r) => r.body),
    ).toEqual(current);

    // a repeat (double click, retried request) answers the acknowledgement in force and writes nothing
    const again = await t.http().post(`${API}/cases/${c.id}/risk-flag/acknowledge`).set(tm.supervisor.auth).send({}).expect(200);
    expect(again.body).toEqual(current);
    expect(await auditRows()).toBe(audits + 1);
  });

  it('a new flagged measure after the acknowledgement needs a new acknowledgement; a clear one does not', async () => {
    const tm = await team(t);
    const c = await makeCase(t, tm);
    let v = c.version;
    const measure = (items: number[]) =>
      t
        .http()
        .post(`${API}/cases/${c.id}/measures`)
        .set(tm.trainee.auth)
        .set('If-Match', `"${v++}"`)
        .send({ instrument: 'PHQ9', administeredOn: daysAgo(50), sessionNumber: 0, items })
        .expect(201);
    const flag = () =>
      t
        .http()
        .get(`${API}/cases/${c.id}/risk-flag`)
        .set(tm.supervisor.auth)
        .expect(200)
        .then((r) => r.body);
    const first = await measure(FLAGGED);
    await t.http().post(`${API}/cases/${c.id}/risk-flag/acknowledge`).set(tm.supervisor.auth).send({}).expect(200);
    await measure(CLEAR);
    expect((await flag()).acknowledgedAt).not.toBeNull();
    const second = await measure(FLAGGED);
    const raised = await flag();
    expect(raised).toMatchObject({ acknowledgedAt: null, acknowledgedBy: null, note: null });
    expect(raised.riskFlaggedAt).toBe(first.body.riskFlaggedAt);
    const re = await t
      .http()
      .post(`${API}/cases/${c.id}/risk-flag/acknowledge`)
      .set(tm.supervisor.auth)
      .send({ note: 'Second signal seen' })
      .expect(200);
    expect(re.body.note).toBe('Second signal seen');

    // with every flagged measure gone the flag goes, and its acknowledgement with it
    await t.http().delete(`${API}/cases/${c.id}/measures/${first.body.id}`).set(tm.trainee.auth).set('If-Match', `"${v++}"`).expect(200);
    expect((await flag()).acknowledgedAt).not.toBeNull();
    await t.http().delete(`${API}/cases/${c.id}/measures/${second.body.id}`).set(tm.trainee.auth).set('If-Match', `"${v++}"`).expect(200);
    expect(await flag()).toMatchObject({ riskFlaggedAt: null, acknowledgedAt: null, acknowledgedBy: null });
  });

  it('only the case supervisor may: trainee 403, body admin 403, another supervisor of the trainee 403, a stranger 404; no flag → 409', async () => {
    const tm = await team(t);
    const c = await makeCase(t, tm);
    const ack = (auth: { Authorization: string }, body: object = {}) =>
      t.http().post(`${API}/cases/${c.id}/risk-flag/acknowledge`).set(auth).send(body);
    expect((await ack(tm.supervisor.auth).expect(409)).body.code).toBe('NO_RISK_FLAG');
    await t
      .http()
      .post(`${API}/cases/${c.id}/measures`)
      .set(tm.trainee.auth)
      .set('If-Match', `"${c.version}"`)
      .send({ instrument: 'PHQ9', administeredOn: daysAgo(50), sessionNumber: 0, items: FLAGGED })
      .expect(201);

    const admin = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: tm.bodyId }]);
    const other = await makeUser(t, [{ role: Role.Supervisor, bodyId: tm.bodyId }]);
    await supervise(t, tm.trainee.id, other.id, tm.bodyId);
    const stranger = await makeUser(t, [{ role: Role.Supervisor, bodyId: tm.bodyId }]);

    const audits = await auditRows();
    expect((await ack(tm.trainee.auth).expect(403)).body.code).toBe('FORBIDDEN');
    expect((await ack(admin.auth).expect(403)).body.code).toBe('NOT_CASE_SUPERVISOR');
    // a supervisor of the same trainee who is not the case's supervisor: may read the case, may not acknowledge
    expect((await ack(other.auth).expect(403)).body.code).toBe('NOT_CASE_SUPERVISOR');
    // a supervisor with no relation to the trainee does not learn the case exists
    expect((await ack(stranger.auth).expect(404)).body.code).toBe('CASE_NOT_FOUND');
    await t.http().get(`${API}/cases/${c.id}/risk-flag`).set(stranger.auth).expect(404);
    await ack(tm.supervisor.auth, { note: 'x'.repeat(1001) }).expect(400);
    await ack(tm.supervisor.auth, { note: 'ok', extra: 1 }).expect(400);
    expect(await auditRows()).toBe(audits);
    const [row] = await t.db.query(`SELECT risk_acknowledged_at FROM supervised_cases WHERE id = $1`, [c.id]);
    expect(row.risk_acknowledged_at).toBeNull();
  });
});
