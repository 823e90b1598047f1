import { api, call } from '../../api/client';
import { useAuth } from '../../auth';
import { Link, useLocation, useTitle } from '../../router';
import { Badge, DataTable, Empty, ErrorBox, fmtDate, humanise, Loading, useLoad } from '../../ui';
import { reviewTone } from '../shared/labels';

export function TraineeCases() {
  useTitle('My cases');
  const { me } = useAuth();
  const deleted = useLocation().query.get('deleted');
  const { data, error, loading } = useLoad(
    () => call(api.GET('/api/v1/cases', { params: { query: { traineeId: me!.id, limit: 100, sort: 'updatedAt' } } })),
    [me?.id],
  );
  return (
    <>
      <h1>My cases</h1>
      {deleted && (
        <div className="alert ok" role="status">
          Case {deleted} was deleted.
        </div>
      )}
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
            {
              label: 'Review',
              cell: (c) => (
                <>
                  <Badge tone={reviewTone(c.reviewState)}>{humanise(c.reviewState)}</Badge>
                  {c.reviewState === 'returned' && <span className="small"> — your supervisor's comments are waiting</span>}
                </>
              ),
            },
          ]}
        />
      )}
    </>
  );
}
