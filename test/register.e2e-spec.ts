import { AccreditationStatus } from '../src/accreditations/accreditation.entity';
import { API, dayOffset, makeAccreditation } from './credentials-fixtures';
import { makeBody, makeUser } from './support/factories';
import { createTestApp, type TestApp } from './support/test-app';

const ENTRY_FIELDS = ['body', 'certificateNumber', 'expiresOn', 'holderName', 'issuedOn', 'level', 'status'];

describe('public register', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ PUBLIC_RATE_LIMIT: '100000' });
  });
  afterAll(() => t.close());

  const list = (query: Record<string, string | number> = {}) => t.http().get(`${API}/register`).query(query);

  it('lists only consenting holders in good standing (and suspended ones, marked), with the listed fields only', async () => {
    const body = await makeBody(t, { name: 'IPT Registerland', countryCode: 'NZ' });
    const holder = await makeUser(t, [], { email: 'secret.holder@test.example', displayName: 'Zed Private' });
    const mk = (holderName: string, over: Parameters<typeof makeAccreditation>[3] = {}) =>
      makeAccreditation(t, body, holder.id, { holderName, publicListing: true, ...over });
    const listed = await mk('Reg Listed');
    const suspended = await mk('Reg Suspended', { status: AccreditationStatus.Suspended });
    await mk('Reg NoConsent', { publicListing: false });
    await mk('Reg Revoked', { status: AccreditationStatus.Revoked });
    await mk('Reg Lapsed', { status: AccreditationStatus.Lapsed });
    await mk('Reg Expired', { status: AccreditationStatus.Expired });
    await mk('Reg PastExpiry', { issuedOn: dayOffset(-400), expiresOn: dayOffset(-1) });

    const res = await list({ bodyId: body.id }).expect(200);
    expect(res.body.items.map((i: { holderName: string }) => i.holderName)).toEqual(['Reg Listed', 'Reg Suspended']);
    expect(res.body.nextCursor).toBeNull();
    const [first, second] = res.body.items;
    expect(Object.keys(first).sort()).toEqual(ENTRY_FIELDS);
    expect(first).toEqual({
      holderName: 'Reg Listed',
      certificateNumber: listed.certificateNumber,
      body: { id: body.id, name: 'IPT Registerland', countryCode: 'NZ' },
      // the register shows the level as the scheme labels it: its noun and the holder's title
      level: { code: 'B', name: 'Practitioner', noun: 'accredited', title: 'Practitioner' },
      issuedOn: listed.issuedOn,
      expiresOn: listed.expiresOn,
      status: 'active',
    });
    expect(second).toMatchObject({ certificateNumber: suspended.certificateNumber, status: 'suspended' });
    const text = JSON.stringify(res.body);
    expect(text).not.toContain(holder.id);
    expect(text).not.toContain('secret.holder');
    expect(text).not.toContain(listed.id);
    expect(text).not.toContain('Zed Private');
  });

  it('filters by country, body, level and name (case-insensitive, wildcards literal) and pages with a cursor', async () => {
    const nz = await makeBody(t, { countryCode: 'NZ' });
    const ie = await makeBody(t, { countryCode: 'IE' });
    const holder = await makeUser(t, []);
    for (const name of ['Filter Amy', 'Filter Bob', 'Filter Cy', 'Filter D%n'])
      await makeAccreditation(t, ie, holder.id, { holderName: name, publicListing: true });
    await makeAccreditation(t, ie, holder.id, { holderName: 'Filter Sup', publicListing: true, levelCode: 'D', levelName: 'Supervisor' });
    await makeAccreditation(t, nz, holder.id, { holderName: 'Filter Kiwi', publicListing: true });

    const names = (r: { body: { items: { holderName: string }[] } }) => r.body.items.map((i) => i.holderName);
    expect(names(await list({ country: 'ie', name: 'filter' }).expect(200))).toEqual([
      'Filter Amy',
      'Filter Bob',
      'Filter Cy',
      'Filter D%n',
      'Filter Sup',
    ]);
    expect(names(await list({ bodyId: nz.id }).expect(200))).toEqual(['Filter Kiwi']);
    expect(names(await list({ bodyId: ie.id, level: 'D' }).expect(200))).toEqual(['Filter Sup']);
    expect(names(await list({ bodyId: ie.id, name: 'FILTER B' }).expect(200))).toEqual(['Filter Bob']);
    expect(names(await list({ bodyId: ie.id, name: '%' }).expect(200))).toEqual(['Filter D%n']);
    expect(names(await list({ bodyId: ie.id, name: '_' }).expect(200))).toEqual([]);

    const p1 = await list({ bodyId: ie.id, limit: 2 }).expect(200);
    expect(names(p1)).toEqual(['Filter Amy', 'Filter Bob']);
    const p2 = await list({ bodyId: ie.id, limit: 2, cursor: p1.body.nextCursor }).expect(200);
    expect(names(p2)).toEqual(['Filter Cy', 'Filter D%n']);
    const p3 = await list({ bodyId: ie.id, limit: 2, cursor: p2.body.nextCursor }).expect(200);
    expect(names(p3)).toEqual(['Filter Sup']);
    expect(p3.body.nextCursor).toBeNull();

    // a country is a code or a name; words that name no country are refused, as before
    await list({ country: 'Neverland' }).expect(400);
    await list({ cursor: 'garbage!' }).expect(400);
    await list({ email: 'x' }).expect(400);
  });

  it('finds a country by the names and codes people use: "UK", "GB", "United Kingdom", "Deutschland"', async () => {
    const gb = await makeBody(t, { countryCode: 'GB' });
    const de = await makeBody(t, { countryCode: 'DE' });
    const holder = await makeUser(t, []);
    await makeAccreditation(t, gb, holder.id, { holderName: 'Country Gwen', publicListing: true });
    await makeAccreditation(t, de, holder.id, { holderName: 'Country Dieter', publicListing: true });
    const names = async (country: string) =>
      (await list({ country, name: 'Country ' }).expect(200)).body.items.map((i: { holderName: string }) => i.holderName);
    for (const uk of ['GB', 'gb', 'UK', 'uk', 'United Kingdom', 'the United Kingdom', 'Great Britain', 'England'])
      expect(await names(uk)).toEqual(['Country Gwen']);
    for (const germany of ['DE', 'Germany', 'Deutschland', 'deutschland']) expect(await names(germany)).toEqual(['Country Dieter']);
    const refused = await list({ country: 'Atlantis' }).expect(400);
    expect(JSON.stringify(refused.body)).toContain('country must be a country code or name');
  });
});

describe('public rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ PUBLIC_RATE_LIMIT: '3' });
  });
  afterAll(() => t.close());

  it('answers 429 with Retry-After once an address exceeds PUBLIC_RATE_LIMIT a minute, across register and verify', async () => {
    await t.http().get(`${API}/register`).expect(200);
    await t.http().get(`${API}/verify/SOME-NUMBER`).expect(200);
    await t.http().post(`${API}/verify`).send({ credential: 'a.b.c' }).expect(200);
    const limited = await t.http().get(`${API}/register`).expect(429);
    expect(limited.body.code).toBe('TOO_MANY_REQUESTS');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    await t.http().get(`${API}/verify/bodies/00000000-0000-4000-8000-000000000000/jwks`).expect(429);
    const rows: { hits: number }[] = await t.db.query(`SELECT hits FROM rate_limits WHERE key LIKE 'public:ip:%'`);
    expect(rows).toEqual([{ hits: 5 }]);
    // signed-in routes are not counted against the public limit
    await t.http().get(`${API}/bodies`).expect(200);
  });
});

describe('verification by a certificate number as people type it', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ PUBLIC_RATE_LIMIT: '100000' });
  });
  afterAll(() => t.close());

  it('finds the certificate typed in lower case, with spaces and with typographic dashes, and answers its canonical number', async () => {
    const body = await makeBody(t, { countryCode: 'NZ' });
    const holder = await makeUser(t, []);
    const acc = await makeAccreditation(t, body, holder.id, { holderName: 'Typed Tui', publicListing: true });
    const n = acc.certificateNumber; // T-IPT-XXXXXXXX
    const typed = [
      n.toLowerCase(),
      ` ${n} `,
      n.split('-').join(' - '),
      n.replace(/-/g, '\u2013'),
      n.slice(0, 6) + ' ' + n.slice(6).toLowerCase(),
    ];
    for (const form of typed) {
      const res = await t
        .http()
        .get(`${API}/verify/${encodeURIComponent(form)}`)
        .expect(200);
      expect(res.body).toMatchObject({ result: 'valid', certificateNumber: n, holderName: 'Typed Tui' });
      const status = await t
        .http()
        .get(`${API}/verify/status/${encodeURIComponent(form)}`)
        .expect(200);
      expect(status.body).toMatchObject({ certificateNumber: n, status: 'active' });
    }
    // the name check is as forgiving of case and spacing, and a wrong name is answered as not matching
    expect(
      (
        await t
          .http()
          .get(`${API}/verify/${encodeURIComponent(n.toLowerCase())}`)
          .query({ name: 'typed  TUI' })
          .expect(200)
      ).body.nameMatches,
    ).toBe(true);
    expect(
      (
        await t
          .http()
          .get(`${API}/verify/${encodeURIComponent(n.toLowerCase())}`)
          .query({ name: 'Someone Else' })
          .expect(200)
      ).body.nameMatches,
    ).toBe(false);
  });

  it('still answers unknown for a number that is not there, and 400 for characters no number has', async () => {
    expect(
      (
        await t
          .http()
          .get(`${API}/verify/${encodeURIComponent('no such cert 1')}`)
          .expect(200)
      ).body,
    ).toMatchObject({ result: 'unknown', certificateNumber: 'nosuchcert1' });
    await t
      .http()
      .get(`${API}/verify/${encodeURIComponent('bad;number')}`)
      .expect(400);
    await t
      .http()
      .get(`${API}/verify/${encodeURIComponent('   ')}`)
      .expect(400);
  });
});
