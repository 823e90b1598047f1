import { type FormEvent, useState } from 'react';
import { api, call } from '../../api/client';
import { useAuth } from '../../auth';
import { useTranslation } from '../../i18n';
import { useLocation, useTitle } from '../../router';
import { Badge, Empty, ErrorBox, Field, fmtDate, Loading, useAction, useLoad } from '../../ui';
import { appTone, label, levelSummary } from '../shared/labels';

export function TraineeApplications() {
  const { t } = useTranslation('trainee');
  useTitle(t('applications.title'));
  const { me } = useAuth();
  const { data, error, loading, reload } = useLoad(async () => {
    const [apps, enrolments, schemes] = await Promise.all([
      call(api.GET('/api/v1/applications', { params: { query: { limit: 100 } } })),
      call(api.GET('/api/v1/trainees/{traineeId}/enrolments', { params: { path: { traineeId: me!.id } } })),
      call(api.GET('/api/v1/schemes')),
    ]);
    const progress = await Promise.all(
      enrolments.map((e) =>
        call(
          api.GET('/api/v1/trainees/{traineeId}/schemes/{schemeId}/progress', {
            params: { path: { traineeId: me!.id, schemeId: e.schemeId } },
          }),
        ),
      ),
    );
    return { apps, options: progress.map((p) => ({ scheme: schemes.find((s) => s.id === p.schemeId), progress: p })) };
  }, [me?.id]);
  const [choice, setChoice] = useState(useLocation().query.get('level') ?? '');
  const [note, setNote] = useState('');
  const [done, setDone] = useState('');
  const apply = useAction(async () => {
    setDone('');
    const [schemeId, levelCode] = choice.split('|');
    const created = await call(
      api.POST('/api/v1/applications', { body: { schemeId, levelCode, ...(note.trim() ? { note: note.trim() } : {}) } }),
    );
    setDone(
      t('applications.submitted', { level: created.evaluation.levelName ?? created.levelCode, summary: levelSummary(created.evaluation) }),
    );
    setNote('');
    reload();
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void apply.run();
  };
  return (
    <>
      <h1>{t('applications.title')}</h1>
      {loading && <Loading />}
      <ErrorBox error={error} />
      {data && (
        <form className="card" onSubmit={submit}>
          <h2 style={{ marginTop: 0 }}>{t('applications.apply')}</h2>
          <p className="small muted">{t('applications.applyIntro')}</p>
          <ErrorBox error={apply.error} title={t('applications.notAccepted')} />
          {done && (
            <div className="alert ok" role="status">
              {done}
            </div>
          )}
          <div className="row">
            <Field label={t('applications.level')}>
              {(p) => (
                <select {...p} required value={choice} onChange={(e) => setChoice(e.target.value)}>
                  <option value="">{t('applications.chooseLevel')}</option>
                  {data.options.map(({ scheme, progress }) =>
                    progress.levels.map((l) => (
                      <option key={`${progress.schemeId}|${l.levelCode}`} value={`${progress.schemeId}|${l.levelCode}`}>
                        {scheme?.name}: {l.levelName} ({l.met ? t('applications.allMet') : levelSummary(l)})
                      </option>
                    )),
                  )}
                </select>
              )}
            </Field>
          </div>
          <Field label={t('applications.note')} hint={t('common:optional')}>
            {(p) => <textarea {...p} value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />}
          </Field>
          <button type="submit" disabled={apply.busy || !choice}>
            {apply.busy ? t('applications.submitting') : t('applications.submit')}
          </button>
        </form>
      )}
      {data && data.apps.items.length === 0 && <Empty>{t('applications.empty')}</Empty>}
      {data && data.apps.items.length > 0 && (
        <div className="table-wrap">
          <table className="stack">
            <thead>
              <tr>
                <th>{t('applications.level')}</th>
                <th>{t('applications.submittedOn')}</th>
                <th>{t('applications.evaluation')}</th>
                <th>{t('applications.status')}</th>
                <th>{t('applications.decision')}</th>
              </tr>
            </thead>
            <tbody>
              {data.apps.items.map((a) => (
                <tr key={a.id}>
                  <td data-label={t('applications.level')}>{a.evaluation.levelName ?? a.levelCode}</td>
                  <td data-label={t('applications.submittedOn')}>{fmtDate(a.createdAt)}</td>
                  <td data-label={t('applications.evaluation')}>{levelSummary(a.evaluation)}</td>
                  <td data-label={t('applications.status')}>
                    <Badge tone={appTone(a.status)}>{label('applicationStatus', a.status)}</Badge>
                  </td>
                  <td data-label={t('applications.decision')}>{a.decisionReason ?? a.infoRequest ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
