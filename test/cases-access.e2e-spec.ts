import { Role } from '../src/common/roles';
import { countRows, makeAdmin, makeBody, makeUser } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';
import { API, caseBody, makeCase, supervise, team } from './cases-fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('who may see and change a case', () => {
  it('own, supervisee, body and global scope read it; everyone else gets 404; an ended supervision hides it', async () => {
    const tm = await team(t);
    const c = await makeCase(t, tm);
    const bodyAdmin = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: tm.bodyId }]);
    const otherBody = await makeBody(t);
    const otherBodyAdmin = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: otherBody.id }]);
    const admin = await makeAdmin(t);
    const otherTrainee = await makeUser(t, [{ role: Role.Trainee, bodyId: tm.bodyId }]);
    const otherSupervisor = await makeUser(t, [{ role: Role.Supervisor, bodyId: tm.bodyId }]);

    for (const u of [tm.trainee, tm.supervisor, bodyAdmin, admin]) await t.http().get(`${API}/cases/${c.id}`).set(u.auth).expect(200);
    for (const u of [otherTrainee, otherSupervisor, otherBodyAdmin]) {
      const res = await t.http().get(`${API}/cases/${c.id}`).set(u.auth).expect(404);
      expect(res.body.code).toBe('CASE_NOT_FOUND');
      const list = await t.http().get(`${API}/cases`).set(u.auth).expect(200);
      expect(list.body.items.map((x: { id: string }) => x.id)).not.toContain(c.id);
    }
    const mine = await t.http().get(`${API}/cases`).set(tm.supervisor.auth).expect(200);
    expect(mine.body.items.map((x: { id: string }) => x.id)).toEqual([c.id]);

    // only the trainee writes; a supervisor lacks the permission (403), another trainee cannot see it (404)
    await t.http().patch(`${API}/cases/${c.id}`).set(tm.supervisor.auth).set('If-Match', '"1"').send({ plannedSessions: 12 }).expect(403);
    await t.http().patch(`${API}/cases/${c.id}`).set(otherTrainee.auth).set('If-Match', '"1"').send({ plannedSessions: 12 }).expect(404);
    await t.http().delete(`${API}/cases/${c.id}`).set(otherTrainee.auth).expect(404);

    await t.http().post(`${API}/cases/${c.id}/submit`).set(tm.trainee.auth).expect(200);
    await t.db.query(`UPDATE supervision_relationships SET status = 'ended', ended_on = current_date WHERE trainee_id = $1`, [
      tm.trainee.id,
    ]);
    await t.http().get(`${API}/cases/${c.id}`).set(tm.supervisor.auth).expect(404);
    expect((await t.http().get(`${API}/supervision/queue`).set(tm.supervisor.auth).expect(200)).body.items).toEqual([]);
    await t.http().post(`${API}/cases/${c.id}/sign-off`).set(tm.supervisor.auth).send({ contentHash: c.contentHash }).expect(404);
  });

  it("lets only the case's supervisor sign off: another supervisor 404, a co-supervisor or body admin 403, the trainee 403", async () => {
    const tm = await team(t);
    const c = await makeCase(t, tm);
    const submitted = await t.http().post(`${API}/cases/${c.id}/submit`).set(tm.trainee.auth).expect(200);
    const hash = { contentHash: submitted.body.contentHash };
    const stranger = await makeUser(t, [{ role: Role.Supervisor, bodyId: tm.bodyId }]);
    const coSupervisor = await makeUser(t, [{ role: Role.Supervisor, bodyId: tm.bodyId }]);
    await supervise(t, tm.trainee.id, coSupervisor.id, tm.bodyId);
    const bodyAdmin = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: tm.bodyId }]);
    const before = await countRows(t, 'case_signoffs');

    await t.http().post(`${API}/cases/${c.id}/sign-off`).set(stranger.auth).send(hash).expect(404);
    expect((await t.http().post(`${API}/cases/${c.id}/sign-off`).set(coSupervisor.auth).send(hash).expect(403)).body.code).toBe(
      'NOT_CASE_SUPERVISOR',
    );
    expect((await t.http().post(`${API}/cases/${c.id}/sign-off`).set(bodyAdmin.auth).send(hash).expect(403)).body.code).toBe(
      'NOT_CASE_SUPERVISOR',
    );
    await t.http().post(`${API}/cases/${c.id}/sign-off`).set(tm.trainee.auth).send(hash).expect(403);
    await t.http().post(`${API}/cases/${c.id}/return`).set(coSupervisor.auth).send({ comments: 'x' }).expect(403);
    expect(await countRows(t, 'case_signoffs')).toBe(before);
    await t.http().post(`${API}/cases/${c.id}/sign-off`).set(tm.supervisor.auth).send(hash).expect(200);
    expect(await countRows(t, 'case_signoffs')).toBe(before + 1);
  });

  it('never lets a trainee who is also a supervisor sign off their own case', async () => {
    const tm = await team(t);
    const dual = await makeUser(t, [
      { role: Role.Trainee, bodyId: tm.bodyId },
      { role: Role.Supervisor, bodyId: tm.bodyId },
    ]);
    await supervise(t, dual.id, tm.supervisor.id, tm.bodyId);
    const c = (await t.http().post(`${API}/cases`).set(dual.auth).send(caseBody(tm.supervisor.id)).expect(201)).body;
    const s = await t.http().post(`${API}/cases/${c.id}/submit`).set(dual.auth).expect(200);
    expect(
      (await t.http().post(`${API}/cases/${c.id}/sign-off`).set(dual.auth).send({ contentHash: s.body.contentHash }).expect(403)).body.code,
    ).toBe('SELF_REVIEW');
    expect(
      (
        await t
          .http()
          .post(`${API}/cases`)
          .set(dual.auth)
          .send(caseBody(dual.id, { clientCode: 'X-2' }))
          .expect(400)
      ).body.details.supervisorId,
    ).toBeDefined();
  });
});

describe('optimistic concurrency on cases', () => {
  it('needs If-Match (428), refuses a stale one (412), and lets exactly one of 10 parallel PATCHes win', async () => {
    const tm = await team(t);
    const c = await makeCase(t, tm);
    const patch = () => t.http().patch(`${API}/cases/${c.id}`).set(tm.trainee.auth);
    expect((await patch().send({ plannedSessions: 12 }).expect(428)).body.code).toBe('PRECONDITION_REQUIRED');
    await patch().set('If-Match', '"7"').send({ plannedSessions: 12 }).expect(412);
    await patch().set('If-Match', 'garbage').send({ plannedSessions: 12 }).expect(412);

    const audits = await countRows(t, 'audit_log');
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        patch()
          .set('If-Match', '"1"')
          .send({ plannedSessions: 10 + i }),
      ),
    );
    const codes = results.map((r) => r.status).sort();
    expect(codes).toEqual([200, ...Array(9).fill(412)]);
    const winner = results.find((r) => r.status === 200)!;
    expect(winner.headers.etag).toBe('"2"');
    const [row] = await t.db.query(`SELECT version, planned_sessions FROM supervised_cases WHERE id = $1`, [c.id]);
    expect(row).toEqual({ version: 2, planned_sessions: winner.body.plannedSessions });
    expect(await countRows(t, 'audit_log')).toBe(audits + 1);
  });
});

describe('bad input', () => {
  it('answers 400 with details and writes nothing', async () => {
    const tm = await team(t);
    const stranger = await makeUser(t, [{ role: Role.Supervisor, bodyId: tm.bodyId }]); // signing in writes an audit row
    const before = { cases: await countRows(t, 'supervised_cases'), audit: await countRows(t, 'audit_log') };
    const post = (over: Record<string, unknown>) =>
      t.http().post(`${API}/cases`).set(tm.trainee.auth).send(caseBody(tm.supervisor.id, over));

    const name = await post({ clientCode: 'JohnSmith' }).expect(400);
    expect(name.body).toMatchObject({
      code: 'IDENTIFYING_CLIENT_CODE',
      details: { clientCode: [expect.stringContaining('personal name')] },
    });
    expect((await post({ clientCode: '12/03/1985' }).expect(400)).body.details.clientCode).toEqual([expect.stringContaining('date')]);
    expect((await post({ primaryDiagnosis: 'U07.1' }).expect(400)).body.details.primaryDiagnosis).toBeDefined();
    expect((await post({ primaryDiagnosis: 'depression' }).expect(400)).body.details.primaryDiagnosis).toBeDefined();
    expect((await post({ formulation: 'Call her on 07700 900123' }).expect(400)).body.details.formulation).toEqual([
      'formulation must not contain a phone number',
    ]);
    expect((await post({ outcome: 'mail anna@example.org' }).expect(400)).body.details.outcome).toBeDefined();
    expect((await post({ status: 'completed' }).expect(400)).body.details.endDate).toBeDefined();
    expect((await post({ secondaryProblemArea: 'grief' }).expect(400)).body.details.secondaryProblemArea).toBeDefined();
    expect((await post({ plannedSessions: 41 }).expect(400)).body.details.plannedSessions).toBeDefined();
    expect((await post({ startDate: '2024-02-30' }).expect(400)).body.details.startDate).toBeDefined();
    expect((await post({ presentingProblem: 'x'.repeat(4001) }).expect(400)).body.details.presentingProblem).toBeDefined();
    expect((await post({ reviewState: 'signed_off' }).expect(400)).body.details.reviewState).toBeDefined();
    expect((await post({ traineeId: tm.supervisor.id }).expect(400)).body.details.traineeId).toBeDefined();
    expect((await post({ supervisorId: stranger.id }).expect(400)).body).toMatchObject({
      code: 'NOT_ACTIVE_SUPERVISOR',
      details: { supervisorId: expect.any(Array) },
    });

    expect(await countRows(t, 'supervised_cases')).toBe(before.cases);
    expect(await countRows(t, 'audit_log')).toBe(before.audit);
  });

  it('keeps client codes unique per trainee, case-insensitively (409), and accepts a clean chosen code', async () => {
    const tm = await team(t);
    const c = await makeCase(t, tm, { clientCode: 'ipt-07' });
    const got = await t.http().get(`${API}/cases/${c.id}`).set(tm.trainee.auth).expect(200);
    expect(got.body.clientCode).toBe('IPT-07');
    expect(
      (
        await t
          .http()
          .post(`${API}/cases`)
          .set(tm.trainee.auth)
          .send(caseBody(tm.supervisor.id, { clientCode: 'IPT-07' }))
          .expect(409)
      ).body.code,
    ).toBe('CLIENT_CODE_TAKEN');
  });

  it('filters and pages the case list', async () => {
    const tm = await team(t);
    for (const area of ['grief', 'role_dispute', 'grief']) await makeCase(t, tm, { focusProblemArea: area });
    const grief = await t.http().get(`${API}/cases`).query({ problemArea: 'grief' }).set(tm.trainee.auth).expect(200);
    expect(grief.body.items).toHaveLength(2);
    const p1 = await t.http().get(`${API}/cases`).query({ limit: 2, sort: 'createdAt' }).set(tm.trainee.auth).expect(200);
    const p2 = await t
      .http()
      .get(`${API}/cases`)
      .query({ limit: 2, sort: 'createdAt', cursor: p1.body.nextCursor })
      .set(tm.trainee.auth)
      .expect(200);
    expect(new Set([...p1.body.items, ...p2.body.items].map((x: { id: string }) => x.id)).size).toBe(3);
    expect(p2.body.nextCursor).toBeNull();
    await t.http().get(`${API}/cases`).query({ sort: 'clientCode' }).set(tm.trainee.auth).expect(400);
  });
});
