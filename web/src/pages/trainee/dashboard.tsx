import { api, call } from '../../api/client';
import { useAuth } from '../../auth';
import { useTranslation } from '../../i18n';
import { Link, useTitle } from '../../router';
import { Badge, Empty, ErrorBox, Loading, useLoad } from '../../ui';
import { levelSummary } from '../shared/labels';
import { RulesList } from '../shared/rules-list';
import { EnrolOffer } from './enrol';
import { RecognitionRoutes } from './recognition-routes';
import { RecordDownload } from './record-download';

export function TraineeDashboard() {
  const { t } = useTranslation('trainee');
  useTitle(t('dashboard.title'));
  const { me } = useAuth();
  const { data, error, loading, reload } = useLoad(async () => {
    const [enrolments, schemes, accreditations, applications] = await Promise.all([
      call(api.GET('/api/v1/trainees/{traineeId}/enrolments', { params: { path: { traineeId: me!.id } } })),
      call(api.GET('/api/v1/schemes')),
      call(api.GET('/api/v1/accreditations', { params: { query: { limit: 100 } } })),
      call(api.GET('/api/v1/applications', { params: { query: { limit: 100 } } })),
    ]);
    // a level is awarded while an accreditation for it stands (active or suspended); an open application waits
    const awarded = new Set(
      accreditations.items
        .filter((a) => a.holderId === me!.id && (a.status === 'active' || a.status === 'suspended'))
        .map((a) => a.levelCode),
    );
    const pending = new Set(
      applications.items
        .filter((a) => a.applicantId === me!.id && (a.status === 'submitted' || a.status === 'more_info_requested'))
        .map((a) => a.levelCode),
    );
    const progress = await Promise.all(
      enrolments.map((e) =>
        call(
          api.GET('/api/v1/trainees/{traineeId}/schemes/{schemeId}/progress', {
            params: { path: { traineeId: me!.id, schemeId: e.schemeId } },
          }),
        ),
      ),
    );
    return enrolments.map((e, i) => ({
      enrolment: e,
      scheme: schemes.find((s) => s.id === e.schemeId),
      progress: progress[i],
      awarded,
      pending,
    }));
  }, [me?.id]);
  return (
    <>
      <h1>{t('dashboard.title')}</h1>
      <p className="row">
        <Link className="button" to="/trainee/cases/new">
          {t('logCase')}
        </Link>
        <Link className="button secondary" to="/trainee/cases">
          {t('cases.title')}
        </Link>
        <Link className="button secondary" to="/trainee/applications">
          {t('applications.apply')}
        </Link>
      </p>
      {loading && <Loading label={t('dashboard.evaluating')} />}
      <ErrorBox error={error} />
      {data && <EnrolOffer enrolledSchemeIds={data.map((d) => d.enrolment.schemeId)} onEnrolled={reload} />}
      {data && data.length === 0 && <Empty>{t('dashboard.notEnrolled')}</Empty>}
      {data?.map(({ scheme, progress, awarded, pending }) => {
        const current = progress.levels.find((l) => !l.met) ?? progress.levels[progress.levels.length - 1];
        return (
          <section key={progress.schemeId} className="card" aria-labelledby={`scheme-${progress.schemeId}`}>
            <h2 id={`scheme-${progress.schemeId}`} style={{ marginTop: 0 }}>
              {scheme?.name ?? t('dashboard.scheme')}{' '}
              <span className="small muted">{t('dashboard.version', { number: progress.versionNumber })}</span>
            </h2>
            <p className="row" aria-label={t('dashboard.levels')}>
              {progress.levels.map((l) => (
                <Badge key={l.levelCode} tone={l.met ? 'ok' : l === current ? 'warn' : 'neutral'}>
                  {l.levelName}: {l.met ? t('dashboard.requirementsMet') : `${l.metCount}/${l.ruleCount}`}
                </Badge>
              ))}
            </p>
            {progress.levels
              .filter((l) => l.met && !awarded.has(l.levelCode))
              .map((l) => (
                <p key={l.levelCode} className="alert ok">
                  {pending.has(l.levelCode) ? (
                    <>
                      {t('dashboard.metPending', { level: l.levelName })}{' '}
                      <Link to="/trainee/applications">{t('dashboard.seeApplications')}</Link>
                    </>
                  ) : (
                    <>
                      {t('dashboard.met', { level: l.levelName })}{' '}
                      <Link
                        className="button"
                        to={`/trainee/applications?level=${encodeURIComponent(`${progress.schemeId}|${l.levelCode}`)}`}
                      >
                        {t('dashboard.applyFor', { level: l.levelName })}
                      </Link>
                    </>
                  )}
                </p>
              ))}
            {current && (
              <>
                <h3>{t('dashboard.workingTowards', { level: current.levelName, summary: levelSummary(current) })}</h3>
                <RulesList level={current} evidenceLinks />
              </>
            )}
            {progress.levels
              .filter((l) => l !== current)
              .map((l) => (
                <details key={l.levelCode}>
                  <summary>
                    {l.levelName}: {levelSummary(l)}
                  </summary>
                  <RulesList level={l} evidenceLinks />
                </details>
              ))}
          </section>
        );
      })}
      {data && <RecognitionRoutes />}
      <RecordDownload />
    </>
  );
}
