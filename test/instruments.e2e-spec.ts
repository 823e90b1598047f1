import { Role } from '../src/common/roles';
import { makeAdmin, makeUser } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';
import { API, daysAgo, makeCase, team, type Team } from './cases-fixtures';

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
    expect(list.map((i) => i.code)).toEqual(['PHQ9', 'GAD7', 'BDI2', 'HAMD17']);
    const phq = list[0];
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
      expect(over.details['items.0']).toEqual([`item 1 must be an integer ${ins.items[0].min}–${ins.items[0].max}`]);
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
    for (const who of [tm.supervisor, bodyAdmin, admin]) expect(await instruments(who.auth)).toEqual(expected);
    await t.http().get(`${API}/instruments`).expect(401);
  });
});
