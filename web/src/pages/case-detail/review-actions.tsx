import { useState } from 'react';
import { api, call, type Schemas } from '../../api/client';
import { useTranslation } from '../../i18n';
import { ErrorBox, Field, fieldErrors, fmtDateTime, useAction } from '../../ui';
import { label } from '../shared/labels';

type Case = Schemas['CaseDto'];

export function ReviewActions({ c, onChange }: { c: Case; onChange: (c: Case) => void }) {
  const { t } = useTranslation('cases');
  const [comments, setComments] = useState('');
  const signOff = useAction(async () =>
    onChange(await call(api.POST('/api/v1/cases/{id}/sign-off', { params: { path: { id: c.id } }, body: { contentHash: c.contentHash } }))),
  );
  const ret = useAction(async () =>
    onChange(await call(api.POST('/api/v1/cases/{id}/return', { params: { path: { id: c.id } }, body: { comments: comments.trim() } }))),
  );
  if (c.reviewState !== 'submitted')
    return (
      <div className="alert ok" role="status">
        {c.reviewState === 'signed_off'
          ? t('review.signedOff', { at: fmtDateTime(c.currentSignoff?.signedAt) })
          : t('review.nothing', { state: label('reviewState', c.reviewState) })}
      </div>
    );
  return (
    <section className="card" aria-labelledby="review-h">
      <h2 id="review-h" style={{ marginTop: 0 }}>
        {t('review.title')}
      </h2>
      <ErrorBox error={signOff.error ?? ret.error} />
      <p className="small muted">{t('review.hash', { hash: c.contentHash.slice(0, 12) })}</p>
      <button type="button" disabled={signOff.busy} onClick={() => void signOff.run()}>
        {signOff.busy ? t('review.signingOff') : t('review.signOff')}
      </button>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void ret.run();
        }}
        style={{ marginTop: '1rem' }}
      >
        <Field label={t('review.comments')} errors={fieldErrors(ret.error, 'comments')}>
          {(p) => <textarea {...p} required value={comments} onChange={(e) => setComments(e.target.value)} />}
        </Field>
        <button type="submit" className="secondary" disabled={ret.busy || !comments.trim()}>
          {ret.busy ? t('review.returning') : t('review.return')}
        </button>
      </form>
    </section>
  );
}
