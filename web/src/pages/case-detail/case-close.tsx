import { type FormEvent, useState } from 'react';
import { api, call, etagOf, type Schemas } from '../../api/client';
import { navigate } from '../../router';
import { ErrorBox, Field, fieldErrors, formProblems, humanise, today, useAction } from '../../ui';
import { checkCaseForm, CLOSED_STATUSES, hasProblems } from './case-checks';
import { caseWrite } from './case-write';

type Case = Schemas['CaseDto'];

/** Completing (or closing) a case: status, end date, end reason and outcome, as the API names them. */
export function CaseCloseForm({
  c,
  onSaved,
  onCancel,
  reload,
}: {
  c: Case;
  onSaved: (c: Case) => void;
  onCancel: () => void;
  reload: () => void;
}) {
  const lastSession = c.sessions
    .map((s) => s.date)
    .sort()
    .at(-1);
  const [form, setForm] = useState({
    status: (CLOSED_STATUSES.includes(c.status) ? c.status : 'completed') as Schemas['CaseStatus'],
    endDate: c.endDate ?? lastSession ?? today(),
    endReason: c.endReason ?? '',
    outcome: c.outcome ?? '',
  });
  const save = useAction(async () => {
    const problems = checkCaseForm({ ...c, ...form });
    if (hasProblems(problems)) throw formProblems(problems);
    // PATCH takes any subset of the case's fields; the OpenAPI document lists the shared field class as required
    const body = {
      status: form.status,
      endDate: form.endDate,
      endReason: form.endReason.trim() || null,
      outcome: form.outcome.trim() || null,
    } as Schemas['UpdateCaseDto'];
    onSaved(
      await caseWrite(
        api.PATCH('/api/v1/cases/{id}', { params: { path: { id: c.id } }, headers: { 'If-Match': etagOf(c.version) }, body }),
        reload,
      ),
    );
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save.run();
  };
  const err = (f: string) => fieldErrors(save.error, f);
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="close-case-h">
      <h2 id="close-case-h" style={{ marginTop: 0 }}>
        Complete or close the case
      </h2>
      <p className="small muted">A case counts towards a level once it is completed and signed off by your supervisor.</p>
      {c.reviewState !== 'draft' && (
        <p className="alert warn">
          Closing the case changes what your supervisor saw: it goes back to draft
          {c.reviewState === 'signed_off' ? ' and its sign-off is voided' : ''}, so send it for sign-off again afterwards.
        </p>
      )}
      <ErrorBox error={save.error} title="The case was not closed" />
      <div className="row">
        <Field label="Status" errors={err('status')}>
          {(p) => (
            <select
              {...p}
              autoFocus
              value={form.status}
              onChange={(e) => setForm({ ...form, status: e.target.value as Schemas['CaseStatus'] })}
            >
              {CLOSED_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {humanise(s)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="End date" errors={err('endDate')}>
          {(p) => (
            <input {...p} type="date" required value={form.endDate} onChange={(e) => setForm({ ...form, endDate: e.target.value })} />
          )}
        </Field>
      </div>
      <Field label="End reason" hint="optional, e.g. planned ending after 12 sessions" errors={err('endReason')}>
        {(p) => <input {...p} maxLength={500} value={form.endReason} onChange={(e) => setForm({ ...form, endReason: e.target.value })} />}
      </Field>
      <Field label="Outcome" hint="optional, no identifying details" errors={err('outcome')}>
        {(p) => <textarea {...p} maxLength={4000} value={form.outcome} onChange={(e) => setForm({ ...form, outcome: e.target.value })} />}
      </Field>
      <p className="row">
        <button type="submit" disabled={save.busy}>
          {save.busy ? 'Saving…' : `Mark as ${humanise(form.status)}`}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </p>
    </form>
  );
}

/** Deleting a case the API still lets go (never signed off), after an explicit confirmation. */
export function CaseDelete({ c, everSignedOff }: { c: Case; everSignedOff: boolean }) {
  const [confirming, setConfirming] = useState(false);
  const del = useAction(async () => {
    await call(api.DELETE('/api/v1/cases/{id}', { params: { path: { id: c.id } } }));
    navigate('/trainee/cases?deleted=' + encodeURIComponent(c.clientCode));
  });
  if (everSignedOff)
    return <p className="small muted">This case was signed off once, so it stays part of your record and cannot be deleted.</p>;
  return (
    <div>
      <ErrorBox error={del.error} title="The case was not deleted" />
      {!confirming ? (
        <button type="button" className="danger" onClick={() => setConfirming(true)}>
          Delete case…
        </button>
      ) : (
        <div className="alert warn" role="alertdialog" aria-labelledby="del-q">
          <p id="del-q">
            Delete case {c.clientCode} with its {c.sessions.length} sessions and its outcome measures? This cannot be undone.
          </p>
          <p className="row">
            <button type="button" className="danger" autoFocus disabled={del.busy} onClick={() => void del.run()}>
              {del.busy ? 'Deleting…' : `Yes, delete case ${c.clientCode}`}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              Keep the case
            </button>
          </p>
        </div>
      )}
    </div>
  );
}
