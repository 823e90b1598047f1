import { type FormEvent, useRef, useState } from 'react';
import { api, call, etagOf, type Schemas } from '../../api/client';
import { ErrorBox, Field, fieldErrors, today, useAction } from '../../ui';

type Case = Schemas['CaseDto'];
type Phase = Schemas['SessionPhase'];

const phaseFor = (num: number, planned: number): Phase => (num <= 3 ? 'initial' : num > planned - 3 ? 'termination' : 'middle');

export function AddSessionForm({ c, autoFocus, onChange }: { c: Case; autoFocus: boolean; onChange: (c: Case) => void }) {
  const nextNumber = (c.sessions.at(-1)?.number ?? 0) + 1;
  const [form, setForm] = useState({ date: today(), durationMinutes: 50, attended: true, recorded: c.recordingConsent, phase: '' as Phase | '' });
  const [message, setMessage] = useState('');
  const dateRef = useRef<HTMLInputElement>(null);
  const add = useAction(async () => {
    const next = await call(
      api.POST('/api/v1/cases/{id}/sessions', {
        params: { path: { id: c.id } },
        headers: { 'If-Match': etagOf(c.version) },
        body: { number: nextNumber, date: form.date, durationMinutes: form.durationMinutes, phase: form.phase || phaseFor(nextNumber, c.plannedSessions), attended: form.attended, recorded: form.recorded },
      }),
    );
    onChange(next);
    setForm((f) => ({ ...f, phase: '' }));
    setMessage(`Session ${nextNumber} added.`);
    dateRef.current?.focus();
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void add.run();
  };
  const err = (f: string) => fieldErrors(add.error, f);
  return (
    <form onSubmit={submit} aria-label="Add a session" style={{ marginTop: '1rem' }}>
      <h3>
        Add session {nextNumber} <span className="small muted">— fill in and press <span className="kbd">Enter</span></span>
      </h3>
      <ErrorBox error={add.error} title="The session was not added" />
      <div className="row">
        <Field label="Date" errors={err('date')}>
          {(p) => <input {...p} ref={dateRef} autoFocus={autoFocus} type="date" required value={form.date} onChange={(e) => setForm({ ...form, date: e.target.value })} />}
        </Field>
        <Field label="Minutes" errors={err('durationMinutes')}>
          {(p) => <input {...p} type="number" min={1} max={240} style={{ width: '6rem' }} value={form.durationMinutes} onChange={(e) => setForm({ ...form, durationMinutes: Number(e.target.value) })} />}
        </Field>
        <Field label="Phase" errors={err('phase')}>
          {(p) => (
            <select {...p} value={form.phase} onChange={(e) => setForm({ ...form, phase: e.target.value as Phase | '' })}>
              <option value="">auto ({phaseFor(nextNumber, c.plannedSessions)})</option>
              <option value="initial">initial</option>
              <option value="middle">middle</option>
              <option value="termination">termination</option>
            </select>
          )}
        </Field>
        <div className="field">
          <label>
            <input type="checkbox" checked={form.attended} onChange={(e) => setForm({ ...form, attended: e.target.checked })} /> Attended
          </label>
          <label>
            <input type="checkbox" checked={form.recorded} onChange={(e) => setForm({ ...form, recorded: e.target.checked })} /> Recorded
          </label>
        </div>
        <div className="field">
          <button type="submit" disabled={add.busy}>
            {add.busy ? 'Adding…' : `Add session ${nextNumber}`}
          </button>
        </div>
      </div>
      <p role="status" aria-live="polite" className="small">
        {message}
      </p>
    </form>
  );
}
