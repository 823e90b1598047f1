import { Role } from '../src/common/roles';
import { hasConflictOfInterest } from '../src/supervision/conflicts';
import { countRows, makeAdmin, makeBody, makeUser, type TestUser } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const api = (p: string) => `/api/v1${p}`;

async function world() {
  const body = await makeBody(t);
  const otherBody = await makeBody(t);
  const trainee = await makeUser(t, [{ role: Role.Trainee, bodyId: body.id }]);
  const otherTrainee = await makeUser(t, [{ role: Role.Trainee, bodyId: body.id }]);
  const supervisor = await makeUser(t, [{ role: Role.Supervisor, bodyId: body.id }]);
  const foreignSupervisor = await makeUser(t, [{ role: Role.Supervisor, bodyId: otherBody.id }]);
  const bodyAdmin = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: body.id }]);
  const otherAdmin = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: otherBody.id }]);
  const admin = await makeAdmin(t);
  return { body, otherBody, trainee, otherTrainee, supervisor, foreignSupervisor, bodyAdmin, otherAdmin, admin };
}

const post = (u: TestUser, path: string, body: object = {}) => t.http().post(api(path)).set(u.auth).send(body);
const request = (u: TestUser, supervisorId: string, bodyId?: string) =>
  post(u, '/supervision/requests', { supervisorId, ...(bodyId ? { bodyId } : {}) });

describe('supervision relationships', () => {
  it('request → accept → read the record → end → no more access; one audit row per step, rows kept', async () => {
    const w = await world();
    const audits = await countRows(t, 'audit_log');
    const req = await request(w.trainee, w.supervisor.id).expect(201);
    expect(req.body).toMatchObject({
      traineeId: w.trainee.id,
      supervisorId: w.supervisor.id,
      bodyId: w.body.id,
      status: 'requested',
      requestedBy: w.trainee.id,
      startedOn: null,
    });
    expect(await countRows(t, 'audit_log')).toBe(audits + 1);
    // a request does not give access yet
    await t
      .http()
      .get(api(`/trainees/${w.trainee.id}/activities`))
      .set(w.supervisor.auth)
      .expect(404);
    // only the supervisor answers it
    expect((await post(w.bodyAdmin, `/supervision/relationships/${req.body.id}/accept`).expect(403)).body.code).toBe(
      'SUPERVISION_ACTION_NOT_ALLOWED',
    );
    await post(w.otherTrainee, `/supervision/relationships/${req.body.id}/cancel`).expect(404);
    const accepted = await post(w.supervisor, `/supervision/relationships/${req.body.id}/accept`).expect(200);
    expect(accepted.body).toMatchObject({ status: 'active', version: 2 });
    // both parties are named in every answer and list (the app shows names, never ids)
    await t.db.query(
      `UPDATE users SET display_name = CASE id WHEN $1::uuid THEN 'Tess Trainee' ELSE 'Sam Supervisor' END WHERE id IN ($1, $2)`,
      [w.trainee.id, w.supervisor.id],
    );
    const mine = await t.http().get(api('/supervision/relationships')).query({ role: 'trainee' }).set(w.trainee.auth).expect(200);
    expect(mine.body.items).toEqual([
      expect.objectContaining({ id: req.body.id, traineeName: 'Tess Trainee', supervisorName: 'Sam Supervisor' }),
    ]);
    expect(
      (
        await t
          .http()
          .get(api(`/supervision/relationships/${req.body.id}`))
          .set(w.supervisor.auth)
          .expect(200)
      ).body,
    ).toMatchObject({ traineeName: 'Tess Trainee', supervisorName: 'Sam Supervisor' });
    expect(accepted.body.startedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await countRows(t, 'audit_log')).toBe(audits + 2);
    const [row] = await t.db.query(`SELECT actor_id, actor_role, action, body_id, changes FROM audit_log ORDER BY id DESC LIMIT 1`);
    expect(row).toMatchObject({
      actor_id: w.supervisor.id,
      actor_role: 'SUPERVISOR',
      action: 'supervision.accept',
      body_id: w.body.id,
      changes: { status: { from: 'requested', to: 'active' } },
    });
    await t
      .http()
      .get(api(`/trainees/${w.trainee.id}/activities`))
      .set(w.supervisor.auth)
      .expect(200);

    expect((await post(w.supervisor, `/supervision/relationships/${req.body.id}/accept`).expect(409)).body.code).toBe(
      'SUPERVISION_WRONG_STATUS',
    );
    await post(w.supervisor, `/supervision/relationships/${req.body.id}/end`, { endedOn: '2000-01-01', reason: 'x' }).expect(400);
    await post(w.supervisor, `/supervision/relationships/${req.body.id}/end`, { endedOn: '2999-01-01', reason: 'x' }).expect(400);
    await post(w.otherTrainee, `/supervision/relationships/${req.body.id}/end`, { endedOn: accepted.body.startedOn, reason: 'x' }).expect(
      404,
    );
    await post(w.otherAdmin, `/supervision/relationships/${req.body.id}/end`, { endedOn: accepted.body.startedOn, reason: 'x' }).expect(
      404,
    );
    const ended = await post(w.trainee, `/supervision/relationships/${req.body.id}/end`, {
      endedOn: accepted.body.startedOn,
      reason: 'Moved abroad',
    }).expect(200);
    expect(ended.body).toMatchObject({ status: 'ended', endedOn: accepted.body.startedOn, endReason: 'Moved abroad' });
    expect(await countRows(t, 'audit_log')).toBe(audits + 3);
    await t
      .http()
      .get(api(`/trainees/${w.trainee.id}/activities`))
      .set(w.supervisor.auth)
      .expect(404);
    // history stays readable to both parties; a new request is possible once the old one is closed
    await t
      .http()
      .get(api(`/supervision/relationships/${req.body.id}`))
      .set(w.supervisor.auth)
      .expect(200);
    await request(w.trainee, w.supervisor.id).expect(201);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM supervision_relationships WHERE trainee_id = $1`, [w.trainee.id]);
    expect(n).toBe(2);
  });

  it('lets the trainee cancel and the supervisor decline, and refuses duplicates and wrong bodies', async () => {
    const w = await world();
    const req = await request(w.trainee, w.supervisor.id).expect(201);
    expect((await request(w.trainee, w.supervisor.id).expect(409)).body.code).toBe('SUPERVISION_ALREADY_OPEN');
    expect(
      (
        await post(w.bodyAdmin, '/supervision/relationships', {
          traineeId: w.trainee.id,
          supervisorId: w.supervisor.id,
          bodyId: w.body.id,
        }).expect(409)
      ).body.code,
    ).toBe('SUPERVISION_ALREADY_OPEN');
    await post(w.trainee, `/supervision/relationships/${req.body.id}/cancel`).expect(200);
    await post(w.supervisor, `/supervision/relationships/${req.body.id}/accept`).expect(409);
    const req2 = await request(w.trainee, w.supervisor.id).expect(201);
    // the guard: a trainee lacks records:review
    await post(w.trainee, `/supervision/relationships/${req2.body.id}/decline`).expect(403);
    expect((await post(w.supervisor, `/supervision/relationships/${req2.body.id}/decline`).expect(200)).body.status).toBe('declined');

    const rows = await countRows(t, 'supervision_relationships');
    // someone holding SUPERVISOR nowhere cannot be asked (a supervisor of another body can: cross-border, test/cross-border)
    expect((await request(w.trainee, w.otherTrainee.id).expect(400)).body.details.supervisorId).toBeDefined();
    expect((await request(w.trainee, w.supervisor.id, w.otherBody.id).expect(400)).body.details.bodyId).toBeDefined();
    expect((await post(w.trainee, '/supervision/requests', { supervisorId: 'nope' }).expect(400)).body.details.supervisorId).toBeDefined();
    expect(await countRows(t, 'supervision_relationships')).toBe(rows);
  });

  it('lets exactly one of two concurrent accepts win', async () => {
    const w = await world();
    const req = await request(w.trainee, w.supervisor.id).expect(201);
    const audits = await countRows(t, 'audit_log');
    const results = await Promise.all([1, 2].map(() => post(w.supervisor, `/supervision/relationships/${req.body.id}/accept`)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await countRows(t, 'audit_log')).toBe(audits + 1);
  });

  it("is assigned directly by the body admin or a global admin, not by another body's admin", async () => {
    const w = await world();
    const dto = { traineeId: w.trainee.id, supervisorId: w.supervisor.id, bodyId: w.body.id, startedOn: '2024-02-01' };
    await post(w.otherAdmin, '/supervision/relationships', dto).expect(403);
    await post(w.supervisor, '/supervision/relationships', dto).expect(403);
    await post(w.bodyAdmin, '/supervision/relationships', { ...dto, startedOn: '2999-01-01' }).expect(400);
    const audits = await countRows(t, 'audit_log');
    const rel = await post(w.bodyAdmin, '/supervision/relationships', dto).expect(201);
    expect(rel.body).toMatchObject({ status: 'active', startedOn: '2024-02-01', requestedBy: w.bodyAdmin.id });
    expect(await countRows(t, 'audit_log')).toBe(audits + 1);
    const [row] = await t.db.query(`SELECT actor_role, action, body_id FROM audit_log ORDER BY id DESC LIMIT 1`);
    expect(row).toEqual({ actor_role: 'BODY_ADMIN', action: 'supervision.assign', body_id: w.body.id });
    await post(w.admin, `/supervision/relationships/${rel.body.id}/end`, { endedOn: '2024-03-01', reason: 'Caseload' }).expect(200);
    const again = await post(w.admin, '/supervision/relationships', { ...dto, startedOn: undefined }).expect(201);
    expect(again.body.startedOn).toBe(new Date().toISOString().slice(0, 10));
    // the admin's view of one trainee: both relationships, nobody else's; another body's admin sees none of them
    const theirs = await t
      .http()
      .get(api('/supervision/relationships'))
      .query({ traineeId: w.trainee.id })
      .set(w.bodyAdmin.auth)
      .expect(200);
    expect(theirs.body.items.map((r: { id: string }) => r.id).sort()).toEqual([rel.body.id, again.body.id].sort());
    const foreign = await t
      .http()
      .get(api('/supervision/relationships'))
      .query({ traineeId: w.trainee.id })
      .set(w.otherAdmin.auth)
      .expect(200);
    expect(foreign.body.items).toEqual([]);
    await t.http().get(api('/supervision/relationships')).query({ traineeId: 'not-a-uuid' }).set(w.bodyAdmin.auth).expect(400);
  });

  it('lists by party and scope, keyset paginated', async () => {
    const w = await world();
    const r1 = await request(w.trainee, w.supervisor.id).expect(201);
    await post(w.bodyAdmin, '/supervision/relationships', {
      traineeId: w.otherTrainee.id,
      supervisorId: w.supervisor.id,
      bodyId: w.body.id,
    }).expect(201);
    const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((x) => x.id);
    const mine = await t.http().get(api('/supervision/relationships')).set(w.trainee.auth).expect(200);
    expect(ids(mine)).toEqual([r1.body.id]);
    const asSupervisor = await t.http().get(api('/supervision/relationships?role=supervisor&limit=1')).set(w.supervisor.auth).expect(200);
    expect(asSupervisor.body.items).toHaveLength(1);
    const rest = await t
      .http()
      .get(api(`/supervision/relationships?role=supervisor&cursor=${asSupervisor.body.nextCursor}`))
      .set(w.supervisor.auth)
      .expect(200);
    expect(rest.body.items).toHaveLength(1);
    expect(rest.body.nextCursor).toBeNull();
    expect((await t.http().get(api('/supervision/relationships?role=trainee')).set(w.supervisor.auth).expect(200)).body.items).toEqual([]);
    const active = await t.http().get(api('/supervision/relationships?status=active')).set(w.bodyAdmin.auth).expect(200);
    expect(active.body.items.map((x: { traineeId: string }) => x.traineeId)).toEqual([w.otherTrainee.id]);
    expect((await t.http().get(api('/supervision/relationships')).set(w.otherAdmin.auth).expect(200)).body.items).toEqual([]);
    await t
      .http()
      .get(api(`/supervision/relationships/${r1.body.id}`))
      .set(w.otherTrainee.auth)
      .expect(404);
    await t
      .http()
      .get(api(`/supervision/relationships/${r1.body.id}`))
      .set(w.admin.auth)
      .expect(200);
  });
});

describe('conflicts of interest', () => {
  it('refuses self-supervision', async () => {
    const body = await makeBody(t);
    const both = await makeUser(t, [
      { role: Role.Trainee, bodyId: body.id },
      { role: Role.Supervisor, bodyId: body.id },
    ]);
    const bodyAdmin = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: body.id }]);
    const rows = await countRows(t, 'supervision_relationships');
    expect((await request(both, both.id).expect(400)).body.code).toBe('SELF_SUPERVISION');
    expect(
      (await post(bodyAdmin, '/supervision/relationships', { traineeId: both.id, supervisorId: both.id, bodyId: body.id }).expect(400)).body
        .code,
    ).toBe('SELF_SUPERVISION');
    expect(await countRows(t, 'supervision_relationships')).toBe(rows);
    expect(await hasConflictOfInterest(t.db.manager, both.id, both.id)).toBe('self');
  });

  it('blocks request, assignment and acceptance between two people with an active declaration', async () => {
    const w = await world();
    const pending = await request(w.trainee, w.supervisor.id).expect(201);
    const audits = await countRows(t, 'audit_log');
    const declared = await post(w.supervisor, '/conflicts-of-interest', {
      otherUserId: w.trainee.id,
      kind: 'own_therapist',
      note: 'Treated them privately years ago',
    }).expect(201);
    expect(declared.body).toMatchObject({ kind: 'own_therapist', declaredBy: w.supervisor.id, active: true });
    expect(await countRows(t, 'audit_log')).toBe(audits + 1);
    const [row] = await t.db.query(`SELECT changes FROM audit_log ORDER BY id DESC LIMIT 1`);
    expect(JSON.stringify(row.changes)).not.toContain('privately');
    expect(await hasConflictOfInterest(t.db.manager, w.trainee.id, w.supervisor.id)).toBe('own_therapist');
    expect(await hasConflictOfInterest(t.db.manager, w.supervisor.id, w.trainee.id)).toBe('own_therapist');

    const accept = await post(w.supervisor, `/supervision/relationships/${pending.body.id}/accept`).expect(409);
    expect(accept.body).toMatchObject({ code: 'CONFLICT_OF_INTEREST', details: { kind: ['own_therapist'] } });
    expect(accept.body.message).toContain('own_therapist');
    await post(w.trainee, `/supervision/relationships/${pending.body.id}/cancel`).expect(200);
    expect((await request(w.trainee, w.supervisor.id).expect(409)).body.code).toBe('CONFLICT_OF_INTEREST');
    const assign = await post(w.admin, '/supervision/relationships', {
      traineeId: w.trainee.id,
      supervisorId: w.supervisor.id,
      bodyId: w.body.id,
    }).expect(409);
    expect(assign.body.code).toBe('CONFLICT_OF_INTEREST');
    expect(
      (await post(w.trainee, '/conflicts-of-interest', { otherUserId: w.supervisor.id, kind: 'own_therapist' }).expect(409)).body.code,
    ).toBe('CONFLICT_ALREADY_DECLARED');

    // the other party cannot lift it; the declarer (or the body admin) can
    expect((await post(w.trainee, `/conflicts-of-interest/${declared.body.id}/end`).expect(403)).body.code).toBe('FORBIDDEN');
    await post(w.otherAdmin, `/conflicts-of-interest/${declared.body.id}/end`).expect(404);
    await post(w.otherTrainee, `/conflicts-of-interest/${declared.body.id}/end`).expect(404);
    const ended = await post(w.supervisor, `/conflicts-of-interest/${declared.body.id}/end`).expect(200);
    expect(ended.body).toMatchObject({ active: false, endedBy: w.supervisor.id });
    expect((await post(w.bodyAdmin, `/conflicts-of-interest/${declared.body.id}/end`).expect(409)).body.code).toBe(
      'CONFLICT_ALREADY_ENDED',
    );
    expect(await hasConflictOfInterest(t.db.manager, w.trainee.id, w.supervisor.id)).toBeNull();
    await request(w.trainee, w.supervisor.id).expect(201);
  });

  it('is declared for others only by a body admin of their body, lists within scope, and validates', async () => {
    const w = await world();
    const rows = await countRows(t, 'conflict_declarations');
    await post(w.otherTrainee, '/conflicts-of-interest', { userId: w.trainee.id, otherUserId: w.supervisor.id, kind: 'family' }).expect(
      403,
    );
    await post(w.otherAdmin, '/conflicts-of-interest', { userId: w.trainee.id, otherUserId: w.supervisor.id, kind: 'family' }).expect(403);
    expect((await post(w.trainee, '/conflicts-of-interest', { otherUserId: w.trainee.id, kind: 'family' }).expect(400)).body.code).toBe(
      'SELF_CONFLICT',
    );
    expect(
      (await post(w.trainee, '/conflicts-of-interest', { otherUserId: w.supervisor.id, kind: 'enemy' }).expect(400)).body.details.kind,
    ).toBeDefined();
    expect(
      (await post(w.trainee, '/conflicts-of-interest', { otherUserId: w.supervisor.id, kind: 'family', note: 'x'.repeat(501) }).expect(400))
        .body.details.note,
    ).toBeDefined();
    expect(
      (await post(w.trainee, '/conflicts-of-interest', { otherUserId: '00000000-0000-4000-8000-000000000000', kind: 'family' }).expect(400))
        .body.details.otherUserId,
    ).toBeDefined();
    expect(await countRows(t, 'conflict_declarations')).toBe(rows);

    const byAdmin = await post(w.bodyAdmin, '/conflicts-of-interest', {
      userId: w.trainee.id,
      otherUserId: w.supervisor.id,
      kind: 'line_manager',
    }).expect(201);
    const [row] = await t.db.query(`SELECT actor_role, body_id FROM audit_log ORDER BY id DESC LIMIT 1`);
    expect(row).toEqual({ actor_role: 'BODY_ADMIN', body_id: w.body.id });
    const list = (u: TestUser, qs = '') =>
      t
        .http()
        .get(api(`/conflicts-of-interest${qs}`))
        .set(u.auth)
        .expect(200);
    expect((await list(w.trainee)).body.items.map((c: { id: string }) => c.id)).toEqual([byAdmin.body.id]);
    expect((await list(w.supervisor, '?active=true')).body.items).toHaveLength(1);
    expect((await list(w.bodyAdmin, `?userId=${w.trainee.id}`)).body.items).toHaveLength(1);
    expect((await list(w.otherTrainee)).body.items).toEqual([]);
    expect((await list(w.otherAdmin)).body.items).toEqual([]);
    expect((await list(w.trainee, '?active=false')).body.items).toEqual([]);
  });
});
