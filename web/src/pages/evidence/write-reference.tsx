import { type FormEvent, useState } from 'react';
import { api, call } from '../../api/client';
import { formatDateTime, useTranslation } from '../../i18n';
import { useTitle } from '../../router';
import { ErrorBox, Field, fieldErrors, Loading, useAction, useLoad } from '../../ui';

// The referee's page, opened from the mailed link. The token travels in the URL's fragment (#…), which browsers never
// send to a server; the page sends it in a request body. No account is needed.
const linkToken = () => window.location.hash.replace(/^#/, '');

export function WriteReference() {
  const { t } = useTranslation('evidence');
  useTitle(t('write.title'));
  const [token] = useState(linkToken);
  const preview = useLoad(
    () => (token ? call(api.POST('/api/v1/references/preview', { body: { token } })) : Promise.resolve(undefined)),
    [token],
  );
  const [text, setText] = useState('');
  const [recommend, setRecommend] = useState<'' | 'yes' | 'no'>('');
  const [rating, setRating] = useState('');
  const [done, setDone] = useState<string>();
  const submit = useAction(async () => {
    const res = await call(
      api.POST('/api/v1/references/submit', {
        body: {
          token,
          text: text.trim(),
          ...(recommend ? { recommend: recommend === 'yes' } : {}),
          ...(rating ? { rating: Number(rating) } : {}),
        },
      }),
    );
    setDone(t('write.thanks', { name: res.applicantName, body: res.bodyName, date: formatDateTime(res.submittedAt) }));
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit.run();
  };
  const p = preview.data;
  return (
    <div style={{ maxWidth: 640, margin: '1rem auto' }}>
      <h1>{t('write.title')}</h1>
      {!token && <ErrorBox error={new Error(t('write.needsLink'))} title={t('write.noLink')} />}
      {token && preview.loading && <Loading label={t('common:loading')} />}
      <ErrorBox error={preview.error} title={t('write.cannotUse')} />
      {done && (
        <div className="alert ok" role="status">
          {done}
        </div>
      )}
      {p && !done && (
        <>
          <p>{t('write.asks', { name: p.applicantName, body: p.bodyName, referee: p.refereeName })}</p>
          <p>
            {t('write.what', { kind: t(`refKinds.${p.kind}`, { defaultValue: p.kind }), relation: p.relation })}{' '}
            {t('write.until', { date: formatDateTime(p.expiresAt) })}
          </p>
          <form className="card" onSubmit={onSubmit}>
            <ErrorBox error={submit.error} title={t('write.failed')} />
            <Field label={t('write.text')} hint={t('write.textHint')} errors={fieldErrors(submit.error, 'text')}>
              {(f) => (
                <textarea
                  {...f}
                  required
                  minLength={20}
                  maxLength={20000}
                  rows={10}
                  value={text}
                  onChange={(e) => setText(e.target.value)}
                  style={{ width: '100%' }}
                />
              )}
            </Field>
            <Field label={t('write.recommend')} errors={fieldErrors(submit.error, 'recommend')}>
              {(f) => (
                <select {...f} value={recommend} onChange={(e) => setRecommend(e.target.value as '' | 'yes' | 'no')}>
                  <option value="">{t('write.noAnswer')}</option>
                  <option value="yes">{t('write.yes')}</option>
                  <option value="no">{t('write.no')}</option>
                </select>
              )}
            </Field>
            <Field label={t('write.rating')} hint={t('write.ratingHint')} errors={fieldErrors(submit.error, 'rating')}>
              {(f) => (
                <select {...f} value={rating} onChange={(e) => setRating(e.target.value)}>
                  <option value="">{t('write.noAnswer')}</option>
                  {[1, 2, 3, 4, 5].map((n) => (
                    <option key={n} value={String(n)}>
                      {n}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <button type="submit" disabled={submit.busy}>
              {submit.busy ? t('saving') : t('write.submit')}
            </button>
          </form>
        </>
      )}
    </div>
  );
}
