import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RegistrationNotice } from '../auth/registration-notice';
import { NotificationsService } from './notifications.service';

// At most one such mail per account a day: registration is anonymous, so without this anyone could make the
// service mail an account owner as often as the per-address limit allows.
const ONCE_PER_MS = 24 * 3600_000;

// Security mail to the owner of an address someone tried to register again. Written without an audit row on
// purpose: the caller is anonymous, and an append-only table must not grow at an anonymous caller's will.
@Injectable()
export class MailedRegistrationNotice extends RegistrationNotice {
  private readonly logger = new Logger(MailedRegistrationNotice.name);

  constructor(
    private readonly db: DataSource,
    private readonly notifications: NotificationsService,
  ) {
    super();
  }

  async existingAccount(userId: string, requestId: string): Promise<void> {
    try {
      await this.db.transaction(async (em) => {
        const recent: unknown[] = await em.query(
          `SELECT 1 FROM notifications WHERE recipient_id = $1 AND kind = 'account.registration_attempt' AND created_at > now() - $2 * interval '1 millisecond' LIMIT 1`,
          [userId, ONCE_PER_MS],
        );
        if (recent.length) return;
        await this.notifications.enqueue(em, {
          recipientId: userId,
          kind: 'account.registration_attempt',
          path: '/sign-in',
          security: true,
          urgent: true,
        });
      });
    } catch (err) {
      this.logger.error({ err, userId, requestId }, 'could not queue the registration-attempt notice');
    }
  }
}
