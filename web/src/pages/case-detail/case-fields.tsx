// The case's own fields, one form body for logging a case and for editing it (same labels, same error wiring).
import type { Schemas } from '../../api/client';
import { Field, fieldErrors, humanise } from '../../ui';

export type CaseFieldValues = Pick<
  Schemas['CreateCaseDto'],
  | 'format'
  | 'adaptation'
  | 'ageBand'
  | 'setting'
  | 'primaryDiagnosis'
  | 'focusProblemArea'
  | 'plannedSessions'
  | 'startDate'
  | 'recordingConsent'
> & { secondaryProblemArea?: Schemas['ProblemArea'] | null; presentingProblem?: string | null };

export const FORMATS: Schemas['CaseFormat'][] = ['individual', 'group'];
export const ADAPTATIONS: Schemas['CaseAdaptation'][] = ['adult', 'adolescent', 'perinatal', 'bipolar', 'eating_disorder', 'other'];
export const AGE_BANDS: Schemas['AgeBand'][] = ['12-17', '18-25', '26-40', '41-64', '65-89', '90+'];
export const SETTINGS: Schemas['CaseSetting'][] = [
  'primary_care',
  'secondary_care',
  'community',
  'inpatient',
  'university',
  'private_practice',
  'other',
];
export const PROBLEM_AREAS: Schemas['ProblemArea'][] = ['grief', 'role_dispute', 'role_transition', 'interpersonal_deficits', 'other'];

export function Select<T extends string>({
  value,
  options,
  onChange,
  blank,
  ...p
}: {
  value: T | '';
  options: readonly T[];
  onChange: (v: T | '') => void;
  id: string;
  blank?: string;
}) {
  return (
    <select {...p} value={value} onChange={(e) => onChange(e.target.value as T | '')}>
      {blank !== undefined && <option value="">{blank}</option>}
      {options.map((o) => (
        <option key={o} value={o}>
          {humanise(o)}
        </option>
      ))}
    </select>
  );
}

export function CaseFields<F extends CaseFieldValues>({
  form,
  set,
  error,
  autoFocus = false,
  withSecondary = false,
}: {
  form: F;
  set: <K extends keyof F>(k: K, v: F[K]) => void;
  error: unknown;
  autoFocus?: boolean;
  withSecondary?: boolean;
}) {
  const err = (f: string) => fieldErrors(error, f);
  const pick =
    <K extends keyof F>(k: K) =>
    (v: string) =>
      set(k, v as F[K]);
  return (
    <>
      <Field label="Primary diagnosis" hint="ICD-10 code, e.g. F32.1" errors={err('primaryDiagnosis')}>
        {(p) => (
          <input
            {...p}
            required
            autoFocus={autoFocus}
            value={form.primaryDiagnosis}
            onChange={(e) => set('primaryDiagnosis', e.target.value as F['primaryDiagnosis'])}
          />
        )}
      </Field>
      <Field label="Focus problem area" errors={err('focusProblemArea')}>
        {(p) => <Select {...p} value={form.focusProblemArea} options={PROBLEM_AREAS} onChange={pick('focusProblemArea')} />}
      </Field>
      {withSecondary && (
        <Field label="Second problem area" hint="optional" errors={err('secondaryProblemArea')}>
          {(p) => (
            <Select
              {...p}
              value={form.secondaryProblemArea ?? ''}
              options={PROBLEM_AREAS}
              blank="none"
              onChange={(v) => set('secondaryProblemArea', (v || null) as F['secondaryProblemArea'])}
            />
          )}
        </Field>
      )}
      <Field label="Start date" errors={err('startDate')}>
        {(p) => (
          <input {...p} type="date" required value={form.startDate} onChange={(e) => set('startDate', e.target.value as F['startDate'])} />
        )}
      </Field>
      <Field label="Planned sessions" errors={err('plannedSessions')}>
        {(p) => (
          <input
            {...p}
            type="number"
            min={1}
            max={40}
            required
            value={form.plannedSessions}
            onChange={(e) => set('plannedSessions', Number(e.target.value) as F['plannedSessions'])}
          />
        )}
      </Field>
      <Field label="Format" errors={err('format')}>
        {(p) => <Select {...p} value={form.format} options={FORMATS} onChange={pick('format')} />}
      </Field>
      <Field label="Adaptation" errors={err('adaptation')}>
        {(p) => <Select {...p} value={form.adaptation} options={ADAPTATIONS} onChange={pick('adaptation')} />}
      </Field>
      <Field label="Age band" errors={err('ageBand')}>
        {(p) => <Select {...p} value={form.ageBand} options={AGE_BANDS} onChange={pick('ageBand')} />}
      </Field>
      <Field label="Setting" errors={err('setting')}>
        {(p) => <Select {...p} value={form.setting} options={SETTINGS} onChange={pick('setting')} />}
      </Field>
    </>
  );
}
