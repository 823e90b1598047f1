import { useState } from 'react';
import { api, call, etagOf, type Schemas } from '../../api/client';
import { downloadFrom } from '../../api/download';
import { useAuth } from '../../auth';
import { formatDate, formatDateTime, useTranslation } from '../../i18n';
import { useTitle } from '../../router';
import { Badge, Empty, ErrorBox, Field, Loading, Notice, useAction, useLoad } from '../../ui';
import { stateTone } from './qualifications';
import { refTone } from './references';

type BodyQualification = Schemas['BodyQualificationDto'];

/** A body admin's evidence screen: the trainees' qualifications to verify or reject, and the references given. */
export function AdminEvidence() {
  const { t } = useTranslation('evidence');
  useTitle(t('admin.title'));
  const { has, bodiesFor } = useAuth();
  const bodies = useLoad(() => call(api.GET('/api/v1/bodies')), []);
  const mine = (bodies.data ?? []).filter((b) => bodiesFor('BODY_ADMIN').includes(b.id));
  const [chosen, setChosen] = useState<string>();
  const bodyId = chosen ?? mine[0]?.id;
  return (
    <>
      <h1>{t('admin.title')}</h1>
      <p>{t('admin.intro')}</p>
      {bodies.loading && <Loading label={t('common:loading')} />}
      <ErrorBox error={bodies.error} />
      {mine.length > 1 && (
        <Field label={t('body')}>
          {(p) => (
            <select {...p} value={bodyId} onChange={(e) => setChosen(e.target.value)}>
              {mine.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {bodyId && <BodyEvidence key={bodyId} bodyId={bodyId} />}
      {!bodies.loading && !mine.length && <Empty>{has('ADMIN') ? t('admin.globalNone') : t('admin.noBody')}</Empty>}
    </>
  );
}

function BodyEvidence({ bodyId }: { bodyId: string }) {
  const { t } = useTranslation('evidence');
  const quals = useLoad(() => call(api.GET('/api/v1/bodies/{bodyId}/qualifications', { params: { path: { bodyId } } })), [bodyId]);
  const refs = useLoad(() => call(api.GET('/api/v1/bodies/{bodyId}/references', { params: { path: { bodyId } } })), [bodyId]);
  return (
    <>
      <h2>{t('admin.qualifications')}</h2>
      {quals.loading && <Loading label={t('common:loading')} />}
      <ErrorBox error={quals.error} />
      {quals.data && !quals.data.items.length && <Empty>{t('admin.noQualifications')}</Empty>}
      {quals.data?.items.map((q) => (
        <ReviewCard key={q.id} q={q} onChange={quals.reload} />
      ))}
      <h2>{t('admin.references')}</h2>
      {refs.loading && <Loading label={t('common:loading')} />}
      <ErrorBox error={refs.error} />
      {refs.data && !refs.data.items.length && <Empty>{t('admin.noReferences')}</Empty>}
      {refs.data?.items.map((r) => (
        <section key={r.id} className="card" aria-label={t('admin.referenceFor', { applicant: r.applicantName, referee: r.refereeName })}>
          <h3 style={{ marginTop: 0 }}>
            {t('admin.referenceFor', { applicant: r.applicantName, referee: r.refereeName })}{' '}
            <Badge tone={refTone(r.state)}>{t(`refStates.${r.state}`)}</Badge>
          </h3>
          <p>
            {t(`refKinds.${r.kind}`, { defaultValue: r.kind })} · {r.relation}
            {r.submittedAt && <> · {formatDateTime(r.submittedAt)}</>}
          </p>
          {r.text && <blockquote style={{ whiteSpace: 'pre-wrap' }}>{r.text}</blockquote>}
          {r.recommend !== null && <p>{r.recommend ? t('admin.recommends') : t('admin.doesNotRecommend')}</p>}
          {r.rating !== null && <p>{t('admin.rating', { rating: r.rating })}</p>}
        </section>
      ))}
    </>
  );
}

function ReviewCard({ q, onChange }: { q: BodyQualification; onChange: () => void }) {
  const { t } = useTranslation('evidence');
  const [note, setNote] = useState('');
  const decide = useAction(async (decision: 'verify' | 'reject') => {
    const opts = {
      params: { path: { id: q.id } },
      headers: { 'If-Match': etagOf(q.version) },
      body: note.trim() ? { note: note.trim() } : {},
    };
    if (decision === 'verify') await call(api.POST('/api/v1/qualifications/{id}/verify', opts));
    else await call(api.POST('/api/v1/qualifications/{id}/reject', opts));
    onChange();
  });
  const download = useAction(() =>
    downloadFrom(
      api.GET('/api/v1/qualifications/{id}/document', { params: { path: { id: q.id } }, parseAs: 'blob' }),
      q.document?.fileName ?? 'document',
    ),
  );
  const label = `${q.personName}: ${q.title} (${q.code})`;
  return (
    <section className="card" aria-label={label}>
      <h3 style={{ marginTop: 0 }}>
        {label} <Badge tone={stateTone(q.state)}>{t(`states.${q.state}`)}</Badge>
      </h3>
      <p>
        {t(`kinds.${q.kind}`)} · {q.issuer} · {t('qualifications.awarded', { date: formatDate(q.awardedOn) })}
      </p>
      {q.reviewNote && <p>{t('qualifications.note', { note: q.reviewNote })}</p>}
      <ErrorBox error={decide.error ?? download.error} />
      <Notice>{decide.notice}</Notice>
      {q.document ? (
        <button
          type="button"
          onClick={() => void download.run()}
          disabled={download.busy}
          aria-label={t('admin.downloadLabel', { name: q.document.fileName })}
        >
          {t('qualifications.download')}
        </button>
      ) : (
        <p>{t('qualifications.noDocument')}</p>
      )}
      {q.state === 'pending' && (
        <div>
          <Field label={t('admin.note')} hint={t('admin.noteHint')}>
            {(p) => <textarea {...p} rows={2} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />}
          </Field>
          <button
            type="button"
            disabled={decide.busy}
            onClick={() => void decide.run('verify')}
            aria-label={t('admin.verifyLabel', { label })}
          >
            {t('admin.verify')}
          </button>{' '}
          <button
            type="button"
            disabled={decide.busy}
            onClick={() => void decide.run('reject')}
            aria-label={t('admin.rejectLabel', { label })}
          >
            {t('admin.reject')}
          </button>
        </div>
      )}
    </section>
  );
}
