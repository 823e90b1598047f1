import { useEffect } from 'react';
import { api, call } from '../../api/client';
import { useAuth } from '../../auth';
import { Link, useTitle } from '../../router';
import { formatDate, formatDateTime, formatNumber, useTranslation } from '../../i18n';
import { Badge, Empty, ErrorBox, Loading, useLoad } from '../../ui';

// What the supervisor rated: each rating named by trainee, case and session, newest first.
export function MyRatings() {
  const { t } = useTranslation('supervisor');
  const { t: tc } = useTranslation('corrections');
  useTitle(t('myRatings.title'));
  const { me } = useAuth();
  const { data, error, loading } = useLoad(
    () => call(api.GET('/api/v1/ratings', { params: { query: { raterId: me!.id, limit: 100 } } })),
    [me?.id],
  );
  const items = [...(data?.items ?? [])].reverse();
  // a corrected rating stays listed, marked with the correction that replaced it (the newer rating is the current one)
  const correctionOf = new Map(items.filter((r) => r.supersedesId).map((r) => [r.supersedesId!, r]));
  const whatOf = (r: (typeof items)[number]) =>
    r.targetType === 'session'
      ? t('myRatings.sessionOfCase', {
          number: r.target.sessionNumber,
          date: formatDate(r.target.sessionDate),
          client: r.target.clientCode,
        })
      : t('myRatings.case', { client: r.target.clientCode });
  // a link to one rating (from "Rated — see rating") scrolls to it
  useEffect(() => {
    if (data && window.location.hash) document.getElementById(window.location.hash.slice(1))?.scrollIntoView();
  }, [data]);
  return (
    <>
      <h1>{t('myRatings.title')}</h1>
      {loading && <Loading />}
      <ErrorBox error={error} />
      {data && items.length === 0 && <Empty>{t('myRatings.empty')}</Empty>}
      {items.length > 0 && (
        <div className="table-wrap">
          <table className="stack" aria-label={t('myRatings.tableLabel')}>
            <thead>
              <tr>
                <th>{t('myRatings.col.trainee')}</th>
                <th>{t('myRatings.col.what')}</th>
                <th>{t('myRatings.col.total')}</th>
                <th>{t('myRatings.col.result')}</th>
                <th>{t('myRatings.col.submitted')}</th>
                <th>{tc('col')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr key={r.id} id={`rating-${r.id}`} tabIndex={-1}>
                  <td data-label={t('myRatings.col.trainee')}>{r.traineeName}</td>
                  <td data-label={t('myRatings.col.what')}>
                    {r.target.caseId ? <Link to={`/cases/${r.target.caseId}`}>{whatOf(r)}</Link> : t(`targetType.${r.targetType}`)}
                  </td>
                  <td data-label={t('myRatings.col.total')}>
                    {formatNumber(r.total)}
                    {r.mean !== null ? <span className="small muted"> ({t('myRatings.mean', { mean: formatNumber(r.mean) })})</span> : null}
                  </td>
                  <td data-label={t('myRatings.col.result')}>
                    {r.status === 'draft' ? (
                      <Badge tone="neutral">{t('myRatings.draft')}</Badge>
                    ) : (
                      <Badge tone={r.passed ? 'ok' : 'bad'}>{r.passed ? t('result.pass') : t('result.belowPassMark')}</Badge>
                    )}
                    {r.supersedesId ? <span className="small muted"> {t('myRatings.correction')}</span> : null}
                    {r.supersedesId && r.correctionReason ? (
                      <div className="small">{tc('correctionOf', { reason: r.correctionReason })}</div>
                    ) : null}
                    {correctionOf.has(r.id) ? (
                      <div className="small" data-testid="corrected-note">
                        {tc('correctedBy', {
                          date: formatDateTime(correctionOf.get(r.id)!.submittedAt),
                          name: me!.displayName,
                          reason: correctionOf.get(r.id)!.correctionReason,
                        })}
                      </div>
                    ) : null}
                  </td>
                  <td data-label={t('myRatings.col.submitted')}>{formatDateTime(r.submittedAt) || '—'}</td>
                  <td data-label={tc('col')}>
                    {r.status === 'submitted' && !correctionOf.has(r.id) ? (
                      <Link to={`/supervisor/ratings/${r.id}/correct`} aria-label={tc('actionLabel', { what: whatOf(r) })}>
                        {tc('action')}
                      </Link>
                    ) : (
                      '—'
                    )}
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
