import { api, call } from '../../api/client';
import { useAuth } from '../../auth';
import { Link } from '../../router';
import { useLoad } from '../../ui';

// For the case's supervisor: "Rate recording" until they have rated the session, then "Rated — see rating".
export function RateLink({ caseId, sessionId, sessionNumber }: { caseId: string; sessionId: string; sessionNumber: number }) {
  const { me } = useAuth();
  const mine = useLoad(
    () =>
      call(api.GET('/api/v1/ratings', { params: { query: { targetType: 'session', targetId: sessionId, raterId: me!.id, limit: 10 } } })),
    [sessionId, me?.id],
  );
  if (mine.loading) return <span className="muted">…</span>;
  const rated = mine.data?.items.find((r) => r.status === 'submitted');
  return rated ? (
    <Link to={`/supervisor/ratings#rating-${rated.id}`} aria-label={`Rated — see rating (session ${sessionNumber})`}>
      Rated — see rating
    </Link>
  ) : (
    <Link to={`/supervisor/rate/${sessionId}?case=${caseId}`} aria-label={`Rate recording of session ${sessionNumber}`}>
      Rate recording
    </Link>
  );
}
