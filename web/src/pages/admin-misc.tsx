import { type FormEvent, useState } from 'react';
import { api, call, etagOf, type Schemas } from '../api/client';
import { downloadFrom } from '../api/download';
import { useAuth } from '../auth';
import { Link, useTitle } from '../router';
import { Badge, DataTable, Empty, ErrorBox, Field, fmtDate, fmtDateTime, humanise, Loading, useAction, useLoad } from '../ui';
import { BodyPipelineSection, CalibrationResultsSection, ReliabilityHistoryChart } from '../charts';
import { BodyExports } from './shared/body-exports';
import { shortId } from './shared/labels';

export function AdminHome() {
  useTitle('Body administration');
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
      <h1>Body administration</h1>
      {loading && <Loading />}
      <ErrorBox error={error} />
      <div className="grid">
        <Link className="card" to="/admin/people">
          <h2 style={{ marginTop: 0 }}>People</h2>
          <p>Find a person by name or e-mail; roles and progress</p>
        </Link>
        <Link className="card" to="/admin/applications">
          <h2 style={{ marginTop: 0 }}>Applications</h2>
          <p>{data ? `${data[0].items.length} awaiting a decision` : '…'}</p>
        </Link>
        <Link className="card" to="/admin/accreditations">
          <h2 style={{ marginTop: 0 }}>Accreditations</h2>
          <p>{data ? `${data[1].items.length} issued` : '…'}</p>
        </Link>
        <Link className="card" to="/admin/schemes">
          <h2 style={{ marginTop: 0 }}>Schemes</h2>
          <p>Versions, drafts and rules</p>
        </Link>
        <Link className="card" to="/admin/reliability">
          <h2 style={{ marginTop: 0 }}>Inter-rater reliability</h2>
          <p>ICC and Krippendorff's α per rubric</p>
        </Link>
        <Link className="card" to="/admin/audit">
          <h2 style={{ marginTop: 0 }}>Audit trail</h2>
          <p>Every change, who made it and when</p>
        </Link>
        <Link className="card" to="/register">
          <h2 style={{ marginTop: 0 }}>Public register</h2>
          <p>What the public sees</p>
        </Link>
      </div>
      <BodyPipelineSection />
    </>
  );
}

const accTone = (s: string) => (s === 'active' ? 'ok' : s === 'suspended' || s === 'lapsed' ? 'warn' : 'bad');

export function AdminAccreditations() {
  useTitle('Accreditations');
  const { data, error, loading, reload } = useLoad(
    () => call(api.GET('/api/v1/accreditations', { params: { query: { limit: 100 } } })),
    [],
  );
  const [target, setTarget] = useState<{ a: Schemas['AccreditationDto']; action: 'suspend' | 'reinstate' | 'revoke' | 'restore' }>();
  const [done, setDone] = useState('');
  const [reason, setReason] = useState('');
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
      setDone(`${restored.certificateNumber} (${restored.holderName}) is active again until ${fmtDate(restored.expiresOn)}.`);
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
      <h1>Accreditations</h1>
      <BodyExports kinds={['register', 'renewals']} />
      {loading && <Loading />}
      <ErrorBox error={error ?? certificate.error} />
      {data && data.items.length === 0 && <Empty>No accreditations issued yet. Approving an application issues one.</Empty>}
      {done && !target && (
        <div className="alert ok" role="status">
          {done}
        </div>
      )}
      {target && (
        <form className="card" onSubmit={submit} aria-labelledby="change-h">
          <h2 id="change-h" style={{ marginTop: 0 }}>
            {humanise(target.action)} {target.a.certificateNumber} ({target.a.holderName})
          </h2>
          <ErrorBox error={change.error} />
          <Field label="Reason" hint="recorded in the history">
            {(p) => <textarea {...p} required autoFocus value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
          <div className="row">
            {target.action === 'restore' && (
              <p className="small" style={{ flexBasis: '100%' }}>
                Restored for the cycle after its old expiry ({fmtDate(target.a.expiresOn)}); possible until that cycle ends.
              </p>
            )}
            <button
              type="submit"
              className={target.action === 'reinstate' || target.action === 'restore' ? '' : 'danger'}
              disabled={change.busy || !reason.trim()}
            >
              Confirm {target.action}
            </button>
            <button type="button" className="secondary" onClick={() => setTarget(undefined)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {data && data.items.length > 0 && (
        <DataTable
          rows={data.items}
          columns={[
            {
              label: 'Certificate',
              cell: (a) => <Link to={`/verify/${encodeURIComponent(a.certificateNumber)}`}>{a.certificateNumber}</Link>,
            },
            { label: 'Holder', cell: (a) => a.holderName },
            { label: 'Level', cell: (a) => a.levelName },
            { label: 'Issued', cell: (a) => fmtDate(a.issuedOn) },
            { label: 'Expires', cell: (a) => fmtDate(a.expiresOn) },
            { label: 'Status', cell: (a) => <Badge tone={accTone(a.status)}>{a.status}</Badge> },
            {
              label: 'Change',
              className: 'row',
              cell: (a) => (
                <>
                  <button
                    type="button"
                    className="secondary"
                    disabled={certificate.busy}
                    onClick={() => void certificate.run(a)}
                    aria-label={`Certificate PDF of ${a.certificateNumber}`}
                  >
                    Certificate
                  </button>
                  {a.status === 'active' && (
                    <button type="button" className="secondary" onClick={() => setTarget({ a, action: 'suspend' })}>
                      Suspend
                    </button>
                  )}
                  {a.status === 'suspended' && (
                    <button type="button" className="secondary" onClick={() => setTarget({ a, action: 'reinstate' })}>
                      Reinstate
                    </button>
                  )}
                  {a.status === 'lapsed' && (
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => setTarget({ a, action: 'restore' })}
                      aria-label={`Restore ${a.certificateNumber} (${a.holderName})`}
                    >
                      Restore
                    </button>
                  )}
                  {a.status !== 'revoked' && (
                    <button type="button" className="secondary" onClick={() => setTarget({ a, action: 'revoke' })}>
                      Revoke
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
  useTitle('Inter-rater reliability');
  const { bodiesFor, has } = useAuth();
  const bodies = useLoad(() => call(api.GET('/api/v1/bodies')), []);
  const mine = bodiesFor('BODY_ADMIN');
  const choices = has('ADMIN') ? (bodies.data ?? []) : (bodies.data ?? []).filter((b) => mine.includes(b.id));
  const [bodyId, setBodyId] = useState('');
  const body = bodyId || choices[0]?.id || '';
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
      <h1>Inter-rater reliability</h1>
      <Field label="Body">
        {(p) => (
          <select {...p} value={body} onChange={(e) => setBodyId(e.target.value)}>
            {choices.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      {(loading || bodies.loading) && <Loading label="Computing ICC and α…" />}
      <ErrorBox error={error ?? bodies.error} />
      {data && data.length === 0 && !loading && <Empty>No rubrics.</Empty>}
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
  if (!rel.ratings) return <p className="muted">No multi-rater ratings yet.</p>;
  const ci = rel.icc?.ci95 as { lower?: number; upper?: number } | null;
  return (
    <dl className="facts">
      <dt>Ratings</dt>
      <dd>
        {rel.ratings} by {rel.raters} raters of {rel.targets} targets
      </dd>
      <dt>ICC(2,1)</dt>
      <dd>
        {rel.icc?.value?.toFixed(2) ?? '—'}
        {ci?.lower !== undefined && ` (95% CI ${ci.lower?.toFixed(2)}–${ci.upper?.toFixed(2)})`}
      </dd>
      <dt>Krippendorff's α</dt>
      <dd>{rel.krippendorffAlpha?.value?.toFixed(2) ?? '—'}</dd>
      <dt>Band</dt>
      <dd>{rel.band ? <Badge tone={rel.band === 'poor' ? 'bad' : rel.band === 'moderate' ? 'warn' : 'ok'}>{rel.band}</Badge> : '—'}</dd>
      <dt>Interpretation</dt>
      <dd>{rel.interpretation}</dd>
    </dl>
  );
}

export function AdminAudit() {
  useTitle('Audit trail');
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
      <h1>Audit trail</h1>
      <form
        className="card row"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setApplied(filters);
        }}
      >
        <Field label="Entity type" hint="e.g. case, application">
          {(p) => <input {...p} value={filters.entityType} onChange={(e) => setFilters({ ...filters, entityType: e.target.value })} />}
        </Field>
        <Field label="Action" hint="e.g. case.sign_off">
          {(p) => <input {...p} value={filters.action} onChange={(e) => setFilters({ ...filters, action: e.target.value })} />}
        </Field>
        <div className="field">
          <button type="submit">Filter</button>
        </div>
      </form>
      {first.loading && <Loading />}
      <ErrorBox error={first.error ?? more.error} />
      {!first.loading && pages.length === 0 && !first.error && <Empty>No audit entries match.</Empty>}
      {pages.length > 0 && (
        <div className="table-wrap">
          <table className="stack">
            <thead>
              <tr>
                <th>When</th>
                <th>Who</th>
                <th>Action</th>
                <th>Record</th>
                <th>Changes</th>
              </tr>
            </thead>
            <tbody>
              {pages.map((e) => (
                <tr key={e.id}>
                  <td data-label="When">{fmtDateTime(e.occurredAt)}</td>
                  <td data-label="Who">
                    {e.actorName ?? 'the service'} <span className="small muted">as {e.actorRole}</span>
                  </td>
                  <td data-label="Action">
                    <code>{e.action}</code>
                  </td>
                  <td data-label="Record">
                    {e.entityType}{' '}
                    {e.entityType === 'case' ? <Link to={`/cases/${e.entityId}`}>{shortId(e.entityId)}</Link> : shortId(e.entityId)}
                  </td>
                  <td data-label="Changes" className="small">
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
            {more.busy ? 'Loading…' : 'Load older entries'}
          </button>
        </p>
      )}
    </>
  );
}
