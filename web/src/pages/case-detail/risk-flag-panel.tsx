import { useState } from 'react';
import { api, call } from '../../api/client';
import { Trans } from 'react-i18next';
import { useTranslation } from '../../i18n';
import { Badge, ErrorBox, Field, fmtDate, fmtDateTime, Loading, useAction, useLoad } from '../../ui';

// A case's risk flag on the case view: who acknowledged it and when, or (for the case's supervisor) the form to
// acknowledge it. A new flagged measure clears an acknowledgement, so this always shows the one in force.
export function RiskFlagPanel({ caseId, canAcknowledge }: { caseId: string; canAcknowledge: boolean }) {
  const { t } = useTranslation('cases');
  const flag = useLoad(() => call(api.GET('/api/v1/cases/{id}/risk-flag', { params: { path: { id: caseId } } })), [caseId]);
  const [note, setNote] = useState('');
  const ack = useAction(async () => {
    await call(
      api.POST('/api/v1/cases/{id}/risk-flag/acknowledge', {
        params: { path: { id: caseId } },
        body: note.trim() ? { note: note.trim() } : {},
      }),
    );
    setNote('');
    flag.reload();
  });
  if (flag.loading && !flag.data) return <Loading label={t('risk.loading')} />;
  const f = flag.data;
  if (!f?.riskFlaggedAt) return <ErrorBox error={flag.error} />;
  return (
    <section className="card" aria-labelledby="risk-h" data-testid="risk-flag">
      <h2 id="risk-h" style={{ marginTop: 0 }}>
        {t('risk.title')}{' '}
        <Badge tone={f.acknowledgedAt ? 'warn' : 'bad'}>{f.acknowledgedAt ? t('risk.acknowledged') : t('risk.notAcknowledged')}</Badge>
      </h2>
      <p>{t('risk.flaggedOn', { date: fmtDate(f.riskFlaggedAt) })}</p>
      {f.acknowledgedAt && f.acknowledgedBy ? (
        <p role="status">
          <Trans
            t={t}
            i18nKey="risk.acknowledgedBy"
            values={{ name: f.acknowledgedBy.name, at: fmtDateTime(f.acknowledgedAt) }}
            components={{ b: <strong /> }}
          />
          {f.note ? <>: “{f.note}”</> : '.'}
        </p>
      ) : canAcknowledge ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void ack.run();
          }}
        >
          <ErrorBox error={ack.error} title={t('risk.failed')} />
          <Field label={t('risk.action')} hint={t('common:optional')}>
            {(p) => <textarea {...p} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />}
          </Field>
          <button type="submit" disabled={ack.busy}>
            {ack.busy ? t('risk.acknowledging') : t('risk.acknowledge')}
          </button>
        </form>
      ) : (
        <p className="muted">{t('risk.waiting')}</p>
      )}
    </section>
  );
}
