import { countRows } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';
import { API, caseBody, daysAgo, makeCase, session, team } from './cases-fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const auditRows = () => countRows(t, 'audit_log');

describe('the review workflow: submit → return → resubmit → sign-off → edit voids → history', () => {
  it('walks the whole life of a case, one audit row per write', async () => {
    const tm = await team(t);
    let audits = await auditRows();
    const expectOneAudit = async () => {
      expect(await auditRows()).toBe(++audits);
    };

    const created = await t.http().post(`${API}/cases`).set(tm.trainee.auth).send(caseBody(tm.supervisor.id)).expect(201);
    await expectOneAudit();
    expect(created.body).toMatchObject({
      reviewState: 'draft',
      status: 'active',
      traineeId: tm.trainee.id,
      supervisorId: tm.supervisor.id,
      bodyId: tm.bodyId,
      version: 1,
      sessions: [],
    });
    expect(created.body.clientCode).toMatch(/^C-[0-9A-Z]{4}$/);
    expect(created.headers.etag).toBe('"1"');
    const id = created.body.id;

    const s1 = await t
      .http()
      .post(`${API}/cases/${id}/sessions`)
      .set(tm.trainee.auth)
      .set('If-Match', '"1"')
      .send(session(1, daysAgo(50)))
      .expect(201);
    await expectOneAudit();
    expect(s1.body).toMatchObject({ version: 2, deliveredSessions: 1, sessions: [{ number: 1, phase: 'initial' }] });
    await t
      .http()
      .post(`${API}/cases/${id}/measures`)
      .set(tm.trainee.auth)
      .set('If-Match', '"2"')
      .send({ instrument: 'PHQ9', administeredOn: daysAgo(50), sessionNumber: 0, items: [2, 2, 2, 1, 1, 2, 1, 1, 0] })
      .expect(201);
    await expectOneAudit();

    const submitted = await t.http().post(`${API}/cases/${id}/submit`).set(tm.trainee.auth).expect(200);
    await expectOneAudit();
    expect(submitted.body.reviewState).toBe('submitted');
    const queue = await t.http().get(`${API}/supervision/queue`).set(tm.supervisor.auth).expect(200);
    expect(queue.body.items.map((c: { id: string }) => c.id)).toEqual([id]);

    // the trainee cannot sign off (no review permission); the supervisor returns it with comments
    await t.http().post(`${API}/cases/${id}/sign-off`).set(tm.trainee.auth).send({ contentHash: submitted.body.contentHash }).expect(403);
    const returned = await t
      .http()
      .post(`${API}/cases/${id}/return`)
      .set(tm.supervisor.auth)
      .send({ comments: 'Please describe the interpersonal inventory.' })
      .expect(200);
    await expectOneAudit();
    expect(returned.body.reviewState).toBe('returned');
    expect((await t.http().get(`${API}/supervision/queue`).set(tm.supervisor.auth).expect(200)).body.items).toEqual([]);

    const edited = await t
      .http()
      .patch(`${API}/cases/${id}`)
      .set(tm.trainee.auth)
      .set('If-Match', `"${returned.body.version}"`)
      .send({ formulation: 'Grief; inventory shows a close, conflicted tie.' })
      .expect(200);
    await expectOneAudit();
    expect(edited.body.reviewState).toBe('draft');
    const resubmitted = await t.http().post(`${API}/cases/${id}/submit`).set(tm.trainee.auth).expect(200);
    await expectOneAudit();

    // a sign-off for content the supervisor did not read is refused
    const stale = await t
      .http()
      .post(`${API}/cases/${id}/sign-off`)
      .set(tm.supervisor.auth)
      .send({ contentHash: submitted.body.contentHash })
      .expect(409);
    expect(stale.body.code).toBe('CONTENT_CHANGED');
    expect(await auditRows()).toBe(audits);
    const read = await t.http().get(`${API}/cases/${id}`).set(tm.supervisor.auth).expect(200);
    expect(read.body.contentHash).toBe(resubmitted.body.contentHash);
    const signed = await t
      .http()
      .post(`${API}/cases/${id}/sign-off`)
      .set(tm.supervisor.auth)
      .send({ contentHash: read.body.contentHash })
      .expect(200);
    await expectOneAudit();
    expect(signed.body).toMatchObject({
      reviewState: 'signed_off',
      currentSignoff: { supervisorId: tm.supervisor.id, contentHash: read.body.contentHash, voidedAt: null },
    });

    // any later edit voids the sign-off; the signed version stays in the history
    const after = await t
      .http()
      .post(`${API}/cases/${id}/sessions`)
      .set(tm.trainee.auth)
      .set('If-Match', `"${signed.body.version}"`)
      .send(session(2, daysAgo(43), 'middle'))
      .expect(201);
    await expectOneAudit();
    expect(after.body).toMatchObject({ reviewState: 'draft', currentSignoff: null });
    expect(after.body.contentHash).not.toBe(read.body.contentHash);
    const rows = await t.db.query(`SELECT content_hash, voided_at, void_reason, snapshot FROM case_signoffs WHERE case_id = $1`, [id]);
    expect(rows).toHaveLength(1);
    expect(rows[0].voided_at).not.toBeNull();
    expect(rows[0].snapshot.sessions).toHaveLength(1);

    const history = await t.http().get(`${API}/cases/${id}/history`).set(tm.trainee.auth).expect(200);
    expect(history.body.events.map((e: { kind: string }) => e.kind)).toEqual([
      'submitted',
      'returned',
      'submitted',
      'signed_off',
      'voided',
    ]);
    expect(history.body.events[1]).toMatchObject({ actorId: tm.supervisor.id, comments: 'Please describe the interpersonal inventory.' });
    expect(history.body.signoffs).toEqual([
      expect.objectContaining({
        contentHash: read.body.contentHash,
        voidReason: 'content edited after sign-off',
        snapshot: expect.objectContaining({
          case: expect.objectContaining({ formulation: 'Grief; inventory shows a close, conflicted tie.' }),
        }),
      }),
    ]);
    expect(history.body.signoffs[0].voidedAt).not.toBeNull();

    // a case that was ever signed off is never deleted
    const del = await t.http().delete(`${API}/cases/${id}`).set(tm.trainee.auth).expect(409);
    expect(del.body.code).toBe('CASE_WAS_SIGNED_OFF');
    expect(await auditRows()).toBe(audits);
    expect(await t.db.query(`SELECT 1 FROM supervised_cases WHERE id = $1`, [id])).toHaveLength(1);
  });

  it('deletes a draft that was never signed off, with its sessions, and audits it once', async () => {
    const tm = await team(t);
    const c = await makeCase(t, tm);
    await t
      .http()
      .post(`${API}/cases/${c.id}/sessions`)
      .set(tm.trainee.auth)
      .set('If-Match', '"1"')
      .send(session(1, daysAgo(50)))
      .expect(201);
    const before = await auditRows();
    await t.http().delete(`${API}/cases/${c.id}`).set(tm.trainee.auth).expect(204);
    expect(await auditRows()).toBe(before + 1);
    expect(await t.db.query(`SELECT 1 FROM therapy_sessions WHERE case_id = $1`, [c.id])).toHaveLength(0);
    await t.http().get(`${API}/cases/${c.id}`).set(tm.trainee.auth).expect(404);
  });

  it('does not submit twice nor sign off a draft', async () => {
    const tm = await team(t);
    const c = await makeCase(t, tm);
    const draft = await t
      .http()
      .post(`${API}/cases/${c.id}/sign-off`)
      .set(tm.supervisor.auth)
      .send({ contentHash: c.contentHash })
      .expect(409);
    expect(draft.body.code).toBe('INVALID_REVIEW_STATE');
    await t.http().post(`${API}/cases/${c.id}/submit`).set(tm.trainee.auth).expect(200);
    expect((await t.http().post(`${API}/cases/${c.id}/submit`).set(tm.trainee.auth).expect(409)).body.code).toBe('INVALID_REVIEW_STATE');
    await t.http().post(`${API}/cases/${c.id}/return`).set(tm.supervisor.auth).send({ comments: '' }).expect(400);
  });
});

describe('editing case content: one path', () => {
  it('case fields, sessions and measures: each write needs If-Match, bumps the version once, answers from its transaction and writes one audit row of one shape', async () => {
    const tm = await team(t);
    const c = await makeCase(t, tm);
    const writes = [
      () => t.http().patch(`${API}/cases/${c.id}`).set(tm.trainee.auth).send({ plannedSessions: 12 }),
      () =>
        t
          .http()
          .post(`${API}/cases/${c.id}/sessions`)
          .set(tm.trainee.auth)
          .send(session(1, daysAgo(50))),
      () =>
        t
          .http()
          .post(`${API}/cases/${c.id}/measures`)
          .set(tm.trainee.auth)
          .send({ instrument: 'GAD7', administeredOn: daysAgo(50), total: 8 }),
    ];
    const audits = await auditRows();
    for (const w of writes) expect((await w().expect(428)).body.code).toBe('PRECONDITION_REQUIRED');
    for (const w of writes)
      expect(
        (
          await w()
            .set('If-Match', `"${c.version + 1}"`)
            .expect(412)
        ).body.code,
      ).toBe('PRECONDITION_FAILED');
    expect(await auditRows()).toBe(audits);

    const versions: number[] = [];
    for (const w of writes) {
      const res = await w()
        .set('If-Match', `"${c.version + versions.length}"`)
        .expect((r) => expect([200, 201]).toContain(r.status));
      versions.push(res.body.version ?? res.body.caseVersion);
    }
    expect(versions).toEqual([c.version + 1, c.version + 2, c.version + 3]);
    const got = await t.http().get(`${API}/cases/${c.id}`).set(tm.trainee.auth).expect(200);
    expect(got.body).toMatchObject({ version: c.version + 3, plannedSessions: 12, deliveredSessions: 1 });

    const rows: { action: string; entity_type: string; entity_id: string; body_id: string; changes: Record<string, unknown> }[] =
      await t.db.query(
        `SELECT action, entity_type, entity_id, body_id, changes FROM audit_log WHERE entity_id = $1 AND action <> 'case.create' ORDER BY id`,
        [c.id],
      );
    expect(rows.map((r) => r.action)).toEqual(['case.update', 'session.create', 'measure.create']);
    for (const r of rows)
      expect(r).toMatchObject({ entity_type: 'case', entity_id: c.id, body_id: tm.bodyId, changes: { reviewState: { from: 'draft' } } });
  });

  it('a case that is not the callers is a 404 whatever its version, and nothing is written', async () => {
    const tm = await team(t);
    const other = await team(t);
    const c = await makeCase(t, tm);
    const audits = await auditRows();
    await t
      .http()
      .patch(`${API}/cases/${c.id}`)
      .set(other.trainee.auth)
      .set('If-Match', `"${c.version}"`)
      .send({ plannedSessions: 12 })
      .expect(404);
    await t
      .http()
      .post(`${API}/cases/${c.id}/sessions`)
      .set(other.trainee.auth)
      .set('If-Match', `"${c.version}"`)
      .send(session(1, daysAgo(50)))
      .expect(404);
    await t
      .http()
      .post(`${API}/cases/${c.id}/measures`)
      .set(other.trainee.auth)
      .set('If-Match', `"${c.version}"`)
      .send({ instrument: 'GAD7', administeredOn: daysAgo(50), total: 8 })
      .expect(404);
    expect(await auditRows()).toBe(audits);
    const [row] = await t.db.query(`SELECT version, planned_sessions FROM supervised_cases WHERE id = $1`, [c.id]);
    expect(row).toEqual({ version: c.version, planned_sessions: 16 });
  });
});

describe('therapy sessions', () => {
  it('refuses sessions that do not fit the case with 400 and details, writing nothing', async () => {
    const tm = await team(t);
    const c = await makeCase(t, tm);
    const ok = await t
      .http()
      .post(`${API}/cases/${c.id}/sessions`)
      .set(tm.trainee.auth)
      .set('If-Match', '"1"')
      .send(session(2, daysAgo(40), 'middle'))
      .expect(201);
    const before = { sessions: await countRows(t, 'therapy_sessions'), audit: await auditRows() };
    const post = (body: object) =>
      t.http().post(`${API}/cases/${c.id}/sessions`).set(tm.trainee.auth).set('If-Match', `"${ok.body.version}"`).send(body);

    const early = await post(session(1, daysAgo(61))).expect(400);
    expect(early.body).toMatchObject({
      code: 'INCONSISTENT_SESSIONS',
      details: { date: [expect.stringContaining('before the case start')] },
    });
    expect((await post(session(3, daysAgo(-2), 'middle')).expect(400)).body.details.date).toEqual([expect.stringContaining('future')]);
    expect((await post(session(1, daysAgo(30))).expect(400)).body.details.date).toEqual([
      expect.stringContaining('dated before session 1'),
    ]);
    expect((await post(session(3, daysAgo(30), 'initial')).expect(400)).body.details.phase).toEqual([
      expect.stringContaining('cannot go backwards'),
    ]);
    expect((await post(session(2, daysAgo(30), 'middle')).expect(400)).body.details.number).toEqual([
      'session 2 is already logged for this case',
    ]);
    expect((await post(session(3, daysAgo(30), 'middle', { durationMinutes: 5 })).expect(400)).body.details.durationMinutes).toBeDefined();
    expect((await post({ ...session(3, daysAgo(30), 'middle'), loggedAt: 'x' }).expect(400)).body.details.loggedAt).toBeDefined();
    // every field of a new session is required: a missing one is named, never a database NOT NULL error
    for (const field of ['number', 'date', 'durationMinutes', 'phase', 'attended', 'recorded']) {
      const { [field]: _left, ...rest } = session(3, daysAgo(30), 'middle') as Record<string, unknown>;
      expect((await post(rest).expect(400)).body.details[field]).toContain(`${field} is required and cannot be null`);
    }
    expect(await countRows(t, 'therapy_sessions')).toBe(before.sessions);
    expect(await auditRows()).toBe(before.audit);
  });

  it('updates and deletes sessions under the case If-Match', async () => {
    const tm = await team(t);
    const c = await makeCase(t, tm);
    const a = await t
      .http()
      .post(`${API}/cases/${c.id}/sessions`)
      .set(tm.trainee.auth)
      .set('If-Match', '"1"')
      .send(session(1, daysAgo(50)))
      .expect(201);
    const sid = a.body.sessions[0].id;
    await t
      .http()
      .patch(`${API}/cases/${c.id}/sessions/${sid}`)
      .set(tm.trainee.auth)
      .set('If-Match', '"1"')
      .send({ recorded: false })
      .expect(412);
    await t.http().patch(`${API}/cases/${c.id}/sessions/${sid}`).set(tm.trainee.auth).send({ recorded: false }).expect(428);
    const u = await t
      .http()
      .patch(`${API}/cases/${c.id}/sessions/${sid}`)
      .set(tm.trainee.auth)
      .set('If-Match', '"2"')
      .send({ recorded: false })
      .expect(200);
    expect(u.body.sessions[0].recorded).toBe(false);
    const d = await t.http().delete(`${API}/cases/${c.id}/sessions/${sid}`).set(tm.trainee.auth).set('If-Match', '"3"').expect(200);
    expect(d.body).toMatchObject({ version: 4, sessions: [] });
  });

  it('reports the logging lag on the case and per trainee', async () => {
    const tm = await team(t);
    const c = await makeCase(t, tm);
    let v = 1;
    for (const [n, ago, phase] of [
      [1, 30, 'initial'],
      [2, 20, 'middle'],
      [3, 3, 'middle'],
    ] as const) {
      v = (
        await t
          .http()
          .post(`${API}/cases/${c.id}/sessions`)
          .set(tm.trainee.auth)
          .set('If-Match', `"${v}"`)
          .send(session(n, daysAgo(ago), phase))
          .expect(201)
      ).body.version;
    }
    const got = await t.http().get(`${API}/cases/${c.id}`).set(tm.supervisor.auth).expect(200);
    expect(got.body.loggingLag).toEqual({ sessions: 3, medianDays: 20, p90Days: 30, loggedLate: 2 });
    expect(got.body.sessions.map((s: { lagDays: number }) => s.lagDays)).toEqual([30, 20, 3]);
    const lag = await t.http().get(`${API}/trainees/${tm.trainee.id}/logging-lag`).set(tm.trainee.auth).expect(200);
    expect(lag.body).toEqual({ traineeId: tm.trainee.id, sessions: 3, medianDays: 20, p90Days: 30, loggedLate: 2 });
    const other = await team(t);
    await t.http().get(`${API}/trainees/${tm.trainee.id}/logging-lag`).set(other.supervisor.auth).expect(404);
  });
});

describe('required fields', () => {
  it('names a required case field left out of a create (400, nothing written); a PATCH may leave it out but not null it', async () => {
    const tm = await team(t);
    const before = await countRows(t, 'supervised_cases');
    for (const field of [
      'format',
      'adaptation',
      'ageBand',
      'setting',
      'primaryDiagnosis',
      'focusProblemArea',
      'plannedSessions',
      'startDate',
      'recordingConsent',
      'supervisorId',
    ]) {
      const { [field]: _left, ...rest } = caseBody(tm.supervisor.id) as Record<string, unknown>;
      const res = await t.http().post(`${API}/cases`).set(tm.trainee.auth).send(rest).expect(400);
      expect(Object.keys(res.body.details)).toContain(field);
    }
    const { clientCode: _none, ...withoutCode } = { ...caseBody(tm.supervisor.id), clientCode: undefined };
    const created = await t.http().post(`${API}/cases`).set(tm.trainee.auth).send(withoutCode).expect(201);
    expect(created.body.clientCode).toMatch(/^C-/);
    expect(await countRows(t, 'supervised_cases')).toBe(before + 1);

    const patch = (body: object) =>
      t.http().patch(`${API}/cases/${created.body.id}`).set(tm.trainee.auth).set('If-Match', `"${created.body.version}"`).send(body);
    expect((await patch({ primaryDiagnosis: null }).expect(400)).body.details.primaryDiagnosis).toContain(
      'primaryDiagnosis is required and cannot be null',
    );
    await patch({ formulation: 'Grief after a bereavement.' }).expect(200);
  });
});
