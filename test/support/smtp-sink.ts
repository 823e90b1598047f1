import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { NotificationWorker } from '../../src/notifications/notification-worker';
import { createTestApp, type TestApp } from './test-app';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
  subject: string;
  messageId: string;
  /** the text/plain part, quoted-printable decoded */
  text: string;
}

const header = (raw: string, name: string): string => {
  const m = new RegExp(`^${name}:\\s*((?:.*)(?:\\r?\\n[ \\t].*)*)`, 'im').exec(raw);
  return m ? m[1].replace(/\r?\n[ \t]+/g, ' ').trim() : '';
};

const decodeQp = (s: string): string =>
  Buffer.from(
    s.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
    'latin1',
  ).toString('utf8');

function textPart(raw: string): string {
  const i = raw.search(/^Content-Type: text\/plain/im);
  if (i < 0) return '';
  const part = raw.slice(i);
  const body = part.slice(part.search(/\r?\n\r?\n/)).replace(/^\s+/, '');
  const end = body.search(/\r?\n--/);
  const content = end < 0 ? body : body.slice(0, end);
  return /^Content-Transfer-Encoding: quoted-printable/im.test(part.slice(0, part.search(/\r?\n\r?\n/))) ? decodeQp(content) : content;
}

/**
 * A real SMTP server in the test process that keeps what it receives. `failNext(n, code)` makes the next n
 * recipients be refused with that reply code (451: try later; 550: never).
 */
export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  private failures: { left: number; code: number } = { left: 0, code: 451 };
  private server?: SMTPServer;
  port = 0;

  async start(port = 0): Promise<this> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo: (_addr, _session, cb) => {
        if (this.failures.left > 0) {
          this.failures.left--;
          return cb(
            Object.assign(new Error(this.failures.code >= 500 ? 'No such mailbox' : 'Try again later'), {
              responseCode: this.failures.code,
            }),
          );
        }
        cb();
      },
      onData: (stream, session, cb) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
          this.received.push({
            from,
            to: session.envelope.rcptTo.map((r) => r.address),
            raw,
            subject: header(raw, 'Subject'),
            messageId: header(raw, 'Message-ID'),
            text: textPart(raw),
          });
          cb();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.server.address() as AddressInfo).port;
    return this;
  }

  failNext(n: number, code = 451): void {
    this.failures = { left: n, code };
  }

  async stop(): Promise<void> {
    const s = this.server;
    this.server = undefined;
    if (s) await new Promise<void>((r) => s.close(() => r()));
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  to(address: string): ReceivedMail[] {
    return this.received.filter((m) => m.to.includes(address));
  }
}

/**
 * The real application sending to an in-process SMTP server, with a fast worker (polling every 100 ms, retrying
 * after 20 ms) and links under https://ipt.test. `env` adds or overrides settings.
 */
export async function createMailTestApp(
  env: Record<string, string> = {},
): Promise<{ t: TestApp; smtp: SmtpSink; worker: NotificationWorker }> {
  const smtp = await new SmtpSink().start();
  const t = await createTestApp({
    SMTP_URL: smtp.url,
    MAIL_FROM: 'IPT Test <noreply@ipt.test>',
    MAIL_RETRY_BASE_MS: '20',
    MAIL_POLL_MS: '100',
    PUBLIC_BASE_URL: 'https://ipt.test',
    ...env,
  });
  return { t, smtp, worker: t.app.get(NotificationWorker) };
}
