import { Role } from '../src/common/roles';
import { BodyKind } from '../src/bodies/body.entity';
import { makeBody, makeUser } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const API = '/api/v1';

describe('several bodies per country', () => {
  it('a global admin creates a CBT and an IPT body in one country and a regional chapter under one; people register with either by id', async () => {
    const admin = await makeUser(t, [{ role: Role.Admin }]);
    const intl = await makeBody(t, { kind: BodyKind.International, parentId: null });
    const create = (b: Record<string, unknown>) => t.http().post(`${API}/bodies`).set(admin.auth).send(b);
    const ipt = (
      await create({ code: 'NL-IPT', name: 'IPT Nederland', kind: 'national', countryCode: 'NL', parentId: intl.id }).expect(201)
    ).body;
    const cbt = (await create({ code: 'NL-CBT', name: 'VGCt (CBT)', kind: 'national', countryCode: 'NL' }).expect(201)).body;
    expect(cbt).toMatchObject({ kind: 'national', countryCode: 'NL', parentId: null });
    const region = (
      await create({ code: 'NL-IPT-NORD', name: 'IPT Nederland, Noord', kind: 'regional', countryCode: 'NL', parentId: ipt.id }).expect(201)
    ).body;
    expect(region).toMatchObject({ kind: 'regional', parentId: ipt.id, name: 'IPT Nederland, Noord' });
    await create({ code: 'OTHER-1', name: 'A training institute', kind: 'other' }).expect(201);

    // a regional chapter belongs to a national body of its own country
    await create({ code: 'NL-BAD1', name: 'x regional', kind: 'regional', countryCode: 'NL' }).expect(400);
    await create({ code: 'NL-BAD2', name: 'x regional', kind: 'regional', countryCode: 'BE', parentId: ipt.id }).expect(400);
    await create({ code: 'NL-BAD3', name: 'x regional', kind: 'regional', countryCode: 'NL', parentId: intl.id }).expect(400);
    await create({ code: 'NL-BAD4', name: 'x national', kind: 'national', countryCode: 'NL', parentId: ipt.id }).expect(400);

    const list = (await t.http().get(`${API}/bodies`).expect(200)).body as { id: string; countryCode: string | null }[];
    expect(
      list
        .filter((b) => b.countryCode === 'NL')
        .map((b) => b.id)
        .sort(),
    ).toEqual([ipt.id, cbt.id, region.id].sort());

    for (const body of [cbt, region]) {
      const reg = await t
        .http()
        .post(`${API}/auth/register`)
        .send({
          email: `someone-${body.code.toLowerCase()}@example.org`,
          password: 'a long enough passphrase',
          displayName: 'New Trainee',
          bodyId: body.id,
        })
        .expect(202);
      const grants = await t.db.query(`SELECT g.body_id FROM role_grants g JOIN users u ON u.id = g.user_id WHERE u.email = $1`, [
        reg.body.email,
      ]);
      expect(grants).toEqual([{ body_id: body.id }]);
    }
    await t
      .http()
      .post(`${API}/auth/register`)
      .send({ email: 'someone-intl@example.org', password: 'a long enough passphrase', displayName: 'New Trainee', bodyId: intl.id })
      .expect(400);
  });
});
