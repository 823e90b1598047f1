import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Injectable } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { AppConfig } from '../config/env';

export interface OutgoingMail {
  /** the notification id: the Message-ID, so a receiver can tell a repeat from a new message */
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

// SMTP timeouts stay well under the worker's claim lease, so a stalled server cannot make two workers send one message.
const SMTP_TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 };

/**
 * Sends one message: over SMTP when SMTP_URL is set, otherwise nodemailer builds the message and it is written to
 * DATA_DIR/mail/<id>.eml (the embedded default: nothing else to install, and a newcomer can open the file).
 */
@Injectable()
export class Mailer {
  private readonly transport: Transporter;
  readonly directory: string | null;

  constructor(private readonly config: AppConfig) {
    if (config.SMTP_URL) {
      this.transport = createTransport({ url: config.SMTP_URL, ...SMTP_TIMEOUTS });
      this.directory = null;
    } else {
      this.transport = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
      this.directory = resolve(config.DATA_DIR, 'mail');
    }
  }

  /** Where mail goes, for the start-up log line (never the SMTP password). */
  describe(): string {
    if (this.directory) return `written as .eml files to ${this.directory} (no SMTP_URL)`;
    const url = new URL(this.config.SMTP_URL as string);
    return `sent over ${url.protocol.replace(':', '')} to ${url.hostname}:${url.port || 'default port'}`;
  }

  async send(m: OutgoingMail): Promise<string> {
    const info = (await this.transport.sendMail({
      from: this.config.MAIL_FROM,
      to: m.to,
      subject: m.subject,
      text: m.text,
      html: m.html,
      messageId: `<${m.id}@ipt-accreditation>`,
    })) as { message?: Buffer; messageId?: string };
    if (!this.directory) return `SMTP ${info.messageId ?? ''}`.trim();
    await mkdir(this.directory, { recursive: true });
    const file = resolve(this.directory, `${m.id}.eml`);
    await writeFile(file, info.message ?? '');
    return file;
  }

  /** Called by the worker once it has stopped (so never under a message being sent). */
  close(): void {
    this.transport.close();
  }
}
