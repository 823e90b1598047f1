import { type FormEvent, useState } from 'react';
import { api, call, type Schemas } from '../api/client';
import i18next, { formatDate, useTranslation } from '../i18n';
import { navigate, useTitle } from '../router';
import { ErrorBox, Field, fieldErrors, formProblems, Loading, today, useAction, useLoad } from '../ui';
import { checkCaseForm, hasProblems } from './case-detail/case-checks';
import { CaseFields } from './case-detail/case-fields';
import { loadBodyTaxonomies } from './shared/taxonomy';

type CreateCase = Schemas['CreateCaseDto'];

export function NewCase() {
  const { t } = useTranslation('cases');
  useTitle(t('new.title'));
  const rels = useLoad(
    () => call(api.GET('/api/v1/supervision/relationships', { params: { query: { role: 'trainee', status: 'active', limit: 100 } } })),
    [],
  );
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
  // the lists come from a taxonomy the supervision's body may use: its own first, then the international ones
  const bodyId = rels.data?.items.find((r) => r.supervisorId === supervisorId)?.bodyId;
  const taxonomies = useLoad(() => (bodyId ? loadBodyTaxonomies(bodyId) : Promise.resolve([])), [bodyId]);
  const taxonomy = taxonomies.data?.find((x) => x.id === form.taxonomyVersionId) ?? taxonomies.data?.[0];
  const save = useAction(async () => {
    const problems = checkCaseForm(form);
    if (!supervisorId) problems.supervisorId = [i18next.t('cases:check.supervisorRequired')];
    if (hasProblems(problems)) throw formProblems(problems);
    const created = await call(
      api.POST('/api/v1/cases', {
        body: { ...form, supervisorId, taxonomyVersionId: taxonomy?.id, primaryDiagnosis: form.primaryDiagnosis.trim() },
      }),
    );
    navigate(`/cases/${created.id}?new=1`);
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save.run();
  };
  const err = (f: string) => fieldErrors(save.error, f);
  return (
    <>
      <h1>{t('new.title')}</h1>
      <p className="muted">{t('new.intro')}</p>
      {(rels.loading || taxonomies.loading) && <Loading />}
      <ErrorBox error={rels.error ?? taxonomies.error} />
      <form className="card" onSubmit={submit} noValidate>
        <ErrorBox error={save.error} title={t('notSaved')} />
        <div className="grid">
          <Field label={t('fields:supervisorId')} errors={err('supervisorId')}>
            {(p) => (
              <select {...p} required value={supervisorId} onChange={(e) => set('supervisorId', e.target.value)}>
                {rels.data?.items.length === 0 && <option value="">{t('new.noSupervisor')}</option>}
                {rels.data?.items.map((r) => (
                  <option key={r.id} value={r.supervisorId}>
                    {t('new.supervisorSince', { name: r.supervisorName, date: formatDate(r.startedOn) })}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {taxonomies.data && taxonomies.data.length > 1 && (
            <Field label="Lists (taxonomy)" errors={err('taxonomyVersionId')}>
              {(p) => (
                <select {...p} value={taxonomy?.id ?? ''} onChange={(e) => set('taxonomyVersionId', e.target.value)}>
                  {taxonomies.data?.map((x) => (
                    <option key={x.id} value={x.id}>
                      {x.name} ({x.code} v{x.versionNumber})
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          {taxonomy && <CaseFields form={form} set={set} error={save.error} taxonomy={taxonomy.definition} autoFocus />}
        </div>
        <div className="field">
          <label>
            <input type="checkbox" checked={form.recordingConsent} onChange={(e) => set('recordingConsent', e.target.checked)} />{' '}
            {t('consent')}
          </label>
        </div>
        <Field label={t('fields:presentingProblem')} hint={t('noIdentifying')} errors={err('presentingProblem')}>
          {(p) => (
            <textarea
              {...p}
              value={(form.presentingProblem as string | undefined) ?? ''}
              onChange={(e) => set('presentingProblem', (e.target.value || undefined) as CreateCase['presentingProblem'])}
            />
          )}
        </Field>
        <button type="submit" disabled={save.busy}>
          {save.busy ? t('common:saving') : t('new.submit')}
        </button>
      </form>
    </>
  );
}
