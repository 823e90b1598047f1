import type { EntityTarget, ObjectLiteral } from 'typeorm';
import { Accreditation } from '../src/accreditations/accreditation.entity';
import { Body } from '../src/bodies/body.entity';
import { CaseSignoff } from '../src/cases/case-signoff.entity';
import { SupervisedCase } from '../src/cases/supervised-case.entity';
import { TherapySession } from '../src/cases/therapy-session.entity';
import { entityRows } from '../src/database/entity-rows';
import { OutcomeMeasure } from '../src/measures/outcome-measure.entity';
import { API, daysAgo, makeCase, session, team } from './cases-fixtures';
import { makeAccreditation } from './credentials-fixtures';
import { createTestApp, type TestApp } from './support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

// The hot read paths read with plain SQL (EntityRows); what they hydrate must be exactly what the repository gives.
describe('EntityRows', () => {
  it('hydrates every entity it is used with exactly as the TypeORM repository does', async () => {
    const tm = await team(t);
    const c = await makeCase(t, tm, { secondaryProblemArea: 'role_dispute', endDate: null });
    let v = c.version;
    for (const [n, phase] of [
      [1, 'initial'],
      [2, 'initial'],
    ] as const) {
      const r = await t
        .http()
        .post(`${API}/cases/${c.id}/sessions`)
        .set(tm.trainee.auth)
        .set('If-Match', `"${v}"`)
        .send(session(n, daysAgo(50 - n), phase, { recorded: n === 1 }))
        .expect(201);
      v = r.body.version;
    }
    await t
      .http()
      .post(`${API}/cases/${c.id}/measures`)
      .set(tm.trainee.auth)
      .set('If-Match', `"${v}"`)
      .send({ instrument: 'PHQ9', administeredOn: daysAgo(49), sessionNumber: 1, items: [1, 2, 3, 0, 1, 2, 1, 0, 0] })
      .expect(201);
    await t.http().post(`${API}/cases/${c.id}/submit`).set(tm.trainee.auth).expect(200);
    const read = await t.http().get(`${API}/cases/${c.id}`).set(tm.supervisor.auth).expect(200);
    await t.http().post(`${API}/cases/${c.id}/sign-off`).set(tm.supervisor.auth).send({ contentHash: read.body.contentHash }).expect(200);
    const body = (await t.db.getRepository(Body).findOneByOrFail({ id: tm.bodyId }))!;
    const acc = await makeAccreditation(t, body, tm.trainee.id, { publicListing: true });

    const same = async <T extends ObjectLiteral>(target: EntityTarget<T>, table: string, where: string, param: string) => {
      const rows = entityRows(t.db, target);
      const raw: Record<string, unknown>[] = await t.db.query(
        `SELECT ${rows.select('x')} FROM ${table} x WHERE x.${where} = $1 ORDER BY x.id`,
        [param],
      );
      const viaRepo = await t.db
        .getRepository(target)
        .find({ where: { [where === 'id' ? 'id' : camel(where)]: param } as never, order: { id: 'ASC' } as never });
      expect(raw.length).toBeGreaterThan(0);
      const mapped = raw.map((r) => rows.map(r, 'x'));
      expect(mapped).toEqual(viaRepo);
      mapped.forEach((m, i) => expect(Object.getPrototypeOf(m)).toBe(Object.getPrototypeOf(viaRepo[i])));
    };
    await same(SupervisedCase, 'supervised_cases', 'id', c.id);
    await same(TherapySession, 'therapy_sessions', 'case_id', c.id);
    await same(OutcomeMeasure, 'outcome_measures', 'case_id', c.id);
    await same(CaseSignoff, 'case_signoffs', 'case_id', c.id);
    await same(Accreditation, 'accreditations', 'id', acc.id);
    await same(Body, 'bodies', 'id', tm.bodyId);
  });
});

const camel = (s: string) => s.replace(/_([a-z])/g, (_, ch: string) => ch.toUpperCase());
