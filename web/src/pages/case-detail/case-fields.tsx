// The case's own fields, one form body for logging a case and for editing it (same labels, same error wiring).
// Every list (problem areas, format, adaptation, age band, setting and the body's further attributes) comes from
// the case's taxonomy version.
import type { Schemas } from '../../api/client';
import { useTranslation } from '../../i18n';
import { Field, fieldErrors } from '../../ui';
import { labelOr, type LabelKind } from '../shared/labels';
import { BUILT_IN, optionsOf, type TaxonomyDefinition } from '../shared/taxonomy';

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
> & { secondaryProblemArea?: string | null; presentingProblem?: string | null; attributes?: Record<string, string | string[]> };

export function Select({
  value,
  options,
  onChange,
  blank,
  kind,
  ...p
}: {
  value: string;
  options: readonly { code: string; label: string }[];
  onChange: (v: string) => void;
  id: string;
  blank?: string;
  /** the options' words; without it they show as they are (age bands) */
  kind?: LabelKind;
}) {
  return (
    <select {...p} value={value} onChange={(e) => onChange(e.target.value)}>
      {blank !== undefined && <option value="">{blank}</option>}
      {options.map((o) => (
        <option key={o.code} value={o.code}>
          {kind ? labelOr(kind, o.code, o.label) : o.label}
        </option>
      ))}
    </select>
  );
}

/** The taxonomy's further attributes: a select for a single value, a group of checkboxes for several. */
function CustomAttributes<F extends CaseFieldValues>({
  taxonomy,
  form,
  set,
  error,
}: {
  taxonomy: TaxonomyDefinition;
  form: F;
  set: <K extends keyof F>(k: K, v: F[K]) => void;
  error: unknown;
}) {
  const values = form.attributes ?? {};
  const put = (code: string, v: string | string[] | undefined) => {
    const next = { ...values };
    if (v === undefined || v === '' || (Array.isArray(v) && !v.length)) delete next[code];
    else next[code] = v;
    set('attributes', next as F['attributes']);
  };
  return (
    <>
      {taxonomy.attributes
        .filter((a) => !(BUILT_IN as readonly string[]).includes(a.code))
        .map((a) => {
          const errors = fieldErrors(error, `attributes.${a.code}`);
          if (!a.multiple)
            return (
              <Field key={a.code} label={a.label} hint={a.required ? undefined : 'optional'} errors={errors}>
                {(p) => (
                  <Select
                    {...p}
                    value={(values[a.code] as string | undefined) ?? ''}
                    options={optionsOf(taxonomy, a.code, values[a.code] as string | undefined)}
                    blank={a.required ? 'choose…' : 'none'}
                    onChange={(v) => put(a.code, v)}
                  />
                )}
              </Field>
            );
          const chosen = Array.isArray(values[a.code]) ? (values[a.code] as string[]) : [];
          return (
            <fieldset key={a.code} className="field">
              <legend>
                {a.label} {!a.required && <span className="hint">(optional)</span>}
              </legend>
              {a.values
                .filter((v) => !v.retired || chosen.includes(v.code))
                .map((v) => (
                  <label key={v.code} style={{ display: 'block' }}>
                    <input
                      type="checkbox"
                      checked={chosen.includes(v.code)}
                      onChange={(e) => put(a.code, e.target.checked ? [...chosen, v.code] : chosen.filter((c) => c !== v.code))}
                    />{' '}
                    {v.label}
                  </label>
                ))}
              {errors?.length ? <div className="err">{errors.join('; ')}</div> : null}
            </fieldset>
          );
        })}
    </>
  );
}

export function CaseFields<F extends CaseFieldValues>({
  form,
  set,
  error,
  taxonomy,
  autoFocus = false,
  withSecondary = false,
}: {
  form: F;
  set: <K extends keyof F>(k: K, v: F[K]) => void;
  error: unknown;
  taxonomy: TaxonomyDefinition;
  autoFocus?: boolean;
  withSecondary?: boolean;
}) {
  const { t } = useTranslation('cases');
  const err = (f: string) => fieldErrors(error, f);
  const pick =
    <K extends keyof F>(k: K) =>
    (v: string) =>
      set(k, v as F[K]);
  const options = (attribute: string, current?: string | null) => optionsOf(taxonomy, attribute, current);
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
          <Select
            {...p}
            kind="problemArea"
            value={form.focusProblemArea}
            options={options('problemArea', form.focusProblemArea)}
            onChange={pick('focusProblemArea')}
          />
        )}
      </Field>
      {withSecondary && (
        <Field label={t('fields:secondaryProblemArea')} hint={t('common:optional')} errors={err('secondaryProblemArea')}>
          {(p) => (
            <Select
              {...p}
              kind="problemArea"
              value={form.secondaryProblemArea ?? ''}
              options={options('problemArea', form.secondaryProblemArea)}
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
        {(p) => <Select {...p} kind="caseFormat" value={form.format} options={options('format', form.format)} onChange={pick('format')} />}
      </Field>
      <Field label={t('fields:adaptation')} errors={err('adaptation')}>
        {(p) => (
          <Select
            {...p}
            kind="caseAdaptation"
            value={form.adaptation}
            options={options('adaptation', form.adaptation)}
            onChange={pick('adaptation')}
          />
        )}
      </Field>
      <Field label={t('fields:ageBand')} errors={err('ageBand')}>
        {(p) => <Select {...p} value={form.ageBand} options={options('ageBand', form.ageBand)} onChange={pick('ageBand')} />}
      </Field>
      <Field label={t('fields:setting')} errors={err('setting')}>
        {(p) => (
          <Select {...p} kind="caseSetting" value={form.setting} options={options('setting', form.setting)} onChange={pick('setting')} />
        )}
      </Field>
      <CustomAttributes taxonomy={taxonomy} form={form} set={set} error={error} />
    </>
  );
}
