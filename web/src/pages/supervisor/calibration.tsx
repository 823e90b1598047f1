import { useState } from 'react';
import { api, call, type Schemas } from '../../api/client';
import { useAuth } from '../../auth';
import { useTitle } from '../../router';
import { formatDate, formatDateTime, formatNumber, useTranslation } from '../../i18n';
import { Badge, Empty, ErrorBox, Loading, useAction, useLoad } from '../../ui';
import { MyCalibrationChart } from '../../charts';
import { type RubricDef, RubricForm } from './rubric-form';

// agreement figures to two decimals, in the reader's language
const fixed2 = (x: number | null | undefined) => (x === null || x === undefined ? '—' : formatNumber(x, 2));

export function Calibration() {
  const { t } = useTranslation('supervisor');
  useTitle(t('calibration.title'));
  const { me, bodiesFor } = useAuth();
  const bodyId = bodiesFor('SUPERVISOR')[0];
  const { data, error, loading, reload } = useLoad(
    () =>
      Promise.all([
        call(api.GET('/api/v1/calibration/exercises', { params: { query: { limit: 100 } } })),
        bodyId
          ? call(api.GET('/api/v1/calibration/raters/{raterId}', { params: { path: { raterId: me!.id }, query: { bodyId } } }))
          : Promise.resolve(undefined),
      ]),
    [me?.id, bodyId],
  );
  const [open, setOpen] = useState<string>();
  const [exercises, figures] = data ?? [];
  return (
    <>
      <h1>{t('calibration.title')}</h1>
      {loading && <Loading />}
      <ErrorBox error={error} />
      {figures && (
        <section className="card">
          <h2 style={{ marginTop: 0 }}>{t('calibration.myAgreement')}</h2>
          <p>
            {t('calibration.status')}{' '}
            <Badge tone={figures.status === 'calibrated' ? 'ok' : 'warn'}>{t(`calibration.statuses.${figures.status}`)}</Badge>
            {figures.validUntil && ` ${t('calibration.until', { date: formatDate(figures.validUntil) })}`}
            {figures.reason && ` (${t(`calibration.reasons.${figures.reason}`)})`}
          </p>
          <p className="small muted">{figures.rule}</p>
          <MyCalibrationChart attempts={figures.attempts} tolerance={figures.attempts[0]?.tolerance.maxMeanAbsDiff ?? null} />
          {figures.attempts.length > 0 && (
            <div className="table-wrap">
              <table className="stack">
                <thead>
                  <tr>
                    <th>{t('calibration.col.submitted')}</th>
                    <th>{t('calibration.col.mad')}</th>
                    <th>{t('calibration.col.bias')}</th>
                    <th>{t('calibration.col.icc')}</th>
                    <th>{t('calibration.col.kappa')}</th>
                    <th>{t('calibration.col.withinTolerance')}</th>
                  </tr>
                </thead>
                <tbody>
                  {figures.attempts.map((a) => (
                    <tr key={a.id}>
                      <td data-label={t('calibration.col.submitted')}>{formatDateTime(a.submittedAt)}</td>
                      <td data-label={t('calibration.col.mad')}>{fixed2(a.figures.meanAbsDiff)}</td>
                      <td data-label={t('calibration.col.bias')}>{fixed2(a.figures.bias)}</td>
                      <td data-label={t('calibration.col.icc')}>{fixed2(a.figures.icc)}</td>
                      <td data-label={t('calibration.col.kappa')}>{fixed2(a.figures.weightedKappa)}</td>
                      <td data-label={t('calibration.col.withinTolerance')}>
                        {a.figures.withinTolerance ? (
                          <Badge tone="ok">{t('calibration.yes')}</Badge>
                        ) : (
                          <Badge tone="bad">{t('calibration.no')}</Badge>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
      <h2>{t('calibration.exercises')}</h2>
      {exercises && exercises.items.length === 0 && <Empty>{t('calibration.noExercises')}</Empty>}
      {exercises?.items.map((x) => (
        <div className="card" key={x.id}>
          <div className="row">
            <strong>{x.title}</strong>{' '}
            <Badge tone={x.status === 'open' ? 'ok' : 'neutral'}>{t(`calibration.exerciseStatus.${x.status}`)}</Badge>
            {x.myAttempt && (
              <Badge tone={x.myAttempt.figures.withinTolerance ? 'ok' : 'bad'}>
                {t(x.myAttempt.figures.withinTolerance ? 'calibration.attemptedWithin' : 'calibration.attemptedOutside')}
              </Badge>
            )}
          </div>
          <p>{x.description}</p>
          {!x.myAttempt && x.status === 'open' && (
            <button
              type="button"
              className="secondary"
              onClick={() => setOpen(open === x.id ? undefined : x.id)}
              aria-expanded={open === x.id}
            >
              {open === x.id ? t('calibration.close') : t('calibration.rateRecording')}
            </button>
          )}
          {open === x.id && (
            <CalibrationAttempt
              exercise={x}
              onDone={() => {
                setOpen(undefined);
                reload();
              }}
            />
          )}
        </div>
      ))}
    </>
  );
}

function CalibrationAttempt({ exercise, onDone }: { exercise: Schemas['CalibrationExerciseDto']; onDone: () => void }) {
  const { t } = useTranslation('supervisor');
  const version = useLoad(
    () => call(api.GET('/api/v1/rubric-versions/{id}', { params: { path: { id: exercise.rubricVersionId } } })),
    [exercise.rubricVersionId],
  );
  const [scores, setScores] = useState<Record<string, number>>({});
  const submit = useAction(async () => {
    await call(
      api.POST('/api/v1/calibration/exercises/{id}/attempts', { params: { path: { id: exercise.id } }, body: { scores: scores as never } }),
    );
    onDone();
  });
  if (version.loading) return <Loading />;
  if (version.error) return <ErrorBox error={version.error} />;
  const def = version.data!.definition as RubricDef;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit.run();
      }}
    >
      <RubricForm def={def} scores={scores} setScores={setScores} />
      <ErrorBox error={submit.error} />
      <button type="submit" disabled={submit.busy}>
        {submit.busy ? t('calibration.submitting') : t('calibration.submitAttempt')}
      </button>
    </form>
  );
}
