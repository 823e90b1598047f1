import { api, call } from '../../api/client';
import { useAuth } from '../../auth';
import { formatNumber, useTranslation } from '../../i18n';
import { Link, useTitle } from '../../router';
import { Empty, ErrorBox, fmtDate, Loading, useLoad } from '../../ui';
import { label, shortId } from '../shared/labels';
import { MySupervisors } from '../supervision-requests';

export function TraineeSupervision() {
  const { t } = useTranslation('trainee');
  useTitle(t('supervision.title'));
  const { me } = useAuth();
  const {
    data: sup,
    error,
    loading,
  } = useLoad(() => call(api.GET('/api/v1/trainees/{traineeId}/supervision', { params: { path: { traineeId: me!.id } } })), [me?.id]);
  return (
    <>
      <h1>{t('supervision.title')}</h1>
      {loading && <Loading />}
      <ErrorBox error={error} />
      <MySupervisors />
      {sup && (
        <section className="card">
          <h2 style={{ marginTop: 0 }}>{t('supervision.received')}</h2>
          <p>
            {t('supervision.totals', {
              count: sup.totals.sessionCount,
              individual: formatNumber(sup.totals.individualMinutes),
              group: formatNumber(sup.totals.groupMinutes),
            })}{' '}
            <strong>{t('supervision.hours', { hours: formatNumber(sup.totals.totalMinutes / 60, 1) })}</strong>.
          </p>
          {sup.sessions.length === 0 ? (
            <Empty>{t('supervision.noSessions')}</Empty>
          ) : (
            <div className="table-wrap">
              <table className="stack">
                <thead>
                  <tr>
                    <th>{t('supervision.date')}</th>
                    <th>{t('supervision.format')}</th>
                    <th>{t('supervision.minutes')}</th>
                    <th>{t('supervision.credited')}</th>
                    <th>{t('supervision.cases')}</th>
                  </tr>
                </thead>
                <tbody>
                  {sup.sessions.map((s) => (
                    <tr key={s.sessionId}>
                      <td data-label={t('supervision.date')}>{fmtDate(s.date)}</td>
                      <td data-label={t('supervision.format')}>{label('supervisionFormat', s.format)}</td>
                      <td data-label={t('supervision.minutes')}>{s.minutes}</td>
                      <td data-label={t('supervision.credited')}>{s.creditedMinutes}</td>
                      <td data-label={t('supervision.cases')}>
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
