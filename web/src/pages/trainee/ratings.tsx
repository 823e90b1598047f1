import { api, call } from '../../api/client';
import { useAuth } from '../../auth';
import { useTitle } from '../../router';
import { Badge, Empty, ErrorBox, fmtDateTime, humanise, Loading, useLoad } from '../../ui';

export function TraineeRatings() {
  useTitle('Ratings of my work');
  const { me } = useAuth();
  const { data, error, loading } = useLoad(
    () => call(api.GET('/api/v1/ratings', { params: { query: { traineeId: me!.id, limit: 100 } } })),
    [me?.id],
  );
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
            {r.status === 'submitted' ? (
              <Badge tone={r.passed ? 'ok' : 'bad'}>{r.passed ? 'Pass' : 'Below pass'}</Badge>
            ) : (
              <Badge tone="neutral">draft</Badge>
            )}
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
