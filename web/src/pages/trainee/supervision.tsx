import { api, call } from '../../api/client';
import { useAuth } from '../../auth';
import { Link, useTitle } from '../../router';
import { Badge, Empty, ErrorBox, fmtDate, humanise, Loading, useLoad } from '../../ui';
import { shortId } from '../shared/labels';

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
                  {r.supervisorName} — <Badge tone={r.status === 'active' ? 'ok' : 'neutral'}>{r.status}</Badge> since{' '}
                  {fmtDate(r.startedOn)}
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
            {sup.totals.sessionCount} sessions: {sup.totals.individualMinutes} min individual, {sup.totals.groupMinutes} min group credited
            — total <strong>{(sup.totals.totalMinutes / 60).toFixed(1)} h</strong>.
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
