import { useMemo, useState } from 'react';
import { api, call, type Schemas } from '../api/client';
import { useAuth } from '../auth';
import { Link, useLocation, useTitle } from '../router';
import { Badge, Empty, ErrorBox, Field, fmtDate, fmtDateTime, humanise, Loading, useAction, useLoad } from '../ui';
import { shortId } from './shared/labels';

export function SupervisorQueue() {
  useTitle('Review queue');
  const { data, error, loading } = useLoad(() => call(api.GET('/api/v1/supervision/queue', { params: { query: { limit: 100 } } })), []);
  // risk flags first, then the longest waiting
  const items = useMemo(
    () =>
      [...(data?.items ?? [])].sort((a, b) => (a.riskFlaggedAt ? 0 : 1) - (b.riskFlaggedAt ? 0 : 1) || String(a.submittedAt).localeCompare(String(b.submittedAt))),
    [data],
  );
  return (
    <>
      <h1>Review queue</h1>
      <p className="muted">Cases submitted for your sign-off. Cases with a risk flag (a positive self-harm item on an outcome measure) come first.</p>
      {loading && <Loading />}
      <ErrorBox error={error} />
      {data && items.length === 0 && <Empty>Nothing is waiting for your review.</Empty>}
      {items.length > 0 && (
        <div className="table-wrap">
          <table className="stack" aria-label="Cases awaiting sign-off">
            <thead>
              <tr>
                <th>Risk</th>
                <th>Client</th>
                <th>Trainee</th>
                <th>Focus</th>
                <th>Sessions</th>
                <th>Submitted</th>
                <th>
                  <span className="sr-only">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.id} data-risk={c.riskFlaggedAt ? 'yes' : 'no'}>
                  <td data-label="Risk">{c.riskFlaggedAt ? <Badge tone="bad">⚠ Risk flag</Badge> : <span className="muted">none</span>}</td>
                  <td data-label="Client">{c.clientCode}</td>
                  <td data-label="Trainee">{shortId(c.traineeId)}</td>
                  <td data-label="Focus">{humanise(c.focusProblemArea)}</td>
                  <td data-label="Sessions">
                    {c.deliveredSessions}/{c.plannedSessions}
                  </td>
                  <td data-label="Submitted">{fmtDateTime(c.submittedAt)}</td>
                  <td>
                    <Link className="button" to={`/cases/${c.id}`}>
                      Review {c.clientCode}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

interface RubricDef {
  scale: { min: number; max: number };
  items: { code: string; label: string; domain?: string; anchors?: Record<string, string> }[];
  aggregation: 'sum' | 'mean';
  passRule: { threshold: number; itemFloor?: number; requiredItems?: string[]; requiredItemFloor?: number };
}

/** The client's view of the pass rule, shown while scoring; the service computes the stored result. */
export function scoreRubric(def: RubricDef, scores: Record<string, number>) {
  const scored = def.items.filter((i) => scores[i.code] !== undefined);
  const total = scored.reduce((s, i) => s + scores[i.code], 0);
  const mean = scored.length ? total / scored.length : 0;
  const value = def.aggregation === 'sum' ? total : mean;
  const required = def.passRule.requiredItems ?? def.items.map((i) => i.code);
  const missing = required.filter((c) => scores[c] === undefined);
  const belowFloor = def.passRule.itemFloor !== undefined ? scored.filter((i) => scores[i.code] < def.passRule.itemFloor!).map((i) => i.code) : [];
  const passed = missing.length === 0 && belowFloor.length === 0 && value >= def.passRule.threshold;
  return { total, mean, value, passed, missing, belowFloor };
}

export function RubricForm({ def, scores, setScores }: { def: RubricDef; scores: Record<string, number>; setScores: (s: Record<string, number>) => void }) {
  const range = Array.from({ length: def.scale.max - def.scale.min + 1 }, (_, i) => def.scale.min + i);
  return (
    <>
      {def.items.map((item, idx) => (
        <fieldset className="rubric-item" key={item.code} style={{ border: 0, margin: 0, padding: '.75rem 0' }}>
          <legend>
            <strong>
              {idx + 1}. {item.label}
            </strong>{' '}
            {item.domain && <span className="small muted">({item.domain})</span>}
          </legend>
          <div className="anchors" role="radiogroup" aria-label={item.label}>
            {range.map((v) => (
              <label key={v}>
                <input type="radio" name={`item-${item.code}`} value={v} checked={scores[item.code] === v} onChange={() => setScores({ ...scores, [item.code]: v })} />
                <span>
                  <strong>{v}</strong> {item.anchors?.[String(v)] && <span className="small">{item.anchors[String(v)]}</span>}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      ))}
    </>
  );
}

export function RateSession({ sessionId }: { sessionId: string }) {
  useTitle('Rate a recorded session');
  const { query } = useLocation();
  const caseId = query.get('case');
  const rubrics = useLoad(() => call(api.GET('/api/v1/rubrics', { params: { query: { target: 'session', limit: 100 } } })), []);
  const published = (rubrics.data?.items ?? []).flatMap((r) => r.versions.filter((v) => v.status === 'published').map((v) => ({ rubric: r, versionId: v.id, n: v.versionNumber })));
  const [chosen, setChosen] = useState('');
  const versionId = chosen || published[0]?.versionId || '';
  const version = useLoad(() => (versionId ? call(api.GET('/api/v1/rubric-versions/{id}', { params: { path: { id: versionId } } })) : Promise.resolve(undefined)), [versionId]);
  const [scores, setScores] = useState<Record<string, number>>({});
  const [comment, setComment] = useState('');
  const [result, setResult] = useState<Schemas['RatingDto']>();
  const def = version.data?.definition as RubricDef | undefined;
  const live = def ? scoreRubric(def, scores) : undefined;
  const save = useAction(async () => {
    const draft = await call(
      api.POST('/api/v1/ratings', {
        body: { rubricVersionId: versionId, targetType: 'session', targetId: sessionId, scores: scores as never, ...(comment.trim() ? { overallComment: comment.trim() } : {}) },
      }),
    );
    setResult(await call(api.POST('/api/v1/ratings/{id}/submit', { params: { path: { id: draft.id } } })));
  });
  return (
    <>
      <p className="small">{caseId && <Link to={`/cases/${caseId}`}>← Back to the case</Link>}</p>
      <h1>Rate a recorded session</h1>
      {rubrics.loading && <Loading />}
      <ErrorBox error={rubrics.error ?? version.error} />
      {rubrics.data && published.length === 0 && <Empty>No published session rubric is available.</Empty>}
      {published.length > 0 && (
        <Field label="Rubric">
          {(p) => (
            <select {...p} value={versionId} onChange={(e) => { setChosen(e.target.value); setScores({}); }}>
              {published.map((o) => (
                <option key={o.versionId} value={o.versionId}>
                  {o.rubric.name} (v{o.n})
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {version.loading && <Loading label="Loading the rubric…" />}
      {result ? (
        <div className={`alert ${result.passed ? 'ok' : 'error'}`} role="status">
          Rating submitted: total <strong>{result.total}</strong>, mean {result.mean?.toFixed(2)} — <strong>{result.passed ? 'pass' : 'below the pass mark'}</strong>.{' '}
          {caseId && <Link to={`/cases/${caseId}`}>Back to the case</Link>}
        </div>
      ) : (
        def &&
        live && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void save.run();
            }}
          >
            <p className="small muted">
              Scale {def.scale.min}–{def.scale.max}. Pass: {def.aggregation === 'sum' ? 'total' : 'item mean'} ≥ {def.passRule.threshold}
              {def.passRule.itemFloor !== undefined ? `, no item below ${def.passRule.itemFloor}` : ''}. Use the arrow keys within an item, Tab to move to the next.
            </p>
            <div className="card">
              <RubricForm def={def} scores={scores} setScores={setScores} />
              <Field label="Overall comment" hint="optional">
                {(p) => <textarea {...p} value={comment} onChange={(e) => setComment(e.target.value)} />}
              </Field>
            </div>
            <ErrorBox error={save.error} title="The rating was not saved" />
            <div className="total-bar" aria-live="polite">
              <span>
                Total <strong data-testid="rating-total">{live.total}</strong>
              </span>
              <span>Mean {live.mean.toFixed(2)}</span>
              {live.missing.length > 0 ? (
                <Badge tone="neutral">{live.missing.length} items to score</Badge>
              ) : (
                <Badge tone={live.passed ? 'ok' : 'bad'}>{live.passed ? 'Pass' : 'Below pass'}</Badge>
              )}
              <button type="submit" disabled={save.busy || live.missing.length > 0}>
                {save.busy ? 'Submitting…' : 'Submit rating'}
              </button>
            </div>
          </form>
        )
      )}
    </>
  );
}

export function Calibration() {
  useTitle('Calibration');
  const { me, bodiesFor } = useAuth();
  const bodyId = bodiesFor('SUPERVISOR')[0];
  const { data, error, loading, reload } = useLoad(
    () =>
      Promise.all([
        call(api.GET('/api/v1/calibration/exercises', { params: { query: { limit: 100 } } })),
        bodyId ? call(api.GET('/api/v1/calibration/raters/{raterId}', { params: { path: { raterId: me!.id }, query: { bodyId } } })) : Promise.resolve(undefined),
      ]),
    [me?.id, bodyId],
  );
  const [open, setOpen] = useState<string>();
  const [exercises, figures] = data ?? [];
  return (
    <>
      <h1>Calibration</h1>
      {loading && <Loading />}
      <ErrorBox error={error} />
      {figures && (
        <section className="card">
          <h2 style={{ marginTop: 0 }}>My agreement</h2>
          <p>
            Status:{' '}
            <Badge tone={figures.status === 'calibrated' ? 'ok' : 'warn'}>{humanise(figures.status)}</Badge>
            {figures.validUntil && ` until ${fmtDate(figures.validUntil)}`}
            {figures.reason && ` (${humanise(figures.reason)})`}
          </p>
          <p className="small muted">{figures.rule}</p>
          {figures.attempts.length > 0 && (
            <div className="table-wrap">
              <table className="stack">
                <thead>
                  <tr>
                    <th>Submitted</th>
                    <th>Mean abs. difference</th>
                    <th>Bias</th>
                    <th>ICC</th>
                    <th>Weighted κ</th>
                    <th>Within tolerance</th>
                  </tr>
                </thead>
                <tbody>
                  {figures.attempts.map((a) => (
                    <tr key={a.id}>
                      <td data-label="Submitted">{fmtDateTime(a.submittedAt)}</td>
                      <td data-label="MAD">{a.figures.meanAbsDiff.toFixed(2)}</td>
                      <td data-label="Bias">{a.figures.bias.toFixed(2)}</td>
                      <td data-label="ICC">{a.figures.icc?.toFixed(2) ?? '—'}</td>
                      <td data-label="κ">{a.figures.weightedKappa?.toFixed(2) ?? '—'}</td>
                      <td data-label="Within tolerance">{a.figures.withinTolerance ? <Badge tone="ok">yes</Badge> : <Badge tone="bad">no</Badge>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
      <h2>Exercises</h2>
      {exercises && exercises.items.length === 0 && <Empty>No calibration exercises have been set by your body yet.</Empty>}
      {exercises?.items.map((x) => (
        <div className="card" key={x.id}>
          <div className="row">
            <strong>{x.title}</strong> <Badge tone={x.status === 'open' ? 'ok' : 'neutral'}>{x.status}</Badge>
            {x.myAttempt && <Badge tone={x.myAttempt.figures.withinTolerance ? 'ok' : 'bad'}>attempted: {x.myAttempt.figures.withinTolerance ? 'within tolerance' : 'outside tolerance'}</Badge>}
          </div>
          <p>{x.description}</p>
          {!x.myAttempt && x.status === 'open' && (
            <button type="button" className="secondary" onClick={() => setOpen(open === x.id ? undefined : x.id)} aria-expanded={open === x.id}>
              {open === x.id ? 'Close' : 'Rate the exercise recording'}
            </button>
          )}
          {open === x.id && <CalibrationAttempt exercise={x} onDone={() => { setOpen(undefined); reload(); }} />}
        </div>
      ))}
    </>
  );
}

function CalibrationAttempt({ exercise, onDone }: { exercise: Schemas['CalibrationExerciseDto']; onDone: () => void }) {
  const version = useLoad(() => call(api.GET('/api/v1/rubric-versions/{id}', { params: { path: { id: exercise.rubricVersionId } } })), [exercise.rubricVersionId]);
  const [scores, setScores] = useState<Record<string, number>>({});
  const submit = useAction(async () => {
    await call(api.POST('/api/v1/calibration/exercises/{id}/attempts', { params: { path: { id: exercise.id } }, body: { scores: scores as never } }));
    onDone();
  });
  if (version.loading) return <Loading />;
  if (version.error) return <ErrorBox error={version.error} />;
  const def = version.data!.definition as RubricDef;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit.run();
      }}
    >
      <RubricForm def={def} scores={scores} setScores={setScores} />
      <ErrorBox error={submit.error} />
      <button type="submit" disabled={submit.busy}>
        {submit.busy ? 'Submitting…' : 'Submit attempt'}
      </button>
    </form>
  );
}

