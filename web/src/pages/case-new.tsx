import { type FormEvent, useState } from 'react';
import { api, call, type Schemas } from '../api/client';
import { navigate, useTitle } from '../router';
import { ErrorBox, Field, fieldErrors, humanise, Loading, today, useAction, useLoad } from '../ui';

type CreateCase = Schemas['CreateCaseDto'];
const FORMATS: Schemas['CaseFormat'][] = ['individual', 'group'];
const ADAPTATIONS: Schemas['CaseAdaptation'][] = ['adult', 'adolescent', 'perinatal', 'bipolar', 'eating_disorder', 'other'];
const AGE_BANDS: Schemas['AgeBand'][] = ['12-17', '18-25', '26-40', '41-64', '65-89', '90+'];
const SETTINGS: Schemas['CaseSetting'][] = ['primary_care', 'secondary_care', 'community', 'inpatient', 'university', 'private_practice', 'other'];
export const PROBLEM_AREAS: Schemas['ProblemArea'][] = ['grief', 'role_dispute', 'role_transition', 'interpersonal_deficits', 'other'];

function Select<T extends string>({ value, options, onChange, ...p }: { value: T; options: readonly T[]; onChange: (v: T) => void; id: string }) {
  return (
    <select {...p} value={value} onChange={(e) => onChange(e.target.value as T)}>
      {options.map((o) => (
        <option key={o} value={o}>
          {humanise(o)}
        </option>
      ))}
    </select>
  );
}

export function NewCase() {
  useTitle('Log a new case');
  const rels = useLoad(() => call(api.GET('/api/v1/supervision/relationships', { params: { query: { role: 'trainee', status: 'active', limit: 100 } } })), []);
  const [form, setForm] = useState<CreateCase>({
    format: 'individual',
    adaptation: 'adult',
    ageBand: '26-40',
    setting: 'community',
    primaryDiagnosis: '',
    focusProblemArea: 'role_transition',
    plannedSessions: 12,
    startDate: today(),
    recordingConsent: true,
    supervisorId: '',
  });
  const set = <K extends keyof CreateCase>(k: K, v: CreateCase[K]) => setForm((f) => ({ ...f, [k]: v }));
  const supervisorId = form.supervisorId || rels.data?.items[0]?.supervisorId || '';
  const save = useAction(async () => {
    const created = await call(api.POST('/api/v1/cases', { body: { ...form, supervisorId, primaryDiagnosis: form.primaryDiagnosis.trim() } }));
    navigate(`/cases/${created.id}?new=1`);
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save.run();
  };
  const err = (f: string) => fieldErrors(save.error, f);
  return (
    <>
      <h1>Log a new case</h1>
      <p className="muted">No names: the case gets a client code. Sessions and outcome measures are added on the next screen.</p>
      {rels.loading && <Loading />}
      <ErrorBox error={rels.error} />
      <form className="card" onSubmit={submit} noValidate>
        <ErrorBox error={save.error} title="The case was not saved" />
        <div className="grid">
          <Field label="Supervisor" errors={err('supervisorId')}>
            {(p) => (
              <select {...p} required value={supervisorId} onChange={(e) => set('supervisorId', e.target.value)}>
                {rels.data?.items.length === 0 && <option value="">No active supervisor</option>}
                {rels.data?.items.map((r) => (
                  <option key={r.id} value={r.supervisorId}>
                    {r.supervisorName} (since {r.startedOn})
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Primary diagnosis" hint="ICD-10 code, e.g. F32.1" errors={err('primaryDiagnosis')}>
            {(p) => <input {...p} required autoFocus value={form.primaryDiagnosis} onChange={(e) => set('primaryDiagnosis', e.target.value)} />}
          </Field>
          <Field label="Focus problem area" errors={err('focusProblemArea')}>
            {(p) => <Select {...p} value={form.focusProblemArea} options={PROBLEM_AREAS} onChange={(v) => set('focusProblemArea', v)} />}
          </Field>
          <Field label="Start date" errors={err('startDate')}>
            {(p) => <input {...p} type="date" required value={form.startDate} onChange={(e) => set('startDate', e.target.value)} />}
          </Field>
          <Field label="Planned sessions" errors={err('plannedSessions')}>
            {(p) => <input {...p} type="number" min={1} max={40} required value={form.plannedSessions} onChange={(e) => set('plannedSessions', Number(e.target.value))} />}
          </Field>
          <Field label="Format" errors={err('format')}>
            {(p) => <Select {...p} value={form.format} options={FORMATS} onChange={(v) => set('format', v)} />}
          </Field>
          <Field label="Adaptation" errors={err('adaptation')}>
            {(p) => <Select {...p} value={form.adaptation} options={ADAPTATIONS} onChange={(v) => set('adaptation', v)} />}
          </Field>
          <Field label="Age band" errors={err('ageBand')}>
            {(p) => <Select {...p} value={form.ageBand} options={AGE_BANDS} onChange={(v) => set('ageBand', v)} />}
          </Field>
          <Field label="Setting" errors={err('setting')}>
            {(p) => <Select {...p} value={form.setting} options={SETTINGS} onChange={(v) => set('setting', v)} />}
          </Field>
        </div>
        <div className="field">
          <label>
            <input type="checkbox" checked={form.recordingConsent} onChange={(e) => set('recordingConsent', e.target.checked)} /> The client consented to sessions being recorded
          </label>
        </div>
        <Field label="Presenting problem" hint="optional, no identifying details" errors={err('presentingProblem')}>
          {(p) => <textarea {...p} value={(form.presentingProblem as string | undefined) ?? ''} onChange={(e) => set('presentingProblem', (e.target.value || undefined) as CreateCase['presentingProblem'])} />}
        </Field>
        <button type="submit" disabled={save.busy}>
          {save.busy ? 'Saving…' : 'Save case and add sessions'}
        </button>
      </form>
    </>
  );
}
