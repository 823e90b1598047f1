import { useEffect } from 'react';
import { api, call } from '../../api/client';
import { useAuth } from '../../auth';
import { Link, useTitle } from '../../router';
import { Badge, Empty, ErrorBox, fmtDate, fmtDateTime, humanise, Loading, useLoad } from '../../ui';

// What the supervisor rated: each rating named by trainee, case and session, newest first.
export function MyRatings() {
  useTitle('My ratings');
  const { me } = useAuth();
  const { data, error, loading } = useLoad(
    () => call(api.GET('/api/v1/ratings', { params: { query: { raterId: me!.id, limit: 100 } } })),
    [me?.id],
  );
  const items = [...(data?.items ?? [])].reverse();
  // a link to one rating (from "Rated — see rating") scrolls to it
  useEffect(() => {
    if (data && window.location.hash) document.getElementById(window.location.hash.slice(1))?.scrollIntoView();
  }, [data]);
  return (
    <>
      <h1>My ratings</h1>
      {loading && <Loading />}
      <ErrorBox error={error} />
      {data && items.length === 0 && <Empty>You have not rated anything yet. Rate a recorded session from a case you supervise.</Empty>}
      {items.length > 0 && (
        <div className="table-wrap">
          <table className="stack" aria-label="Ratings you made">
            <thead>
              <tr>
                <th>Trainee</th>
                <th>What</th>
                <th>Total</th>
                <th>Result</th>
                <th>Submitted</th>
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr key={r.id} id={`rating-${r.id}`} tabIndex={-1}>
                  <td data-label="Trainee">{r.traineeName}</td>
                  <td data-label="What">
                    {r.target.caseId ? (
                      <Link to={`/cases/${r.target.caseId}`}>
                        {r.targetType === 'session'
                          ? `Session ${r.target.sessionNumber} (${fmtDate(r.target.sessionDate)}) of case ${r.target.clientCode}`
                          : `Case ${r.target.clientCode}`}
                      </Link>
                    ) : (
                      humanise(r.targetType)
                    )}
                  </td>
                  <td data-label="Total">
                    {r.total}
                    {r.mean !== null ? <span className="small muted"> (mean {r.mean.toFixed(2)})</span> : null}
                  </td>
                  <td data-label="Result">
                    {r.status === 'draft' ? (
                      <Badge tone="neutral">draft</Badge>
                    ) : (
                      <Badge tone={r.passed ? 'ok' : 'bad'}>{r.passed ? 'pass' : 'below the pass mark'}</Badge>
                    )}
                    {r.supersedesId ? <span className="small muted"> correction</span> : null}
                  </td>
                  <td data-label="Submitted">{fmtDateTime(r.submittedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
