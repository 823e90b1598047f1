import { useEffect, useState } from 'react';
import { api, call, type Schemas } from '../api/client';
import { useAuth } from '../auth';
import { Link, useLocation, useTitle } from '../router';
import { Badge, ErrorBox, fmtDate, humanise, Loading, useLoad } from '../ui';
import { reviewTone } from './shared/labels';
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
  useTitle(c ? `Case ${c.clientCode}` : 'Case');
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
        <Link to={isTrainee ? '/trainee/cases' : isSupervisor ? '/supervisor' : '/admin'}>← Back</Link>
      </p>
      <h1>
        Case {c.clientCode} <Badge tone={reviewTone(c.reviewState)}>{humanise(c.reviewState)}</Badge>{' '}
        {c.riskFlaggedAt && (
          <span className="badge bad" role="img" aria-label="Risk flag">
            ⚠ Risk flagged {fmtDate(c.riskFlaggedAt)}
          </span>
        )}
      </h1>
      {c.reviewState === 'returned' && lastReturn && (
        <section className="alert error" aria-labelledby="returned-h">
          <h2 id="returned-h" style={{ margin: 0, fontSize: '1.1rem' }}>
            {isTrainee ? 'Your supervisor returned this case' : 'Returned to the trainee'} ({fmtDate(lastReturn.at)})
          </h2>
          <blockquote style={{ margin: '.4rem 0', whiteSpace: 'pre-wrap' }}>{lastReturn.comments}</blockquote>
          {isTrainee && (
            <p className="small" style={{ margin: 0 }}>
              Edit the case, its sessions or measures as asked, then submit it again below.
            </p>
          )}
        </section>
      )}
      {saved && mode === 'view' && (
        <div className="alert ok" role="status">
          {saved}
        </div>
      )}
      {mode === 'edit' && (
        <CaseEditForm c={c} onSaved={afterSave('The case was saved.')} onCancel={() => setMode('view')} reload={reload} />
      )}
      {mode === 'close' && (
        <CaseCloseForm c={c} onSaved={afterSave('The case was closed.')} onCancel={() => setMode('view')} reload={reload} />
      )}
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
            Edit case details
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setSaved('');
              setMode('close');
            }}
          >
            {closed ? 'Change ending or outcome' : 'Complete or close case'}
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
