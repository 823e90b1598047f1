import { api, call, type Schemas } from '../../api/client';
import { ErrorBox, useAction } from '../../ui';

type Case = Schemas['CaseDto'];

export function SubmitForReview({ c, onChange }: { c: Case; onChange: (c: Case) => void }) {
  const submit = useAction(async () => onChange(await call(api.POST('/api/v1/cases/{id}/submit', { params: { path: { id: c.id } } }))));
  return (
    <section className="card">
      <h2 style={{ marginTop: 0 }}>Send to your supervisor</h2>
      <p className="muted">Your supervisor reviews the case and signs it off or returns it with comments.</p>
      <ErrorBox error={submit.error} title="The case was not submitted" />
      <button type="button" disabled={submit.busy} onClick={() => void submit.run()}>
        {submit.busy ? 'Submitting…' : 'Submit for sign-off'}
      </button>
    </section>
  );
}
