import { type FormEvent, type Ref, useEffect, useRef, useState } from 'react';
import { api, etagOf, type Schemas } from '../../api/client';
import { Trans } from 'react-i18next';
import { useTranslation } from '../../i18n';
import { ErrorBox, Field, fieldErrors, formProblems, today, useAction, useLoad } from '../../ui';
import { labelOr } from '../shared/labels';
import { loadTaxonomy, type TaxonomyDefinition } from '../shared/taxonomy';
import { checkSession, hasProblems } from './case-checks';
import { caseWrite } from './case-write';

type Case = Schemas['CaseDto'];
type Session = Schemas['SessionDto'];
type Phase = string;

type PhaseList = TaxonomyDefinition['phases'];
// until the case's taxonomy has loaded (and for the seeded IPT one): IPT's phases and boundaries
const IPT: Pick<TaxonomyDefinition, 'phases' | 'phaseBoundaries'> = {
  phases: [
    { code: 'initial', label: 'initial' },
    { code: 'middle', label: 'middle' },
    { code: 'termination', label: 'termination' },
  ],
  phaseBoundaries: { initialLastSession: 3, terminationSessions: 3 },
};

/** The phase a session number is in by the taxonomy's phase-boundary defaults: first, middle (second) or last phase. */
export function phaseFor(num: number, planned: number, t: Pick<TaxonomyDefinition, 'phases' | 'phaseBoundaries'> = IPT): Phase {
  const codes = t.phases.map((p) => p.code);
  if (num <= t.phaseBoundaries.initialLastSession) return codes[0];
  if (num > planned - t.phaseBoundaries.terminationSessions) return codes[codes.length - 1];
  return codes[Math.min(1, codes.length - 1)];
}

/** The case's taxonomy (its phases), IPT's until it has loaded. */
function useCaseTaxonomy(c: Case) {
  return useLoad(() => loadTaxonomy(c.taxonomyVersionId), [c.taxonomyVersionId]).data?.definition ?? IPT;
}

interface SessionValues {
  date: string;
  durationMinutes: number;
  attended: boolean;
  recorded: boolean;
  phase: Phase | '';
}

/** The session's fields; `dateKey` re-creates the date input so a focused date starts at its first part. */
function SessionFields({
  form,
  setForm,
  error,
  autoPhase,
  phases,
  dateRef,
  dateKey,
  autoFocus,
}: {
  form: SessionValues;
  setForm: (f: SessionValues) => void;
  error: unknown;
  autoPhase?: Phase;
  phases: PhaseList;
  dateRef?: Ref<HTMLInputElement>;
  dateKey?: string;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation('cases');
  const err = (f: string) => fieldErrors(error, f);
  return (
    <>
      <Field label={t('fields:date')} errors={err('date')}>
        {(p) => (
          <input
            {...p}
            key={dateKey}
            ref={dateRef}
            autoFocus={autoFocus}
            type="date"
            required
            value={form.date}
            onChange={(e) => setForm({ ...form, date: e.target.value })}
          />
        )}
      </Field>
      <Field label={t('fields:durationMinutes')} errors={err('durationMinutes')}>
        {(p) => (
          <input
            {...p}
            type="number"
            min={10}
            max={180}
            style={{ width: '6rem' }}
            value={form.durationMinutes}
            onChange={(e) => setForm({ ...form, durationMinutes: Number(e.target.value) })}
          />
        )}
      </Field>
      <Field label={t('fields:phase')} errors={err('phase')}>
        {(p) => (
          <select {...p} value={form.phase} onChange={(e) => setForm({ ...form, phase: e.target.value as Phase | '' })}>
            {autoPhase && (
              <option value="">
                {t('session.autoPhase', {
                  phase: labelOr('sessionPhase', autoPhase, phases.find((ph) => ph.code === autoPhase)?.label ?? autoPhase),
                })}
              </option>
            )}
            {phases.map((ph) => (
              <option key={ph.code} value={ph.code}>
                {labelOr('sessionPhase', ph.code, ph.label)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="field">
        <label>
          <input type="checkbox" checked={form.attended} onChange={(e) => setForm({ ...form, attended: e.target.checked })} />{' '}
          {t('fields:attended')}
        </label>
        <label>
          <input type="checkbox" checked={form.recorded} onChange={(e) => setForm({ ...form, recorded: e.target.checked })} />{' '}
          {t('fields:recorded')}
        </label>
      </div>
    </>
  );
}

export function AddSessionForm({
  c,
  autoFocus,
  onChange,
  reload,
}: {
  c: Case;
  autoFocus: boolean;
  onChange: (c: Case) => void;
  reload: () => void;
}) {
  const { t } = useTranslation('cases');
  const nextNumber = (c.sessions.at(-1)?.number ?? 0) + 1;
  const taxonomy = useCaseTaxonomy(c);
  const [form, setForm] = useState<SessionValues>({
    date: today(),
    durationMinutes: 50,
    attended: true,
    recorded: c.recordingConsent,
    phase: '',
  });
  const [focusTick, setFocusTick] = useState(0);
  const dateRef = useRef<HTMLInputElement>(null);
  // after a session is added the date input is a new element (keyed by the session number): focusing it puts the
  // cursor on its first part, ready to type the next date, not on the year the last keystroke left it at
  useEffect(() => {
    if (focusTick) dateRef.current?.focus();
  }, [focusTick]);
  const add = useAction(async () => {
    const problems = checkSession(c, form);
    if (hasProblems(problems)) throw formProblems(problems);
    const next = await caseWrite(
      api.POST('/api/v1/cases/{id}/sessions', {
        params: { path: { id: c.id } },
        headers: { 'If-Match': etagOf(c.version) },
        body: {
          number: nextNumber,
          date: form.date,
          durationMinutes: form.durationMinutes,
          phase: form.phase || phaseFor(nextNumber, c.plannedSessions, taxonomy),
          attended: form.attended,
          recorded: form.recorded,
        },
      }),
      reload,
    );
    onChange(next);
    setForm((f) => ({ ...f, phase: '' }));
    setFocusTick((t) => t + 1);
    return t('session.added', { number: nextNumber });
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void add.run();
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('session.addLabel')} style={{ marginTop: '1rem' }}>
      <h3>
        {t('session.add', { number: nextNumber })}{' '}
        <span className="small muted">
          — <Trans t={t} i18nKey="session.pressEnter" components={{ kbd: <span className="kbd" /> }} />
        </span>
      </h3>
      <ErrorBox error={add.error} title={t('session.addFailed')} />
      <div className="row">
        <SessionFields
          form={form}
          setForm={setForm}
          error={add.error}
          autoPhase={phaseFor(nextNumber, c.plannedSessions, taxonomy)}
          phases={taxonomy.phases}
          dateRef={dateRef}
          dateKey={`date-${nextNumber}`}
          autoFocus={autoFocus}
        />
        <div className="field">
          <button type="submit" disabled={add.busy}>
            {add.busy ? t('session.adding') : t('session.add', { number: nextNumber })}
          </button>
        </div>
      </div>
      <p role="status" aria-live="polite" className="small">
        {add.notice}
      </p>
    </form>
  );
}

/** Editing one logged session (its number stays), or deleting it after a confirmation. */
export function EditSessionForm({
  c,
  s,
  onChange,
  onDone,
  reload,
}: {
  c: Case;
  s: Session;
  onChange: (c: Case) => void;
  onDone: (message: string) => void;
  reload: () => void;
}) {
  const { t } = useTranslation('cases');
  const taxonomy = useCaseTaxonomy(c);
  const [form, setForm] = useState<SessionValues>({
    date: s.date,
    durationMinutes: s.durationMinutes,
    attended: s.attended,
    recorded: s.recorded,
    phase: s.phase,
  });
  const [confirmDelete, setConfirmDelete] = useState(false);
  const path = { params: { path: { id: c.id, sessionId: s.id } }, headers: { 'If-Match': etagOf(c.version) } };
  const save = useAction(async () => {
    const problems = checkSession(c, form);
    if (hasProblems(problems)) throw formProblems(problems);
    const body = {
      number: s.number,
      date: form.date,
      durationMinutes: form.durationMinutes,
      phase: (form.phase || s.phase) as Phase,
      attended: form.attended,
      recorded: form.recorded,
    };
    onChange(await caseWrite(api.PATCH('/api/v1/cases/{id}/sessions/{sessionId}', { ...path, body }), reload));
    onDone(t('session.saved', { number: s.number }));
  });
  const del = useAction(async () => {
    onChange(await caseWrite(api.DELETE('/api/v1/cases/{id}/sessions/{sessionId}', path), reload));
    onDone(t('session.deleted', { number: s.number }));
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save.run();
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby={`edit-session-${s.id}`} className="card" style={{ marginTop: '1rem' }}>
      <h3 id={`edit-session-${s.id}`} style={{ marginTop: 0 }}>
        {t('session.edit', { number: s.number })}
      </h3>
      <ErrorBox error={save.error ?? del.error} title={del.error ? t('session.deleteFailed') : t('session.saveFailed')} />
      <div className="row">
        <SessionFields form={form} setForm={setForm} error={save.error} phases={taxonomy.phases} autoFocus />
      </div>
      <p className="row">
        <button type="submit" disabled={save.busy}>
          {save.busy ? t('common:saving') : t('session.save', { number: s.number })}
        </button>
        <button type="button" className="secondary" onClick={() => onDone('')}>
          {t('common:cancel')}
        </button>
        {!confirmDelete ? (
          <button type="button" className="danger" onClick={() => setConfirmDelete(true)}>
            {t('session.delete', { number: s.number })}
          </button>
        ) : (
          <span role="group" aria-label={t('confirmDeletion')}>
            {t('session.deleteQuestion', { number: s.number })}{' '}
            <button type="button" className="danger" autoFocus disabled={del.busy} onClick={() => void del.run()}>
              {t('session.yesDelete')}
            </button>{' '}
            <button type="button" className="secondary" onClick={() => setConfirmDelete(false)}>
              {t('common:no')}
            </button>
          </span>
        )}
      </p>
    </form>
  );
}
