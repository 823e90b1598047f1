import { api, call } from '../../api/client';
import { downloadFrom, saveFile } from '../../api/download';
import { useTranslation } from '../../i18n';
import { ErrorBox, useAction } from '../../ui';

/** "Download my record": the whole training record, theirs to keep (JSON with a documented schema, or a readable PDF). */
export function RecordDownload() {
  const { t } = useTranslation('trainee');
  const dl = useAction(async (kind: 'json' | 'pdf') => {
    if (kind === 'pdf') return downloadFrom(api.GET('/api/v1/me/record-export.pdf', { parseAs: 'blob' }), 'training-record.pdf');
    const record = await call(api.GET('/api/v1/me/record-export'));
    saveFile(`training-record-${record.exportedAt.slice(0, 10)}.json`, JSON.stringify(record, null, 2), 'application/json');
  });
  return (
    <section className="card" aria-labelledby="record-download">
      <h2 id="record-download" style={{ marginTop: 0 }}>
        {t('record.title')}
      </h2>
      <p className="muted">{t('record.intro')}</p>
      <ErrorBox error={dl.error} />
      <p className="row">
        <button type="button" disabled={dl.busy} onClick={() => void dl.run('pdf')}>
          {t('record.pdf')}
        </button>
        <button type="button" className="secondary" disabled={dl.busy} onClick={() => void dl.run('json')}>
          {t('record.json')}
        </button>
      </p>
    </section>
  );
}
