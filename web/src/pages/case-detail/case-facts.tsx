import type { Schemas } from '../../api/client';
import { fmtDate, humanise } from '../../ui';

type Case = Schemas['CaseDto'];

export function CaseFacts({ c, isTrainee }: { c: Case; isTrainee: boolean }) {
  return (
    <section className="card">
      <dl className="facts">
        <dt>Diagnosis</dt>
        <dd>{c.primaryDiagnosis}</dd>
        <dt>Focus</dt>
        <dd>
          {humanise(c.focusProblemArea)}
          {c.secondaryProblemArea ? `, ${humanise(c.secondaryProblemArea)}` : ''}
        </dd>
        <dt>Format</dt>
        <dd>
          {humanise(c.format)}, {humanise(c.adaptation)}, {c.ageBand}, {humanise(c.setting)}
        </dd>
        <dt>Sessions</dt>
        <dd>
          {c.deliveredSessions} delivered of {c.plannedSessions} planned
        </dd>
        <dt>Dates</dt>
        <dd>
          {fmtDate(c.startDate)} – {c.endDate ? fmtDate(c.endDate) : 'ongoing'} ({humanise(c.status)})
        </dd>
        <dt>Recording consent</dt>
        <dd>{c.recordingConsent ? 'yes' : 'no'}</dd>
        {!isTrainee && (
          <>
            <dt>Trainee</dt>
            <dd>{c.traineeName}</dd>
          </>
        )}
        {c.presentingProblem && (
          <>
            <dt>Presenting problem</dt>
            <dd>{c.presentingProblem}</dd>
          </>
        )}
      </dl>
    </section>
  );
}
