import { api, call } from '../../api/client';
import { useAuth } from '../../auth';
import { useTranslation } from '../../i18n';
import { Link } from '../../router';
import { useLoad } from '../../ui';

// For the case's supervisor: "Rate recording" until they have rated the session, then "Rated — see rating".
export function RateLink({ caseId, sessionId, sessionNumber }: { caseId: string; sessionId: string; sessionNumber: number }) {
  const { t } = useTranslation('cases');
  const { me } = useAuth();
  const mine = useLoad(
    () =>
      call(api.GET('/api/v1/ratings', { params: { query: { targetType: 'session', targetId: sessionId, raterId: me!.id, limit: 10 } } })),
    [sessionId, me?.id],
  );
  if (mine.loading) return <span className="muted">…</span>;
  const rated = mine.data?.items.find((r) => r.status === 'submitted');
  return rated ? (
    <Link to={`/supervisor/ratings#rating-${rated.id}`} aria-label={t('rate.ratedLabel', { number: sessionNumber })}>
      {t('rate.rated')}
    </Link>
  ) : (
    <Link to={`/supervisor/rate/${sessionId}?case=${caseId}`} aria-label={t('rate.rateLabel', { number: sessionNumber })}>
      {t('rate.rate')}
    </Link>
  );
}
