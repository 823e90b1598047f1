import { type FormEvent, useEffect, useRef, useState } from 'react';
import { api, call, etagOf, type Schemas } from '../api/client';
import { useAuth } from '../auth';
import { bandOf, INSTRUMENTS, severityTone } from '../measures';
import { Link, useLocation, useTitle } from '../router';
import { Badge, Empty, ErrorBox, Field, fieldErrors, fmtDate, fmtDateTime, humanise, Loading, today, useAction, useLoad } from '../ui';
import { reviewTone, shortId } from './shared/labels';

type Case = Schemas['CaseDto'];
type Phase = Schemas['SessionPhase'];

const phaseFor = (num: number, planned: number): Phase => (num <= 3 ? 'initial' : num > planned - 3 ? 'termination' : 'middle');

export function CaseDetail({ id }: { id: string }) {
  const { me } = useAuth();
  const { query } = useLocation();
  const loaded = useLoad(
    () => Promise.all([call(api.GET('/api/v1/cases/{id}', { params: { path: { id } } })), call(api.GET('/api/v1/cases/{id}/history', { params: { path: { id } } }))]),
    [id],
  );
  const [c, setCase] = useState<Case>();
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
        <div className="alert error" role="note">
          <strong>Returned by your supervisor:</strong> {lastReturn.comments}
        </div>
      )}
      <section className="card">
        <dl className="facts">
          <dt>Diagnosis</dt>
          <dd>{c.primaryDiagnosis}</dd>
          <dt>Focus</dt>
          <dd>
            {humanise(c.focusProblemArea)}
            {c.secondaryProblemArea ? `, ${humanise(c.secondaryProblemArea)}` : ''}
          </dd>
          <dt>Format</dt>
          <dd>
            {humanise(c.format)}, {humanise(c.adaptation)}, {c.ageBand}, {humanise(c.setting)}
          </dd>
          <dt>Sessions</dt>
          <dd>
            {c.deliveredSessions} delivered of {c.plannedSessions} planned
          </dd>
          <dt>Dates</dt>
          <dd>
            {fmtDate(c.startDate)} – {c.endDate ? fmtDate(c.endDate) : 'ongoing'} ({humanise(c.status)})
          </dd>
          <dt>Recording consent</dt>
          <dd>{c.recordingConsent ? 'yes' : 'no'}</dd>
          {!isTrainee && (
            <>
              <dt>Trainee</dt>
              <dd>{shortId(c.traineeId)}</dd>
            </>
          )}
          {c.presentingProblem && (
            <>
              <dt>Presenting problem</dt>
              <dd>{c.presentingProblem}</dd>
            </>
          )}
        </dl>
      </section>
      {isSupervisor && <ReviewActions c={c} onChange={(next) => { setCase(next); loaded.reload(); }} />}
      <Sessions c={c} editable={editable} autoFocus={query.get('new') === '1'} canRate={isSupervisor} onChange={setCase} />
      <Measures c={c} editable={isTrainee && c.reviewState !== 'signed_off'} onChange={() => loaded.reload()} />
      {isTrainee && editable && <SubmitForReview c={c} onChange={(next) => { setCase(next); loaded.reload(); }} />}
      {history && history.events.length > 0 && (
        <section className="card">
          <h2 style={{ marginTop: 0 }}>Review history</h2>
          <ul>
            {history.events.map((e, i) => (
              <li key={i}>
                {fmtDateTime(e.at)}: <strong>{humanise(e.kind)}</strong>
                {e.comments ? ` — “${e.comments}”` : ''}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function Sessions({ c, editable, autoFocus, canRate, onChange }: { c: Case; editable: boolean; autoFocus: boolean; canRate: boolean; onChange: (c: Case) => void }) {
  const nextNumber = (c.sessions.at(-1)?.number ?? 0) + 1;
  const [form, setForm] = useState({ date: today(), durationMinutes: 50, attended: true, recorded: c.recordingConsent, phase: '' as Phase | '' });
  const [message, setMessage] = useState('');
  const dateRef = useRef<HTMLInputElement>(null);
  const add = useAction(async () => {
    const next = await call(
      api.POST('/api/v1/cases/{id}/sessions', {
        params: { path: { id: c.id } },
        headers: { 'If-Match': etagOf(c.version) },
        body: { number: nextNumber, date: form.date, durationMinutes: form.durationMinutes, phase: form.phase || phaseFor(nextNumber, c.plannedSessions), attended: form.attended, recorded: form.recorded },
      }),
    );
    onChange(next);
    setForm((f) => ({ ...f, phase: '' }));
    setMessage(`Session ${nextNumber} added.`);
    dateRef.current?.focus();
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void add.run();
  };
  const err = (f: string) => fieldErrors(add.error, f);
  return (
    <section className="card" aria-labelledby="sessions-h">
      <h2 id="sessions-h" style={{ marginTop: 0 }}>
        Sessions
      </h2>
      {c.sessions.length === 0 ? (
        <Empty>No sessions logged yet.</Empty>
      ) : (
        <div className="table-wrap">
          <table className="stack">
            <thead>
              <tr>
                <th>#</th>
                <th>Date</th>
                <th>Minutes</th>
                <th>Phase</th>
                <th>Attended</th>
                <th>Recorded</th>
                <th>Logged</th>
                {canRate && <th>Rating</th>}
              </tr>
            </thead>
            <tbody>
              {c.sessions.map((s) => (
                <tr key={s.id}>
                  <td data-label="#">{s.number}</td>
                  <td data-label="Date">{fmtDate(s.date)}</td>
                  <td data-label="Minutes">{s.durationMinutes}</td>
                  <td data-label="Phase">{s.phase}</td>
                  <td data-label="Attended">{s.attended ? 'yes' : 'no'}</td>
                  <td data-label="Recorded">{s.recorded ? 'yes' : 'no'}</td>
                  <td data-label="Logged">{s.lagDays === 0 ? 'same day' : `${s.lagDays} days later`}</td>
                  {canRate && (
                    <td data-label="Rating">
                      {s.recorded ? <Link to={`/supervisor/rate/${s.id}?case=${c.id}`}>Rate recording</Link> : <span className="muted">not recorded</span>}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editable && (
        <form onSubmit={submit} aria-label="Add a session" style={{ marginTop: '1rem' }}>
          <h3>
            Add session {nextNumber} <span className="small muted">— fill in and press <span className="kbd">Enter</span></span>
          </h3>
          <ErrorBox error={add.error} title="The session was not added" />
          <div className="row">
            <Field label="Date" errors={err('date')}>
              {(p) => <input {...p} ref={dateRef} autoFocus={autoFocus} type="date" required value={form.date} onChange={(e) => setForm({ ...form, date: e.target.value })} />}
            </Field>
            <Field label="Minutes" errors={err('durationMinutes')}>
              {(p) => <input {...p} type="number" min={1} max={240} style={{ width: '6rem' }} value={form.durationMinutes} onChange={(e) => setForm({ ...form, durationMinutes: Number(e.target.value) })} />}
            </Field>
            <Field label="Phase" errors={err('phase')}>
              {(p) => (
                <select {...p} value={form.phase} onChange={(e) => setForm({ ...form, phase: e.target.value as Phase | '' })}>
                  <option value="">auto ({phaseFor(nextNumber, c.plannedSessions)})</option>
                  <option value="initial">initial</option>
                  <option value="middle">middle</option>
                  <option value="termination">termination</option>
                </select>
              )}
            </Field>
            <div className="field">
              <label>
                <input type="checkbox" checked={form.attended} onChange={(e) => setForm({ ...form, attended: e.target.checked })} /> Attended
              </label>
              <label>
                <input type="checkbox" checked={form.recorded} onChange={(e) => setForm({ ...form, recorded: e.target.checked })} /> Recorded
              </label>
            </div>
            <div className="field">
              <button type="submit" disabled={add.busy}>
                {add.busy ? 'Adding…' : `Add session ${nextNumber}`}
              </button>
            </div>
          </div>
          <p role="status" aria-live="polite" className="small">
            {message}
          </p>
        </form>
      )}
    </section>
  );
}

function Measures({ c, editable, onChange }: { c: Case; editable: boolean; onChange: () => void }) {
  const [instrument, setInstrument] = useState<Schemas['Instrument']>('PHQ9');
  const info = INSTRUMENTS[instrument];
  const [items, setItems] = useState<string[]>(() => info.items.map(() => ''));
  const [date, setDate] = useState(today());
  const [sessionNumber, setSessionNumber] = useState(String(c.sessions.at(-1)?.number ?? 0));
  const [saved, setSaved] = useState<Schemas['CreatedMeasureDto']>();
  useEffect(() => setItems(INSTRUMENTS[instrument].items.map(() => '')), [instrument]);
  const filled = items.filter((v) => v !== '').length;
  const total = items.reduce((s, v) => s + (Number(v) || 0), 0);
  const riskNow = info.riskItem ? Number(items[info.riskItem - 1]) > 0 : false;
  const save = useAction(async () => {
    const created = await call(
      api.POST('/api/v1/cases/{id}/measures', {
        params: { path: { id: c.id } },
        headers: { 'If-Match': etagOf(c.version) },
        body: { instrument, administeredOn: date, sessionNumber: Number(sessionNumber), items: items.map(Number) },
      }),
    );
    setSaved(created);
    setItems(info.items.map(() => ''));
    onChange();
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save.run();
  };
  return (
    <section className="card" aria-labelledby="measures-h">
      <h2 id="measures-h" style={{ marginTop: 0 }}>
        Outcome measures
      </h2>
      {c.measures.latest.length === 0 ? (
        <Empty>No outcome measures yet. Enter one at intake and again during treatment to show change.</Empty>
      ) : (
        <div className="table-wrap">
          <table className="stack">
            <thead>
              <tr>
                <th>Instrument</th>
                <th>Intake</th>
                <th>Latest</th>
                <th>Band now</th>
                <th>Change</th>
              </tr>
            </thead>
            <tbody>
              {c.measures.latest.map((m) => {
                const ch = c.measures.change.find((x) => x.instrument === m.instrument);
                return (
                  <tr key={m.id}>
                    <td data-label="Instrument">{INSTRUMENTS[m.instrument].name}</td>
                    <td data-label="Intake">{ch?.intake ? `${ch.intake.total} (${fmtDate(ch.intake.administeredOn)})` : '—'}</td>
                    <td data-label="Latest">
                      {m.total} ({fmtDate(m.administeredOn)}) {m.riskFlag && <span className="risk">⚠ risk item</span>}
                    </td>
                    <td data-label="Band">
                      <Badge tone={severityTone(m.severity)}>{humanise(m.severity)}</Badge>
                    </td>
                    <td data-label="Change">
                      {ch && ch.administrations > 1 ? (
                        <>
                          {(ch.change ?? 0) > 0 ? '+' : ''}
                          {ch.change ?? '—'} {ch.reliablyImproved && <Badge tone="ok">reliable improvement</Badge>} {ch.recovered && <Badge tone="ok">recovered</Badge>}
                          {ch.reliablyDeteriorated && <Badge tone="bad">reliable deterioration</Badge>}
                        </>
                      ) : (
                        <span className="muted">one administration</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {editable && (
        <form onSubmit={submit} aria-label="Enter an outcome measure" style={{ marginTop: '1rem' }}>
          <h3>Enter a measure</h3>
          <ErrorBox error={save.error} title="The measure was not saved" />
          {saved && (
            <div className={`alert ${saved.riskFlag ? 'error' : 'ok'}`} role="status">
              Saved {INSTRUMENTS[saved.instrument].name}: total {saved.total}, band <strong>{humanise(saved.severity)}</strong>.
              {saved.riskFlag && ' The risk item is positive: your supervisor has been alerted.'}
            </div>
          )}
          <div className="row">
            <Field label="Instrument">
              {(p) => (
                <select {...p} value={instrument} onChange={(e) => setInstrument(e.target.value as Schemas['Instrument'])}>
                  {Object.entries(INSTRUMENTS).map(([k, v]) => (
                    <option key={k} value={k}>
                      {v.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label="Administered on">{(p) => <input {...p} type="date" required value={date} onChange={(e) => setDate(e.target.value)} />}</Field>
            <Field label="At session" hint="0 = intake">
              {(p) => <input {...p} type="number" min={0} style={{ width: '5rem' }} value={sessionNumber} onChange={(e) => setSessionNumber(e.target.value)} />}
            </Field>
          </div>
          <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
            <legend className="small muted">Item scores (type a digit; Tab moves on)</legend>
            <div className="row">
              {info.items.map((max, i) => (
                <div className="field" key={`${instrument}-${i}`}>
                  <label htmlFor={`item-${i}`}>
                    Item {i + 1} {info.riskItem === i + 1 && <span className="risk">(risk)</span>}
                  </label>
                  <input
                    id={`item-${i}`}
                    type="number"
                    inputMode="numeric"
                    min={0}
                    max={max}
                    required
                    style={{ width: '4.2rem' }}
                    aria-describedby="band-live"
                    value={items[i]}
                    onChange={(e) => setItems((all) => all.map((v, j) => (j === i ? e.target.value : v)))}
                  />
                  <div className="hint small muted">0–{max}</div>
                </div>
              ))}
            </div>
          </fieldset>
          <p id="band-live" aria-live="polite">
            Total <strong>{total}</strong> of {info.items.reduce((a, b) => a + b, 0)} · band{' '}
            <Badge tone={severityTone(bandOf(instrument, total))}>{filled ? bandOf(instrument, total) : '—'}</Badge>
            {riskNow && <span className="risk"> · risk item positive</span>}
            {filled < info.items.length && <span className="muted small"> ({info.items.length - filled} items left)</span>}
          </p>
          <details className="small">
            <summary>Bands for {info.name}</summary>
            <ul>
              {info.bands.map((b) => (
                <li key={b.label}>
                  {b.min}–{b.max}: {b.label}
                </li>
              ))}
            </ul>
          </details>
          <button type="submit" disabled={save.busy || filled < info.items.length}>
            {save.busy ? 'Saving…' : 'Save measure'}
          </button>
        </form>
      )}
    </section>
  );
}

function SubmitForReview({ c, onChange }: { c: Case; onChange: (c: Case) => void }) {
  const submit = useAction(async () => onChange(await call(api.POST('/api/v1/cases/{id}/submit', { params: { path: { id: c.id } } }))));
  return (
    <section className="card">
      <h2 style={{ marginTop: 0 }}>Send to your supervisor</h2>
      <p className="muted">Your supervisor reviews the case and signs it off or returns it with comments.</p>
      <ErrorBox error={submit.error} title="The case was not submitted" />
      <button type="button" disabled={submit.busy} onClick={() => void submit.run()}>
        {submit.busy ? 'Submitting…' : 'Submit for sign-off'}
      </button>
    </section>
  );
}

function ReviewActions({ c, onChange }: { c: Case; onChange: (c: Case) => void }) {
  const [comments, setComments] = useState('');
  const signOff = useAction(async () => onChange(await call(api.POST('/api/v1/cases/{id}/sign-off', { params: { path: { id: c.id } }, body: { contentHash: c.contentHash } }))));
  const ret = useAction(async () => onChange(await call(api.POST('/api/v1/cases/{id}/return', { params: { path: { id: c.id } }, body: { comments: comments.trim() } }))));
  if (c.reviewState !== 'submitted')
    return (
      <div className="alert ok" role="status">
        {c.reviewState === 'signed_off' ? `Signed off ${fmtDateTime(c.currentSignoff?.signedAt)}.` : `This case is ${humanise(c.reviewState)}; nothing to review now.`}
      </div>
    );
  return (
    <section className="card" aria-labelledby="review-h">
      <h2 id="review-h" style={{ marginTop: 0 }}>
        Review
      </h2>
      <ErrorBox error={signOff.error ?? ret.error} />
      <p className="small muted">Signing off records the exact content you saw (content hash {c.contentHash.slice(0, 12)}…).</p>
      <button type="button" disabled={signOff.busy} onClick={() => void signOff.run()}>
        {signOff.busy ? 'Signing off…' : 'Sign off case'}
      </button>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void ret.run();
        }}
        style={{ marginTop: '1rem' }}
      >
        <Field label="Comments for the trainee" errors={fieldErrors(ret.error, 'comments')}>
          {(p) => <textarea {...p} required value={comments} onChange={(e) => setComments(e.target.value)} />}
        </Field>
        <button type="submit" className="secondary" disabled={ret.busy || !comments.trim()}>
          {ret.busy ? 'Returning…' : 'Return with comments'}
        </button>
      </form>
    </section>
  );
}
