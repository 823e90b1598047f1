import { useState } from 'react';
import { api, call, type Schemas } from '../api/client';
import { Link, useLocation, useTitle } from '../router';
import { formatDate, formatDateTime, useTranslation } from '../i18n';
import { Badge, DataTable, Empty, ErrorBox, Field, fieldErrors, Loading, useAction, useLoad } from '../ui';
import { BodyExports } from './shared/body-exports';
import { appTone } from './shared/labels';
import { levelSummary, RulesList } from './shared/rules-list';

const STATUSES: Schemas['ApplicationStatus'][] = ['submitted', 'more_info_requested', 'approved', 'rejected', 'withdrawn'];

export function AdminApplications() {
  const { t } = useTranslation('admin');
  useTitle(t('applications.title'));
  const { query } = useLocation();
  const status = (query.get('status') ?? 'submitted') as Schemas['ApplicationStatus'] | 'all';
  const { data, error, loading } = useLoad(
    () => call(api.GET('/api/v1/applications', { params: { query: { limit: 100, ...(status !== 'all' ? { status } : {}) } } })),
    [status],
  );
  return (
    <>
      <h1>{t('applications.title')}</h1>
      <BodyExports kinds={['applications']} />
      <div className="tabs" role="group" aria-label={t('applications.filter')}>
        {[...STATUSES, 'all' as const].map((s) => (
          <Link
            key={s}
            to={`/admin/applications?status=${s}`}
            className={`button ${s === status ? '' : 'secondary'}`}
            aria-current={s === status ? 'true' : undefined}
          >
            {t(`applicationStatus.${s}`)}
          </Link>
        ))}
      </div>
      {loading && <Loading />}
      <ErrorBox error={error} />
      {data && data.items.length === 0 && (
        <Empty>
          {status === 'all' ? t('applications.noneAtAll') : t('applications.none', { status: t(`applicationStatus.${status}`) })}
        </Empty>
      )}
      {data && data.items.length > 0 && (
        <DataTable
          rows={data.items}
          columns={[
            { label: t('applications.col.applicant'), cell: (a) => <Link to={`/admin/applications/${a.id}`}>{a.applicantName}</Link> },
            { label: t('applications.col.level'), cell: (a) => a.evaluation.levelName ?? a.levelCode },
            {
              label: t('applications.col.evaluation'),
              cell: (a) => <Badge tone={a.allRulesMet ? 'ok' : 'bad'}>{levelSummary(t, a.evaluation)}</Badge>,
            },
            { label: t('applications.col.submitted'), cell: (a) => formatDate(a.createdAt) },
            {
              label: t('applications.col.status'),
              cell: (a) => <Badge tone={appTone(a.status)}>{t(`applicationStatus.${a.status}`)}</Badge>,
            },
          ]}
        />
      )}
    </>
  );
}

export function AdminApplicationDetail({ id }: { id: string }) {
  const { t } = useTranslation('admin');
  const { data, error, loading, reload } = useLoad(() => call(api.GET('/api/v1/applications/{id}', { params: { path: { id } } })), [id]);
  useTitle(t('application.title'));
  const [reason, setReason] = useState('');
  const [override, setOverride] = useState('');
  const [info, setInfo] = useState('');
  const [done, setDone] = useState('');
  const approve = useAction(async () => {
    const r = await call(
      api.POST('/api/v1/applications/{id}/approve', {
        params: { path: { id } },
        body: { ...(reason.trim() ? { reason: reason.trim() } : {}), ...(override.trim() ? { overrideReason: override.trim() } : {}) },
      }),
    );
    setDone(t('application.approved', { certificate: r.accreditation.certificateNumber }));
    reload();
  });
  const reject = useAction(async () => {
    await call(api.POST('/api/v1/applications/{id}/reject', { params: { path: { id } }, body: { reason: reason.trim() } }));
    setDone(t('application.rejected'));
    reload();
  });
  const ask = useAction(async () => {
    await call(api.POST('/api/v1/applications/{id}/request-info', { params: { path: { id } }, body: { message: info.trim() } }));
    setDone(t('application.infoRequested'));
    reload();
  });
  if (loading && !data) return <Loading />;
  if (error) return <ErrorBox error={error} />;
  if (!data) return null;
  const open = data.status === 'submitted' || data.status === 'more_info_requested';
  const decisionError = approve.error ?? reject.error;
  return (
    <>
      <p className="small">
        <Link to="/admin/applications">{t('application.back')}</Link>
      </p>
      <h1>
        {data.evaluation.levelName} — {data.applicantName}{' '}
        <Badge tone={appTone(data.status)}>{t(`applicationStatus.${data.status}`)}</Badge>
      </h1>
      {done && (
        <div className="alert ok" role="status">
          {done}
        </div>
      )}
      <section className="card">
        <h2 style={{ marginTop: 0 }}>
          {t('application.evaluation', { summary: levelSummary(t, data.evaluation) })}{' '}
          <span className="small muted">
            ({t('application.asOf', { date: formatDate(data.evaluation.asOf), at: formatDateTime(data.evaluatedAt) })})
          </span>
        </h2>
        <RulesList level={data.evaluation} evidenceLinks />
        {data.applicantNote && (
          <p>
            <strong>{t('application.applicantNote')}</strong> {data.applicantNote}
          </p>
        )}
      </section>
      {open && (
        <section className="card" aria-labelledby="decide-h">
          <h2 id="decide-h" style={{ marginTop: 0 }}>
            {t('application.decide')}
          </h2>
          <ErrorBox error={decisionError} title={t('application.notRecorded')} />
          <Field label={t('application.reasons')} hint={t('application.reasonsHint')} errors={fieldErrors(decisionError, 'reason')}>
            {(p) => <textarea {...p} value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
          {!data.allRulesMet && (
            <Field
              label={t('application.override')}
              hint={t('application.overrideHint')}
              errors={fieldErrors(decisionError, 'overrideReason')}
            >
              {(p) => <textarea {...p} value={override} onChange={(e) => setOverride(e.target.value)} />}
            </Field>
          )}
          <p className="small">{t('application.unlisted')}</p>
          <div className="row">
            <button type="button" disabled={approve.busy} onClick={() => void approve.run()}>
              {approve.busy ? t('application.approving') : t('application.approve')}
            </button>
            <button type="button" className="danger" disabled={reject.busy || !reason.trim()} onClick={() => void reject.run()}>
              {reject.busy ? t('application.rejecting') : t('application.reject')}
            </button>
          </div>
          <h3>{t('application.orAsk')}</h3>
          <ErrorBox error={ask.error} />
          <Field label={t('application.message')}>
            {(p) => <textarea {...p} value={info} onChange={(e) => setInfo(e.target.value)} />}
          </Field>
          <button type="button" className="secondary" disabled={ask.busy || !info.trim()} onClick={() => void ask.run()}>
            {t('application.requestInfo')}
          </button>
        </section>
      )}
      {!open && (data.decisionReason || data.overrideReason) && (
        <section className="card">
          <h2 style={{ marginTop: 0 }}>{t('application.decision')}</h2>
          <p>
            {t('application.decided', { status: t(`applicationStatus.${data.status}`), at: formatDateTime(data.decidedAt) })}{' '}
            {data.decisionReason}
            {data.overrideReason && ` ${t('application.overrideWas', { reason: data.overrideReason })}`}
          </p>
          {data.accreditationId && <Link to="/admin/accreditations">{t('application.seeAccreditation')}</Link>}
        </section>
      )}
      <section className="card">
        <h2 style={{ marginTop: 0 }}>{t('application.history')}</h2>
        <ul>
          {data.events.map((e) => (
            <li key={e.id}>
              {formatDateTime(e.occurredAt)}: {t(`applicationEvent.${e.kind}`, { defaultValue: e.kind.replace(/_/g, ' ') })}
              {e.note ? ` — ${e.note}` : ''}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
