import { useState } from 'react';
import { api, call, type Schemas } from '../../api/client';
import { ErrorBox, Field, fieldErrors, fmtDateTime, humanise, useAction } from '../../ui';

type Case = Schemas['CaseDto'];

export function ReviewActions({ c, onChange }: { c: Case; onChange: (c: Case) => void }) {
  const [comments, setComments] = useState('');
  const signOff = useAction(async () =>
    onChange(await call(api.POST('/api/v1/cases/{id}/sign-off', { params: { path: { id: c.id } }, body: { contentHash: c.contentHash } }))),
  );
  const ret = useAction(async () =>
    onChange(await call(api.POST('/api/v1/cases/{id}/return', { params: { path: { id: c.id } }, body: { comments: comments.trim() } }))),
  );
  if (c.reviewState !== 'submitted')
    return (
      <div className="alert ok" role="status">
        {c.reviewState === 'signed_off'
          ? `Signed off ${fmtDateTime(c.currentSignoff?.signedAt)}.`
          : `This case is ${humanise(c.reviewState)}; nothing to review now.`}
      </div>
    );
  return (
    <section className="card" aria-labelledby="review-h">
      <h2 id="review-h" style={{ marginTop: 0 }}>
        Review
      </h2>
      <ErrorBox error={signOff.error ?? ret.error} />
      <p className="small muted">Signing off records the exact content you saw (content hash {c.contentHash.slice(0, 12)}…).</p>
      <button type="button" disabled={signOff.busy} onClick={() => void signOff.run()}>
        {signOff.busy ? 'Signing off…' : 'Sign off case'}
      </button>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void ret.run();
        }}
        style={{ marginTop: '1rem' }}
      >
        <Field label="Comments for the trainee" errors={fieldErrors(ret.error, 'comments')}>
          {(p) => <textarea {...p} required value={comments} onChange={(e) => setComments(e.target.value)} />}
        </Field>
        <button type="submit" className="secondary" disabled={ret.busy || !comments.trim()}>
          {ret.busy ? 'Returning…' : 'Return with comments'}
        </button>
      </form>
    </section>
  );
}
