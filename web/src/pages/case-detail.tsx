import { useEffect, useState } from 'react';
import { api, call, type Schemas } from '../api/client';
import { useAuth } from '../auth';
import { useTranslation } from '../i18n';
import { Link, useLocation, useTitle } from '../router';
import { Badge, ErrorBox, fmtDate, Loading, useLoad } from '../ui';
import { label, reviewTone } from './shared/labels';
import { CaseCloseForm, CaseDelete } from './case-detail/case-close';
import { CaseEditForm } from './case-detail/case-edit';
import { CaseFacts } from './case-detail/case-facts';
import { Measures } from './case-detail/measures';
import { ReviewActions } from './case-detail/review-actions';
import { ReviewHistory } from './case-detail/review-history';
import { RiskFlagPanel } from './case-detail/risk-flag-panel';
import { Sessions } from './case-detail/sessions';
import { SubmitForReview } from './case-detail/submit-for-review';

type Case = Schemas['CaseDto'];

export function CaseDetail({ id }: { id: string }) {
  const { t } = useTranslation('cases');
  const { me } = useAuth();
  const { query } = useLocation();
  const loaded = useLoad(
    () =>
      Promise.all([
        call(api.GET('/api/v1/cases/{id}', { params: { path: { id } } })),
        call(api.GET('/api/v1/cases/{id}/history', { params: { path: { id } } })),
      ]),
    [id],
  );
  const [c, setCase] = useState<Case>();
  const [mode, setMode] = useState<'view' | 'edit' | 'close'>('view');
  const [saved, setSaved] = useState('');
  useEffect(() => setCase(loaded.data?.[0]), [loaded.data]);
  useTitle(c ? t('detail.title', { code: c.clientCode }) : t('detail.case'));
  if (loaded.loading && !c) return <Loading />;
  if (loaded.error) return <ErrorBox error={loaded.error} />;
  if (!c) return null;
  const history = loaded.data?.[1];
  const isTrainee = c.traineeId === me?.id;
  const isSupervisor = c.supervisorId === me?.id;
  const editable = isTrainee && (c.reviewState === 'draft' || c.reviewState === 'returned');
  const lastReturn = history?.events.filter((e) => e.kind === 'returned').at(-1);
  const everSignedOff = (history?.signoffs.length ?? 0) > 0;
  const reload = loaded.reload;
  const afterSave = (message: string) => (next: Case) => {
    setCase(next);
    setMode('view');
    setSaved(message);
    reload();
  };
  const closed = c.status !== 'active';
  return (
    <>
      <p className="small">
        <Link to={isTrainee ? '/trainee/cases' : isSupervisor ? '/supervisor' : '/admin'}>{t('common:back')}</Link>
      </p>
      <h1>
        {t('detail.title', { code: c.clientCode })} <Badge tone={reviewTone(c.reviewState)}>{label('reviewState', c.reviewState)}</Badge>{' '}
        {c.riskFlaggedAt && (
          <span className="badge bad" role="img" aria-label={t('detail.riskFlag')}>
            {t('detail.riskFlagged', { date: fmtDate(c.riskFlaggedAt) })}
          </span>
        )}
      </h1>
      {c.reviewState === 'returned' && lastReturn && (
        <section className="alert error" aria-labelledby="returned-h">
          <h2 id="returned-h" style={{ margin: 0, fontSize: '1.1rem' }}>
            {isTrainee ? t('detail.returnedToYou') : t('detail.returnedToTrainee')} ({fmtDate(lastReturn.at)})
          </h2>
          <blockquote style={{ margin: '.4rem 0', whiteSpace: 'pre-wrap' }}>{lastReturn.comments}</blockquote>
          {isTrainee && (
            <p className="small" style={{ margin: 0 }}>
              {t('detail.returnedHint')}
            </p>
          )}
        </section>
      )}
      {saved && mode === 'view' && (
        <div className="alert ok" role="status">
          {saved}
        </div>
      )}
      {mode === 'edit' && <CaseEditForm c={c} onSaved={afterSave(t('detail.saved'))} onCancel={() => setMode('view')} reload={reload} />}
      {mode === 'close' && <CaseCloseForm c={c} onSaved={afterSave(t('detail.closed'))} onCancel={() => setMode('view')} reload={reload} />}
      {mode === 'view' && <CaseFacts c={c} isTrainee={isTrainee} />}
      {isTrainee && mode === 'view' && (
        <p className="row">
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setSaved('');
              setMode('edit');
            }}
          >
            {t('detail.edit')}
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setSaved('');
              setMode('close');
            }}
          >
            {closed ? t('detail.changeEnding') : t('detail.close')}
          </button>
        </p>
      )}
      {c.riskFlaggedAt && <RiskFlagPanel key={c.riskFlaggedAt + String(c.version)} caseId={c.id} canAcknowledge={isSupervisor} />}
      {isSupervisor && (
        <ReviewActions
          c={c}
          onChange={(next) => {
            setCase(next);
            loaded.reload();
          }}
        />
      )}
      <Sessions c={c} editable={editable} autoFocus={query.get('new') === '1'} canRate={isSupervisor} onChange={setCase} reload={reload} />
      <Measures c={c} editable={isTrainee && c.reviewState !== 'signed_off'} onChange={reload} reload={reload} />
      {isTrainee && editable && (
        <SubmitForReview
          c={c}
          onChange={(next) => {
            setCase(next);
            setSaved('');
            loaded.reload();
          }}
        />
      )}
      {history && history.events.length > 0 && <ReviewHistory events={history.events} />}
      {isTrainee && <CaseDelete c={c} everSignedOff={everSignedOff} />}
    </>
  );
}
