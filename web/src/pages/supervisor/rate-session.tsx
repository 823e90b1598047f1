import { type FocusEvent, useRef, useState } from 'react';
import { api, call, type Schemas } from '../../api/client';
import { useAuth } from '../../auth';
import { Link, useLocation, useTitle } from '../../router';
import { Badge, Empty, ErrorBox, Field, fmtDate, Loading, useAction, useLoad } from '../../ui';
import { defaultRubric, type RubricDef, RubricForm, schemeRubricCodes, scoreRubric } from './rubric-form';

export function RateSession({ sessionId }: { sessionId: string }) {
  useTitle('Rate a recorded session');
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
      <p className="small">{caseId && <Link to={`/cases/${caseId}`}>← Back to the case</Link>}</p>
      <h1>Rate a recorded session</h1>
      <ErrorBox error={theCase.error} />
      {theCase.data && (
        <p className="lead" data-testid="rated-session">
          Case <strong>{theCase.data.clientCode}</strong> of {theCase.data.traineeName}
          {session ? (
            <>
              {' '}
              — session <strong>{session.number}</strong> on <strong>{fmtDate(session.date)}</strong>
            </>
          ) : (
            ' — this session is no longer on the case'
          )}
        </p>
      )}
      {rubrics.loading && <Loading />}
      <ErrorBox error={rubrics.error ?? version.error} />
      {rubrics.data && published.length === 0 && <Empty>No published session rubric is available.</Empty>}
      {published.length > 0 && settled && (
        <Field
          label="Rubric"
          hint={
            chosen || !suggested.why
              ? undefined
              : suggested.why === 'scheme'
                ? "the one the trainee's scheme asks for"
                : suggested.why === 'body'
                  ? "your body's rubric"
                  : 'the most recently published'
          }
        >
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
                  {o.rubric.name} (v{o.n})
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {version.loading && <Loading label="Loading the rubric…" />}
      {!result && mine.data?.items.some((r) => r.status === 'submitted') ? (
        <div className="alert ok" role="status">
          You have rated this session already.{' '}
          <Link to={`/supervisor/ratings#rating-${mine.data.items.find((r) => r.status === 'submitted')!.id}`}>See your rating</Link>
          {caseId && (
            <>
              {' '}
              or <Link to={`/cases/${caseId}`}>go back to the case</Link>
            </>
          )}
          .
        </div>
      ) : result ? (
        <div className={`alert ${result.passed ? 'ok' : 'error'}`} role="status">
          Rating submitted: total <strong>{result.total}</strong>, mean {result.mean?.toFixed(2)} —{' '}
          <strong>{result.passed ? 'pass' : 'below the pass mark'}</strong>.{' '}
          {caseId && <Link to={`/cases/${caseId}`}>Back to the case</Link>}
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
              Scale {def.scale.min}–{def.scale.max}. Pass: {def.aggregation === 'sum' ? 'total' : 'item mean'} ≥ {def.passRule.threshold}
              {def.passRule.itemFloor !== undefined ? `, no item below ${def.passRule.itemFloor}` : ''}. Use the arrow keys within an item,
              Tab to move to the next.
            </p>
            <div className="card">
              <RubricForm def={def} scores={scores} setScores={setScores} />
              <Field label="Overall comment" hint="optional">
                {(p) => <textarea {...p} value={comment} onChange={(e) => setComment(e.target.value)} />}
              </Field>
            </div>
            <ErrorBox error={save.error} title="The rating was not saved" />
            <div className="total-bar" aria-live="polite" ref={bar}>
              <span>
                Total <strong data-testid="rating-total">{live.total}</strong>
              </span>
              <span>Mean {live.mean.toFixed(2)}</span>
              {live.missing.length > 0 ? (
                <Badge tone="neutral">{live.missing.length} items to score</Badge>
              ) : (
                <Badge tone={live.passed ? 'ok' : 'bad'}>{live.passed ? 'Pass' : 'Below pass'}</Badge>
              )}
              <button type="submit" disabled={save.busy || live.missing.length > 0}>
                {save.busy ? 'Submitting…' : 'Submit rating'}
              </button>
            </div>
          </form>
        )
      )}
    </>
  );
}
