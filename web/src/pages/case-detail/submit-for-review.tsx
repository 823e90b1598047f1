import { api, call, type Schemas } from '../../api/client';
import { ErrorBox, formProblems, useAction } from '../../ui';
import { checkSubmit, hasProblems } from './case-checks';

type Case = Schemas['CaseDto'];

export function SubmitForReview({ c, onChange }: { c: Case; onChange: (c: Case) => void }) {
  const submit = useAction(async () => {
    const problems = checkSubmit(c);
    if (hasProblems(problems)) throw formProblems(problems);
    onChange(await call(api.POST('/api/v1/cases/{id}/submit', { params: { path: { id: c.id } } })));
  });
  const resubmit = c.reviewState === 'returned';
  return (
    <section className="card" aria-labelledby="submit-h">
      <h2 id="submit-h" style={{ marginTop: 0 }}>
        {resubmit ? 'Send the case back to your supervisor' : 'Send to your supervisor'}
      </h2>
      <p className="muted">
        {resubmit
          ? 'When you have acted on the comments above, send the case again; your supervisor sees the changed case.'
          : 'Your supervisor reviews the case and signs it off or returns it with comments.'}
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit.run();
        }}
      >
        <ErrorBox error={submit.error} title="The case was not submitted" />
        <button type="submit" disabled={submit.busy}>
          {submit.busy ? 'Submitting…' : resubmit ? 'Submit again for sign-off' : 'Submit for sign-off'}
        </button>
      </form>
    </section>
  );
}
