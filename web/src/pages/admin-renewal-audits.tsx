import { type FormEvent, useState } from 'react';
import { api, call, type Schemas } from '../api/client';
import { formatDate, formatDateTime, useTranslation } from '../i18n';
import { useTitle } from '../router';
import { Badge, Empty, ErrorBox, Field, fieldErrors, formProblems, Loading, Notice, useAction, useLoad } from '../ui';
import { useAdminBody } from './shared/admin-body';

type Audit = Schemas['RenewalAuditDto'];

// Random audit of renewals: the body draws a sample of recent renewals, checks what each holder declared, and
// records the outcome (passed, or failed with what the holder could not show).
export function AdminRenewalAudits() {
  const { t } = useTranslation('renewal-audits');
  useTitle(t('title'));
  const { body, picker, loading: bodiesLoading, error: bodiesError } = useAdminBody(t('body'));
  const list = useLoad(
    () =>
      body
        ? call(api.GET('/api/v1/bodies/{bodyId}/renewal-audits', { params: { path: { bodyId: body }, query: { limit: 100 } } }))
        : Promise.resolve(undefined),
    [body],
  );
  const [share, setShare] = useState('');
  const [days, setDays] = useState('365');
  const draw = useAction(async () => {
    const sharePercent = share.trim() === '' ? undefined : Number(share);
    const problems: Record<string, string[]> = {};
    if (sharePercent !== undefined && !(sharePercent >= 0 && sharePercent <= 100)) problems.sharePercent = [t('shareRange')];
    const sinceDays = Number(days);
    if (!Number.isInteger(sinceDays) || sinceDays < 1 || sinceDays > 3650) problems.sinceDays = [t('daysRange')];
    if (Object.keys(problems).length) throw formProblems(problems);
    const res = await call(
      api.POST('/api/v1/bodies/{bodyId}/renewal-audits', {
        params: { path: { bodyId: body } },
        body: { ...(sharePercent !== undefined ? { sharePercent } : {}), sinceDays },
      }),
    );
    list.reload();
    return t('drawn', { count: res.selected.length, eligible: res.eligible });
  });
  const drawSubmit = (e: FormEvent) => {
    e.preventDefault();
    void draw.run();
  };
  const items = list.data?.items ?? [];
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro')}</p>
      {picker}
      {bodiesLoading && <Loading />}
      <ErrorBox error={bodiesError} />
      <form className="card" onSubmit={drawSubmit} noValidate aria-labelledby="draw-h">
        <h2 id="draw-h" style={{ marginTop: 0 }}>
          {t('drawHeading')}
        </h2>
        <Field label={t('fields:sharePercent')} hint={t('shareHint')} errors={fieldErrors(draw.error, 'sharePercent')}>
          {(p) => <input {...p} type="number" min={0} max={100} step="any" value={share} onChange={(e) => setShare(e.target.value)} />}
        </Field>
        <Field label={t('fields:sinceDays')} errors={fieldErrors(draw.error, 'sinceDays')}>
          {(p) => <input {...p} type="number" min={1} max={3650} required value={days} onChange={(e) => setDays(e.target.value)} />}
        </Field>
        <ErrorBox error={draw.error} title={t('notDrawn')} />
        <button type="submit" disabled={draw.busy || !body}>
          {draw.busy ? t('drawing') : t('draw')}
        </button>
      </form>
      <Notice>{draw.notice}</Notice>
      <h2>{t('samplesHeading')}</h2>
      {list.loading && <Loading />}
      <ErrorBox error={list.error} />
      {list.data && items.length === 0 && <Empty>{t('none')}</Empty>}
      {items.map((a) => (
        <AuditCard key={a.id} a={a} bodyId={body} onRecorded={list.reload} />
      ))}
    </>
  );
}

function AuditCard({ a, bodyId, onRecorded }: { a: Audit; bodyId: string; onRecorded: () => void }) {
  const { t } = useTranslation('renewal-audits');
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState<'passed' | 'failed' | ''>('');
  const [reason, setReason] = useState('');
  const save = useAction(async () => {
    const problems: Record<string, string[]> = {};
    if (!outcome) problems.outcome = [t('outcomeNeeded')];
    if (outcome === 'failed' && reason.trim().length < 3) problems.reason = [t('reasonNeeded')];
    if (Object.keys(problems).length) throw formProblems(problems);
    await call(
      api.POST('/api/v1/bodies/{bodyId}/renewal-audits/{auditId}/outcome', {
        params: { path: { bodyId, auditId: a.id } },
        body: { outcome: outcome as 'passed' | 'failed', ...(reason.trim() ? { reason: reason.trim() } : {}) },
      }),
    );
    setOpen(false);
    onRecorded();
  });
  const headingId = `audit-${a.id}`;
  return (
    <section className="card" aria-labelledby={headingId} data-testid="renewal-audit">
      <div className="row">
        <h3 id={headingId} style={{ margin: 0 }}>
          {a.holderName}
        </h3>
        {a.outcome === 'passed' ? (
          <Badge tone="ok">{t('passed')}</Badge>
        ) : a.outcome === 'failed' ? (
          <Badge tone="bad">{t('failed')}</Badge>
        ) : (
          <Badge tone="neutral">{t('open')}</Badge>
        )}
      </div>
      <p className="small">
        {t('facts', {
          certificate: a.certificateNumber,
          level: a.levelCode,
          renewed: formatDate(a.renewedAt),
          selected: formatDate(a.selectedAt),
        })}
      </p>
      <p style={{ marginBottom: 0 }}>{t('mustShow')}</p>
      {a.mustShow.length ? (
        <ul>
          {a.mustShow.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : (
        <p className="small muted">{t('nothingToShow')}</p>
      )}
      {a.outcome ? (
        <p data-testid="audit-outcome">
          {t(a.outcome === 'passed' ? 'recordedPassed' : 'recordedFailed', {
            date: formatDateTime(a.auditedAt),
            name: a.auditedByName ?? '—',
            reason: a.outcomeReason ?? '',
          })}
        </p>
      ) : open ? (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void save.run();
          }}
        >
          <fieldset>
            <legend>{t('outcomeLegend', { name: a.holderName })}</legend>
            <label>
              <input type="radio" name={`outcome-${a.id}`} checked={outcome === 'passed'} onChange={() => setOutcome('passed')} />{' '}
              {t('passedOption')}
            </label>{' '}
            <label>
              <input type="radio" name={`outcome-${a.id}`} checked={outcome === 'failed'} onChange={() => setOutcome('failed')} />{' '}
              {t('failedOption')}
            </label>
          </fieldset>
          <Field label={t('reason')} hint={t('reasonHint')} errors={fieldErrors(save.error, 'reason')}>
            {(p) => <textarea {...p} value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
          <ErrorBox error={save.error} title={t('notSaved')} />
          <button type="submit" disabled={save.busy}>
            {save.busy ? t('saving') : t('save')}
          </button>{' '}
          <button type="button" className="secondary" onClick={() => setOpen(false)}>
            {t('cancel')}
          </button>
        </form>
      ) : (
        <button type="button" onClick={() => setOpen(true)} aria-label={t('recordLabel', { name: a.holderName })}>
          {t('record')}
        </button>
      )}
    </section>
  );
}
