import { type FormEvent, useState } from 'react';
import { api, call, type Schemas } from '../api/client';
import { useAuth } from '../auth';
import { Link, useTitle } from '../router';
import { Badge, DataTable, Empty, ErrorBox, Field, fmtDate, fmtDateTime, humanise, Loading, useAction, useLoad } from '../ui';
import { PublicListingToggle } from './public-listing-toggle';

type Level = Schemas['LevelReportDto'];

export const shortId = (id: string | null | undefined) => (id ? `…${id.slice(-6)}` : '—');

export function RulesList({ level, evidenceLinks = false }: { level: Level; evidenceLinks?: boolean }) {
  return (
    <ul className="rules">
      {level.rules.map((r) => (
        <li key={r.ruleId} data-rule={r.ruleId}>
          {r.met ? <Badge tone="ok">✓ Met</Badge> : <Badge tone="bad">✗ Not met</Badge>}
          <strong>{r.label}</strong>
          <div className="msg">
            <span>{r.message}</span>
            {r.required > 0 && (
              <div className="progress" role="progressbar" aria-label={`${r.label}: ${r.reached} of ${r.required} ${r.unit}`} aria-valuemin={0} aria-valuemax={r.required} aria-valuenow={Math.min(r.reached, r.required)}>
                <span style={{ width: `${Math.min(100, (100 * r.reached) / r.required)}%` }} />
              </div>
            )}
            {r.breakdown && r.breakdown.length > 0 && (
              <ul className="small muted">
                {r.breakdown.map((b, i) => (
                  <li key={i} style={{ display: 'list-item', border: 0, padding: 0 }}>
                    {b.met ? '✓' : '✗'} {b.message}
                  </li>
                ))}
              </ul>
            )}
            {evidenceLinks && r.evidence.length > 0 && (
              <div className="small">
                Evidence:{' '}
                {r.evidence.map((e, i) => (
                  <span key={i}>
                    {i > 0 && ', '}
                    {e.kind === 'case' ? <Link to={`/cases/${e.id}`}>case {e.note ?? shortId(e.id)}</Link> : `${e.kind} ${e.note ?? shortId(e.id)}`}
                  </span>
                ))}
              </div>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}

export function TraineeDashboard() {
  useTitle('My progress');
  const { me } = useAuth();
  const { data, error, loading } = useLoad(async () => {
    const [enrolments, schemes] = await Promise.all([
      call(api.GET('/api/v1/trainees/{traineeId}/enrolments', { params: { path: { traineeId: me!.id } } })),
      call(api.GET('/api/v1/schemes')),
    ]);
    const progress = await Promise.all(
      enrolments.map((e) => call(api.GET('/api/v1/trainees/{traineeId}/schemes/{schemeId}/progress', { params: { path: { traineeId: me!.id, schemeId: e.schemeId } } }))),
    );
    return enrolments.map((e, i) => ({ enrolment: e, scheme: schemes.find((s) => s.id === e.schemeId), progress: progress[i] }));
  }, [me?.id]);
  return (
    <>
      <h1>My progress</h1>
      <p className="row">
        <Link className="button" to="/trainee/cases/new">
          Log a new case
        </Link>
        <Link className="button secondary" to="/trainee/cases">
          My cases
        </Link>
        <Link className="button secondary" to="/trainee/applications">
          Apply for a level
        </Link>
      </p>
      {loading && <Loading label="Evaluating your record against your scheme…" />}
      <ErrorBox error={error} />
      {data && data.length === 0 && <Empty>You are not enrolled in an accreditation scheme yet. Ask your national body to enrol you.</Empty>}
      {data?.map(({ scheme, progress }) => {
        const current = progress.levels.find((l) => !l.met) ?? progress.levels[progress.levels.length - 1];
        return (
          <section key={progress.schemeId} className="card" aria-labelledby={`scheme-${progress.schemeId}`}>
            <h2 id={`scheme-${progress.schemeId}`} style={{ marginTop: 0 }}>
              {scheme?.name ?? 'Scheme'} <span className="small muted">version {progress.versionNumber}</span>
            </h2>
            <p className="row" aria-label="Levels">
              {progress.levels.map((l) => (
                <Badge key={l.levelCode} tone={l.met ? 'ok' : l === current ? 'warn' : 'neutral'}>
                  {l.levelName}: {l.met ? 'requirements met' : `${l.metCount}/${l.ruleCount}`}
                </Badge>
              ))}
            </p>
            {current && (
              <>
                <h3>
                  Working towards: {current.levelName} — {current.summary}
                </h3>
                <RulesList level={current} evidenceLinks />
              </>
            )}
            {progress.levels
              .filter((l) => l !== current)
              .map((l) => (
                <details key={l.levelCode}>
                  <summary>
                    {l.levelName}: {l.summary}
                  </summary>
                  <RulesList level={l} evidenceLinks />
                </details>
              ))}
          </section>
        );
      })}
    </>
  );
}

export const reviewTone = (s: string) => (s === 'signed_off' ? 'ok' : s === 'returned' ? 'bad' : s === 'submitted' ? 'warn' : 'neutral');

export function TraineeCases() {
  useTitle('My cases');
  const { me } = useAuth();
  const { data, error, loading } = useLoad(() => call(api.GET('/api/v1/cases', { params: { query: { traineeId: me!.id, limit: 100, sort: 'updatedAt' } } })), [me?.id]);
  return (
    <>
      <h1>My cases</h1>
      <p>
        <Link className="button" to="/trainee/cases/new">
          Log a new case
        </Link>
      </p>
      {loading && <Loading />}
      <ErrorBox error={error} />
      {data && data.items.length === 0 && <Empty>No cases yet. Log your first supervised IPT case to start your record.</Empty>}
      {data && data.items.length > 0 && (
        <DataTable
          rows={data.items}
          columns={[
            {
              label: 'Client',
              cell: (c) => (
                <>
                  <Link to={`/cases/${c.id}`}>{c.clientCode}</Link> {c.riskFlaggedAt && <span className="risk">⚠ risk</span>}
                </>
              ),
            },
            { label: 'Focus', cell: (c) => humanise(c.focusProblemArea) },
            { label: 'Started', cell: (c) => fmtDate(c.startDate) },
            { label: 'Status', cell: (c) => humanise(c.status) },
            { label: 'Review', cell: (c) => <Badge tone={reviewTone(c.reviewState)}>{humanise(c.reviewState)}</Badge> },
          ]}
        />
      )}
    </>
  );
}

export function TraineeRatings() {
  useTitle('Ratings of my work');
  const { me } = useAuth();
  const { data, error, loading } = useLoad(() => call(api.GET('/api/v1/ratings', { params: { query: { traineeId: me!.id, limit: 100 } } })), [me?.id]);
  return (
    <>
      <h1>Ratings of my work</h1>
      {loading && <Loading />}
      <ErrorBox error={error} />
      {data && data.items.length === 0 && <Empty>No ratings yet. Your supervisor rates recorded sessions on a competency rubric.</Empty>}
      {data?.items.map((r) => (
        <div className="card" key={r.id}>
          <div className="row">
            <strong>
              {humanise(r.targetType)} rating by {r.raterRole}
            </strong>
            {r.status === 'submitted' ? <Badge tone={r.passed ? 'ok' : 'bad'}>{r.passed ? 'Pass' : 'Below pass'}</Badge> : <Badge tone="neutral">draft</Badge>}
            <span>
              Total <strong>{r.total}</strong> (mean {r.mean?.toFixed(2)})
            </span>
            <span className="muted small">{fmtDateTime(r.submittedAt)}</span>
          </div>
          {r.overallComment && <p>“{r.overallComment}”</p>}
          <details>
            <summary>Item scores</summary>
            <dl className="facts">
              {Object.entries(r.scores as Record<string, number>).map(([k, v]) => (
                <div key={k} style={{ display: 'contents' }}>
                  <dt>{humanise(k)}</dt>
                  <dd>{v}</dd>
                </div>
              ))}
            </dl>
          </details>
        </div>
      ))}
    </>
  );
}

export function TraineeSupervision() {
  useTitle('Supervision');
  const { me } = useAuth();
  const { data, error, loading } = useLoad(
    () =>
      Promise.all([
        call(api.GET('/api/v1/trainees/{traineeId}/supervision', { params: { path: { traineeId: me!.id } } })),
        call(api.GET('/api/v1/supervision/relationships', { params: { query: { role: 'trainee', limit: 100 } } })),
      ]),
    [me?.id],
  );
  const [sup, rels] = data ?? [];
  return (
    <>
      <h1>Supervision</h1>
      {loading && <Loading />}
      <ErrorBox error={error} />
      {rels && (
        <section className="card">
          <h2 style={{ marginTop: 0 }}>My supervisors</h2>
          {rels.items.length === 0 ? (
            <Empty>No supervision relationship yet.</Empty>
          ) : (
            <ul>
              {rels.items.map((r) => (
                <li key={r.id}>
                  Supervisor {shortId(r.supervisorId)} — <Badge tone={r.status === 'active' ? 'ok' : 'neutral'}>{r.status}</Badge> since {fmtDate(r.startedOn)}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {sup && (
        <section className="card">
          <h2 style={{ marginTop: 0 }}>Supervision received</h2>
          <p>
            {sup.totals.sessionCount} sessions: {sup.totals.individualMinutes} min individual, {sup.totals.groupMinutes} min group credited — total{' '}
            <strong>{(sup.totals.totalMinutes / 60).toFixed(1)} h</strong>.
          </p>
          {sup.sessions.length === 0 ? (
            <Empty>No supervision sessions recorded yet.</Empty>
          ) : (
            <div className="table-wrap">
              <table className="stack">
                <thead>
                  <tr>
                    <th>Date</th>
                    <th>Format</th>
                    <th>Minutes</th>
                    <th>Credited</th>
                    <th>Cases discussed</th>
                  </tr>
                </thead>
                <tbody>
                  {sup.sessions.map((s) => (
                    <tr key={s.sessionId}>
                      <td data-label="Date">{fmtDate(s.date)}</td>
                      <td data-label="Format">{humanise(s.format)}</td>
                      <td data-label="Minutes">{s.minutes}</td>
                      <td data-label="Credited">{s.creditedMinutes}</td>
                      <td data-label="Cases">
                        {s.cases.map((c) => (
                          <Link key={c.caseId} to={`/cases/${c.caseId}`}>
                            {shortId(c.caseId)}{' '}
                          </Link>
                        ))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
    </>
  );
}

export const appTone = (s: string) => (s === 'approved' ? 'ok' : s === 'rejected' ? 'bad' : s === 'withdrawn' ? 'neutral' : 'warn');

export function TraineeApplications() {
  useTitle('Applications');
  const { me } = useAuth();
  const { data, error, loading, reload } = useLoad(async () => {
    const [apps, enrolments, schemes] = await Promise.all([
      call(api.GET('/api/v1/applications', { params: { query: { limit: 100 } } })),
      call(api.GET('/api/v1/trainees/{traineeId}/enrolments', { params: { path: { traineeId: me!.id } } })),
      call(api.GET('/api/v1/schemes')),
    ]);
    const progress = await Promise.all(
      enrolments.map((e) => call(api.GET('/api/v1/trainees/{traineeId}/schemes/{schemeId}/progress', { params: { path: { traineeId: me!.id, schemeId: e.schemeId } } }))),
    );
    return { apps, options: progress.map((p) => ({ scheme: schemes.find((s) => s.id === p.schemeId), progress: p })) };
  }, [me?.id]);
  const [choice, setChoice] = useState('');
  const [note, setNote] = useState('');
  const [done, setDone] = useState('');
  const apply = useAction(async () => {
    const [schemeId, levelCode] = choice.split('|');
    const created = await call(api.POST('/api/v1/applications', { body: { schemeId, levelCode, ...(note.trim() ? { note: note.trim() } : {}) } }));
    setDone(`Application for level ${created.levelCode} submitted: ${created.evaluation.summary}.`);
    setNote('');
    reload();
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void apply.run();
  };
  return (
    <>
      <h1>Applications</h1>
      {loading && <Loading />}
      <ErrorBox error={error} />
      {data && (
        <form className="card" onSubmit={submit}>
          <h2 style={{ marginTop: 0 }}>Apply for a level</h2>
          <p className="small muted">Your record is evaluated against the scheme when you apply; the body decides with that evaluation in front of it.</p>
          <ErrorBox error={apply.error} title="The application was not accepted" />
          {done && (
            <div className="alert ok" role="status">
              {done}
            </div>
          )}
          <div className="row">
            <Field label="Level">
              {(p) => (
                <select {...p} required value={choice} onChange={(e) => setChoice(e.target.value)}>
                  <option value="">Choose a level…</option>
                  {data.options.map(({ scheme, progress }) =>
                    progress.levels.map((l) => (
                      <option key={`${progress.schemeId}|${l.levelCode}`} value={`${progress.schemeId}|${l.levelCode}`}>
                        {scheme?.name}: {l.levelName} ({l.met ? 'all requirements met' : l.summary})
                      </option>
                    )),
                  )}
                </select>
              )}
            </Field>
          </div>
          <Field label="Note to the body" hint="optional">
            {(p) => <textarea {...p} value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />}
          </Field>
          <button type="submit" disabled={apply.busy || !choice}>
            {apply.busy ? 'Submitting…' : 'Submit application'}
          </button>
        </form>
      )}
      {data && data.apps.items.length === 0 && <Empty>You have not applied for a level yet.</Empty>}
      {data && data.apps.items.length > 0 && (
        <div className="table-wrap">
          <table className="stack">
            <thead>
              <tr>
                <th>Level</th>
                <th>Submitted</th>
                <th>Evaluation</th>
                <th>Status</th>
                <th>Decision</th>
              </tr>
            </thead>
            <tbody>
              {data.apps.items.map((a) => (
                <tr key={a.id}>
                  <td data-label="Level">{a.evaluation.levelName ?? a.levelCode}</td>
                  <td data-label="Submitted">{fmtDate(a.createdAt)}</td>
                  <td data-label="Evaluation">{a.evaluation.summary}</td>
                  <td data-label="Status">
                    <Badge tone={appTone(a.status)}>{humanise(a.status)}</Badge>
                  </td>
                  <td data-label="Decision">{a.decisionReason ?? a.infoRequest ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function download(name: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function TraineeAccreditations() {
  useTitle('My accreditations');
  const { data, error, loading } = useLoad(() => call(api.GET('/api/v1/accreditations', { params: { query: { limit: 100 } } })), []);
  const dl = useAction(async (id: string, kind: 'jws' | 'json') => {
    const c = await call(api.GET('/api/v1/accreditations/{id}/credential', { params: { path: { id } } }));
    if (kind === 'jws') download(`${c.certificateNumber}.jwt`, c.jws, c.mediaType || 'application/vc+jwt');
    else download(`${c.certificateNumber}.json`, JSON.stringify(c.credential, null, 2), 'application/json');
  });
  return (
    <>
      <h1>My accreditations</h1>
      {loading && <Loading />}
      <ErrorBox error={error ?? dl.error} />
      {data && data.items.length === 0 && <Empty>No accreditation yet. When your body approves an application, it appears here with its verifiable credential.</Empty>}
      {data?.items.map((a) => (
        <div className="card" key={a.id}>
          <h2 style={{ marginTop: 0 }}>{a.levelName}</h2>
          <dl className="facts">
            <dt>Certificate</dt>
            <dd>
              <Link to={`/verify/${encodeURIComponent(a.certificateNumber)}`}>{a.certificateNumber}</Link>
            </dd>
            <dt>Status</dt>
            <dd>
              <Badge tone={a.status === 'active' ? 'ok' : 'bad'}>{a.status}</Badge>
            </dd>
            <dt>Issued</dt>
            <dd>{fmtDate(a.issuedOn)}</dd>
            <dt>Expires</dt>
            <dd>{fmtDate(a.expiresOn)}</dd>
            <dt>On the public register</dt>
            <dd>
              <PublicListingToggle accreditation={a} />
            </dd>
          </dl>
          <p className="row">
            <button type="button" disabled={dl.busy} onClick={() => void dl.run(a.id, 'jws')}>
              Download verifiable credential (JWT)
            </button>
            <button type="button" className="secondary" disabled={dl.busy} onClick={() => void dl.run(a.id, 'json')}>
              Download credential (JSON)
            </button>
          </p>
        </div>
      ))}
    </>
  );
}
