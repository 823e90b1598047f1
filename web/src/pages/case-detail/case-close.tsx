import { type FormEvent, useState } from 'react';
import { api, call, etagOf, type Schemas } from '../../api/client';
import { useTranslation } from '../../i18n';
import { navigate } from '../../router';
import { ErrorBox, Field, fieldErrors, formProblems, today, useAction } from '../../ui';
import { label } from '../shared/labels';
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
  const { t } = useTranslation('cases');
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
        {t('close.title')}
      </h2>
      <p className="small muted">{t('close.counts')}</p>
      {c.reviewState !== 'draft' && (
        <p className="alert warn">{c.reviewState === 'signed_off' ? t('close.backToDraftVoided') : t('close.backToDraft')}</p>
      )}
      <ErrorBox error={save.error} title={t('close.failed')} />
      <div className="row">
        <Field label={t('fields:status')} errors={err('status')}>
          {(p) => (
            <select
              {...p}
              autoFocus
              value={form.status}
              onChange={(e) => setForm({ ...form, status: e.target.value as Schemas['CaseStatus'] })}
            >
              {CLOSED_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {label('caseStatus', s)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('fields:endDate')} errors={err('endDate')}>
          {(p) => (
            <input {...p} type="date" required value={form.endDate} onChange={(e) => setForm({ ...form, endDate: e.target.value })} />
          )}
        </Field>
      </div>
      <Field label={t('fields:endReason')} hint={t('close.endReasonHint')} errors={err('endReason')}>
        {(p) => <input {...p} maxLength={500} value={form.endReason} onChange={(e) => setForm({ ...form, endReason: e.target.value })} />}
      </Field>
      <Field label={t('fields:outcome')} hint={t('noIdentifying')} errors={err('outcome')}>
        {(p) => <textarea {...p} maxLength={4000} value={form.outcome} onChange={(e) => setForm({ ...form, outcome: e.target.value })} />}
      </Field>
      <p className="row">
        <button type="submit" disabled={save.busy}>
          {save.busy ? t('common:saving') : t('close.markAs', { status: label('caseStatus', form.status) })}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('common:cancel')}
        </button>
      </p>
    </form>
  );
}

/** Deleting a case the API still lets go (never signed off), after an explicit confirmation. */
export function CaseDelete({ c, everSignedOff }: { c: Case; everSignedOff: boolean }) {
  const { t } = useTranslation('cases');
  const [confirming, setConfirming] = useState(false);
  const del = useAction(async () => {
    await call(api.DELETE('/api/v1/cases/{id}', { params: { path: { id: c.id } } }));
    navigate('/trainee/cases?deleted=' + encodeURIComponent(c.clientCode));
  });
  if (everSignedOff) return <p className="small muted">{t('delete.signedOffOnce')}</p>;
  return (
    <div>
      <ErrorBox error={del.error} title={t('delete.failed')} />
      {!confirming ? (
        <button type="button" className="danger" onClick={() => setConfirming(true)}>
          {t('delete.button')}
        </button>
      ) : (
        <div className="alert warn" role="alertdialog" aria-labelledby="del-q">
          <p id="del-q">{t('delete.question', { code: c.clientCode, count: c.sessions.length })}</p>
          <p className="row">
            <button type="button" className="danger" autoFocus disabled={del.busy} onClick={() => void del.run()}>
              {del.busy ? t('delete.deleting') : t('delete.yes', { code: c.clientCode })}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              {t('delete.keep')}
            </button>
          </p>
        </div>
      )}
    </div>
  );
}
