import { type FormEvent, useState } from 'react';
import { api, call, type Schemas } from '../../api/client';
import { useAuth } from '../../auth';
import { formatDate, formatDateTime, useTranslation } from '../../i18n';
import { useTitle } from '../../router';
import { Badge, DataTable, Empty, ErrorBox, Field, fieldErrors, Loading, Notice, TextField, useAction, useLoad } from '../../ui';

type Reference = Schemas['ReferenceDto'];
export const REFERENCE_KINDS = ['clinical', 'supervisor', 'character'] as const;
export const refTone = (s: Reference['state']) =>
  s === 'submitted' ? 'ok' : s === 'requested' ? 'neutral' : s === 'expired' ? 'warn' : 'bad';

/** The person's references: ask a referee (who gets a single-use link), follow the state, resend or cancel. */
export function TraineeReferences() {
  const { t } = useTranslation('evidence');
  useTitle(t('references.title'));
  const { me } = useAuth();
  const bodies = useLoad(() => call(api.GET('/api/v1/bodies')), []);
  const memberOf = new Set((me?.roles ?? []).map((g) => g.bodyId).filter(Boolean));
  const mine = (bodies.data ?? []).filter((b) => memberOf.has(b.id));
  const list = useLoad(() => call(api.GET('/api/v1/me/references')), []);
  const [picked, setPicked] = useState('');
  const bodyId = picked || mine[0]?.id || '';
  const [kind, setKind] = useState<string>('clinical');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [relation, setRelation] = useState('');
  const ask = useAction(async () => {
    const r = await call(
      api.POST('/api/v1/me/references', {
        body: { bodyId, kind, refereeName: name.trim(), refereeEmail: email.trim(), relation: relation.trim() },
      }),
    );
    setName('');
    setEmail('');
    setRelation('');
    list.reload();
    return t('references.sent', { email: r.refereeEmail });
  });
  const act = useAction(async (r: Reference, what: 'resend' | 'cancel') => {
    if (what === 'resend') await call(api.POST('/api/v1/me/references/{id}/resend', { params: { path: { id: r.id } } }));
    else await call(api.POST('/api/v1/me/references/{id}/cancel', { params: { path: { id: r.id } } }));
    list.reload();
    return t(what === 'resend' ? 'references.resent' : 'references.cancelled', { email: r.refereeEmail });
  });
  const onAsk = (e: FormEvent) => {
    e.preventDefault();
    void ask.run();
  };
  const bodyName = (id: string) => (bodies.data ?? []).find((b) => b.id === id)?.name ?? '';
  const open = (s: Reference['state']) => s === 'requested' || s === 'expired';
  return (
    <>
      <h1>{t('references.title')}</h1>
      <p>{t('references.intro')}</p>
      <form className="card" onSubmit={onAsk} aria-labelledby="ask-reference">
        <h2 id="ask-reference" style={{ marginTop: 0 }}>
          {t('references.ask')}
        </h2>
        <ErrorBox error={ask.error} title={t('references.askFailed')} />
        <Notice>{ask.notice}</Notice>
        {mine.length > 1 && (
          <Field label={t('body')} errors={fieldErrors(ask.error, 'bodyId')}>
            {(p) => (
              <select {...p} value={bodyId} onChange={(e) => setPicked(e.target.value)}>
                {mine.map((b) => (
                  <option key={b.id} value={b.id}>
                    {b.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field label={t('references.kind')} errors={fieldErrors(ask.error, 'kind')}>
          {(p) => (
            <select {...p} value={kind} onChange={(e) => setKind(e.target.value)}>
              {REFERENCE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`refKinds.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <TextField
          label={t('references.refereeName')}
          errors={fieldErrors(ask.error, 'refereeName')}
          type="text"
          autoComplete="off"
          value={name}
          onChange={setName}
        />
        <TextField
          label={t('references.refereeEmail')}
          errors={fieldErrors(ask.error, 'refereeEmail')}
          type="email"
          autoComplete="off"
          value={email}
          onChange={setEmail}
        />
        <TextField
          label={t('references.relation')}
          hint={t('references.relationHint')}
          errors={fieldErrors(ask.error, 'relation')}
          type="text"
          autoComplete="off"
          value={relation}
          onChange={setRelation}
        />
        <button type="submit" disabled={ask.busy || !bodyId}>
          {ask.busy ? t('saving') : t('references.send')}
        </button>
      </form>
      <h2>{t('references.asked')}</h2>
      <ErrorBox error={act.error} />
      <Notice>{act.notice}</Notice>
      {list.loading && <Loading label={t('common:loading')} />}
      <ErrorBox error={list.error} />
      {list.data && !list.data.items.length && <Empty>{t('references.none')}</Empty>}
      {list.data && list.data.items.length > 0 && (
        <DataTable
          rows={list.data.items}
          columns={[
            { label: t('references.referee'), cell: (r) => `${r.refereeName} <${r.refereeEmail}>` },
            { label: t('references.kind'), cell: (r) => t(`refKinds.${r.kind}`, { defaultValue: r.kind }) },
            { label: t('body'), cell: (r) => bodyName(r.bodyId) },
            { label: t('state'), cell: (r) => <Badge tone={refTone(r.state)}>{t(`refStates.${r.state}`)}</Badge> },
            {
              label: t('references.when'),
              cell: (r) =>
                r.submittedAt
                  ? formatDateTime(r.submittedAt)
                  : r.state === 'requested'
                    ? t('references.until', { date: formatDate(r.expiresAt) })
                    : '—',
            },
            {
              label: t('actions'),
              cell: (r) =>
                open(r.state) ? (
                  <>
                    <button
                      type="button"
                      disabled={act.busy}
                      onClick={() => void act.run(r, 'resend')}
                      aria-label={t('references.resendLabel', { name: r.refereeName })}
                    >
                      {t('references.resend')}
                    </button>{' '}
                    <button
                      type="button"
                      disabled={act.busy}
                      onClick={() => void act.run(r, 'cancel')}
                      aria-label={t('references.cancelLabel', { name: r.refereeName })}
                    >
                      {t('references.cancel')}
                    </button>
                  </>
                ) : (
                  '—'
                ),
            },
          ]}
        />
      )}
    </>
  );
}
