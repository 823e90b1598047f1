import { type FormEvent, useState } from 'react';
import { api, etagOf, type Schemas } from '../../api/client';
import { useTranslation } from '../../i18n';
import { ErrorBox, Field, fieldErrors, formProblems, Loading, useAction, useLoad } from '../../ui';
import { loadTaxonomy } from '../shared/taxonomy';
import { checkCaseForm, hasProblems } from './case-checks';
import { CaseFields, type CaseFieldValues } from './case-fields';
import { caseWrite } from './case-write';

type Case = Schemas['CaseDto'];
type Narrative = 'presentingProblem' | 'formulation' | 'course' | 'techniques' | 'outcome';
type EditForm = CaseFieldValues & Record<Narrative, string> & { clientCode: string };

const fromCase = (c: Case): EditForm => ({
  clientCode: c.clientCode,
  format: c.format,
  adaptation: c.adaptation,
  ageBand: c.ageBand,
  setting: c.setting,
  primaryDiagnosis: c.primaryDiagnosis,
  focusProblemArea: c.focusProblemArea,
  secondaryProblemArea: c.secondaryProblemArea,
  attributes: c.attributes,
  plannedSessions: c.plannedSessions,
  startDate: c.startDate,
  recordingConsent: c.recordingConsent,
  presentingProblem: c.presentingProblem ?? '',
  formulation: c.formulation ?? '',
  course: c.course ?? '',
  techniques: c.techniques ?? '',
  outcome: c.outcome ?? '',
});

// labelled as fields.json names them, so an error on one reads with the same label
const NARRATIVE: Narrative[] = ['presentingProblem', 'formulation', 'course', 'techniques'];

/** The trainee edits every field of the case they may change (a reviewed case goes back to draft). */
export function CaseEditForm({
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
  const { t } = useTranslation('cases');
  const [form, setForm] = useState<EditForm>(() => fromCase(c));
  const taxonomy = useLoad(() => loadTaxonomy(c.taxonomyVersionId), [c.taxonomyVersionId]);
  const set = <K extends keyof EditForm>(k: K, v: EditForm[K]) => setForm((f) => ({ ...f, [k]: v }));
  const save = useAction(async () => {
    const problems = checkCaseForm({ ...form, status: c.status, endDate: c.endDate }, c.sessions);
    if (hasProblems(problems)) throw formProblems(problems);
    const text = (v: string) => (v.trim() ? v.trim() : null);
    const body: Schemas['UpdateCaseDto'] = {
      ...form,
      clientCode: form.clientCode.trim(),
      primaryDiagnosis: form.primaryDiagnosis.trim(),
      presentingProblem: text(form.presentingProblem),
      formulation: text(form.formulation),
      course: text(form.course),
      techniques: text(form.techniques),
      outcome: text(form.outcome),
    };
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
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="edit-case-h">
      <h2 id="edit-case-h" style={{ marginTop: 0 }}>
        {t('edit.title', { code: c.clientCode })}
      </h2>
      {c.reviewState !== 'draft' && (
        <p className="alert warn">{c.reviewState === 'signed_off' ? t('edit.backToDraftVoided') : t('edit.backToDraft')}</p>
      )}
      <ErrorBox error={save.error} title={t('notSaved')} />
      <div className="grid">
        <Field label={t('fields:clientCode')} hint={t('edit.clientCodeHint')} errors={fieldErrors(save.error, 'clientCode')}>
          {(p) => <input {...p} required value={form.clientCode} onChange={(e) => set('clientCode', e.target.value)} />}
        </Field>
        {taxonomy.data ? (
          <CaseFields form={form} set={set} error={save.error} taxonomy={taxonomy.data.definition} autoFocus withSecondary />
        ) : (
          <>
            {taxonomy.loading && <Loading />}
            <ErrorBox error={taxonomy.error} />
          </>
        )}
      </div>
      <div className="field">
        <label>
          <input type="checkbox" checked={form.recordingConsent} onChange={(e) => set('recordingConsent', e.target.checked)} />{' '}
          {t('consent')}
        </label>
      </div>
      {NARRATIVE.map((key) => (
        <Field key={key} label={t(`fields:${key}`)} hint={t('noIdentifying')} errors={fieldErrors(save.error, key)}>
          {(p) => <textarea {...p} maxLength={4000} value={form[key]} onChange={(e) => set(key, e.target.value)} />}
        </Field>
      ))}
      <p className="row">
        <button type="submit" disabled={save.busy}>
          {save.busy ? t('common:saving') : t('edit.submit')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('common:cancel')}
        </button>
      </p>
    </form>
  );
}
