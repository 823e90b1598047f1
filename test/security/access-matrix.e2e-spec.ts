import { randomBytes } from 'node:crypto';
import { hasPermission, type Permission } from '../../src/auth/permissions';
import { Role } from '../../src/common/roles';
import { makeUser, TEST_PASSWORD, type TestUser } from '../support/factories';
import { listRoutes, type RouteInfo } from '../support/routes';
import { createTestApp, type TestApp } from '../support/test-app';
import { ACTORS, type ActorKey, type Ctx, MATRIX, type MatrixRow } from './access-matrix';
import { diff, snapshot, snapshotQuery } from './db-snapshot';
import { buildWorld, type World } from './world';

// Route table × roles × {own, foreign object}: see access-matrix.ts for what is declared and what derived.

let t: TestApp;
let A: World;
let B: World;
let global: TestUser;
let routes: RouteInfo[];
let snapSql: string;

const ROLES: Record<ActorKey, Role[]> = {
  trainee: [Role.Trainee],
  supervisor: [Role.Supervisor],
  adminA: [Role.BodyAdmin],
  adminB: [Role.BodyAdmin],
  global: [Role.Admin],
  anon: [],
};

interface Seen {
  label: string;
  actor: ActorKey;
  /** the world of the actor (null: global admin / anonymous) */
  actorWorld: 'A' | 'B' | null;
  status: number;
  text: string;
  /** what the caller sent (path and body): echoing it back is no leak */
  sent: string;
}
const seen: Seen[] = [];
const failures: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  global = await makeUser(t, [{ role: Role.Admin }]);
  [A, B] = await Promise.all([buildWorld(t, 'A', global), buildWorld(t, 'B', global)]);
  routes = listRoutes(t.app);
  if (process.env.SEC_TIMING) console.log('world built', performance.now());
  snapSql = await snapshotQuery(t);
}, 120_000);
afterAll(() => t.close());

const user = (who: ActorKey): TestUser | undefined =>
  ({ trainee: A.trainee, supervisor: A.supervisor, adminA: A.admin, adminB: B.admin, global, anon: undefined })[who];
const homeWorld = (who: ActorKey): World => (who === 'adminB' ? B : A);
const otherWorld = (who: ActorKey): World => (who === 'adminB' ? A : B);
const actorWorld = (who: ActorKey): 'A' | 'B' | null => (who === 'global' || who === 'anon' ? null : who === 'adminB' ? 'B' : 'A');

const key = (r: RouteInfo) => `${r.method} ${r.path}`;
const permitted = (r: RouteInfo, who: ActorKey) =>
  r.access === 'PUBLIC' || (who !== 'anon' && hasPermission(ROLES[who], r.access as Permission));

async function call(r: RouteInfo, row: MatrixRow, who: ActorKey, w: World, token?: string) {
  const c: Ctx = { w, who, n: randomBytes(4).toString('hex') };
  const params = row.params?.(c) ?? {};
  let path = r.path.replace(/:(\w+)/g, (_, p: string) => {
    if (!params[p]) throw new Error(`${key(r)}: the matrix row gives no value for :${p}`);
    return encodeURIComponent(params[p]);
  });
  const q = row.query?.(c);
  if (q) path += `?${q}`;
  let req = t.http()[r.method.toLowerCase() as 'get'](path);
  const auth = token ?? user(who)?.token;
  if (auth) req = req.set('Authorization', `Bearer ${auth}`);
  const ifMatch = row.ifMatch?.(c);
  if (ifMatch) req = req.set('If-Match', ifMatch);
  const body = row.body?.(c);
  const res = body === undefined ? await req : await req.send(body as object);
  seen.push({
    label: `${key(r)} as ${who} on ${w.name}`,
    actor: who,
    actorWorld: actorWorld(who),
    status: res.status,
    text: res.text ?? '',
    sent: path + JSON.stringify(body ?? null),
  });
  return res;
}

// the database as it was before the last request (kept current, so each refused request costs one snapshot)
let last: Record<string, string> | undefined;

async function expectStatus(r: RouteInfo, row: MatrixRow, who: ActorKey, w: World, expected: number, token?: string) {
  const before = last ?? (await snapshot(t, snapSql));
  const res = await call(r, row, who, w, token);
  const label = `${key(r)} as ${who} on ${w === homeWorld(who) ? 'own' : 'foreign'} object`;
  if (res.status !== expected) failures.push(`${label}: expected ${expected}, got ${res.status} ${res.text.slice(0, 200)}`);
  if (res.status >= 500) failures.push(`${label}: server error ${res.status}`);
  if (res.status >= 400) {
    last = await snapshot(t, snapSql);
    const changed = diff(before, last);
    if (changed.length) failures.push(`${label}: refused with ${res.status} but the database changed: ${changed.join('; ')}`);
  } else {
    last = undefined;
  }
}

const ownExpectation = (r: RouteInfo, row: MatrixRow, who: ActorKey): number => {
  if (r.access !== 'PUBLIC' && who === 'anon') return 401;
  if (r.access === 'PUBLIC') return row.own[who] ?? row.own.anon ?? 200;
  if (!permitted(r, who)) return 403;
  return row.own[who] ?? 404;
};
const hasForeign = (r: RouteInfo, row: MatrixRow) => r.access !== 'PUBLIC' && !row.noForeign && (r.path.includes(':') || !!row.foreignBody);
const ACCESS_REFUSALS = [401, 403, 404];

describe('access matrix', () => {
  it('has a row for every route, and no row for a route that does not exist', () => {
    const actual = routes.map(key);
    expect(actual.filter((k) => !MATRIX[k])).toEqual([]);
    expect(Object.keys(MATRIX).filter((k) => !actual.includes(k))).toEqual([]);
  });

  it('answers every (route × role × own/foreign object) as declared; refused requests change nothing', async () => {
    const rows = routes.filter((r) => MATRIX[key(r)]);
    const order = Object.keys(MATRIX);
    rows.sort((a, b) => order.indexOf(key(a)) - order.indexOf(key(b)));
    // public routes are the same for everyone: the anonymous caller stands for all
    const actorsFor = (r: RouteInfo): ActorKey[] => (r.access === 'PUBLIC' ? ['anon'] : [...ACTORS]);

    // 1. every access refusal (401, 403, 404; all foreign objects), before any state changes
    for (const r of rows) {
      const row = MATRIX[key(r)];
      for (const who of actorsFor(r)) {
        const own = ownExpectation(r, row, who);
        if (ACCESS_REFUSALS.includes(own)) await expectStatus(r, row, who, homeWorld(who), own);
        if (who !== 'global' && who !== 'anon' && hasForeign(r, row)) {
          const foreign = permitted(r, who) ? (row.foreign ?? 404) : 403;
          await expectStatus(r, row, who, otherWorld(who), foreign);
        }
      }
    }
    if (process.env.SEC_TIMING) console.log('phase 1 done', performance.now(), seen.length);
    // 2. the permitted calls on own objects (2xx, or a business refusal such as 409): reads first, then
    //    state changes in the matrix's order
    const permittedCalls = rows.flatMap((r) =>
      actorsFor(r)
        .filter((who) => !ACCESS_REFUSALS.includes(ownExpectation(r, MATRIX[key(r)], who)))
        .map((who) => ({ r, who })),
    );
    permittedCalls.sort((a, b) => Number(a.r.method !== 'GET') - Number(b.r.method !== 'GET'));
    for (const { r, who } of permittedCalls) {
      const row = MATRIX[key(r)];
      let token: string | undefined;
      if (row.freshSession) {
        const res = await t
          .http()
          .post('/api/v1/auth/sign-in')
          .send({ email: user(who)!.email, password: TEST_PASSWORD });
        token = res.body.accessToken;
      }
      await expectStatus(r, row, who, homeWorld(who), ownExpectation(r, row, who), token);
    }
    expect(failures).toEqual([]);
    // hundreds of requests: minutes on a loaded two-core machine
  }, 600_000);

  it('never leaks secrets or the other world’s people and records in any response', async () => {
    expect(seen.length).toBeGreaterThan(300);
    const tokenHashes: { h: string }[] = await t.db.query(`SELECT token_hash AS h FROM refresh_tokens`);
    const secrets = [/\$argon2/i, /password_?hash/i, /token_?hash/i, /refresh_tokens/i];
    const personal = (w: World) => [
      ...[
        'trainee',
        'supervisor',
        'supervisor2',
        'admin',
        'spareUser',
        'case',
        'activity',
        'session',
        'measure',
        'rating',
        'application',
        'accreditation',
        'supervisionSession',
        'relationship',
        'conflict',
      ].map((k) => w.ids[k]),
      w.trainee.email,
      w.supervisor.email,
      w.admin.email,
    ];
    const leaks: string[] = [];
    for (const s of seen) {
      for (const re of secrets) if (re.test(s.text)) leaks.push(`${s.label}: matches ${re}`);
      for (const { h } of tokenHashes) if (s.text.includes(h)) leaks.push(`${s.label}: contains a refresh-token hash`);
      if (s.actorWorld) {
        const other = s.actorWorld === 'A' ? B : A;
        for (const v of personal(other))
          if (v && s.text.includes(v) && !s.sent.includes(v)) leaks.push(`${s.label} (${s.status}): contains ${other.name}'s ${v}`);
      }
    }
    expect(leaks).toEqual([]);
  }, 600_000);
});
