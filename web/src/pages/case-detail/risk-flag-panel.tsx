import { useState } from 'react';
import { api, call } from '../../api/client';
import { Badge, ErrorBox, Field, fmtDate, fmtDateTime, Loading, useAction, useLoad } from '../../ui';

// A case's risk flag on the case view: who acknowledged it and when, or (for the case's supervisor) the form to
// acknowledge it. A new flagged measure clears an acknowledgement, so this always shows the one in force.
export function RiskFlagPanel({ caseId, canAcknowledge }: { caseId: string; canAcknowledge: boolean }) {
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
  if (flag.loading && !flag.data) return <Loading label="Loading the risk flag…" />;
  const f = flag.data;
  if (!f?.riskFlaggedAt) return <ErrorBox error={flag.error} />;
  return (
    <section className="card" aria-labelledby="risk-h" data-testid="risk-flag">
      <h2 id="risk-h" style={{ marginTop: 0 }}>
        Risk flag <Badge tone={f.acknowledgedAt ? 'warn' : 'bad'}>{f.acknowledgedAt ? 'acknowledged' : 'not acknowledged'}</Badge>
      </h2>
      <p>A self-harm item above 0 on an outcome measure flagged this case on {fmtDate(f.riskFlaggedAt)}.</p>
      {f.acknowledgedAt && f.acknowledgedBy ? (
        <p role="status">
          Risk flag — acknowledged by <strong>{f.acknowledgedBy.name}</strong> on {fmtDateTime(f.acknowledgedAt)}
          {f.note ? <>: “{f.note}”</> : '.'}
        </p>
      ) : canAcknowledge ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void ack.run();
          }}
        >
          <ErrorBox error={ack.error} title="The flag was not acknowledged" />
          <Field label="What you did or will do" hint="optional">
            {(p) => <textarea {...p} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />}
          </Field>
          <button type="submit" disabled={ack.busy}>
            {ack.busy ? 'Acknowledging…' : 'Acknowledge risk flag'}
          </button>
        </form>
      ) : (
        <p className="muted">The supervisor has not acknowledged it yet.</p>
      )}
    </section>
  );
}
