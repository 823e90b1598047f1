import { NotificationWorker } from '../src/notifications/notification-worker';
import { Role } from '../src/common/roles';
import { countRows, makeBody, makeUser, TEST_PASSWORD } from './support/factories';
import { createMailTestApp, type SmtpSink } from './support/smtp-sink';
import type { TestApp } from './support/test-app';

const API = '/api/v1';
const PASSWORD = 'a fresh invited passphrase';
let t: TestApp;
let smtp: SmtpSink;
let worker: NotificationWorker;

beforeAll(async () => {
  ({ t, smtp, worker } = await createMailTestApp());
});
afterAll(async () => {
  await t.close();
  await smtp.stop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Delivers the outbox until `n` mails reached the address; returns the newest one's link token for `path`. */
async function tokenMailed(to: string, path: string, n = 1): Promise<{ token: string; subject: string }> {
  const deadline = Date.now() + 8000;
  while (smtp.to(to).length < n) {
    if (Date.now() > deadline) throw new Error(`no mail to ${to}`);
    await worker.deliverDue();
    await sleep(15);
  }
  const mail = smtp.to(to)[n - 1];
  const m = new RegExp(`https://ipt\\.test${path}#([A-Za-z0-9_-]+)`).exec(mail.text);
  if (!m) throw new Error(`no ${path} link in: ${mail.text}`);
  return { token: m[1], subject: mail.subject };
}

async function setup() {
  const body = await makeBody(t, { name: 'Invite Test Body' });
  const admin = await makeUser(t, [{ role: Role.BodyAdmin, bodyId: body.id }]);
  return { body, admin };
}

const invite = (admin: { auth: Record<string, string> }, bodyId: string, email: string, role = 'SUPERVISOR') =>
  t.http().post(`${API}/bodies/${bodyId}/invitations`).set(admin.auth).send({ email, role });

const rolesOf = (email: string) =>
  t.db.query<{ role: string; body_id: string }[]>(
    `SELECT g.role, g.body_id FROM role_grants g JOIN users u ON u.id = g.user_id WHERE u.email = $1 AND g.revoked_at IS NULL`,
    [email],
  );

describe('an invitation to a new person', () => {
  it('is mailed, works once with a password, and gives exactly the invited role (a supervisor is no trainee)', async () => {
    const { body, admin } = await setup();
    const email = 'new.supervisor@invite.example';
    const created = await invite(admin, body.id, email).expect(201);
    expect(created.body).toMatchObject({ email, role: 'SUPERVISOR', state: 'pending', sendCount: 1 });
    const { token, subject } = await tokenMailed(email, '/invitations/accept');
    expect(subject).toBe('You are invited to Invite Test Body on IPT Accreditation');
    // the token is stored hashed only, and the sent mail's text (which held the link) is gone from the outbox
    expect(await t.db.query(`SELECT 1 FROM invitations WHERE token_hash = $1`, [token])).toEqual([]);
    expect(
      await t.db.query(`SELECT 1 FROM notifications WHERE body_text LIKE $1 OR body_html LIKE $1 OR link LIKE $1`, [`%${token}%`]),
    ).toEqual([]);

    const preview = await t.http().post(`${API}/invitations/preview`).send({ token }).expect(200);
    expect(preview.body).toMatchObject({
      bodyName: 'Invite Test Body',
      role: 'SUPERVISOR',
      emailMasked: 'n***@invite.example',
      accountExists: false,
    });

    await t.http().post(`${API}/invitations/accept`).send({ token, displayName: 'New Supervisor', password: PASSWORD }).expect(200);
    expect(await rolesOf(email)).toEqual([{ role: 'SUPERVISOR', body_id: body.id }]);
    const signIn = await t.http().post(`${API}/auth/sign-in`).send({ email, password: PASSWORD }).expect(200);
    const me = await t
      .http()
      .get(`${API}/me`)
      .set({ Authorization: `Bearer ${signIn.body.accessToken}` })
      .expect(200);
    expect(me.body).toMatchObject({ email, emailVerified: true });

    // used: refused, nothing changed
    const users = await countRows(t, 'users');
    const again = await t.http().post(`${API}/invitations/accept`).send({ token, displayName: 'Again', password: PASSWORD }).expect(409);
    expect(again.body.code).toBe('INVITATION_NOT_PENDING');
    expect(await countRows(t, 'users')).toBe(users);
    const list = await t.http().get(`${API}/bodies/${body.id}/invitations`).set(admin.auth).expect(200);
    expect(list.body.items.map((i: { state: string }) => i.state)).toEqual(['accepted']);
  });

  it('refuses forged, expired and withdrawn links with a clear 4xx, changing nothing', async () => {
    const { body, admin } = await setup();
    const forged = await t
      .http()
      .post(`${API}/invitations/accept`)
      .send({ token: 'x'.repeat(43), displayName: 'F', password: PASSWORD })
      .expect(404);
    expect(forged.body.code).toBe('INVITATION_NOT_FOUND');

    const exp = await invite(admin, body.id, 'late@invite.example').expect(201);
    const { token: expToken } = await tokenMailed('late@invite.example', '/invitations/accept');
    await t.db.query(`UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = $1`, [exp.body.id]);
    const expired = await t
      .http()
      .post(`${API}/invitations/accept`)
      .send({ token: expToken, displayName: 'L', password: PASSWORD })
      .expect(409);
    expect(expired.body).toMatchObject({ code: 'INVITATION_NOT_PENDING', details: { state: ['expired'] } });

    const w = await invite(admin, body.id, 'gone@invite.example').expect(201);
    const { token: wToken } = await tokenMailed('gone@invite.example', '/invitations/accept');
    await t.http().post(`${API}/invitations/${w.body.id}/withdraw`).set(admin.auth).expect(200);
    const withdrawn = await t.http().post(`${API}/invitations/preview`).send({ token: wToken }).expect(409);
    expect(withdrawn.body.details).toEqual({ state: ['withdrawn'] });
    expect(await rolesOf('late@invite.example')).toEqual([]);
    expect(await rolesOf('gone@invite.example')).toEqual([]);
    expect(await t.db.query(`SELECT 1 FROM users WHERE email IN ('late@invite.example', 'gone@invite.example')`)).toEqual([]);
  });

  it('resending mails a new link and kills the old one', async () => {
    const { body, admin } = await setup();
    const email = 'twice@invite.example';
    const inv = await invite(admin, body.id, email).expect(201);
    const { token: first } = await tokenMailed(email, '/invitations/accept');
    const resent = await t.http().post(`${API}/invitations/${inv.body.id}/resend`).set(admin.auth).expect(200);
    expect(resent.body.sendCount).toBe(2);
    const { token: second } = await tokenMailed(email, '/invitations/accept', 2);
    expect(second).not.toBe(first);
    await t.http().post(`${API}/invitations/preview`).send({ token: first }).expect(404);
    await t.http().post(`${API}/invitations/accept`).send({ token: second, displayName: 'Twice', password: PASSWORD }).expect(200);
  });

  it('a second pending invitation to the same address and role is refused (resend instead); ADMIN is not invitable', async () => {
    const { body, admin } = await setup();
    await invite(admin, body.id, 'dup@invite.example').expect(201);
    expect((await invite(admin, body.id, 'dup@invite.example').expect(409)).body.code).toBe('INVITATION_ALREADY_PENDING');
    await invite(admin, body.id, 'dup@invite.example', 'ADMIN').expect(400);
  });

  it('a body admin cannot invite to, list, resend or withdraw invitations of another body', async () => {
    const { body, admin } = await setup();
    const other = await setup();
    const inv = await invite(admin, body.id, 'mine@invite.example').expect(201);
    await invite(other.admin, body.id, 'x@invite.example').expect(403);
    await t.http().get(`${API}/bodies/${body.id}/invitations`).set(other.admin.auth).expect(403);
    await t.http().post(`${API}/invitations/${inv.body.id}/resend`).set(other.admin.auth).expect(404);
    await t.http().post(`${API}/invitations/${inv.body.id}/withdraw`).set(other.admin.auth).expect(404);
  });
});

describe('an invitation to a person who has an account', () => {
  it('is accepted by that account after signing in; another account cannot; a new account with the address is refused', async () => {
    const { body, admin } = await setup();
    const elsewhere = await makeBody(t);
    const existing = await makeUser(t, [{ role: Role.Trainee, bodyId: elsewhere.id }]);
    const stranger = await makeUser(t, [{ role: Role.Trainee, bodyId: body.id }]);
    await invite(admin, body.id, existing.email).expect(201);
    const { token } = await tokenMailed(existing.email, '/invitations/accept');
    expect((await t.http().post(`${API}/invitations/preview`).send({ token }).expect(200)).body.accountExists).toBe(true);
    const takeover = await t.http().post(`${API}/invitations/accept`).send({ token, displayName: 'Thief', password: PASSWORD }).expect(409);
    expect(takeover.body.code).toBe('ACCOUNT_EXISTS');
    const wrong = await t.http().post(`${API}/me/invitations/accept`).set(stranger.auth).send({ token }).expect(403);
    expect(wrong.body.code).toBe('INVITATION_FOR_ANOTHER_ACCOUNT');
    expect(await rolesOf(stranger.email)).toEqual([{ role: 'TRAINEE', body_id: body.id }]);

    const ok = await t.http().post(`${API}/me/invitations/accept`).set(existing.auth).send({ token }).expect(200);
    expect(ok.body).toMatchObject({ role: 'SUPERVISOR', bodyId: body.id });
    expect((await rolesOf(existing.email)).map((r) => `${r.role}@${r.body_id}`).sort()).toEqual(
      [`SUPERVISOR@${body.id}`, `TRAINEE@${elsewhere.id}`].sort(),
    );
    await t.http().post(`${API}/me/invitations/accept`).set(existing.auth).send({ token }).expect(409);
  });
});

describe('password reset', () => {
  it('answers the same for unknown addresses, mails a one-hour single-use link, and ends every session', async () => {
    const body = await makeBody(t);
    const user = await makeUser(t, [{ role: Role.Trainee, bodyId: body.id }]);
    const unknown = await t.http().post(`${API}/auth/password-reset`).send({ email: 'nobody@invite.example' }).expect(202);
    const known = await t.http().post(`${API}/auth/password-reset`).send({ email: user.email }).expect(202);
    expect(known.body).toEqual(unknown.body);
    const { token, subject } = await tokenMailed(user.email, '/reset-password');
    expect(subject).toBe('Reset your password');
    const [row] = await t.db.query(
      `SELECT expires_at - created_at AS ttl FROM account_tokens WHERE purpose = 'password_reset' AND user_id = $1`,
      [user.id],
    );
    expect(row.ttl).toMatchObject({ hours: 1 });

    await t.http().post(`${API}/auth/password-reset/complete`).send({ token, password: 'short' }).expect(400);
    await t.http().post(`${API}/auth/password-reset/complete`).send({ token, password: 'my brand new reset passphrase' }).expect(204);
    // the old session is over, its refresh token too
    await t.http().get(`${API}/me`).set(user.auth).expect(401);
    await t.http().post(`${API}/auth/refresh`).send({ refreshToken: user.refreshToken }).expect(401);
    await t.http().post(`${API}/auth/sign-in`).send({ email: user.email, password: TEST_PASSWORD }).expect(401);
    await t.http().post(`${API}/auth/sign-in`).send({ email: user.email, password: 'my brand new reset passphrase' }).expect(200);
    const used = await t
      .http()
      .post(`${API}/auth/password-reset/complete`)
      .send({ token, password: 'yet another passphrase here' })
      .expect(400);
    expect(used.body.code).toBe('INVALID_LINK_TOKEN');
    await t.http().post(`${API}/auth/sign-in`).send({ email: user.email, password: 'my brand new reset passphrase' }).expect(200);
  });

  it('sends at most three reset mails per address in a window (the answer stays the same)', async () => {
    const body = await makeBody(t);
    const user = await makeUser(t, [{ role: Role.Trainee, bodyId: body.id }]);
    for (let i = 0; i < 5; i++) await t.http().post(`${API}/auth/password-reset`).send({ email: user.email }).expect(202);
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM notifications WHERE recipient_id = $1 AND kind = 'account.password_reset'`,
      [user.id],
    );
    expect(n).toBe(3);
    // only the newest link works: each new one ends the earlier ones
    const [{ live }] = await t.db.query(`SELECT count(*)::int AS live FROM account_tokens WHERE user_id = $1 AND used_at IS NULL`, [
      user.id,
    ]);
    expect(live).toBe(1);
  });

  it('refuses an expired reset link', async () => {
    const body = await makeBody(t);
    const user = await makeUser(t, [{ role: Role.Trainee, bodyId: body.id }]);
    await t.http().post(`${API}/auth/password-reset`).send({ email: user.email }).expect(202);
    const { token } = await tokenMailed(user.email, '/reset-password');
    await t.db.query(`UPDATE account_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [user.id]);
    expect(
      (await t.http().post(`${API}/auth/password-reset/complete`).send({ token, password: 'my brand new reset passphrase' }).expect(400))
        .body.code,
    ).toBe('INVALID_LINK_TOKEN');
    await t.http().post(`${API}/auth/sign-in`).send({ email: user.email, password: TEST_PASSWORD }).expect(200);
  });
});

describe('e-mail verification and change', () => {
  it('a self-registered account is mailed a link that verifies its address', async () => {
    const body = await makeBody(t);
    const email = 'self.registered@invite.example';
    await t
      .http()
      .post(`${API}/auth/register`)
      .send({ email, password: 'a long enough passphrase', displayName: 'Self', bodyId: body.id })
      .expect(202);
    const [before] = await t.db.query(`SELECT email_verified_at FROM users WHERE email = $1`, [email]);
    expect(before.email_verified_at).toBeNull();
    const { token } = await tokenMailed(email, '/verify-email');
    await t.http().post(`${API}/auth/verify-email`).send({ token }).expect(204);
    const [after] = await t.db.query(`SELECT email_verified_at FROM users WHERE email = $1`, [email]);
    expect(after.email_verified_at).not.toBeNull();
    await t.http().post(`${API}/auth/verify-email`).send({ token }).expect(400);
  });

  it('changes the address only when the new address confirms it, and tells the old one', async () => {
    const body = await makeBody(t);
    const user = await makeUser(t, [{ role: Role.Trainee, bodyId: body.id }]);
    const newEmail = `moved-${user.id.slice(0, 8)}@invite.example`;
    await t.http().post(`${API}/me/email`).set(user.auth).send({ newEmail, password: 'not the password at all' }).expect(400);
    await t.http().post(`${API}/me/email`).set(user.auth).send({ newEmail, password: TEST_PASSWORD }).expect(202);
    expect((await t.http().get(`${API}/me`).set(user.auth).expect(200)).body.email).toBe(user.email);
    const { token, subject } = await tokenMailed(newEmail, '/confirm-email');
    expect(subject).toBe('Confirm your new e-mail address');
    await t.http().post(`${API}/auth/confirm-email-change`).send({ token }).expect(204);
    expect((await t.http().get(`${API}/me`).set(user.auth).expect(200)).body.email).toBe(newEmail);
    await t.http().post(`${API}/auth/sign-in`).send({ email: newEmail, password: TEST_PASSWORD }).expect(200);
    await t.http().post(`${API}/auth/confirm-email-change`).send({ token }).expect(400);
    const deadline = Date.now() + 8000;
    while (!smtp.to(user.email).length && Date.now() < deadline) {
      await worker.deliverDue();
      await sleep(15);
    }
    expect(smtp.to(user.email).map((m) => m.subject)).toEqual(['The e-mail address of your account was changed']);
  });
});
