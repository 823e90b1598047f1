import { type FocusEvent, useRef, useState } from 'react';
import { api, call, type Schemas } from '../../api/client';
import { Trans } from 'react-i18next';
import { useAuth } from '../../auth';
import { Link, useLocation, useTitle } from '../../router';
import { formatDate, formatNumber, useTranslation } from '../../i18n';
import { Badge, Empty, ErrorBox, Field, Loading, useAction, useLoad } from '../../ui';
import { defaultRubric, type RubricDef, RubricForm, schemeRubricCodes, scoreRubric } from './rubric-form';

export function RateSession({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation('supervisor');
  useTitle(t('rate.title'));
  const { query } = useLocation();
  const caseId = query.get('case');
  const { me } = useAuth();
  // a session the supervisor has already rated is not rated twice: say so and link to the rating
  const mine = useLoad(
    () =>
      call(api.GET('/api/v1/ratings', { params: { query: { targetType: 'session', targetId: sessionId, raterId: me!.id, limit: 10 } } })),
    [sessionId, me?.id],
  );
  const rubrics = useLoad(() => call(api.GET('/api/v1/rubrics', { params: { query: { target: 'session', limit: 100 } } })), []);
  // the session being rated, named as the supervisor knows it: case client code, session number and date
  const theCase = useLoad(
    () => (caseId ? call(api.GET('/api/v1/cases/{id}', { params: { path: { id: caseId } } })) : Promise.resolve(undefined)),
    [caseId],
  );
  const session = theCase.data?.sessions.find((s) => s.id === sessionId);
  // the rubric the trainee's scheme names, if any (a trainee may be enrolled in several schemes)
  const traineeId = theCase.data?.traineeId;
  const schemeCodes = useLoad(async () => {
    if (!traineeId) return [];
    const enrolments = await call(api.GET('/api/v1/trainees/{traineeId}/enrolments', { params: { path: { traineeId } } })).catch(() => []);
    const versions = await Promise.all(
      enrolments.map((e) =>
        call(api.GET('/api/v1/scheme-versions/{id}', { params: { path: { id: e.schemeVersionId } } })).catch(() => undefined),
      ),
    );
    return versions.flatMap((v) => schemeRubricCodes(v?.definition));
  }, [traineeId]);
  const published = (rubrics.data?.items ?? []).flatMap((r) =>
    r.versions
      .filter((v) => v.status === 'published')
      .map((v) => ({
        rubric: r,
        versionId: v.id,
        n: v.versionNumber,
        code: r.code,
        ownerBodyId: r.ownerBodyId,
        publishedAt: v.publishedAt,
      })),
  );
  const settled = !caseId || (!theCase.loading && !schemeCodes.loading);
  const suggested = settled ? defaultRubric(published, schemeCodes.data ?? [], theCase.data?.bodyId) : {};
  const [chosen, setChosen] = useState('');
  const versionId = chosen || suggested.choice?.versionId || '';
  // the sticky total bar never hides the item that has focus (WCAG 2.2, 2.4.11 focus not obscured)
  const bar = useRef<HTMLDivElement>(null);
  const keepFocusVisible = (e: FocusEvent<HTMLFormElement>) => {
    const focused = e.target as HTMLElement;
    const top = bar.current?.getBoundingClientRect().top;
    if (top === undefined || bar.current?.contains(focused)) return;
    if (focused.getBoundingClientRect().bottom > top) {
      focused.scrollIntoView({ block: 'center' });
    }
  };
  const version = useLoad(
    () => (versionId ? call(api.GET('/api/v1/rubric-versions/{id}', { params: { path: { id: versionId } } })) : Promise.resolve(undefined)),
    [versionId],
  );
  const [scores, setScores] = useState<Record<string, number>>({});
  const [comment, setComment] = useState('');
  const [result, setResult] = useState<Schemas['RatingDto']>();
  const def = version.data?.definition as RubricDef | undefined;
  const live = def ? scoreRubric(def, scores) : undefined;
  const save = useAction(async () => {
    const draft = await call(
      api.POST('/api/v1/ratings', {
        body: {
          rubricVersionId: versionId,
          targetType: 'session',
          targetId: sessionId,
          scores: scores as never,
          ...(comment.trim() ? { overallComment: comment.trim() } : {}),
        },
      }),
    );
    setResult(await call(api.POST('/api/v1/ratings/{id}/submit', { params: { path: { id: draft.id } } })));
  });
  return (
    <>
      <p className="small">{caseId && <Link to={`/cases/${caseId}`}>{t('rate.backToCase')}</Link>}</p>
      <h1>{t('rate.title')}</h1>
      <ErrorBox error={theCase.error} />
      {theCase.data && (
        <p className="lead" data-testid="rated-session">
          <Trans
            t={t}
            i18nKey={session ? 'rate.whichSession' : 'rate.sessionGone'}
            values={{
              client: theCase.data.clientCode,
              trainee: theCase.data.traineeName,
              number: session?.number,
              date: formatDate(session?.date),
            }}
            components={{ b: <strong /> }}
          />
        </p>
      )}
      {rubrics.loading && <Loading />}
      <ErrorBox error={rubrics.error ?? version.error} />
      {rubrics.data && published.length === 0 && <Empty>{t('rate.noRubric')}</Empty>}
      {published.length > 0 && settled && (
        <Field label={t('rate.rubric')} hint={chosen || !suggested.why ? undefined : t(`rate.why.${suggested.why}`)}>
          {(p) => (
            <select
              {...p}
              value={versionId}
              onChange={(e) => {
                setChosen(e.target.value);
                setScores({});
              }}
            >
              {published.map((o) => (
                <option key={o.versionId} value={o.versionId}>
                  {t('rate.rubricOption', { name: o.rubric.name, n: o.n })}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {version.loading && <Loading label={t('rate.loadingRubric')} />}
      {!result && mine.data?.items.some((r) => r.status === 'submitted') ? (
        <div className="alert ok" role="status">
          {t('rate.alreadyRated')}{' '}
          <Link to={`/supervisor/ratings#rating-${mine.data.items.find((r) => r.status === 'submitted')!.id}`}>{t('rate.seeRating')}</Link>
          {caseId && (
            <>
              {' '}
              {t('rate.or')} <Link to={`/cases/${caseId}`}>{t('rate.goBackToCase')}</Link>
            </>
          )}
          .
        </div>
      ) : result ? (
        <div className={`alert ${result.passed ? 'ok' : 'error'}`} role="status">
          <Trans
            t={t}
            i18nKey="rate.submitted"
            values={{
              total: formatNumber(result.total),
              mean: result.mean === null || result.mean === undefined ? '—' : formatNumber(result.mean),
              result: result.passed ? t('result.pass') : t('result.belowPassMark'),
            }}
            components={{ b: <strong /> }}
          />{' '}
          {caseId && <Link to={`/cases/${caseId}`}>{t('rate.backToCaseShort')}</Link>}
        </div>
      ) : (
        def &&
        live && (
          <form
            onFocus={keepFocusVisible}
            onSubmit={(e) => {
              e.preventDefault();
              void save.run();
            }}
          >
            <p className="small muted">
              {t('rate.scale', { min: def.scale.min, max: def.scale.max })}{' '}
              {t(def.aggregation === 'sum' ? 'rate.passTotal' : 'rate.passMean', { threshold: formatNumber(def.passRule.threshold) })}
              {def.passRule.itemFloor !== undefined ? t('rate.itemFloor', { floor: def.passRule.itemFloor }) : ''}. {t('rate.keys')}
            </p>
            <div className="card">
              <RubricForm def={def} scores={scores} setScores={setScores} />
              <Field label={t('rate.comment')} hint={t('rate.optional')}>
                {(p) => <textarea {...p} value={comment} onChange={(e) => setComment(e.target.value)} />}
              </Field>
            </div>
            <ErrorBox error={save.error} title={t('rate.notSaved')} />
            <div className="total-bar" aria-live="polite" ref={bar}>
              <span>
                {t('rate.total')} <strong data-testid="rating-total">{formatNumber(live.total)}</strong>
              </span>
              <span>{t('rate.mean', { mean: formatNumber(live.mean) })}</span>
              {live.missing.length > 0 ? (
                <Badge tone="neutral">{t('rate.toScore', { count: live.missing.length })}</Badge>
              ) : (
                <Badge tone={live.passed ? 'ok' : 'bad'}>{live.passed ? t('rate.pass') : t('rate.belowPass')}</Badge>
              )}
              <button type="submit" disabled={save.busy || live.missing.length > 0}>
                {save.busy ? t('rate.submitting') : t('rate.submit')}
              </button>
            </div>
          </form>
        )
      )}
    </>
  );
}
