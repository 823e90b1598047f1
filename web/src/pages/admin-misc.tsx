import { type FormEvent, useState } from 'react';
import { api, call, etagOf, type Schemas } from '../api/client';
import { downloadFrom } from '../api/download';
import { useAdminBody } from './shared/admin-body';
import { Link, useTitle } from '../router';
import { formatDate, formatDateTime, formatNumber, useTranslation } from '../i18n';
import { Badge, DataTable, Empty, ErrorBox, Field, Loading, useAction, useLoad } from '../ui';
import { BodyPipelineSection, CalibrationResultsSection, ReliabilityHistoryChart } from '../charts';
import { BodyExports } from './shared/body-exports';
import { shortId } from './shared/labels';
import { LeaveOfAbsence } from './admin-leave';

export function AdminHome() {
  const { t } = useTranslation('admin');
  useTitle(t('home.title'));
  const { data, error, loading } = useLoad(
    () =>
      Promise.all([
        call(api.GET('/api/v1/applications', { params: { query: { status: 'submitted', limit: 100 } } })),
        call(api.GET('/api/v1/accreditations', { params: { query: { limit: 100 } } })),
      ]),
    [],
  );
  return (
    <>
      <h1>{t('home.title')}</h1>
      {loading && <Loading />}
      <ErrorBox error={error} />
      <div className="grid">
        <Link className="card" to="/admin/people">
          <h2 style={{ marginTop: 0 }}>{t('home.people')}</h2>
          <p>{t('home.peopleText')}</p>
        </Link>
        <Link className="card" to="/admin/applications">
          <h2 style={{ marginTop: 0 }}>{t('home.applications')}</h2>
          <p>{data ? t('home.awaiting', { count: data[0].items.length }) : '…'}</p>
        </Link>
        <Link className="card" to="/admin/accreditations">
          <h2 style={{ marginTop: 0 }}>{t('home.accreditations')}</h2>
          <p>{data ? t('home.issued', { count: data[1].items.length }) : '…'}</p>
        </Link>
        <Link className="card" to="/admin/schemes">
          <h2 style={{ marginTop: 0 }}>{t('home.schemes')}</h2>
          <p>{t('home.schemesText')}</p>
        </Link>
        <Link className="card" to="/admin/reliability">
          <h2 style={{ marginTop: 0 }}>{t('reliability.title')}</h2>
          <p>{t('home.reliabilityText')}</p>
        </Link>
        <Link className="card" to="/admin/audit">
          <h2 style={{ marginTop: 0 }}>{t('audit.title')}</h2>
          <p>{t('home.auditText')}</p>
        </Link>
        <Link className="card" to="/register">
          <h2 style={{ marginTop: 0 }}>{t('home.register')}</h2>
          <p>{t('home.registerText')}</p>
        </Link>
      </div>
      <BodyPipelineSection />
    </>
  );
}

const accTone = (s: string) => (s === 'active' ? 'ok' : s === 'suspended' || s === 'lapsed' ? 'warn' : 'bad');

export function AdminAccreditations() {
  const { t } = useTranslation('admin');
  useTitle(t('accreditations.title'));
  const { data, error, loading, reload } = useLoad(
    () => call(api.GET('/api/v1/accreditations', { params: { query: { limit: 100 } } })),
    [],
  );
  const [target, setTarget] = useState<{ a: Schemas['AccreditationDto']; action: 'suspend' | 'reinstate' | 'revoke' | 'restore' }>();
  const [done, setDone] = useState('');
  const [reason, setReason] = useState('');
  const [leaveFor, setLeaveFor] = useState<Schemas['AccreditationDto']>();
  const { t: tr } = useTranslation('renewal');
  const change = useAction(async () => {
    if (!target) return;
    const path = { params: { path: { id: target.a.id } }, body: { reason: reason.trim() } };
    if (target.action === 'suspend') await call(api.POST('/api/v1/accreditations/{id}/suspend', path));
    else if (target.action === 'reinstate') await call(api.POST('/api/v1/accreditations/{id}/reinstate', path));
    else if (target.action === 'restore') {
      // restoring re-dates the accreditation: only from the version the admin was looking at
      const restored = await call(
        api.POST('/api/v1/accreditations/{id}/restore', { ...path, headers: { 'If-Match': etagOf(target.a.version) } }),
      );
      setDone(
        t('accreditations.restored', {
          certificate: restored.certificateNumber,
          holder: restored.holderName,
          date: formatDate(restored.expiresOn),
        }),
      );
    } else await call(api.POST('/api/v1/accreditations/{id}/revoke', path));
    if (target.action !== 'restore') setDone('');
    setTarget(undefined);
    setReason('');
    reload();
  });
  const certificate = useAction((a: Schemas['AccreditationDto']) =>
    downloadFrom(
      api.GET('/api/v1/accreditations/{id}/certificate.pdf', { params: { path: { id: a.id } }, parseAs: 'blob' }),
      `certificate-${a.certificateNumber}.pdf`,
    ),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void change.run();
  };
  return (
    <>
      <h1>{t('accreditations.title')}</h1>
      <BodyExports kinds={['register', 'renewals']} />
      {loading && <Loading />}
      <ErrorBox error={error ?? certificate.error} />
      {data && data.items.length === 0 && <Empty>{t('accreditations.none')}</Empty>}
      {done && !target && !leaveFor && (
        <div className="alert ok" role="status">
          {done}
        </div>
      )}
      {leaveFor && (
        <LeaveOfAbsence
          a={leaveFor}
          onCancel={() => setLeaveFor(undefined)}
          onDone={(message) => {
            setDone(message);
            setLeaveFor(undefined);
            reload();
          }}
        />
      )}
      {target && (
        <form className="card" onSubmit={submit} aria-labelledby="change-h">
          <h2 id="change-h" style={{ marginTop: 0 }}>
            {t(`accreditations.heading.${target.action}`, { certificate: target.a.certificateNumber, holder: target.a.holderName })}
          </h2>
          <ErrorBox error={change.error} />
          <Field label={t('accreditations.reason')} hint={t('accreditations.reasonHint')}>
            {(p) => <textarea {...p} required autoFocus value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
          <div className="row">
            {target.action === 'restore' && (
              <p className="small" style={{ flexBasis: '100%' }}>
                {t('accreditations.restoreNote', { date: formatDate(target.a.expiresOn) })}
              </p>
            )}
            <button
              type="submit"
              className={target.action === 'reinstate' || target.action === 'restore' ? '' : 'danger'}
              disabled={change.busy || !reason.trim()}
            >
              {t(`accreditations.confirm.${target.action}`)}
            </button>
            <button type="button" className="secondary" onClick={() => setTarget(undefined)}>
              {t('accreditations.cancel')}
            </button>
          </div>
        </form>
      )}
      {data && data.items.length > 0 && (
        <DataTable
          rows={data.items}
          columns={[
            {
              label: t('accreditations.col.certificate'),
              cell: (a) => <Link to={`/verify/${encodeURIComponent(a.certificateNumber)}`}>{a.certificateNumber}</Link>,
            },
            { label: t('accreditations.col.holder'), cell: (a) => a.holderName },
            { label: t('accreditations.col.level'), cell: (a) => a.levelName },
            { label: t('accreditations.col.issued'), cell: (a) => formatDate(a.issuedOn) },
            { label: t('accreditations.col.expires'), cell: (a) => formatDate(a.expiresOn) },
            {
              label: t('accreditations.col.status'),
              cell: (a) => <Badge tone={accTone(a.status)}>{t(`accreditationStatus.${a.status}`)}</Badge>,
            },
            {
              label: t('accreditations.col.change'),
              className: 'row',
              cell: (a) => (
                <>
                  <button
                    type="button"
                    className="secondary"
                    disabled={certificate.busy}
                    onClick={() => void certificate.run(a)}
                    aria-label={t('accreditations.certificateLabel', { certificate: a.certificateNumber })}
                  >
                    {t('accreditations.certificate')}
                  </button>
                  {a.status === 'active' && (
                    <button type="button" className="secondary" onClick={() => setTarget({ a, action: 'suspend' })}>
                      {t('accreditations.action.suspend')}
                    </button>
                  )}
                  {a.status === 'active' && a.expiresOn && (
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => setLeaveFor(a)}
                      aria-label={`${tr('leaveAction')}: ${a.certificateNumber}`}
                    >
                      {tr('leaveAction')}
                    </button>
                  )}
                  {a.status === 'suspended' && (
                    <button type="button" className="secondary" onClick={() => setTarget({ a, action: 'reinstate' })}>
                      {t('accreditations.action.reinstate')}
                    </button>
                  )}
                  {a.status === 'lapsed' && (
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => setTarget({ a, action: 'restore' })}
                      aria-label={t('accreditations.restoreLabel', { certificate: a.certificateNumber, holder: a.holderName })}
                    >
                      {t('accreditations.action.restore')}
                    </button>
                  )}
                  {a.status !== 'revoked' && (
                    <button type="button" className="secondary" onClick={() => setTarget({ a, action: 'revoke' })}>
                      {t('accreditations.action.revoke')}
                    </button>
                  )}
                </>
              ),
            },
          ]}
        />
      )}
    </>
  );
}

export function AdminReliability() {
  const { t } = useTranslation('admin');
  useTitle(t('reliability.title'));
  const { body, picker, loading: bodiesLoading, error: bodiesError } = useAdminBody(t('reliability.body'), { always: true });
  const { data, error, loading } = useLoad(async () => {
    if (!body) return [];
    const rubrics = await call(api.GET('/api/v1/rubrics', { params: { query: { limit: 100 } } }));
    return Promise.all(
      rubrics.items.map(async (r) => ({
        rubric: r,
        rel: await call(api.GET('/api/v1/rubrics/{id}/reliability', { params: { path: { id: r.id }, query: { bodyId: body } } })).catch(
          (e: unknown) => e,
        ),
      })),
    );
  }, [body]);
  return (
    <>
      <h1>{t('reliability.title')}</h1>
      {picker}
      {(loading || bodiesLoading) && <Loading label={t('reliability.computing')} />}
      <ErrorBox error={error ?? bodiesError} />
      {data && data.length === 0 && !loading && <Empty>{t('reliability.noRubrics')}</Empty>}
      {data?.map(({ rubric, rel }) => (
        <section className="card" key={rubric.id}>
          <h2 style={{ marginTop: 0 }}>{rubric.name}</h2>
          {rel instanceof Error ? <ErrorBox error={rel} /> : <ReliabilityFigures rel={rel as Schemas['RubricReliabilityDto']} />}
          {!(rel instanceof Error) && (
            <ReliabilityHistoryChart rubric={rubric.name} history={(rel as Schemas['RubricReliabilityDto']).history} />
          )}
        </section>
      ))}
      <CalibrationResultsSection />
    </>
  );
}

function ReliabilityFigures({ rel }: { rel: Schemas['RubricReliabilityDto'] }) {
  const { t } = useTranslation('admin');
  const fixed2 = (x: number | null | undefined) => (x === null || x === undefined ? '—' : formatNumber(x, 2));
  if (!rel.ratings) return <p className="muted">{t('reliability.noRatings')}</p>;
  const ci = rel.icc?.ci95 as { lower?: number; upper?: number } | null;
  return (
    <dl className="facts">
      <dt>{t('reliability.ratings')}</dt>
      <dd>
        {t('reliability.ratingsText', {
          ratings: formatNumber(rel.ratings),
          raters: formatNumber(rel.raters),
          targets: formatNumber(rel.targets),
        })}
      </dd>
      <dt>ICC(2,1)</dt>
      <dd>
        {fixed2(rel.icc?.value)}
        {ci?.lower !== undefined && ` (${t('reliability.ci', { lower: fixed2(ci.lower), upper: fixed2(ci.upper) })})`}
      </dd>
      <dt>Krippendorff's α</dt>
      <dd>{fixed2(rel.krippendorffAlpha?.value)}</dd>
      <dt>{t('reliability.band')}</dt>
      <dd>
        {rel.band ? (
          <Badge tone={rel.band === 'poor' ? 'bad' : rel.band === 'moderate' ? 'warn' : 'ok'}>{t(`reliability.bands.${rel.band}`)}</Badge>
        ) : (
          '—'
        )}
      </dd>
      <dt>{t('reliability.interpretation')}</dt>
      <dd>{rel.interpretation}</dd>
    </dl>
  );
}

export function AdminAudit() {
  const { t } = useTranslation('admin');
  useTitle(t('audit.title'));
  const [filters, setFilters] = useState({ entityType: '', action: '' });
  const [applied, setApplied] = useState(filters);
  const [pages, setPages] = useState<Schemas['AuditEntryDto'][]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const first = useLoad(async () => {
    const q = Object.fromEntries(Object.entries(applied).filter(([, v]) => v.trim()));
    const page = await call(api.GET('/api/v1/audit', { params: { query: { limit: 50, ...q } } }));
    setPages(page.items);
    setCursor(page.nextCursor);
    return page;
  }, [applied]);
  const more = useAction(async () => {
    const q = Object.fromEntries(Object.entries(applied).filter(([, v]) => v.trim()));
    const page = await call(api.GET('/api/v1/audit', { params: { query: { limit: 50, cursor: cursor!, ...q } } }));
    setPages((p) => [...p, ...page.items]);
    setCursor(page.nextCursor);
  });
  return (
    <>
      <h1>{t('audit.title')}</h1>
      <form
        className="card row"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setApplied(filters);
        }}
      >
        <Field label={t('audit.entityType')} hint={t('audit.entityTypeHint')}>
          {(p) => <input {...p} value={filters.entityType} onChange={(e) => setFilters({ ...filters, entityType: e.target.value })} />}
        </Field>
        <Field label={t('audit.action')} hint={t('audit.actionHint')}>
          {(p) => <input {...p} value={filters.action} onChange={(e) => setFilters({ ...filters, action: e.target.value })} />}
        </Field>
        <div className="field">
          <button type="submit">{t('audit.filter')}</button>
        </div>
      </form>
      {first.loading && <Loading />}
      <ErrorBox error={first.error ?? more.error} />
      {!first.loading && pages.length === 0 && !first.error && <Empty>{t('audit.none')}</Empty>}
      {pages.length > 0 && (
        <div className="table-wrap">
          <table className="stack">
            <thead>
              <tr>
                <th>{t('audit.col.when')}</th>
                <th>{t('audit.col.who')}</th>
                <th>{t('audit.col.action')}</th>
                <th>{t('audit.col.record')}</th>
                <th>{t('audit.col.changes')}</th>
              </tr>
            </thead>
            <tbody>
              {pages.map((e) => (
                <tr key={e.id}>
                  <td data-label={t('audit.col.when')}>{formatDateTime(e.occurredAt)}</td>
                  <td data-label={t('audit.col.who')}>
                    {e.actorName ?? t('audit.service')}{' '}
                    <span className="small muted">{t('audit.as', { role: t(`role.${e.actorRole}`, { defaultValue: e.actorRole }) })}</span>
                  </td>
                  <td data-label={t('audit.col.action')}>
                    <code>{e.action}</code>
                  </td>
                  <td data-label={t('audit.col.record')}>
                    {e.entityType}{' '}
                    {e.entityType === 'case' ? <Link to={`/cases/${e.entityId}`}>{shortId(e.entityId)}</Link> : shortId(e.entityId)}
                  </td>
                  <td data-label={t('audit.col.changes')} className="small">
                    <code style={{ wordBreak: 'break-word' }}>{JSON.stringify(e.changes).slice(0, 160)}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {cursor && (
        <p>
          <button type="button" className="secondary" disabled={more.busy} onClick={() => void more.run()}>
            {more.busy ? t('audit.loading') : t('audit.older')}
          </button>
        </p>
      )}
    </>
  );
}
