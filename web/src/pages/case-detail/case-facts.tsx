import type { Schemas } from '../../api/client';
import { useTranslation } from '../../i18n';
import { fmtDate } from '../../ui';
import { label } from '../shared/labels';

type Case = Schemas['CaseDto'];

export function CaseFacts({ c, isTrainee }: { c: Case; isTrainee: boolean }) {
  const { t } = useTranslation('cases');
  return (
    <section className="card">
      <dl className="facts">
        <dt>{t('facts.diagnosis')}</dt>
        <dd>{c.primaryDiagnosis}</dd>
        <dt>{t('facts.focus')}</dt>
        <dd>
          {label('problemArea', c.focusProblemArea)}
          {c.secondaryProblemArea ? `, ${label('problemArea', c.secondaryProblemArea)}` : ''}
        </dd>
        <dt>{t('fields:format')}</dt>
        <dd>
          {label('caseFormat', c.format)}, {label('caseAdaptation', c.adaptation)}, {c.ageBand}, {label('caseSetting', c.setting)}
        </dd>
        <dt>{t('fields:sessions')}</dt>
        <dd>{t('facts.sessions', { delivered: c.deliveredSessions, planned: c.plannedSessions })}</dd>
        <dt>{t('facts.dates')}</dt>
        <dd>
          {fmtDate(c.startDate)} – {c.endDate ? fmtDate(c.endDate) : t('facts.ongoing')} ({label('caseStatus', c.status)})
        </dd>
        <dt>{t('fields:recordingConsent')}</dt>
        <dd>{c.recordingConsent ? t('common:yes') : t('common:no')}</dd>
        {!isTrainee && (
          <>
            <dt>{t('facts.trainee')}</dt>
            <dd>{c.traineeName}</dd>
          </>
        )}
        {c.presentingProblem && (
          <>
            <dt>{t('fields:presentingProblem')}</dt>
            <dd>{c.presentingProblem}</dd>
          </>
        )}
      </dl>
    </section>
  );
}
