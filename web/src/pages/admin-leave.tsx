import { type FormEvent, useState } from 'react';
import { api, call, type Schemas } from '../api/client';
import { formatDate, useTranslation } from '../i18n';
import { ErrorBox, Field, fieldErrors, today, useAction } from '../ui';

/** A leave of absence on an accreditation: the expiry moves on by the leave's length (the service decides by how much). */
export function LeaveOfAbsence({
  a,
  onDone,
  onCancel,
}: {
  a: Schemas['AccreditationDto'];
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('renewal');
  const [from, setFrom] = useState(today());
  const [to, setTo] = useState(today());
  const [reason, setReason] = useState('');
  const save = useAction(async () => {
    const r = await call(
      api.POST('/api/v1/accreditations/{id}/leave', { params: { path: { id: a.id } }, body: { from, to, reason: reason.trim() } }),
    );
    onDone(t('leaveRecorded', { certificate: a.certificateNumber, holder: a.holderName, date: formatDate(r.expiresOn) }));
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save.run();
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="leave-h">
      <h2 id="leave-h" style={{ marginTop: 0 }}>
        {t('leaveTitle', { certificate: a.certificateNumber, holder: a.holderName })}
      </h2>
      <ErrorBox error={save.error} />
      <div className="row">
        <Field label={t('leaveFrom')} errors={fieldErrors(save.error, 'from')}>
          {(p) => <input {...p} type="date" required value={from} onChange={(e) => setFrom(e.target.value)} />}
        </Field>
        <Field label={t('leaveTo')} errors={fieldErrors(save.error, 'to')}>
          {(p) => <input {...p} type="date" required value={to} onChange={(e) => setTo(e.target.value)} />}
        </Field>
      </div>
      <Field label={t('leaveReason')} errors={fieldErrors(save.error, 'reason')}>
        {(p) => <textarea {...p} required rows={2} value={reason} onChange={(e) => setReason(e.target.value)} style={{ width: '100%' }} />}
      </Field>
      <div className="row">
        <button type="submit" disabled={save.busy || !reason.trim()}>
          {t('leaveSave')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
