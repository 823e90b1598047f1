import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../src/app.factory';
import { loadConfig } from '../src/config/env';
import { Mailer } from '../src/notifications/mailer';
import { NotificationWorker } from '../src/notifications/notification-worker';
import { NotificationsService } from '../src/notifications/notifications.service';
import { API, daysAgo, makeCase, team, type Team } from './cases-fixtures';
import { createMailTestApp, type SmtpSink } from './support/smtp-sink';
import { usingServer } from './support/test-db';
import type { TestApp } from './support/test-app';

let t: TestApp;
let smtp: SmtpSink;
let worker: NotificationWorker;
beforeAll(async () => {
  ({ t, smtp, worker } = await createMailTestApp({ MAIL_MAX_ATTEMPTS: '5' }));
});
afterAll(async () => {
  await t.close();
  await smtp.stop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs the worker's rounds until `done` holds (or fails after a few seconds). */
async function deliverUntil(done: () => boolean | Promise<boolean>, w: NotificationWorker = worker): Promise<void> {
  const deadline = Date.now() + 8000;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error('not delivered in time');
    await w.deliverDue();
    await sleep(15);
  }
}

const rowsFor = (recipientId: string) =>
  t.db.query<{ id: string; kind: string; email_status: string; attempts: number; last_error: string | null }[]>(
    `SELECT id, kind, email_status, attempts, last_error FROM notifications WHERE recipient_id = $1 ORDER BY created_at`,
    [recipientId],
  );

async function submitted(tm: Team): Promise<string> {
  const c = await makeCase(t, tm);
  await t.http().post(`${API}/cases/${c.id}/submit`).set(tm.trainee.auth).expect(200);
  return c.id;
}

describe('notifications of the case review, over a real SMTP exchange', () => {
  it('tells the supervisor a case was submitted: recipient, subject, and the case link in the text', async () => {
    const tm = await team(t);
    const id = await submitted(tm);
    // written in the same transaction as the submission, before any delivery
    expect(await rowsFor(tm.supervisor.id)).toEqual([
      expect.objectContaining({ kind: 'case.submitted', email_status: 'pending', attempts: 0 }),
    ]);
    await deliverUntil(() => smtp.to(tm.supervisor.email).length > 0);
    const [mail] = smtp.to(tm.supervisor.email);
    expect(mail.from).toBe('noreply@ipt.test');
    expect(mail.subject).toMatch(/^Case C-[0-9A-Z]{4} is waiting for your sign-off$/);
    expect(mail.text).toContain(`https://ipt.test/cases/${id}`);
    expect(mail.raw).toMatch(/Content-Type: text\/html/i);
    expect(await rowsFor(tm.supervisor.id)).toEqual([expect.objectContaining({ email_status: 'sent', attempts: 1, last_error: null })]);
  });

  it("tells the trainee when the case is returned and when it is signed off, without the supervisor's comments", async () => {
    const tm = await team(t);
    const id = await submitted(tm);
    await t
      .http()
      .post(`${API}/cases/${id}/return`)
      .set(tm.supervisor.auth)
      .send({ comments: 'Secret clinical remark about the client.' })
      .expect(200);
    await t.http().post(`${API}/cases/${id}/submit`).set(tm.trainee.auth).expect(200);
    const read = await t.http().get(`${API}/cases/${id}`).set(tm.supervisor.auth).expect(200);
    await t.http().post(`${API}/cases/${id}/sign-off`).set(tm.supervisor.auth).send({ contentHash: read.body.contentHash }).expect(200);
    await deliverUntil(() => smtp.to(tm.trainee.email).length >= 2);
    const subjects = smtp.to(tm.trainee.email).map((m) => m.subject);
    expect(subjects).toEqual([expect.stringMatching(/was returned with comments$/), expect.stringMatching(/was signed off$/)]);
    for (const m of smtp.to(tm.trainee.email)) {
      expect(m.raw).not.toContain('Secret clinical remark');
      expect(m.text).toContain(`https://ipt.test/cases/${id}`);
    }
    expect(smtp.to(tm.supervisor.email)).toHaveLength(2); // submitted twice
  });

  it('tells the supervisor at once of a risk flag, even when they chose a daily digest', async () => {
    const tm = await team(t);
    await t.http().put(`${API}/me/notification-preferences`).set(tm.supervisor.auth).send({ email: 'daily' }).expect(200);
    const c = await makeCase(t, tm);
    await t
      .http()
      .post(`${API}/cases/${c.id}/measures`)
      .set(tm.trainee.auth)
      .set('If-Match', `"${c.version}"`)
      .send({ instrument: 'PHQ9', administeredOn: daysAgo(50), sessionNumber: 0, items: [0, 0, 0, 0, 0, 0, 0, 0, 1] })
      .expect(201);
    await t
      .http()
      .post(`${API}/cases/${c.id}/measures`)
      .set(tm.trainee.auth)
      .set('If-Match', `"${c.version + 1}"`)
      .send({ instrument: 'PHQ9', administeredOn: daysAgo(40), sessionNumber: 2, items: [0, 0, 0, 0, 0, 0, 0, 0, 0] })
      .expect(201);
    await deliverUntil(() => smtp.to(tm.supervisor.email).length > 0);
    expect(smtp.to(tm.supervisor.email).map((m) => m.subject)).toEqual([expect.stringMatching(/^Risk flag raised on case C-/)]);
  });

  it('is delivered by the running worker loop, which stops cleanly', async () => {
    const tm = await team(t);
    worker.start();
    try {
      await submitted(tm);
      const deadline = Date.now() + 8000;
      while (!smtp.to(tm.supervisor.email).length && Date.now() < deadline) await sleep(20);
    } finally {
      await worker.stop();
    }
    expect(smtp.to(tm.supervisor.email)).toHaveLength(1);
  });

  it('writes nothing when the change fails (no outbox row without its change)', async () => {
    const tm = await team(t);
    const c = await makeCase(t, tm);
    // only the trainee may submit: refused, so no notification either
    await t.http().post(`${API}/cases/${c.id}/submit`).set(tm.supervisor.auth).expect(403);
    expect(await rowsFor(tm.supervisor.id)).toEqual([]);
  });
});

describe('delivery that fails', () => {
  it('a message refused three times (451) then accepted is delivered once, after backoff', async () => {
    const tm = await team(t);
    smtp.failNext(3, 451);
    await submitted(tm);
    await deliverUntil(async () => (await rowsFor(tm.supervisor.id))[0].email_status === 'sent');
    expect(smtp.to(tm.supervisor.email)).toHaveLength(1);
    expect(await rowsFor(tm.supervisor.id)).toEqual([expect.objectContaining({ email_status: 'sent', attempts: 4 })]);
  });

  it('a permanent refusal (550) is kept as failed with its error, never retried or dropped', async () => {
    const tm = await team(t);
    smtp.failNext(1, 550);
    await submitted(tm);
    await deliverUntil(async () => (await rowsFor(tm.supervisor.id))[0].email_status === 'failed');
    await worker.deliverDue();
    const [row] = await rowsFor(tm.supervisor.id);
    expect(row).toMatchObject({ email_status: 'failed', attempts: 1 });
    expect(row.last_error).toMatch(/550/);
    expect(smtp.to(tm.supervisor.email)).toHaveLength(0);
  });

  it('the SMTP server down for a while loses nothing: retried until it is back, each message once', async () => {
    const teams = [await team(t), await team(t)];
    const port = smtp.port;
    await smtp.stop();
    for (const tm of teams) await submitted(tm);
    // a few rounds against a closed port: every one fails and is kept for a retry
    for (let i = 0; i < 3; i++) {
      await worker.deliverDue();
      await sleep(30);
    }
    for (const tm of teams) {
      const [row] = await rowsFor(tm.supervisor.id);
      expect(row.email_status).toBe('pending');
      expect(row.attempts).toBeGreaterThanOrEqual(1);
      expect(row.last_error).toMatch(/ECONNREFUSED|connect/i);
    }
    await smtp.start(port);
    await deliverUntil(async () => {
      const rows = await Promise.all(teams.map((tm) => rowsFor(tm.supervisor.id)));
      return rows.every((r) => r[0].email_status === 'sent');
    });
    for (const tm of teams) expect(smtp.to(tm.supervisor.email)).toHaveLength(1);
  });
});

describe('in-app notifications and preferences', () => {
  it('lists mine newest first with the unread count, pages by cursor, marks one and all read', async () => {
    const tm = await team(t);
    const ids = [await submitted(tm), await submitted(tm), await submitted(tm)];
    const list = await t.http().get(`${API}/me/notifications?limit=2`).set(tm.supervisor.auth).expect(200);
    expect(list.body.unreadCount).toBe(3);
    expect(list.body.items).toHaveLength(2);
    expect(list.body.items[0]).toMatchObject({ kind: 'case.submitted', link: `https://ipt.test/cases/${ids[2]}`, readAt: null });
    const next = await t.http().get(`${API}/me/notifications?limit=2&cursor=${list.body.nextCursor}`).set(tm.supervisor.auth).expect(200);
    expect(next.body.items.map((n: { link: string }) => n.link)).toEqual([`https://ipt.test/cases/${ids[0]}`]);
    expect(next.body.nextCursor).toBeNull();

    const first = list.body.items[0].id;
    // someone else's notification: 404, as for a missing one
    await t.http().post(`${API}/me/notifications/${first}/read`).set(tm.trainee.auth).expect(404);
    const read = await t.http().post(`${API}/me/notifications/${first}/read`).set(tm.supervisor.auth).expect(200);
    expect(read.body.readAt).not.toBeNull();
    const unread = await t.http().get(`${API}/me/notifications?unread=true`).set(tm.supervisor.auth).expect(200);
    expect(unread.body).toMatchObject({ unreadCount: 2 });
    expect(unread.body.items).toHaveLength(2);
    const all = await t.http().post(`${API}/me/notifications/read-all`).set(tm.supervisor.auth).expect(200);
    expect(all.body).toEqual({ marked: 2 });
    expect((await t.http().get(`${API}/me/notifications`).set(tm.supervisor.auth).expect(200)).body.unreadCount).toBe(0);
    expect((await t.http().get(`${API}/me/notifications`).set(tm.trainee.auth).expect(200)).body).toEqual({
      items: [],
      nextCursor: null,
      unreadCount: 0,
    });
  });

  it('keeps the mail preference: immediately by default, "off" sends no mail but keeps the in-app list', async () => {
    const tm = await team(t);
    expect((await t.http().get(`${API}/me/notification-preferences`).set(tm.supervisor.auth).expect(200)).body).toEqual({
      email: 'immediate',
      securityEmail: 'always',
    });
    await t.http().put(`${API}/me/notification-preferences`).set(tm.supervisor.auth).send({ email: 'weekly' }).expect(400);
    await t.http().put(`${API}/me/notification-preferences`).set(tm.supervisor.auth).send({ email: 'off' }).expect(200);
    expect((await t.http().get(`${API}/me/notification-preferences`).set(tm.supervisor.auth).expect(200)).body.email).toBe('off');
    await submitted(tm);
    await worker.deliverDue();
    expect(smtp.to(tm.supervisor.email)).toHaveLength(0);
    expect(await rowsFor(tm.supervisor.id)).toEqual([expect.objectContaining({ email_status: 'skipped' })]);
    expect((await t.http().get(`${API}/me/notifications`).set(tm.supervisor.auth).expect(200)).body.unreadCount).toBe(1);
  });

  it('sends a daily digest once per day, however often (or by however many replicas) it is run', async () => {
    const tm = await team(t);
    await t.http().put(`${API}/me/notification-preferences`).set(tm.supervisor.auth).send({ email: 'daily' }).expect(200);
    await submitted(tm);
    await submitted(tm);
    await worker.deliverDue();
    expect(smtp.to(tm.supervisor.email)).toHaveLength(0);
    const period = '2099-01-01';
    const runs = await Promise.all([worker.runDigest(period), worker.runDigest(period)]);
    expect(runs.filter((n) => n > 0)).toHaveLength(1);
    expect(await worker.runDigest(period)).toBe(0);
    await deliverUntil(() => smtp.to(tm.supervisor.email).length > 0);
    const [digest] = smtp.to(tm.supervisor.email);
    expect(digest.subject).toBe('Your daily summary: 2 notifications');
    expect(digest.text).toMatch(/• Case C-[0-9A-Z]{4} is waiting for your sign-off/);
    expect((await rowsFor(tm.supervisor.id)).map((r) => r.email_status).sort()).toEqual(['digested', 'digested', 'sent']);
    // the digest itself is not an in-app notification
    expect((await t.http().get(`${API}/me/notifications`).set(tm.supervisor.auth).expect(200)).body.items).toHaveLength(2);
  });
});

describe('without SMTP_URL', () => {
  it('writes each message as an .eml file under DATA_DIR/mail', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ipt-mail-'));
    try {
      const mailer = new Mailer(loadConfig({ DATA_DIR: dir, MAIL_FROM: 'IPT <noreply@ipt.test>' }));
      expect(mailer.describe()).toContain(join(dir, 'mail'));
      const file = await mailer.send({
        id: '00000000-0000-4000-8000-000000000001',
        to: 'someone@ipt.test',
        subject: 'Case C-AB12 was signed off',
        text: 'Open: https://ipt.test/cases/1',
        html: '<p>x</p>',
      });
      expect(file).toBe(join(dir, 'mail', '00000000-0000-4000-8000-000000000001.eml'));
      const eml = await readFile(file, 'utf8');
      expect(eml).toMatch(/^To: someone@ipt\.test$/m);
      expect(eml).toMatch(/^Subject: Case C-AB12 was signed off$/m);
      expect(eml).toContain('https://ipt.test/cases/1');
      mailer.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

// Two instances of the service on one database: each notification is sent once. Needs a server (one embedded
// PGlite belongs to one process), like test/reliability/replicas.e2e-spec.ts.
const describeServer = usingServer() ? describe : describe.skip;
describeServer('two workers on one server database', () => {
  let second: NestFastifyApplication;
  beforeAll(async () => {
    second = await createApp(t.config, { logger: false, swaggerUi: false });
    await second.init();
  });
  afterAll(() => second.close());

  it('deliver each of 40 notifications exactly once', async () => {
    const tm = await team(t);
    const service = t.app.get(NotificationsService);
    await t.db.transaction(async (em) => {
      for (let i = 0; i < 40; i++)
        await service.enqueue(em, { recipientId: tm.supervisor.id, kind: 'case.submitted', path: `/cases/${i}` });
    });
    const workers = [worker, second.get(NotificationWorker)];
    const pending = async () =>
      (
        await t.db.query<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM notifications WHERE recipient_id = $1 AND email_status <> 'sent'`,
          [tm.supervisor.id],
        )
      )[0].n;
    await Promise.all(workers.map((w) => deliverUntil(async () => (await pending()) === 0, w)));
    const mails = smtp.to(tm.supervisor.email);
    expect(mails).toHaveLength(40);
    expect(new Set(mails.map((m) => m.messageId)).size).toBe(40);
    const rows = await t.db.query<{ attempts: number }[]>(`SELECT attempts FROM notifications WHERE recipient_id = $1`, [tm.supervisor.id]);
    expect(rows.every((r) => r.attempts === 1)).toBe(true);
  });
});
