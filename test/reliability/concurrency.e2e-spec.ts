import { API, makeCase, team } from '../cases-fixtures';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('optimistic concurrency under contention', () => {
  it('50 concurrent updates with the same If-Match: exactly one 200, 49 × 412, and no lost update', async () => {
    const tm = await team(t);
    const c = await makeCase(t, tm);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        t
          .http()
          .patch(`${API}/cases/${c.id}`)
          .set(tm.trainee.auth)
          .set('If-Match', `"${c.version}"`)
          .send({ formulation: `Formulation edit number ${i}` }),
      ),
    );
    const ok = results.filter((r) => r.status === 200);
    const stale = results.filter((r) => r.status === 412);
    expect(ok).toHaveLength(1);
    expect(stale).toHaveLength(49);
    for (const r of stale) expect(r.body.code).toBe('PRECONDITION_FAILED');
    const winner = ok[0].body as { formulation: string; version: number };
    expect(winner.version).toBe(c.version + 1);
    const [row] = await t.db.query(`SELECT formulation, version FROM supervised_cases WHERE id = $1`, [c.id]);
    expect(row).toEqual({ formulation: winner.formulation, version: c.version + 1 });
    const audits = await t.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action <> 'case.create'`, [c.id]);
    expect(audits[0].n).toBe(1);
    // the loser retries with the new ETag and wins; a stale ETag stays 412
    await t
      .http()
      .patch(`${API}/cases/${c.id}`)
      .set(tm.trainee.auth)
      .set('If-Match', ok[0].headers.etag)
      .send({ formulation: 'Second round' })
      .expect(200);
    await t
      .http()
      .patch(`${API}/cases/${c.id}`)
      .set(tm.trainee.auth)
      .set('If-Match', ok[0].headers.etag)
      .send({ formulation: 'Stale' })
      .expect(412);
    await t.http().patch(`${API}/cases/${c.id}`).set(tm.trainee.auth).send({ formulation: 'No precondition' }).expect(428);
  });
});
