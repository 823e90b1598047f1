import { useMemo } from 'react';
import { api, call, type Schemas } from '../../api/client';
import { Link, useTitle } from '../../router';
import { Badge, Empty, ErrorBox, fmtDate, fmtDateTime, humanise, Loading, useAction, useLoad } from '../../ui';

/** The risk cell: "acknowledged by X on D", or the button that acknowledges it (a note can be added on the case). */
function RiskCell({ c, onChange }: { c: Schemas['QueueItemDto']; onChange: () => void }) {
  const ack = useAction(async () => {
    await call(api.POST('/api/v1/cases/{id}/risk-flag/acknowledge', { params: { path: { id: c.id } }, body: {} }));
    onChange();
  });
  if (!c.riskFlaggedAt) return <span className="muted">none</span>;
  if (c.riskAcknowledgedAt)
    return (
      <>
        <Badge tone="warn">⚠ Risk flag</Badge>{' '}
        <span className="small">
          acknowledged by {c.riskAcknowledgedByName} on {fmtDate(c.riskAcknowledgedAt)}
        </span>
      </>
    );
  return (
    <>
      <Badge tone="bad">⚠ Risk flag</Badge>{' '}
      <button
        type="button"
        className="secondary"
        disabled={ack.busy}
        onClick={() => void ack.run()}
        aria-label={`Acknowledge the risk flag of case ${c.clientCode}`}
      >
        {ack.busy ? 'Acknowledging…' : 'Acknowledge'}
      </button>
      <ErrorBox error={ack.error} title="Not acknowledged" />
    </>
  );
}

export function SupervisorQueue() {
  useTitle('Review queue');
  const { data, error, loading, reload } = useLoad(
    () => call(api.GET('/api/v1/supervision/queue', { params: { query: { limit: 100 } } })),
    [],
  );
  // risk flags first, then the longest waiting
  const items = useMemo(
    () =>
      [...(data?.items ?? [])].sort(
        (a, b) => (a.riskFlaggedAt ? 0 : 1) - (b.riskFlaggedAt ? 0 : 1) || String(a.submittedAt).localeCompare(String(b.submittedAt)),
      ),
    [data],
  );
  return (
    <>
      <h1>Review queue</h1>
      <p className="muted">
        Cases submitted for your sign-off. Cases with a risk flag (a positive self-harm item on an outcome measure) come first.
      </p>
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
                  <td data-label="Risk">
                    <RiskCell c={c} onChange={reload} />
                  </td>
                  <td data-label="Client">{c.clientCode}</td>
                  <td data-label="Trainee">{c.traineeName}</td>
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
