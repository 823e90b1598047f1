import { type FormEvent, useState } from 'react';
import { api, call, type Schemas } from '../../api/client';
import { formatDate, useTranslation } from '../../i18n';
import { ErrorBox, Field, Notice, useAction } from '../../ui';

/** The holder renews an expiring accreditation: the annual declaration (and a note), checked against the level's
 *  renewal rules by the service; what is still missing comes back in words. */
export function RenewAccreditation({ a, onRenewed }: { a: Schemas['AccreditationDto']; onRenewed: () => void }) {
  const { t } = useTranslation('renewal');
  const [declaration, setDeclaration] = useState(false);
  const [note, setNote] = useState('');
  const renew = useAction(async () => {
    const r = await call(
      api.POST('/api/v1/accreditations/{id}/renew', {
        params: { path: { id: a.id } },
        body: { declaration: true, ...(note.trim() ? { note } : {}) },
      }),
    );
    onRenewed();
    return t('renewed', { date: formatDate(r.expiresOn) });
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void renew.run();
  };
  return (
    <form onSubmit={submit} className="card" aria-labelledby={`renew-${a.id}`}>
      <h3 id={`renew-${a.id}`} style={{ marginTop: 0 }}>
        {t('title', { level: a.levelName })}
      </h3>
      <p className="small">{t('intro', { date: formatDate(a.expiresOn) })}</p>
      <label className="check">
        <input type="checkbox" checked={declaration} onChange={(e) => setDeclaration(e.target.checked)} /> {t('declaration')}
      </label>
      <Field label={t('note')} hint={t('noteHint')}>
        {(p) => <textarea {...p} rows={2} value={note} onChange={(e) => setNote(e.target.value)} style={{ width: '100%' }} />}
      </Field>
      <ErrorBox error={renew.error} title={t('notRenewed')} />
      <Notice>{renew.notice}</Notice>
      <button type="submit" disabled={renew.busy || !declaration}>
        {t('renew', { certificate: a.certificateNumber })}
      </button>
    </form>
  );
}
