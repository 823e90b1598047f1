import { useEffect, useState } from 'react';
import { api, call, type Schemas } from '../api/client';
import { useTranslation } from '../i18n';
import { Link, useLocation } from '../router';
import { Badge, Empty, ErrorBox, fmtDateTime, Loading, useAction, useLoad } from '../ui';

type Notification = Schemas['NotificationDto'];
type EmailPreference = Schemas['NotificationPreferencesDto']['email'];

// a notification's link is absolute (it is also mailed); inside the app, follow its path
const inAppPath = (link: string | null): string | null => {
  if (!link) return null;
  try {
    return new URL(link).pathname;
  } catch {
    return null;
  }
};

// the list tells the header when it marks notifications read
const CHANGED = 'ipt:notifications-changed';
const announceChange = () => window.dispatchEvent(new Event(CHANGED));

/** Header link with the unread count, refreshed on every page change and when notifications are marked read. */
export function NotificationsLink() {
  const { t } = useTranslation('notifications');
  const { path } = useLocation();
  const { data, reload } = useLoad(
    () => call(api.GET('/api/v1/me/notifications', { params: { query: { limit: 1, unread: 'true' } } })),
    [path],
  );
  useEffect(() => {
    window.addEventListener(CHANGED, reload);
    return () => window.removeEventListener(CHANGED, reload);
  }, [reload]);
  const unread = data?.unreadCount ?? 0;
  return (
    <Link to="/notifications" aria-label={unread ? t('linkUnread', { count: unread }) : t('title')}>
      {t('title')}
      {unread > 0 && (
        <>
          {' '}
          <Badge tone="warn">{unread}</Badge>
        </>
      )}
    </Link>
  );
}

export function NotificationsPage() {
  const { t } = useTranslation('notifications');
  const [pages, setPages] = useState<Notification[][]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const first = useLoad(async () => {
    const page = await call(api.GET('/api/v1/me/notifications', { params: { query: { limit: 20 } } }));
    setPages([page.items]);
    setCursor(page.nextCursor);
    return page;
  }, []);
  const more = useAction(async () => {
    if (!cursor) return;
    const page = await call(api.GET('/api/v1/me/notifications', { params: { query: { limit: 20, cursor } } }));
    setPages((p) => [...p, page.items]);
    setCursor(page.nextCursor);
  });
  const read = useAction(async (id: string) => {
    const n = await call(api.POST('/api/v1/me/notifications/{id}/read', { params: { path: { id } } }));
    setPages((p) => p.map((items) => items.map((i) => (i.id === id ? n : i))));
    announceChange();
  });
  const readAll = useAction(async () => {
    await call(api.POST('/api/v1/me/notifications/read-all'));
    first.reload();
    announceChange();
  });
  const items = pages.flat();
  const unread = items.filter((i) => !i.readAt).length;

  return (
    <>
      <h1>{t('title')}</h1>
      {first.loading && !items.length && <Loading />}
      <ErrorBox error={first.error ?? more.error ?? read.error ?? readAll.error} />
      {first.data && (
        <p>
          {t('unread', { count: first.data.unreadCount })}{' '}
          {unread > 0 && (
            <button type="button" disabled={readAll.busy} onClick={() => void readAll.run()}>
              {t('markAllRead')}
            </button>
          )}
        </p>
      )}
      {first.data && !items.length && <Empty>{t('empty')}</Empty>}
      {items.length > 0 && (
        <ul className="notifications">
          {items.map((n) => {
            const to = inAppPath(n.link);
            return (
              <li key={n.id} className={n.readAt ? 'read' : 'unread'}>
                {!n.readAt && <Badge tone="warn">{t('new')}</Badge>} <strong>{to ? <Link to={to}>{n.subject}</Link> : n.subject}</strong>{' '}
                <span className="small">{fmtDateTime(n.createdAt)}</span>{' '}
                {!n.readAt && (
                  <button type="button" disabled={read.busy} onClick={() => void read.run(n.id)}>
                    {t('markRead')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {cursor && (
        <button type="button" disabled={more.busy} onClick={() => void more.run()}>
          {t('showOlder')}
        </button>
      )}
      <NotificationPreferences />
    </>
  );
}

const CHOICES: EmailPreference[] = ['immediate', 'daily', 'off'];

export function NotificationPreferences() {
  const { t } = useTranslation('notifications');
  const prefs = useLoad(() => call(api.GET('/api/v1/me/notification-preferences')), []);
  const [saved, setSaved] = useState<string>();
  // the choice shows at once; it falls back to the stored one if saving fails
  const [choice, setChoice] = useState<EmailPreference>();
  const save = useAction(async (email: EmailPreference) => {
    setChoice(email);
    try {
      const stored = await call(api.PUT('/api/v1/me/notification-preferences', { body: { email } }));
      setChoice(stored.email);
      setSaved(t('saved'));
    } catch (e) {
      setChoice(undefined);
      throw e;
    }
  });
  const current = choice ?? prefs.data?.email;
  return (
    <section aria-labelledby="prefs-h">
      <h2 id="prefs-h">{t('prefs.title')}</h2>
      <ErrorBox error={prefs.error ?? save.error} />
      {prefs.data && (
        <fieldset>
          <legend>{t('prefs.legend')}</legend>
          {CHOICES.map((c) => (
            <label key={c} style={{ display: 'block' }}>
              <input
                type="radio"
                name="email-preference"
                value={c}
                checked={current === c}
                onChange={() => {
                  setSaved(undefined);
                  void save.run(c);
                }}
              />{' '}
              {t(`prefs.${c}`)}
            </label>
          ))}
          <p className="small">{t('prefs.note')}</p>
        </fieldset>
      )}
      {saved && (
        <p role="status" className="small">
          {saved}
        </p>
      )}
    </section>
  );
}
