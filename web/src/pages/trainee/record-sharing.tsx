import { type FormEvent, useState } from 'react';
import { api, call } from '../../api/client';
import { useTranslation } from '../../i18n';
import { useTitle } from '../../router';
import { Badge, Empty, ErrorBox, Field, fmtDateTime, Loading, Notice, useAction, useLoad } from '../../ui';

/** Moving or being assessed elsewhere: the trainee submits their whole record to another body (its admins read it,
 *  read-only, sign-offs and ratings included) and may withdraw the submission. The record stays theirs. */
export function RecordSharing() {
  const { t } = useTranslation('sharing');
  useTitle(t('title'));
  const subs = useLoad(() => call(api.GET('/api/v1/me/record-submissions')), []);
  const bodies = useLoad(() => call(api.GET('/api/v1/bodies')), []);
  const [bodyId, setBodyId] = useState('');
  const [join, setJoin] = useState(false);
  const open = (subs.data?.items ?? []).filter((s) => !s.withdrawnAt);
  const choices = (bodies.data ?? []).filter((b) => !open.some((s) => s.bodyId === b.id));
  const chosen = bodyId || choices[0]?.id || '';
  const submit = useAction(async () => {
    if (!chosen) throw new Error(t('chooseFirst'));
    const r = await call(api.POST('/api/v1/me/record-submissions', { body: { bodyId: chosen, joinAsTrainee: join } }));
    subs.reload();
    setBodyId('');
    return t('submitted', { body: r.bodyName });
  });
  const withdraw = useAction(async (id: string, name: string) => {
    await call(api.POST('/api/v1/me/record-submissions/{id}/withdraw', { params: { path: { id } } }));
    subs.reload();
    return t('withdrawn', { body: name });
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit.run();
  };
  return (
    <>
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <section className="card" aria-labelledby="share-h">
        <h2 id="share-h" style={{ marginTop: 0 }}>
          {t('share')}
        </h2>
        <form onSubmit={onSubmit} className="row">
          <Field label={t('body')}>
            {(p) => (
              <select {...p} value={chosen} onChange={(e) => setBodyId(e.target.value)}>
                {choices.map((b) => (
                  <option key={b.id} value={b.id}>
                    {b.name} ({b.code})
                  </option>
                ))}
              </select>
            )}
          </Field>
          <label>
            <input type="checkbox" checked={join} onChange={(e) => setJoin(e.target.checked)} /> {t('join')}
          </label>
          <button type="submit" disabled={submit.busy || !chosen}>
            {t('submit')}
          </button>
        </form>
        <ErrorBox error={submit.error ?? bodies.error} />
        <Notice>{submit.notice}</Notice>
      </section>
      <section className="card" aria-labelledby="shared-h">
        <h2 id="shared-h" style={{ marginTop: 0 }}>
          {t('list')}
        </h2>
        {subs.loading && <Loading />}
        <ErrorBox error={subs.error ?? withdraw.error} />
        <Notice>{withdraw.notice}</Notice>
        {subs.data && subs.data.items.length === 0 && <Empty>{t('none')}</Empty>}
        {subs.data && subs.data.items.length > 0 && (
          <ul>
            {subs.data.items.map((s) => (
              <li key={s.id}>
                {s.bodyName} ({s.bodyCode}) — {t('since', { date: fmtDateTime(s.submittedAt) })}{' '}
                {s.withdrawnAt ? (
                  <Badge tone="neutral">{t('withdrawnOn', { date: fmtDateTime(s.withdrawnAt) })}</Badge>
                ) : (
                  <>
                    <Badge tone="ok">{t('open')}</Badge>{' '}
                    <button
                      type="button"
                      className="secondary"
                      disabled={withdraw.busy}
                      onClick={() => void withdraw.run(s.id, s.bodyName)}
                      aria-label={t('withdrawFrom', { body: s.bodyName })}
                    >
                      {t('withdraw')}
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
