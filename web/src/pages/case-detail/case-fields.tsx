// The case's own fields, one form body for logging a case and for editing it (same labels, same error wiring).
import type { Schemas } from '../../api/client';
import { useTranslation } from '../../i18n';
import { Field, fieldErrors } from '../../ui';
import { label, type LabelKind } from '../shared/labels';

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
  kind,
  ...p
}: {
  value: T | '';
  options: readonly T[];
  onChange: (v: T | '') => void;
  id: string;
  blank?: string;
  /** the options' words; without it they show as they are (age bands) */
  kind?: LabelKind;
}) {
  return (
    <select {...p} value={value} onChange={(e) => onChange(e.target.value as T | '')}>
      {blank !== undefined && <option value="">{blank}</option>}
      {options.map((o) => (
        <option key={o} value={o}>
          {kind ? label(kind, o) : o}
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
  const { t } = useTranslation('cases');
  const err = (f: string) => fieldErrors(error, f);
  const pick =
    <K extends keyof F>(k: K) =>
    (v: string) =>
      set(k, v as F[K]);
  return (
    <>
      <Field label={t('fields:primaryDiagnosis')} hint={t('fields.diagnosisHint')} errors={err('primaryDiagnosis')}>
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
      <Field label={t('fields:focusProblemArea')} errors={err('focusProblemArea')}>
        {(p) => (
          <Select {...p} kind="problemArea" value={form.focusProblemArea} options={PROBLEM_AREAS} onChange={pick('focusProblemArea')} />
        )}
      </Field>
      {withSecondary && (
        <Field label={t('fields:secondaryProblemArea')} hint={t('common:optional')} errors={err('secondaryProblemArea')}>
          {(p) => (
            <Select
              {...p}
              kind="problemArea"
              value={form.secondaryProblemArea ?? ''}
              options={PROBLEM_AREAS}
              blank={t('common:none')}
              onChange={(v) => set('secondaryProblemArea', (v || null) as F['secondaryProblemArea'])}
            />
          )}
        </Field>
      )}
      <Field label={t('fields:startDate')} errors={err('startDate')}>
        {(p) => (
          <input {...p} type="date" required value={form.startDate} onChange={(e) => set('startDate', e.target.value as F['startDate'])} />
        )}
      </Field>
      <Field label={t('fields:plannedSessions')} errors={err('plannedSessions')}>
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
      <Field label={t('fields:format')} errors={err('format')}>
        {(p) => <Select {...p} kind="caseFormat" value={form.format} options={FORMATS} onChange={pick('format')} />}
      </Field>
      <Field label={t('fields:adaptation')} errors={err('adaptation')}>
        {(p) => <Select {...p} kind="caseAdaptation" value={form.adaptation} options={ADAPTATIONS} onChange={pick('adaptation')} />}
      </Field>
      <Field label={t('fields:ageBand')} errors={err('ageBand')}>
        {(p) => <Select {...p} value={form.ageBand} options={AGE_BANDS} onChange={pick('ageBand')} />}
      </Field>
      <Field label={t('fields:setting')} errors={err('setting')}>
        {(p) => <Select {...p} kind="caseSetting" value={form.setting} options={SETTINGS} onChange={pick('setting')} />}
      </Field>
    </>
  );
}
