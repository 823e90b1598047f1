import { useMemo } from 'react';
import { api, call, type Schemas } from '../../api/client';
import { Link, useTitle } from '../../router';
import { formatDate, formatDateTime, useTranslation } from '../../i18n';
import { Badge, Empty, ErrorBox, Loading, useAction, useLoad } from '../../ui';

/** The risk cell: "acknowledged by X on D", or the button that acknowledges it (a note can be added on the case). */
function RiskCell({ c, onChange }: { c: Schemas['QueueItemDto']; onChange: () => void }) {
  const { t } = useTranslation('supervisor');
  const ack = useAction(async () => {
    await call(api.POST('/api/v1/cases/{id}/risk-flag/acknowledge', { params: { path: { id: c.id } }, body: {} }));
    onChange();
  });
  if (!c.riskFlaggedAt) return <span className="muted">{t('queue.noRisk')}</span>;
  if (c.riskAcknowledgedAt)
    return (
      <>
        <Badge tone="warn">{t('queue.riskFlag')}</Badge>{' '}
        <span className="small">
          {t('queue.acknowledgedBy', { name: c.riskAcknowledgedByName, date: formatDate(c.riskAcknowledgedAt) })}
        </span>
      </>
    );
  return (
    <>
      <Badge tone="bad">{t('queue.riskFlag')}</Badge>{' '}
      <button
        type="button"
        className="secondary"
        disabled={ack.busy}
        onClick={() => void ack.run()}
        aria-label={t('queue.acknowledgeLabel', { client: c.clientCode })}
      >
        {ack.busy ? t('queue.acknowledging') : t('queue.acknowledge')}
      </button>
      <ErrorBox error={ack.error} title={t('queue.notAcknowledged')} />
    </>
  );
}

export function SupervisorQueue() {
  const { t } = useTranslation('supervisor');
  useTitle(t('queue.title'));
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
      <h1>{t('queue.title')}</h1>
      <p className="muted">{t('queue.intro')}</p>
      {loading && <Loading />}
      <ErrorBox error={error} />
      {data && items.length === 0 && <Empty>{t('queue.empty')}</Empty>}
      {items.length > 0 && (
        <div className="table-wrap">
          <table className="stack" aria-label={t('queue.tableLabel')}>
            <thead>
              <tr>
                <th>{t('queue.col.risk')}</th>
                <th>{t('queue.col.client')}</th>
                <th>{t('queue.col.trainee')}</th>
                <th>{t('queue.col.focus')}</th>
                <th>{t('queue.col.sessions')}</th>
                <th>{t('queue.col.submitted')}</th>
                <th>
                  <span className="sr-only">{t('queue.col.action')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.id} data-risk={c.riskFlaggedAt ? 'yes' : 'no'}>
                  <td data-label={t('queue.col.risk')}>
                    <RiskCell c={c} onChange={reload} />
                  </td>
                  <td data-label={t('queue.col.client')}>{c.clientCode}</td>
                  <td data-label={t('queue.col.trainee')}>{c.traineeName}</td>
                  <td data-label={t('queue.col.focus')}>{t(`problemArea.${c.focusProblemArea}`)}</td>
                  <td data-label={t('queue.col.sessions')}>
                    {c.deliveredSessions}/{c.plannedSessions}
                  </td>
                  <td data-label={t('queue.col.submitted')}>{formatDateTime(c.submittedAt)}</td>
                  <td>
                    <Link className="button" to={`/cases/${c.id}`}>
                      {t('queue.review', { client: c.clientCode })}
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
