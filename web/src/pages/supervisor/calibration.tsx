import { useState } from 'react';
import { api, call, type Schemas } from '../../api/client';
import { useAuth } from '../../auth';
import { useTitle } from '../../router';
import { Badge, Empty, ErrorBox, fmtDate, fmtDateTime, humanise, Loading, useAction, useLoad } from '../../ui';
import { MyCalibrationChart } from '../../charts';
import { type RubricDef, RubricForm } from './rubric-form';

export function Calibration() {
  useTitle('Calibration');
  const { me, bodiesFor } = useAuth();
  const bodyId = bodiesFor('SUPERVISOR')[0];
  const { data, error, loading, reload } = useLoad(
    () =>
      Promise.all([
        call(api.GET('/api/v1/calibration/exercises', { params: { query: { limit: 100 } } })),
        bodyId
          ? call(api.GET('/api/v1/calibration/raters/{raterId}', { params: { path: { raterId: me!.id }, query: { bodyId } } }))
          : Promise.resolve(undefined),
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
            Status: <Badge tone={figures.status === 'calibrated' ? 'ok' : 'warn'}>{humanise(figures.status)}</Badge>
            {figures.validUntil && ` until ${fmtDate(figures.validUntil)}`}
            {figures.reason && ` (${humanise(figures.reason)})`}
          </p>
          <p className="small muted">{figures.rule}</p>
          <MyCalibrationChart attempts={figures.attempts} tolerance={figures.attempts[0]?.tolerance.maxMeanAbsDiff ?? null} />
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
                      <td data-label="Within tolerance">
                        {a.figures.withinTolerance ? <Badge tone="ok">yes</Badge> : <Badge tone="bad">no</Badge>}
                      </td>
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
            {x.myAttempt && (
              <Badge tone={x.myAttempt.figures.withinTolerance ? 'ok' : 'bad'}>
                attempted: {x.myAttempt.figures.withinTolerance ? 'within tolerance' : 'outside tolerance'}
              </Badge>
            )}
          </div>
          <p>{x.description}</p>
          {!x.myAttempt && x.status === 'open' && (
            <button
              type="button"
              className="secondary"
              onClick={() => setOpen(open === x.id ? undefined : x.id)}
              aria-expanded={open === x.id}
            >
              {open === x.id ? 'Close' : 'Rate the exercise recording'}
            </button>
          )}
          {open === x.id && (
            <CalibrationAttempt
              exercise={x}
              onDone={() => {
                setOpen(undefined);
                reload();
              }}
            />
          )}
        </div>
      ))}
    </>
  );
}

function CalibrationAttempt({ exercise, onDone }: { exercise: Schemas['CalibrationExerciseDto']; onDone: () => void }) {
  const version = useLoad(
    () => call(api.GET('/api/v1/rubric-versions/{id}', { params: { path: { id: exercise.rubricVersionId } } })),
    [exercise.rubricVersionId],
  );
  const [scores, setScores] = useState<Record<string, number>>({});
  const submit = useAction(async () => {
    await call(
      api.POST('/api/v1/calibration/exercises/{id}/attempts', { params: { path: { id: exercise.id } }, body: { scores: scores as never } }),
    );
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
