import { api, call } from '../../api/client';
import { useAuth } from '../../auth';
import { useTranslation } from '../../i18n';
import { Link, useLocation, useTitle } from '../../router';
import { Badge, DataTable, Empty, ErrorBox, fmtDate, Loading, useLoad } from '../../ui';
import { label, reviewTone } from '../shared/labels';

export function TraineeCases() {
  const { t } = useTranslation('trainee');
  useTitle(t('cases.title'));
  const { me } = useAuth();
  const deleted = useLocation().query.get('deleted');
  const { data, error, loading } = useLoad(
    () => call(api.GET('/api/v1/cases', { params: { query: { traineeId: me!.id, limit: 100, sort: 'updatedAt' } } })),
    [me?.id],
  );
  return (
    <>
      <h1>{t('cases.title')}</h1>
      {deleted && (
        <div className="alert ok" role="status">
          {t('cases.deleted', { code: deleted })}
        </div>
      )}
      <p>
        <Link className="button" to="/trainee/cases/new">
          {t('logCase')}
        </Link>
      </p>
      {loading && <Loading />}
      <ErrorBox error={error} />
      {data && data.items.length === 0 && <Empty>{t('cases.empty')}</Empty>}
      {data && data.items.length > 0 && (
        <DataTable
          rows={data.items}
          columns={[
            {
              label: t('cases.client'),
              cell: (c) => (
                <>
                  <Link to={`/cases/${c.id}`}>{c.clientCode}</Link> {c.riskFlaggedAt && <span className="risk">{t('cases.risk')}</span>}
                </>
              ),
            },
            { label: t('cases.focus'), cell: (c) => label('problemArea', c.focusProblemArea) },
            { label: t('cases.started'), cell: (c) => fmtDate(c.startDate) },
            { label: t('cases.status'), cell: (c) => label('caseStatus', c.status) },
            {
              label: t('cases.review'),
              cell: (c) => (
                <>
                  <Badge tone={reviewTone(c.reviewState)}>{label('reviewState', c.reviewState)}</Badge>
                  {c.reviewState === 'returned' && <span className="small"> — {t('cases.commentsWaiting')}</span>}
                </>
              ),
            },
          ]}
        />
      )}
    </>
  );
}
