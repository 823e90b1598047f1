import { randomBytes } from 'node:crypto';
import { hashPassword } from '../../src/auth/password-hasher';
import { Role } from '../../src/common/roles';
import { Body, BodyKind } from '../../src/bodies/body.entity';
import { RoleGrant } from '../../src/users/role-grant.entity';
import { User } from '../../src/users/user.entity';
import type { TestApp } from './test-app';

export const TEST_PASSWORD = 'test-password-for-everyone-42';
let hash: Promise<string> | undefined;
const passwordHash = () => (hash ??= hashPassword(TEST_PASSWORD));

const suffix = () => randomBytes(4).toString('hex');

export async function makeBody(t: TestApp, over: Partial<Body> = {}): Promise<Body> {
  const repo = t.db.getRepository(Body);
  let parentId = over.parentId;
  if (parentId === undefined && (over.kind ?? BodyKind.National) === BodyKind.National) {
    const intl =
      (await repo.findOneBy({ kind: BodyKind.International })) ??
      (await repo.save(
        repo.create({
          code: `INTL-${suffix()}`.toUpperCase(),
          name: 'International',
          kind: BodyKind.International,
          countryCode: null,
          parentId: null,
        }),
      ));
    parentId = intl.id;
  }
  return repo.save(
    repo.create({
      code: `B-${suffix()}`.toUpperCase(),
      name: 'Test body',
      kind: BodyKind.National,
      countryCode: null,
      parentId: parentId ?? null,
      ...over,
    }),
  );
}

export interface TestUser {
  id: string;
  email: string;
  token: string;
  refreshToken: string;
  auth: { Authorization: string };
}

/** A user holding the given roles, signed in over HTTP. */
export async function makeUser(
  t: TestApp,
  roles: { role: Role; bodyId?: string | null }[] = [],
  over: Partial<User> = {},
): Promise<TestUser> {
  const email = over.email ?? `user-${suffix()}@test.example`;
  const user = await t.db
    .getRepository(User)
    .save(t.db.getRepository(User).create({ email, displayName: 'Test User', passwordHash: await passwordHash(), ...over }));
  for (const r of roles)
    await t.db
      .getRepository(RoleGrant)
      .insert({ userId: user.id, role: r.role, bodyId: r.role === Role.Admin ? null : (r.bodyId ?? null), grantedBy: null });
  const res = await t.http().post('/api/v1/auth/sign-in').send({ email, password: TEST_PASSWORD }).expect(200);
  return {
    id: user.id,
    email,
    token: res.body.accessToken,
    refreshToken: res.body.refreshToken,
    auth: { Authorization: `Bearer ${res.body.accessToken}` },
  };
}

export const makeAdmin = (t: TestApp) => makeUser(t, [{ role: Role.Admin }]);

export async function countRows(t: TestApp, table: string): Promise<number> {
  const rows: { n: string }[] = await t.db.query(`SELECT count(*)::text AS n FROM "${table}"`);
  return Number(rows[0].n);
}
