import { useState } from 'react';
import { api, call, type Schemas } from '../api/client';
import { useAdminBody } from '../pages/shared/admin-body';
import { useTranslation } from '../i18n';
import type { InstrumentInfo } from '../measures';
import { Empty, ErrorBox, Field, Loading, useLoad } from '../ui';
import { CalibrationResultsChart } from './calibration-chart';
import { MeasureTrajectories } from './measure-trajectory';
import { PipelineCharts } from './pipeline-chart';

// The charts placed on the app's screens, each loading what it draws.

/** A case's outcome measures as trajectories, drawn from the list the measures section has loaded. */
export function CaseMeasureCharts({ measures, instruments }: { measures: Schemas['CaseMeasuresDto']; instruments: InstrumentInfo[] }) {
  if (measures.items.length === 0) return null;
  return <MeasureTrajectories measures={measures.items} change={measures.change} instruments={instruments} />;
}

/** The admin's bodies with a picker when there are several (see pages/shared/admin-body). */
function useChartsBody() {
  const { t } = useTranslation('admin-charts');
  return useAdminBody(t('body'));
}

/** The body admin's home: people per level, applications by state, renewals due. */
export function BodyPipelineSection() {
  const { t } = useTranslation('charts');
  const { body, picker, loading, error } = useChartsBody();
  const p = useLoad(
    () => (body ? call(api.GET('/api/v1/bodies/{bodyId}/pipeline', { params: { path: { bodyId: body } } })) : Promise.resolve(undefined)),
    [body],
  );
  return (
    <section className="card" aria-labelledby="pipeline-h">
      <h2 id="pipeline-h" style={{ marginTop: 0 }}>
        {t('pipelineHeading')}
      </h2>
      {picker}
      {(loading || p.loading) && <Loading />}
      <ErrorBox error={error ?? p.error} />
      {p.data && <PipelineCharts p={p.data} />}
    </section>
  );
}

/** Calibration exercises of the body, each rater's results as a picture. */
export function CalibrationResultsSection() {
  const { t } = useTranslation('charts');
  const { body, picker } = useChartsBody();
  const exercises = useLoad(
    () =>
      body
        ? call(api.GET('/api/v1/calibration/exercises', { params: { query: { bodyId: body, limit: 100 } } }))
        : Promise.resolve(undefined),
    [body],
  );
  const [chosen, setChosen] = useState('');
  const list = exercises.data?.items ?? [];
  const exerciseId = chosen && list.some((e) => e.id === chosen) ? chosen : (list[0]?.id ?? '');
  const results = useLoad(
    () =>
      exerciseId
        ? call(api.GET('/api/v1/calibration/exercises/{id}/results', { params: { path: { id: exerciseId } } }))
        : Promise.resolve(undefined),
    [exerciseId],
  );
  return (
    <section className="card" aria-labelledby="calibration-results-h">
      <h2 id="calibration-results-h" style={{ marginTop: 0 }}>
        {t('calibrationHeading')}
      </h2>
      {picker}
      <ErrorBox error={exercises.error ?? results.error} />
      {exercises.data && list.length === 0 && <Empty>{t('noExercises')}</Empty>}
      {list.length > 1 && (
        <Field label={t('chooseExercise')}>
          {(p) => (
            <select {...p} value={exerciseId} onChange={(e) => setChosen(e.target.value)}>
              {list.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.title}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {(exercises.loading || results.loading) && <Loading />}
      {results.data && <CalibrationResultsChart results={results.data} />}
    </section>
  );
}
