import { type FormEvent, useState } from 'react';
import { api, call, type Schemas } from '../../api/client';
import { useAuth } from '../../auth';
import { formatDate, formatNumber, useTranslation } from '../../i18n';
import { Empty, ErrorBox, Field, fieldErrors, Notice, today, useAction, useLoad } from '../../ui';

type Relationship = Schemas['RelationshipDto'];

/** A supervisee's training activities waiting for verification, each verified with one button. */
export function ActivitiesToVerify({ traineeId, name }: { traineeId: string; name: string }) {
  const { t } = useTranslation('training');
  const list = useLoad(
    () => call(api.GET('/api/v1/trainees/{traineeId}/activities', { params: { path: { traineeId }, query: { limit: 100 } } })),
    [traineeId],
  );
  const verify = useAction(async (id: string, title: string) => {
    await call(api.POST('/api/v1/activities/{id}/verify', { params: { path: { id } } }));
    list.reload();
    return t('verifiedNotice', { title });
  });
  const waiting = (list.data?.items ?? []).filter((a) => !a.verified);
  return (
    <div>
      <h3>{t('toVerify', { name })}</h3>
      <ErrorBox error={list.error ?? verify.error} />
      <Notice>{verify.notice}</Notice>
      {list.data && waiting.length === 0 && <p className="muted">{t('nothingToVerify')}</p>}
      {waiting.length > 0 && (
        <ul className="plain">
          {waiting.map((a) => (
            <li key={a.id} className="row">
              {formatDate(a.date)}: {a.title} ({a.provider}), {formatNumber(a.hours)} h{' '}
              <button type="button" className="secondary" disabled={verify.busy} onClick={() => void verify.run(a.id, a.title)}>
                {t('verify', { title: a.title })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Recording a supervision meeting from the app: individual or group, its participants, and the cases reviewed
 *  (the minutes per case are what case-supervision rules count; left empty, the meeting's credit is split evenly). */
export function RecordMeeting({ supervisees, onSaved }: { supervisees: Relationship[]; onSaved: () => void }) {
  const { t } = useTranslation('training');
  const { me } = useAuth();
  const [format, setFormat] = useState<'individual' | 'group'>('individual');
  const [participants, setParticipants] = useState<string[]>([]);
  const [date, setDate] = useState(today());
  const [minutes, setMinutes] = useState('60');
  const [notes, setNotes] = useState('');
  const [reviewed, setReviewed] = useState<string[]>([]);
  const chosen = format === 'individual' ? participants.slice(0, 1) : participants;
  const cases = useLoad(
    () =>
      chosen.length
        ? Promise.all(
            chosen.map((traineeId) =>
              call(api.GET('/api/v1/cases', { params: { query: { supervisorId: me!.id, traineeId, limit: 100 } } })).then((p) => p.items),
            ),
          ).then((lists) => lists.flat())
        : Promise.resolve([]),
    [chosen.join(',')],
  );
  const save = useAction(async () => {
    await call(
      api.POST('/api/v1/supervision-sessions', {
        body: {
          date,
          minutes: Number(minutes),
          format,
          participantIds: chosen,
          caseReviews: reviewed.filter((id) => (cases.data ?? []).some((c) => c.id === id)).map((caseId) => ({ caseId })),
          ...(notes.trim() ? { notes } : {}),
        },
      }),
    );
    onSaved();
    setReviewed([]);
    setNotes('');
    return t('meetingSaved', { count: chosen.length, date: formatDate(date) });
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save.run();
  };
  const toggle = (list: string[], id: string, on: boolean) => (on ? [...list.filter((x) => x !== id), id] : list.filter((x) => x !== id));
  if (supervisees.length === 0) return null;
  return (
    <section className="card" aria-labelledby="meeting-h">
      <h2 id="meeting-h" style={{ marginTop: 0 }}>
        {t('meetingTitle')}
      </h2>
      <form onSubmit={submit}>
        <div className="row">
          <Field label={t('format')}>
            {(p) => (
              <select {...p} value={format} onChange={(e) => setFormat(e.target.value as 'individual' | 'group')}>
                <option value="individual">{t('formats.individual')}</option>
                <option value="group">{t('formats.group')}</option>
              </select>
            )}
          </Field>
          <Field label={t('date')} errors={fieldErrors(save.error, 'date')}>
            {(p) => <input {...p} type="date" required value={date} onChange={(e) => setDate(e.target.value)} />}
          </Field>
          <Field label={t('minutes')} errors={fieldErrors(save.error, 'minutes')}>
            {(p) => (
              <input
                {...p}
                inputMode="numeric"
                required
                value={minutes}
                onChange={(e) => setMinutes(e.target.value)}
                style={{ width: '6rem' }}
              />
            )}
          </Field>
        </div>
        <fieldset>
          <legend>{format === 'individual' ? t('whoIndividual') : t('whoGroup')}</legend>
          {supervisees.map((r) =>
            format === 'individual' ? (
              <label key={r.traineeId} className="check">
                <input
                  type="radio"
                  name="participant"
                  checked={participants[0] === r.traineeId}
                  onChange={() => setParticipants([r.traineeId])}
                />{' '}
                {r.traineeName}
              </label>
            ) : (
              <label key={r.traineeId} className="check">
                <input
                  type="checkbox"
                  checked={participants.includes(r.traineeId)}
                  onChange={(e) => setParticipants(toggle(participants, r.traineeId, e.target.checked))}
                />{' '}
                {r.traineeName}
              </label>
            ),
          )}
        </fieldset>
        {chosen.length > 0 && (
          <fieldset>
            <legend>{t('casesReviewed')}</legend>
            {cases.data && cases.data.length === 0 && <Empty>{t('noCases')}</Empty>}
            {(cases.data ?? []).map((c) => (
              <label key={c.id} className="check">
                <input
                  type="checkbox"
                  checked={reviewed.includes(c.id)}
                  onChange={(e) => setReviewed(toggle(reviewed, c.id, e.target.checked))}
                />{' '}
                {t('caseOf', { code: c.clientCode, name: supervisees.find((s) => s.traineeId === c.traineeId)?.traineeName ?? '' })}
              </label>
            ))}
          </fieldset>
        )}
        <Field label={t('notes')} hint={t('notesHint')} errors={fieldErrors(save.error, 'notes')}>
          {(p) => <textarea {...p} rows={2} value={notes} onChange={(e) => setNotes(e.target.value)} style={{ width: '100%' }} />}
        </Field>
        <ErrorBox error={save.error} />
        <Notice>{save.notice}</Notice>
        <button type="submit" disabled={save.busy || chosen.length === 0}>
          {t('saveMeeting')}
        </button>
      </form>
    </section>
  );
}
