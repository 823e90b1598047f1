import { useState } from 'react';
import { api, call, type Schemas } from '../api/client';
import { Link, useLocation, useTitle } from '../router';
import { Badge, DataTable, Empty, ErrorBox, Field, fieldErrors, fmtDate, fmtDateTime, humanise, Loading, useAction, useLoad } from '../ui';
import { BodyExports } from './shared/body-exports';
import { appTone } from './shared/labels';
import { RulesList } from './shared/rules-list';

const STATUSES: Schemas['ApplicationStatus'][] = ['submitted', 'more_info_requested', 'approved', 'rejected', 'withdrawn'];

export function AdminApplications() {
  useTitle('Applications');
  const { query } = useLocation();
  const status = (query.get('status') ?? 'submitted') as Schemas['ApplicationStatus'] | 'all';
  const { data, error, loading } = useLoad(
    () => call(api.GET('/api/v1/applications', { params: { query: { limit: 100, ...(status !== 'all' ? { status } : {}) } } })),
    [status],
  );
  return (
    <>
      <h1>Applications</h1>
      <BodyExports kinds={['applications']} />
      <div className="tabs" role="group" aria-label="Filter by status">
        {[...STATUSES, 'all' as const].map((s) => (
          <Link
            key={s}
            to={`/admin/applications?status=${s}`}
            className={`button ${s === status ? '' : 'secondary'}`}
            aria-current={s === status ? 'true' : undefined}
          >
            {humanise(s)}
          </Link>
        ))}
      </div>
      {loading && <Loading />}
      <ErrorBox error={error} />
      {data && data.items.length === 0 && <Empty>No {status === 'all' ? '' : humanise(status)} applications.</Empty>}
      {data && data.items.length > 0 && (
        <DataTable
          rows={data.items}
          columns={[
            { label: 'Applicant', cell: (a) => <Link to={`/admin/applications/${a.id}`}>{a.applicantName}</Link> },
            { label: 'Level', cell: (a) => a.evaluation.levelName ?? a.levelCode },
            { label: 'Evaluation', cell: (a) => <Badge tone={a.allRulesMet ? 'ok' : 'bad'}>{a.evaluation.summary}</Badge> },
            { label: 'Submitted', cell: (a) => fmtDate(a.createdAt) },
            { label: 'Status', cell: (a) => <Badge tone={appTone(a.status)}>{humanise(a.status)}</Badge> },
          ]}
        />
      )}
    </>
  );
}

export function AdminApplicationDetail({ id }: { id: string }) {
  const { data, error, loading, reload } = useLoad(() => call(api.GET('/api/v1/applications/{id}', { params: { path: { id } } })), [id]);
  useTitle('Application');
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
    setDone(`Approved. Certificate ${r.accreditation.certificateNumber} issued.`);
    reload();
  });
  const reject = useAction(async () => {
    await call(api.POST('/api/v1/applications/{id}/reject', { params: { path: { id } }, body: { reason: reason.trim() } }));
    setDone('Rejected; the applicant sees your reasons.');
    reload();
  });
  const ask = useAction(async () => {
    await call(api.POST('/api/v1/applications/{id}/request-info', { params: { path: { id } }, body: { message: info.trim() } }));
    setDone('More information requested.');
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
        <Link to="/admin/applications">← Applications</Link>
      </p>
      <h1>
        {data.evaluation.levelName} — {data.applicantName} <Badge tone={appTone(data.status)}>{humanise(data.status)}</Badge>
      </h1>
      {done && (
        <div className="alert ok" role="status">
          {done}
        </div>
      )}
      <section className="card">
        <h2 style={{ marginTop: 0 }}>
          Evaluation: {data.evaluation.summary}{' '}
          <span className="small muted">
            (as of {fmtDate(data.evaluation.asOf)}, evaluated {fmtDateTime(data.evaluatedAt)})
          </span>
        </h2>
        <RulesList level={data.evaluation} evidenceLinks />
        {data.applicantNote && (
          <p>
            <strong>Applicant's note:</strong> {data.applicantNote}
          </p>
        )}
      </section>
      {open && (
        <section className="card" aria-labelledby="decide-h">
          <h2 id="decide-h" style={{ marginTop: 0 }}>
            Decide
          </h2>
          <ErrorBox error={decisionError} title="The decision was not recorded" />
          <Field label="Reasons" hint="required to reject; shown to the applicant" errors={fieldErrors(decisionError, 'reason')}>
            {(p) => <textarea {...p} value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
          {!data.allRulesMet && (
            <Field
              label="Override reason"
              hint="required to approve although not every rule is met"
              errors={fieldErrors(decisionError, 'overrideReason')}
            >
              {(p) => <textarea {...p} value={override} onChange={(e) => setOverride(e.target.value)} />}
            </Field>
          )}
          <p className="small">
            The accreditation is issued unlisted: whether it appears on the public register is the holder&rsquo;s choice.
          </p>
          <div className="row">
            <button type="button" disabled={approve.busy} onClick={() => void approve.run()}>
              {approve.busy ? 'Approving…' : 'Approve and issue'}
            </button>
            <button type="button" className="danger" disabled={reject.busy || !reason.trim()} onClick={() => void reject.run()}>
              {reject.busy ? 'Rejecting…' : 'Reject'}
            </button>
          </div>
          <h3>Or ask for more information</h3>
          <ErrorBox error={ask.error} />
          <Field label="Message to the applicant">
            {(p) => <textarea {...p} value={info} onChange={(e) => setInfo(e.target.value)} />}
          </Field>
          <button type="button" className="secondary" disabled={ask.busy || !info.trim()} onClick={() => void ask.run()}>
            Request information
          </button>
        </section>
      )}
      {!open && (data.decisionReason || data.overrideReason) && (
        <section className="card">
          <h2 style={{ marginTop: 0 }}>Decision</h2>
          <p>
            {humanise(data.status)} {fmtDateTime(data.decidedAt)}. {data.decisionReason}
            {data.overrideReason && ` Override: ${data.overrideReason}`}
          </p>
          {data.accreditationId && <Link to="/admin/accreditations">See the accreditation</Link>}
        </section>
      )}
      <section className="card">
        <h2 style={{ marginTop: 0 }}>History</h2>
        <ul>
          {data.events.map((e) => (
            <li key={e.id}>
              {fmtDateTime(e.occurredAt)}: {humanise(e.kind)}
              {e.note ? ` — ${e.note}` : ''}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
