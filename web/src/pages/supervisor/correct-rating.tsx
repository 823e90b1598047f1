import { useEffect, useState } from 'react';
import { api, call } from '../../api/client';
import { Link, navigate, useTitle } from '../../router';
import { formatDateTime, formatNumber, useTranslation } from '../../i18n';
import { Badge, ErrorBox, Field, fieldErrors, formProblems, Loading, useAction, useLoad } from '../../ui';
import { type RubricDef, RubricForm, scoreRubric } from './rubric-form';

// Correcting a submitted rating: the rubric form opens with the rating's scores, a reason is required, and the
// service keeps the old rating (marked as corrected) beside the new one, which becomes the current rating.
export function CorrectRating({ id }: { id: string }) {
  const { t } = useTranslation('corrections');
  useTitle(t('title'));
  const rating = useLoad(() => call(api.GET('/api/v1/ratings/{id}', { params: { path: { id } } })), [id]);
  const versionId = rating.data?.rubricVersionId;
  const version = useLoad(
    () => (versionId ? call(api.GET('/api/v1/rubric-versions/{id}', { params: { path: { id: versionId } } })) : Promise.resolve(undefined)),
    [versionId],
  );
  const [scores, setScores] = useState<Record<string, number>>({});
  const [comment, setComment] = useState('');
  const [reason, setReason] = useState('');
  useEffect(() => {
    if (rating.data) {
      setScores({ ...(rating.data.scores as Record<string, number>) });
      setComment(rating.data.overallComment ?? '');
    }
  }, [rating.data]);
  const def = version.data?.definition as RubricDef | undefined;
  const live = def ? scoreRubric(def, scores) : undefined;
  const save = useAction(async () => {
    if (reason.trim().length < 3) throw formProblems({ reason: [t('reasonNeeded')] });
    const fresh = await call(
      api.POST('/api/v1/ratings/{id}/correct', {
        params: { path: { id } },
        body: {
          reason: reason.trim(),
          scores: scores as never,
          ...(comment.trim() ? { overallComment: comment.trim() } : {}),
        },
      }),
    );
    navigate(`/supervisor/ratings#rating-${fresh.id}`);
  });
  return (
    <>
      <p className="small">
        <Link to={`/supervisor/ratings#rating-${id}`}>{t('back')}</Link>
      </p>
      <h1>{t('title')}</h1>
      {(rating.loading || version.loading) && <Loading />}
      <ErrorBox error={rating.error ?? version.error} />
      {rating.data && (
        <p className="lead">
          {t('was', {
            total: formatNumber(rating.data.total),
            result: rating.data.passed ? t('pass') : t('belowPass'),
            date: formatDateTime(rating.data.submittedAt),
          })}
        </p>
      )}
      {rating.data && rating.data.status !== 'submitted' && <p>{t('notSubmitted')}</p>}
      {rating.data?.status === 'submitted' && def && live && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void save.run();
          }}
        >
          <div className="card">
            <RubricForm def={def} scores={scores} setScores={setScores} />
            <Field label={t('comment')} hint={t('optional')}>
              {(p) => <textarea {...p} value={comment} onChange={(e) => setComment(e.target.value)} />}
            </Field>
            <Field label={t('reason')} hint={t('reasonHint')} errors={fieldErrors(save.error, 'reason')}>
              {(p) => <textarea {...p} required value={reason} onChange={(e) => setReason(e.target.value)} />}
            </Field>
          </div>
          <ErrorBox error={save.error} title={t('notSaved')} />
          <p aria-live="polite">
            {t('newTotal')} <strong data-testid="correction-total">{formatNumber(live.total)}</strong>{' '}
            {live.missing.length > 0 ? (
              <Badge tone="neutral">{t('toScore', { count: live.missing.length })}</Badge>
            ) : (
              <Badge tone={live.passed ? 'ok' : 'bad'}>{live.passed ? t('pass') : t('belowPass')}</Badge>
            )}
          </p>
          <button type="submit" disabled={save.busy || live.missing.length > 0}>
            {save.busy ? t('saving') : t('submit')}
          </button>
        </form>
      )}
    </>
  );
}
