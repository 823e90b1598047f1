import { type FormEvent, useState } from 'react';
import type { TFunction } from 'i18next';
import { ApiError, api, call, type Schemas } from '../api/client';
import { useAuth } from '../auth';
import { formatDate, useTranslation } from '../i18n';
import { Badge, DataTable, Empty, ErrorBox, Field, Loading, Notice, useAction, useLoad } from '../ui';
import { label } from './shared/labels';

// Cross-border supervision in the app: a trainee asks a supervisor of any body (found by exact e-mail) to supervise
// them and may withdraw the request; the supervisor accepts or declines it — as they do a body admin's assignment of
// them to a trainee of another body. The relationship is the trainee's body's.

type Relationship = Schemas['RelationshipDto'];
type Body = Schemas['BodyDto'];

// the API's codes for a refused request or answer, in the reader's language (the API's own message is English and
// names fields such as supervisorId)
const EXPLAINED: Partial<Record<string, string>> = {
  SELF_SUPERVISION: 'errors.self',
  SUPERVISION_ALREADY_OPEN: 'errors.open',
  CONFLICT_OF_INTEREST: 'errors.conflict',
  SUPERVISION_WRONG_STATUS: 'errors.wrongStatus',
  SUPERVISION_STATUS_CHANGED: 'errors.changed',
  SUPERVISION_ACTION_NOT_ALLOWED: 'errors.notAllowed',
};
const explained = (e: unknown, t: TFunction, name: string): unknown => {
  const key = e instanceof ApiError ? EXPLAINED[e.code] : undefined;
  return key && e instanceof ApiError ? new ApiError(e.statusCode, e.code, t(key, { name })) : e;
};

const bodyLabel = (bodies: Body[] | undefined, id: string) => {
  const b = bodies?.find((x) => x.id === id);
  return b ? `${b.name} (${b.code})` : id;
};

const tone = (status: Relationship['status']) => (status === 'active' ? 'ok' : status === 'requested' ? 'warn' : 'neutral');

/** The trainee's side: their supervision relationships (withdrawing a request they made) and asking a supervisor of
 *  any body by e-mail. */
export function MySupervisors() {
  const { t } = useTranslation('supervision-requests');
  const { me, bodiesFor } = useAuth();
  const rels = useLoad(
    () => call(api.GET('/api/v1/supervision/relationships', { params: { query: { role: 'trainee', limit: 100 } } })),
    [],
  );
  const bodies = useLoad(() => call(api.GET('/api/v1/bodies')), []);
  const cancel = useAction(async (r: Relationship) => {
    try {
      await call(api.POST('/api/v1/supervision/relationships/{id}/cancel', { params: { path: { id: r.id } } }));
    } catch (e) {
      throw explained(e, t, r.supervisorName);
    } finally {
      rels.reload();
    }
    return t('cancelled', { name: r.supervisorName });
  });
  const since = (r: Relationship) =>
    r.status === 'requested'
      ? t('askedOn', { date: formatDate(r.createdAt) })
      : r.status === 'active'
        ? t('since', { date: formatDate(r.startedOn) })
        : r.status === 'ended'
          ? t('endedOn', { date: formatDate(r.endedOn) })
          : t('updatedOn', { date: formatDate(r.updatedAt) });
  return (
    <section className="card" aria-labelledby="my-supervisors-h">
      <h2 id="my-supervisors-h" style={{ marginTop: 0 }}>
        {t('mine.title')}
      </h2>
      {rels.loading && !rels.data && <Loading />}
      <ErrorBox error={rels.error} />
      {rels.data && rels.data.items.length === 0 && <Empty>{t('mine.none')}</Empty>}
      {rels.data && rels.data.items.length > 0 && (
        <DataTable
          rows={rels.data.items}
          columns={[
            { label: t('col.supervisor'), cell: (r) => r.supervisorName },
            { label: t('col.status'), cell: (r) => <Badge tone={tone(r.status)}>{label('supervisionStatus', r.status)}</Badge> },
            { label: t('col.since'), cell: since },
            {
              label: t('col.actions'),
              cell: (r) =>
                r.status === 'requested' && r.requestedBy === me?.id ? (
                  <button
                    type="button"
                    className="secondary"
                    disabled={cancel.busy}
                    onClick={() => void cancel.run(r)}
                    aria-label={t('cancelLabel', { name: r.supervisorName })}
                  >
                    {t('cancel')}
                  </button>
                ) : r.status === 'requested' ? (
                  t('awaiting')
                ) : (
                  '—'
                ),
            },
          ]}
        />
      )}
      <ErrorBox error={cancel.error} />
      <Notice>{cancel.notice}</Notice>
      <AskSupervisor traineeBodies={bodiesFor('TRAINEE')} bodies={bodies.data} onSent={rels.reload} />
    </section>
  );
}

/** Find a supervisor of any body by exact e-mail, then send them a request. */
function AskSupervisor({ traineeBodies, bodies, onSent }: { traineeBodies: string[]; bodies?: Body[]; onSent: () => void }) {
  const { t } = useTranslation('supervision-requests');
  const [email, setEmail] = useState('');
  const [bodyId, setBodyId] = useState('');
  const [found, setFound] = useState<Schemas['FoundSupervisorDto'] | null>(null);
  const find = useAction(async () => {
    setFound(null);
    const [s] = await call(api.GET('/api/v1/supervision/supervisors', { params: { query: { email: email.trim() } } }));
    if (!s) throw new Error(t('ask.notFound', { email: email.trim() }));
    setFound(s);
  });
  const send = useAction(async (s: Schemas['FoundSupervisorDto']) => {
    const chosen = bodyId || traineeBodies[0];
    try {
      await call(
        api.POST('/api/v1/supervision/requests', {
          body: { supervisorId: s.id, ...(traineeBodies.length > 1 && chosen ? { bodyId: chosen } : {}) },
        }),
      );
    } catch (e) {
      throw explained(e, t, s.displayName);
    }
    setFound(null);
    setEmail('');
    onSent();
    return t('ask.sent', { name: s.displayName });
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void find.run();
  };
  return (
    <section aria-labelledby="ask-supervisor-h">
      <h3 id="ask-supervisor-h">{t('ask.title')}</h3>
      <p className="muted">{t('ask.intro')}</p>
      <form onSubmit={submit} className="row">
        <Field label={t('ask.email')} hint={t('ask.emailHint')}>
          {(p) => <input {...p} type="email" required autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} />}
        </Field>
        <button type="submit" className="secondary" disabled={find.busy || !email.trim()}>
          {t('ask.find')}
        </button>
      </form>
      <ErrorBox error={find.error} />
      {found && (
        <div className="card" role="region" aria-label={t('ask.foundLabel')} data-testid="found-supervisor">
          <p style={{ marginTop: 0 }}>
            <strong>{found.displayName}</strong> — {t('ask.supervisorIn', { bodies: found.bodies.map((b) => b.code).join(', ') })}
          </p>
          <div className="row">
            {traineeBodies.length > 1 && (
              <Field label={t('ask.body')} hint={t('ask.bodyHint')}>
                {(p) => (
                  <select {...p} value={bodyId || traineeBodies[0]} onChange={(e) => setBodyId(e.target.value)}>
                    {traineeBodies.map((b) => (
                      <option key={b} value={b}>
                        {bodyLabel(bodies, b)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            )}
            <button
              type="button"
              disabled={send.busy}
              onClick={() => void send.run(found)}
              aria-label={t('ask.sendLabel', { name: found.displayName })}
            >
              {t('ask.send')}
            </button>
          </div>
        </div>
      )}
      <ErrorBox error={send.error} />
      <Notice>{send.notice}</Notice>
    </section>
  );
}

/** The supervisor's side: requests to supervise someone (a trainee's own, or a body admin's assignment of them to a
 *  trainee of another body), each to accept or decline. `onAccepted` lets the page show the new supervisee. */
export function SupervisionRequests({ onAccepted }: { onAccepted: () => void }) {
  const { t } = useTranslation('supervision-requests');
  const requests = useLoad(
    () =>
      call(api.GET('/api/v1/supervision/relationships', { params: { query: { role: 'supervisor', status: 'requested', limit: 100 } } })),
    [],
  );
  const bodies = useLoad(() => call(api.GET('/api/v1/bodies')), []);
  const answer = useAction(async (r: Relationship, action: 'accept' | 'decline') => {
    try {
      if (action === 'accept') await call(api.POST('/api/v1/supervision/relationships/{id}/accept', { params: { path: { id: r.id } } }));
      else await call(api.POST('/api/v1/supervision/relationships/{id}/decline', { params: { path: { id: r.id } } }));
    } catch (e) {
      throw explained(e, t, r.traineeName);
    } finally {
      requests.reload();
    }
    if (action === 'accept') onAccepted();
    return t(action === 'accept' ? 'requests.accepted' : 'requests.declined', { name: r.traineeName });
  });
  const items = requests.data?.items ?? [];
  return (
    <section className="card" aria-labelledby="supervision-requests-h">
      <h2 id="supervision-requests-h" style={{ marginTop: 0 }}>
        {t('requests.title')}
      </h2>
      {requests.loading && !requests.data && <Loading />}
      <ErrorBox error={requests.error} />
      {requests.data && items.length === 0 && <Empty>{t('requests.none')}</Empty>}
      {items.length > 0 && (
        <>
          <p className="muted">{t('requests.intro')}</p>
          <DataTable
            rows={items}
            columns={[
              { label: t('col.trainee'), cell: (r) => r.traineeName },
              { label: t('col.body'), cell: (r) => bodyLabel(bodies.data, r.bodyId) },
              {
                label: t('col.askedBy'),
                cell: (r) => (r.requestedBy === r.traineeId ? t('requests.byTrainee') : t('requests.byBodyAdmin')),
              },
              {
                label: t('col.askedOn'),
                cell: (r) =>
                  formatDate(r.createdAt) + (r.startedOn ? ` — ${t('requests.startsOn', { date: formatDate(r.startedOn) })}` : ''),
              },
              {
                label: t('col.actions'),
                cell: (r) => (
                  <span className="row">
                    <button
                      type="button"
                      disabled={answer.busy}
                      onClick={() => void answer.run(r, 'accept')}
                      aria-label={t('requests.acceptLabel', { name: r.traineeName })}
                    >
                      {t('requests.accept')}
                    </button>
                    <button
                      type="button"
                      className="danger"
                      disabled={answer.busy}
                      onClick={() => void answer.run(r, 'decline')}
                      aria-label={t('requests.declineLabel', { name: r.traineeName })}
                    >
                      {t('requests.decline')}
                    </button>
                  </span>
                ),
              },
            ]}
          />
        </>
      )}
      <ErrorBox error={answer.error} />
      <Notice>{answer.notice}</Notice>
    </section>
  );
}
