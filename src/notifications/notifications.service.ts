import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { UnitOfWork } from '../audit/unit-of-work';
import { notFound } from '../common/errors';
import { decodeCursor, toPage } from '../common/pagination';
import type { AuthedCtx } from '../common/request-context';
import { AppConfig } from '../config/env';
import { initialEmailStatus } from './delivery-rules';
import type {
  ListNotificationsQuery,
  MarkedReadDto,
  NotificationDto,
  NotificationPageDto,
  NotificationPreferencesDto,
  UpdateNotificationPreferencesDto,
} from './dto';
import { EmailPreference, Notification, NotificationPreference } from './notification.entity';
import type { Notice } from './notice';
import { DEFAULT_LANGUAGE, render } from './templates';

interface Row {
  id: string;
  kind: string;
  subject: string;
  body_text: string;
  link: string | null;
  created_at: Date;
  read_at: Date | null;
}

const toDto = (r: Row): NotificationDto => ({
  id: r.id,
  kind: r.kind,
  subject: r.subject,
  text: r.body_text,
  link: r.link,
  createdAt: r.created_at.toISOString(),
  readAt: r.read_at?.toISOString() ?? null,
});

const CREATED = "date_trunc('milliseconds', n.created_at)";

@Injectable()
export class NotificationsService {
  constructor(
    private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly config: AppConfig,
  ) {}

  /**
   * Writes a notification into the outbox inside the caller's transaction (`em` of UnitOfWork.run): it exists
   * exactly when the change that causes it commits. The worker delivers the e-mail afterwards. A notice with a
   * `onceKey` already written (by an earlier or a concurrent run of a scheduled job) writes nothing: returns false.
   */
  async enqueue(em: EntityManager, notice: Notice): Promise<boolean> {
    const pref = notice.recipientId ? await em.findOneBy(NotificationPreference, { userId: notice.recipientId }) : null;
    const language = DEFAULT_LANGUAGE; // the recipient's language, once accounts carry one
    const link = `${this.config.publicBaseUrl}${notice.path}`;
    const msg = render(
      notice.kind,
      {
        link,
        clientCode: notice.clientCode,
        level: notice.level,
        date: notice.date,
        bodyName: notice.bodyName,
        role: notice.role,
        personName: notice.personName,
      },
      language,
    );
    const res = await em
      .createQueryBuilder()
      .insert()
      .into(Notification)
      .values({
        recipientId: notice.recipientId,
        toAddress: notice.toAddress ?? null,
        kind: notice.kind,
        security: notice.security === true,
        inApp: notice.recipientId !== null && notice.inApp !== false,
        language,
        subject: msg.subject,
        bodyText: msg.text,
        bodyHtml: msg.html,
        link,
        onceKey: notice.onceKey ?? null,
        emailStatus: initialEmailStatus(pref?.email ?? EmailPreference.Immediate, notice),
      })
      .orIgnore()
      .returning(['id'])
      .execute();
    return (res.raw as unknown[]).length > 0;
  }

  /** Several notices in the caller's transaction (e.g. one per admin of a body). */
  async enqueueAll(em: EntityManager, notices: readonly Notice[]): Promise<void> {
    for (const n of notices) await this.enqueue(em, n);
  }

  async list(ctx: AuthedCtx, q: ListNotificationsQuery): Promise<NotificationPageDto> {
    const limit = q.limit ?? 20;
    const cursor = decodeCursor(q.cursor, 2);
    const params: unknown[] = [ctx.actor.userId];
    let where = 'n.recipient_id = $1 AND n.in_app';
    if (q.unread === 'true') where += ' AND n.read_at IS NULL';
    if (cursor) {
      params.push(new Date(Number(cursor[0])), String(cursor[1]));
      where += ` AND (${CREATED}, n.id) < ($2, $3::uuid)`;
    }
    params.push(limit + 1);
    const [rows, count] = await Promise.all([
      this.db.query<Row[]>(
        `SELECT n.id, n.kind, n.subject, n.body_text, n.link, n.created_at, n.read_at FROM notifications n
          WHERE ${where} ORDER BY ${CREATED} DESC, n.id DESC LIMIT $${params.length}`,
        params,
      ),
      this.db.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM notifications WHERE recipient_id = $1 AND in_app AND read_at IS NULL`,
        [ctx.actor.userId],
      ),
    ]);
    const page = toPage(rows, limit, (r) => [r.created_at.getTime(), r.id], toDto);
    return { ...page, unreadCount: count[0].n };
  }

  markRead(ctx: AuthedCtx, id: string): Promise<NotificationDto> {
    return this.uow.run(ctx, async (em, audit) => {
      const [rows] = (await em.query(
        `UPDATE notifications SET read_at = COALESCE(read_at, now()) WHERE id = $1 AND recipient_id = $2 AND in_app
         RETURNING id, kind, subject, body_text, link, created_at, read_at`,
        [id, ctx.actor.userId],
      )) as [Row[], number];
      if (!rows.length) throw notFound('Notification');
      audit({ action: 'notification.read', entityType: 'notification', entityId: id });
      return toDto(rows[0]);
    });
  }

  markAllRead(ctx: AuthedCtx): Promise<MarkedReadDto> {
    return this.uow.run(ctx, async (em, audit) => {
      const [, marked] = (await em.query(
        `UPDATE notifications SET read_at = now() WHERE recipient_id = $1 AND in_app AND read_at IS NULL`,
        [ctx.actor.userId],
      )) as [unknown, number];
      audit({ action: 'notification.read_all', entityType: 'notification', entityId: null, changes: { marked } });
      return { marked };
    });
  }

  async preferences(ctx: AuthedCtx): Promise<NotificationPreferencesDto> {
    const pref = await this.db.getRepository(NotificationPreference).findOneBy({ userId: ctx.actor.userId });
    return { email: pref?.email ?? EmailPreference.Immediate, securityEmail: 'always' };
  }

  setPreferences(ctx: AuthedCtx, dto: UpdateNotificationPreferencesDto): Promise<NotificationPreferencesDto> {
    return this.uow.run(ctx, async (em, audit) => {
      await em.query(
        `INSERT INTO notification_preferences (user_id, email) VALUES ($1, $2)
         ON CONFLICT (user_id) DO UPDATE SET email = EXCLUDED.email, updated_at = now()`,
        [ctx.actor.userId, dto.email],
      );
      audit({ action: 'notification_preferences.update', entityType: 'user', entityId: ctx.actor.userId, changes: { email: dto.email } });
      return { email: dto.email, securityEmail: 'always' as const };
    });
  }
}
