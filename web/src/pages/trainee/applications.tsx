import { type FormEvent, useState } from 'react';
import { api, call } from '../../api/client';
import { useAuth } from '../../auth';
import { useLocation, useTitle } from '../../router';
import { Badge, Empty, ErrorBox, Field, fmtDate, humanise, Loading, useAction, useLoad } from '../../ui';
import { appTone } from '../shared/labels';

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
      enrolments.map((e) =>
        call(
          api.GET('/api/v1/trainees/{traineeId}/schemes/{schemeId}/progress', {
            params: { path: { traineeId: me!.id, schemeId: e.schemeId } },
          }),
        ),
      ),
    );
    return { apps, options: progress.map((p) => ({ scheme: schemes.find((s) => s.id === p.schemeId), progress: p })) };
  }, [me?.id]);
  const [choice, setChoice] = useState(useLocation().query.get('level') ?? '');
  const [note, setNote] = useState('');
  const [done, setDone] = useState('');
  const apply = useAction(async () => {
    setDone('');
    const [schemeId, levelCode] = choice.split('|');
    const created = await call(
      api.POST('/api/v1/applications', { body: { schemeId, levelCode, ...(note.trim() ? { note: note.trim() } : {}) } }),
    );
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
          <p className="small muted">
            Your record is evaluated against the scheme when you apply; the body decides with that evaluation in front of it.
          </p>
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
