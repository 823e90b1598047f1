import { api, call } from '../../api/client';
import { formatNumber, useTranslation } from '../../i18n';
import { Badge, Empty, ErrorBox, Loading, useLoad } from '../../ui';
import { levelSummary, RulesList } from './rules-list';

// A trainee's progress as their supervisor or their body's admin sees it: each scheme they are enrolled in
// (or, not enrolled yet, each scheme of their bodies at the version in force), every level with its rules.
export function PersonProgress({ traineeId, bodyIds }: { traineeId: string; bodyIds: string[] }) {
  const { t } = useTranslation('progress');
  const { data, error, loading } = useLoad(async () => {
    const [enrolments, schemes] = await Promise.all([
      call(api.GET('/api/v1/trainees/{traineeId}/enrolments', { params: { path: { traineeId } } })),
      call(api.GET('/api/v1/schemes')),
    ]);
    const schemeIds = enrolments.length
      ? enrolments.map((e) => e.schemeId)
      : schemes.filter((s) => bodyIds.includes(s.bodyId)).map((s) => s.id);
    const progress = await Promise.all(
      schemeIds.map((schemeId) =>
        call(api.GET('/api/v1/trainees/{traineeId}/schemes/{schemeId}/progress', { params: { path: { traineeId, schemeId } } })).catch(
          () => null,
        ),
      ),
    );
    return schemeIds
      .map((id, i) => ({ scheme: schemes.find((s) => s.id === id), progress: progress[i] }))
      .filter((p) => p.progress !== null);
  }, [traineeId, bodyIds.join(',')]);
  if (loading) return <Loading label={t('person.evaluating')} />;
  if (error) return <ErrorBox error={error} />;
  if (!data?.length) return <Empty>{t('person.noScheme')}</Empty>;
  return (
    <>
      {data.map(({ scheme, progress }) => {
        if (!progress) return null;
        const current = progress.levels.find((l) => !l.met) ?? progress.levels[progress.levels.length - 1];
        return (
          <div key={progress.schemeId} data-testid="person-progress">
            <h3>
              {scheme?.name ?? t('person.scheme')}{' '}
              <span className="small muted">
                {t(progress.heldBy === 'enrolment' ? 'person.version' : 'person.versionNotEnrolled', { n: progress.versionNumber })}
              </span>
            </h3>
            <p className="row" aria-label={t('person.levels')}>
              {progress.levels.map((l) => (
                <Badge key={l.levelCode} tone={l.met ? 'ok' : l === current ? 'warn' : 'neutral'}>
                  {l.levelName}: {l.met ? t('person.met') : `${formatNumber(l.metCount)}/${formatNumber(l.ruleCount)}`}
                </Badge>
              ))}
            </p>
            {current && (
              <details open>
                <summary>{t('person.workingTowards', { level: current.levelName, summary: levelSummary(t, current) })}</summary>
                <RulesList level={current} evidenceLinks />
              </details>
            )}
          </div>
        );
      })}
    </>
  );
}
