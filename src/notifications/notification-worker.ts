import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/env';
import { afterFailure, describeError, DIGEST_JOB, dueDigestPeriod, isPermanentFailure } from './delivery-rules';
import { Mailer } from './mailer';
import { EmailStatus } from './notification.entity';
import { claimScheduleRun } from './schedule-runs';
import { DEFAULT_LANGUAGE, languageOf, renderDigest } from './templates';

/** A claimed message belongs to its worker this long; a worker that died is taken over after it. */
const LEASE_SECONDS = 600;
const BATCH = 20;

interface Claimed {
  id: string;
  attempts: number;
  created_at: Date;
  subject: string;
  body_text: string;
  body_html: string;
  email: string | null;
  status: string | null;
}

// One statement claims a batch: FOR UPDATE SKIP LOCKED makes concurrent workers (other replicas) take other rows,
// and the lease (email_status 'sending', lease_until) keeps them off it while it is sent outside any transaction.
const CLAIM_SQL = `
  UPDATE notifications n SET email_status = 'sending', attempts = n.attempts + 1, lease_until = now() + make_interval(secs => $2)
   WHERE n.id IN (SELECT id FROM notifications
                   WHERE (email_status = 'pending' AND next_attempt_at <= now()) OR (email_status = 'sending' AND lease_until < now())
                   ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
  RETURNING n.id, n.attempts, n.created_at, n.subject, n.body_text, n.body_html,
            COALESCE(n.to_address, (SELECT u.email FROM users u WHERE u.id = n.recipient_id)) AS email,
            CASE WHEN n.recipient_id IS NULL THEN 'active' ELSE (SELECT u.status::text FROM users u WHERE u.id = n.recipient_id) END AS status`;

// Only the worker that holds the claim (same attempt number, still 'sending') may record its outcome.
const MINE = `id = $1 AND email_status = 'sending' AND attempts = $2`;

/**
 * Delivers the outbox: polls every MAIL_POLL_MS, sends each due message once, retries failures with exponential
 * backoff and keeps a message that keeps failing as `failed` with its last error. Runs the daily digest once per
 * day across replicas. Stops on shutdown after the message in hand (the database is still open then).
 */
@Injectable()
export class NotificationWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Notifications');
  private loop?: Promise<void>;
  private stopping = false;
  private wake?: () => void;
  private digestDone: string | null = null;

  constructor(
    private readonly db: DataSource,
    private readonly mailer: Mailer,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.MAIL_WORKER_ENABLED) return;
    this.logger.log(`Mail is ${this.mailer.describe()}`);
    this.start();
  }

  /** Starts the polling loop (at bootstrap unless MAIL_WORKER_ENABLED=false; tests start it themselves). */
  start(): void {
    if (this.loop) return;
    this.stopping = false;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loop;
    this.loop = undefined;
    this.stopping = false;
  }

  // before TypeORM closes the database (onApplicationShutdown): the message in hand is finished and recorded
  async onModuleDestroy(): Promise<void> {
    await this.stop();
    this.mailer.close();
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      try {
        await this.runDigestIfDue(new Date());
        while (!this.stopping && (await this.deliverDue()) > 0) {
          /* a full batch: there may be more */
        }
      } catch (err) {
        // the database may be down or restarting: try again next round
        this.logger.warn(`Notification round skipped: ${describeError(err)}`);
      }
      await new Promise<void>((r) => {
        const t = setTimeout(r, this.config.MAIL_POLL_MS);
        this.wake = () => {
          clearTimeout(t);
          r();
        };
      });
    }
  }

  /** Claims and sends one batch of due messages; returns how many it claimed. */
  async deliverDue(): Promise<number> {
    // an UPDATE … RETURNING answers [rows, count] through TypeORM
    const [claimed] = await this.db.query<[Claimed[], number]>(CLAIM_SQL, [BATCH, LEASE_SECONDS]);
    // RETURNING has no order: send in the order the notifications were written
    claimed.sort((a, b) => a.created_at.getTime() - b.created_at.getTime());
    for (const m of claimed) {
      if (this.stopping) {
        // hand it back untouched (the attempt does not count)
        await this.db.query(
          `UPDATE notifications SET email_status = 'pending', attempts = attempts - 1, lease_until = NULL WHERE ${MINE}`,
          [m.id, m.attempts],
        );
        continue;
      }
      await this.deliver(m);
    }
    return claimed.length;
  }

  private async deliver(m: Claimed): Promise<void> {
    if (!m.email || m.status !== 'active') {
      await this.db.query(
        `UPDATE notifications SET email_status = 'skipped', lease_until = NULL, last_error = 'recipient inactive' WHERE ${MINE}`,
        [m.id, m.attempts],
      );
      await this.forgetOneTimeLink(m.id);
      return;
    }
    try {
      const where = await this.mailer.send({ id: m.id, to: m.email, subject: m.subject, text: m.body_text, html: m.body_html });
      await this.db.query(
        `UPDATE notifications SET email_status = 'sent', sent_at = now(), lease_until = NULL, last_error = NULL WHERE ${MINE}`,
        [m.id, m.attempts],
      );
      await this.forgetOneTimeLink(m.id);
      this.logger.log(`Notification ${m.id} ${this.mailer.directory ? `written to ${where}` : `sent (${where})`}`);
    } catch (err) {
      const outcome = afterFailure(m.attempts, this.config.MAIL_MAX_ATTEMPTS, isPermanentFailure(err), this.config.MAIL_RETRY_BASE_MS);
      const delay = outcome.status === EmailStatus.Pending ? outcome.delayMs : 0;
      await this.db.query(
        `UPDATE notifications SET email_status = $3, last_error = $4, lease_until = NULL, next_attempt_at = now() + make_interval(secs => $5) WHERE ${MINE}`,
        [m.id, m.attempts, outcome.status, describeError(err), delay / 1000],
      );
      if (outcome.status === EmailStatus.Failed) await this.forgetOneTimeLink(m.id);
      const what = outcome.status === EmailStatus.Failed ? 'failed for good' : `failed, retry in ${Math.round(delay / 1000)} s`;
      this.logger.warn(`Notification ${m.id} attempt ${m.attempts} ${what}: ${describeError(err)}`);
    }
  }

  // Mail kept out of the in-app list carries a one-time link (invitation, password reset, address confirmation),
  // whose token is otherwise stored only hashed: once the message is out (or will never be), its text goes.
  private async forgetOneTimeLink(id: string): Promise<void> {
    await this.db.query(
      `UPDATE notifications SET body_text = $2, body_html = $2, link = NULL WHERE id = $1 AND NOT in_app AND email_status IN ('sent', 'skipped', 'failed')`,
      [id, '(removed after delivery: it held a one-time link)'],
    );
  }

  /** Runs the digest of `now`'s day if it is due and no replica has run it yet. */
  async runDigestIfDue(now: Date): Promise<number> {
    const period = dueDigestPeriod(now);
    if (!period || period === this.digestDone) return 0;
    const sent = await this.runDigest(period);
    this.digestDone = period;
    return sent;
  }

  /**
   * One digest message per person with held notifications, created (as outbox rows) in the transaction that claims
   * the period: the replica whose INSERT wins does it; a crash rolls the claim back for another replica to take.
   */
  async runDigest(period: string): Promise<number> {
    return this.db.transaction(async (em) => {
      if (!(await claimScheduleRun(em, DIGEST_JOB, period))) return 0;
      const held: { id: string; recipient_id: string; subject: string; link: string | null; language: string }[] = await em.query(
        `SELECT id, recipient_id, subject, link, language FROM notifications WHERE email_status = 'digest' ORDER BY recipient_id, created_at FOR UPDATE`,
      );
      const byRecipient = new Map<string, typeof held>();
      for (const h of held) byRecipient.set(h.recipient_id, [...(byRecipient.get(h.recipient_id) ?? []), h]);
      for (const [recipientId, items] of byRecipient) {
        const language = languageOf(items[0].language ?? DEFAULT_LANGUAGE);
        const msg = renderDigest(items, language);
        const id = randomUUID();
        await em.query(
          `INSERT INTO notifications (id, recipient_id, kind, in_app, language, subject, body_text, body_html, email_status)
           VALUES ($1, $2, 'digest', false, $3, $4, $5, $6, 'pending')`,
          [id, recipientId, language, msg.subject, msg.text, msg.html],
        );
        await em.query(`UPDATE notifications SET email_status = 'digested', digest_id = $1 WHERE id = ANY($2::uuid[])`, [
          id,
          items.map((i) => i.id),
        ]);
      }
      if (byRecipient.size) this.logger.log(`Daily digest ${period}: ${byRecipient.size} message(s)`);
      return byRecipient.size;
    });
  }
}
