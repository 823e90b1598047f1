import { api, call } from '../../api/client';
import { useAuth } from '../../auth';
import { formatNumber, useTranslation } from '../../i18n';
import { useTitle } from '../../router';
import { Badge, Empty, ErrorBox, fmtDateTime, humanise, Loading, useLoad } from '../../ui';
import { label } from '../shared/labels';

export function TraineeRatings() {
  const { t } = useTranslation('trainee');
  const { t: tc } = useTranslation('corrections');
  useTitle(t('ratings.title'));
  const { me } = useAuth();
  const { data, error, loading } = useLoad(
    () => call(api.GET('/api/v1/ratings', { params: { query: { traineeId: me!.id, limit: 100 } } })),
    [me?.id],
  );
  // a corrected rating is replaced by its correction: the trainee sees the current one, with the reason it changed
  const superseded = new Set((data?.items ?? []).map((r) => r.supersedesId).filter(Boolean));
  const current = (data?.items ?? []).filter((r) => !superseded.has(r.id));
  return (
    <>
      <h1>{t('ratings.title')}</h1>
      {loading && <Loading />}
      <ErrorBox error={error} />
      {data && data.items.length === 0 && <Empty>{t('ratings.empty')}</Empty>}
      {current.map((r) => (
        <div className="card" key={r.id}>
          <div className="row">
            <strong>{t('ratings.heading', { target: label('rubricTarget', r.targetType), rater: label('raterRole', r.raterRole) })}</strong>
            {r.status === 'submitted' ? (
              <Badge tone={r.passed ? 'ok' : 'bad'}>{r.passed ? t('ratings.pass') : t('ratings.belowPass')}</Badge>
            ) : (
              <Badge tone="neutral">{label('ratingStatus', 'draft')}</Badge>
            )}
            <span>
              {t('ratings.total')} <strong>{r.total}</strong> ({t('ratings.mean', { mean: r.mean == null ? '—' : formatNumber(r.mean, 2) })}
              )
            </span>
            <span className="muted small">{fmtDateTime(r.submittedAt)}</span>
          </div>
          {r.supersedesId && r.correctionReason && <p className="small">{tc('correctionOf', { reason: r.correctionReason })}</p>}
          {r.overallComment && <p>“{r.overallComment}”</p>}
          <details>
            <summary>{t('fields:items')}</summary>
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
