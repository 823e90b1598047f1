import { randomUUID } from 'node:crypto';
import { Role } from '../../src/common/roles';
import { countRows, makeUser, type TestUser } from '../support/factories';
import { createTestApp, type TestApp } from '../support/test-app';
import { API, buildWorld, type World } from './world';

// Escalation chains (issue 12, finding 1; README "Access"): a role that can grant roles tries to widen its
// own scope over a person of another body — by granting them a role in its body, or by enrolling them
// (supervision assignment, scheme enrolment, an application) — and then to read that person's record.
// Every step must be refused, and the refusals must not tell a real person from a random id.
// The roles that can grant (roles:grant) are BODY_ADMIN and ADMIN; BODY_ADMIN is checked both for a
// national body and for the international body above the victim's body. A global ADMIN keeps full power.
// Invite-then-read: an invitation grants nothing until the invited person accepts it, signed in as the invited
// address; after that the inviting body sees what any body sees of its members, and no more.

let t: TestApp;
let A: World;
let B: World;
let global: TestUser;
let intlAdmin: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  global = await makeUser(t, [{ role: Role.Admin }]);
  [A, B] = await Promise.all([buildWorld(t, 'A', global), buildWorld(t, 'B', global)]);
  // a body admin of the international body above B (it administers B's schemes, not B's people)
  intlAdmin = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: B.body.parentId! }]);
}, 120_000);
afterAll(() => t.close());

type Granter = 'national body admin' | 'international body admin';
const granter = (g: Granter): { user: TestUser; bodyId: string } =>
  g === 'national body admin' ? { user: A.admin, bodyId: A.body.id } : { user: intlAdmin, bodyId: B.body.parentId! };
const GRANTERS: Granter[] = ['national body admin', 'international body admin'];

/** The reads a body admin could make of B's trainee: each must answer 404 (or an empty list). */
async function expectRecordHidden(who: TestUser, opts: { applications: boolean }) {
  const http = () => t.http();
  const victim = B.trainee;
  const refused: string[] = [];
  const expect404 = async (label: string, p: PromiseLike<{ status: number }>) => {
    const res = await p;
    if (res.status !== 404) refused.push(`${label}: ${res.status}`);
  };
  await expect404('user', http().get(`${API}/users/${victim.id}`).set(who.auth));
  await expect404('case', http().get(`${API}/cases/${B.ids.case}`).set(who.auth));
  await expect404('case measures', http().get(`${API}/cases/${B.ids.case}/measures`).set(who.auth));
  await expect404('profile', http().get(`${API}/trainees/${victim.id}/profile`).set(who.auth));
  await expect404('activities', http().get(`${API}/trainees/${victim.id}/activities`).set(who.auth));
  await expect404('activity', http().get(`${API}/activities/${B.ids.activity}`).set(who.auth));
  await expect404('verify evidence', http().post(`${API}/activities/${B.ids.activity2}/verify`).set(who.auth));
  await expect404('rating', http().get(`${API}/ratings/${B.ids.ratingSpare}`).set(who.auth));
  if (opts.applications) await expect404('application', http().get(`${API}/applications/${B.ids.application}`).set(who.auth));
  const users = await http().get(`${API}/users`).query({ q: victim.email }).set(who.auth);
  if (users.status !== 200 || users.body.items.length) refused.push(`user search: ${users.status} ${users.body.items?.length}`);
  const cases = await http().get(`${API}/cases`).query({ traineeId: victim.id }).set(who.auth);
  if (cases.status !== 200 || cases.body.items.length) refused.push(`case list: ${cases.status} ${cases.body.items?.length}`);
  expect(refused).toEqual([]);
  const verified: { verified_by: string | null }[] = await t.db.query(`SELECT verified_by FROM training_activities WHERE id = $1`, [
    B.ids.activity2,
  ]);
  expect(verified[0].verified_by).toBeNull();
}

describe.each(GRANTERS)('grant-then-read: a %s', (g) => {
  it('cannot grant a role in its own body to a person of another body: the same 404 as for a random id, nothing written', async () => {
    const { user, bodyId } = granter(g);
    const grantsBefore = await countRows(t, 'role_grants');
    const auditBefore = await countRows(t, 'audit_log');
    const random = await t.http().post(`${API}/users/${randomUUID()}/roles`).set(user.auth).send({ role: 'TRAINEE', bodyId });
    expect(random.status).toBe(404);
    for (const role of ['TRAINEE', 'SUPERVISOR', 'BODY_ADMIN']) {
      const real = await t.http().post(`${API}/users/${B.trainee.id}/roles`).set(user.auth).send({ role, bodyId });
      expect({ role, status: real.status, body: real.body }).toEqual({ role, status: 404, body: random.body });
    }
    expect(await countRows(t, 'role_grants')).toBe(grantsBefore);
    expect(await countRows(t, 'audit_log')).toBe(auditBefore);
  });

  it('then cannot read their cases, profile, e-mail, activities or ratings, nor verify their training evidence', async () => {
    const { user, bodyId } = granter(g);
    await t.http().post(`${API}/users/${B.trainee.id}/roles`).set(user.auth).send({ role: 'TRAINEE', bodyId });
    // the international admin decides B's applications by design (it administers B's schemes)
    await expectRecordHidden(user, { applications: g === 'national body admin' });
  });
});

describe('enrol-then-read: a body admin', () => {
  it('cannot pair a person of another body with its own supervisor (the same answer as for a random id), so that supervisor reads nothing', async () => {
    const assign = (traineeId: string) =>
      t
        .http()
        .post(`${API}/supervision/relationships`)
        .set(A.admin.auth)
        .send({ traineeId, supervisorId: A.supervisor2.id, bodyId: A.body.id });
    const random = await assign(randomUUID());
    // grant first, as an attacker would; then enrol under supervision
    await t.http().post(`${API}/users/${B.trainee.id}/roles`).set(A.admin.auth).send({ role: 'TRAINEE', bodyId: A.body.id });
    const real = await assign(B.trainee.id);
    expect(real.status).toBeGreaterThanOrEqual(400);
    expect({ status: real.status, body: real.body }).toEqual({ status: random.status, body: random.body });
    await t.http().get(`${API}/cases/${B.ids.case}`).set(A.supervisor2.auth).expect(404);
    await t.http().get(`${API}/trainees/${B.trainee.id}/activities`).set(A.supervisor2.auth).expect(404);
    await expectRecordHidden(A.admin, { applications: true });
  });

  it('cannot enrol anyone in a scheme or apply on their behalf (both are the person’s own acts)', async () => {
    // a body admin may seek a level itself (issue 13: anyone who holds or seeks a level applies), but the
    // routes name no person: what it creates is its own enrolment and application, never the victim's
    const before = await t.db.query(`SELECT count(*)::int AS n FROM scheme_enrolments WHERE user_id = $1`, [B.trainee.id]);
    await t.http().post(`${API}/schemes/${A.ids.scheme2}/enrolment`).set(A.admin.auth).send({ userId: B.trainee.id }).expect(400);
    const app = await t
      .http()
      .post(`${API}/applications`)
      .set(A.admin.auth)
      .send({ schemeId: A.ids.scheme, levelCode: 'PRACTITIONER' })
      .expect(201);
    expect(app.body.applicantId).toBe(A.admin.id);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM scheme_enrolments WHERE user_id = $1`, [B.trainee.id])).toEqual(before);
    await t.http().post(`${API}/applications/${app.body.id}/withdraw`).set(A.admin.auth).expect(200);
    await expectRecordHidden(A.admin, { applications: true });
  });
});

describe('invite-then-read: a body admin', () => {
  // the mailed link's token is only stored hashed; the test puts a known one in place of reading the mail
  const knownToken = async (invitationId: string, token: string) =>
    t.db.query(`UPDATE invitations SET token_hash = encode(sha256($2::bytea), 'hex') WHERE id = $1`, [invitationId, token]);

  it('gains no read of an invited person of another body until they accept; then only what its scope allows', async () => {
    const inv = await t
      .http()
      .post(`${API}/bodies/${A.body.id}/invitations`)
      .set(A.admin.auth)
      .send({ email: B.trainee.email, role: 'TRAINEE' })
      .expect(201);
    await knownToken(inv.body.id, 'invite-then-read-token-0001');
    // pending: nothing granted, nothing readable (and the admin cannot grant the role directly either)
    await expectRecordHidden(A.admin, { applications: true });
    await t.http().post(`${API}/users/${B.trainee.id}/roles`).set(A.admin.auth).send({ role: 'TRAINEE', bodyId: A.body.id }).expect(404);
    // another account (the admin itself) cannot accept it for them
    const other = await t
      .http()
      .post(`${API}/me/invitations/accept`)
      .set(A.admin.auth)
      .send({ token: 'invite-then-read-token-0001' })
      .expect(403);
    expect(other.body.code).toBe('INVITATION_FOR_ANOTHER_ACCOUNT');
    await expectRecordHidden(A.admin, { applications: true });

    await t.http().post(`${API}/me/invitations/accept`).set(B.trainee.auth).send({ token: 'invite-then-read-token-0001' }).expect(200);
    const [grant]: { id: string }[] = await t.db.query(
      `SELECT id FROM role_grants WHERE user_id = $1 AND body_id = $2 AND revoked_at IS NULL`,
      [B.trainee.id, A.body.id],
    );
    try {
      // a member now: the person and records of no body are visible; body B's records stay body B's
      await t.http().get(`${API}/users/${B.trainee.id}`).set(A.admin.auth).expect(200);
      await t.http().get(`${API}/trainees/${B.trainee.id}/profile`).set(A.admin.auth).expect(200);
      await t.http().get(`${API}/cases/${B.ids.case}`).set(A.admin.auth).expect(404);
      await t.http().get(`${API}/cases/${B.ids.case}/measures`).set(A.admin.auth).expect(404);
      await t.http().get(`${API}/ratings/${B.ids.ratingSpare}`).set(A.admin.auth).expect(404);
      await t.http().get(`${API}/applications/${B.ids.application}`).set(A.admin.auth).expect(404);
      const cases = await t.http().get(`${API}/cases`).query({ traineeId: B.trainee.id }).set(A.admin.auth).expect(200);
      expect(cases.body.items).toEqual([]);
    } finally {
      await t.http().delete(`${API}/users/${B.trainee.id}/roles/${grant.id}`).set(global.auth).expect(204);
    }
  });

  it('a withdrawn invitation can no longer be accepted, so it grants nothing', async () => {
    const inv = await t
      .http()
      .post(`${API}/bodies/${A.body.id}/invitations`)
      .set(A.admin.auth)
      .send({ email: B.supervisor.email, role: 'BODY_ADMIN' })
      .expect(201);
    await knownToken(inv.body.id, 'invite-then-read-token-0002');
    await t.http().post(`${API}/invitations/${inv.body.id}/withdraw`).set(A.admin.auth).expect(200);
    await t.http().post(`${API}/me/invitations/accept`).set(B.supervisor.auth).send({ token: 'invite-then-read-token-0002' }).expect(409);
    expect(await t.db.query(`SELECT 1 FROM role_grants WHERE user_id = $1 AND body_id = $2`, [B.supervisor.id, A.body.id])).toEqual([]);
  });
});

describe('body scope: a person who belongs to two bodies', () => {
  it('is visible to the admin of each, but each body admin sees only the records created in or submitted to its own body', async () => {
    // a global admin keeps full power: it may attach the person to body A
    const grant = await t
      .http()
      .post(`${API}/users/${B.trainee.id}/roles`)
      .set(global.auth)
      .send({ role: 'TRAINEE', bodyId: A.body.id })
      .expect(201);
    try {
      // records that belong to no body follow membership
      await t.http().get(`${API}/users/${B.trainee.id}`).set(A.admin.auth).expect(200);
      await t.http().get(`${API}/trainees/${B.trainee.id}/profile`).set(A.admin.auth).expect(200);
      // records of body B stay body B's
      await t.http().get(`${API}/cases/${B.ids.case}`).set(A.admin.auth).expect(404);
      await t.http().get(`${API}/cases/${B.ids.case}/measures`).set(A.admin.auth).expect(404);
      await t.http().get(`${API}/ratings/${B.ids.ratingSpare}`).set(A.admin.auth).expect(404);
      await t.http().get(`${API}/applications/${B.ids.application}`).set(A.admin.auth).expect(404);
      const cases = await t.http().get(`${API}/cases`).query({ traineeId: B.trainee.id }).set(A.admin.auth).expect(200);
      expect(cases.body.items).toEqual([]);
      const ratings = await t.http().get(`${API}/ratings`).query({ traineeId: B.trainee.id }).set(A.admin.auth).expect(200);
      expect(ratings.body.items).toEqual([]);
      const apps = await t.http().get(`${API}/applications`).set(A.admin.auth).expect(200);
      expect(apps.body.items.map((a: { id: string }) => a.id)).not.toContain(B.ids.application);
      const lag = await t.http().get(`${API}/trainees/${B.trainee.id}/logging-lag`).set(A.admin.auth).expect(200);
      expect(lag.body.sessions).toBe(0);
      // body B's admin still sees them
      await t.http().get(`${API}/cases/${B.ids.case}`).set(B.admin.auth).expect(200);
      await t.http().get(`${API}/ratings/${B.ids.ratingSpare}`).set(B.admin.auth).expect(200);
      const own = await t.http().get(`${API}/trainees/${B.trainee.id}/logging-lag`).set(B.admin.auth).expect(200);
      expect(own.body.sessions).toBeGreaterThan(0);
    } finally {
      await t.http().delete(`${API}/users/${B.trainee.id}/roles/${grant.body.id}`).set(global.auth).expect(204);
    }
  });

  it('a body admin still grants and revokes roles of the people of its own body', async () => {
    const person = await makeUser(t, [{ role: Role.Trainee, bodyId: A.body.id }]);
    const grant = await t
      .http()
      .post(`${API}/users/${person.id}/roles`)
      .set(A.admin.auth)
      .send({ role: 'SUPERVISOR', bodyId: A.body.id })
      .expect(201);
    await t.http().delete(`${API}/users/${person.id}/roles/${grant.body.id}`).set(A.admin.auth).expect(204);
    // someone who belongs to no body at all is nobody's to attach but a global admin's
    const loner = await makeUser(t, []);
    await t.http().post(`${API}/users/${loner.id}/roles`).set(A.admin.auth).send({ role: 'TRAINEE', bodyId: A.body.id }).expect(404);
    await t.http().post(`${API}/users/${loner.id}/roles`).set(global.auth).send({ role: 'TRAINEE', bodyId: A.body.id }).expect(201);
  });
});
