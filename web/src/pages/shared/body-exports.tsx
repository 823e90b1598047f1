import { useState } from 'react';
import { api, call } from '../../api/client';
import { downloadFrom } from '../../api/download';
import { useAuth } from '../../auth';
import { useTranslation } from '../../i18n';
import { ErrorBox, useAction, useLoad } from '../../ui';

type Kind = 'register' | 'applications' | 'renewals';

/** Export buttons (CSV, XLSX) for the body the admin administers; a global admin or an admin of several bodies picks one. */
export function BodyExports({ kinds }: { kinds: Kind[] }) {
  const { t } = useTranslation('progress');
  const { bodiesFor, has } = useAuth();
  const bodies = useLoad(() => call(api.GET('/api/v1/bodies')), []);
  const mine = bodiesFor('BODY_ADMIN');
  const choices = has('ADMIN') ? (bodies.data ?? []) : (bodies.data ?? []).filter((b) => mine.includes(b.id));
  const [picked, setPicked] = useState('');
  const bodyId = picked || choices[0]?.id || '';
  const dl = useAction((kind: Kind, format: 'csv' | 'xlsx') =>
    downloadFrom(
      api.GET('/api/v1/bodies/{bodyId}/exports/{kind}', { params: { path: { bodyId, kind }, query: { format } }, parseAs: 'blob' }),
      `${kind}.${format}`,
    ),
  );
  if (!choices.length) return null;
  return (
    <section className="card" aria-label={t('exports.label')}>
      <div className="row">
        {choices.length > 1 && (
          <label>
            {t('exports.body')}{' '}
            <select value={bodyId} onChange={(e) => setPicked(e.target.value)}>
              {choices.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {kinds.flatMap((k) =>
          (['csv', 'xlsx'] as const).map((f) => (
            <button key={`${k}-${f}`} type="button" className="secondary" disabled={dl.busy || !bodyId} onClick={() => void dl.run(k, f)}>
              {t(`exports.${k}`, { format: f.toUpperCase() })}
            </button>
          )),
        )}
      </div>
      <ErrorBox error={dl.error} />
    </section>
  );
}
