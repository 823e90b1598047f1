import { api, call } from '../../api/client';
import { downloadFrom, saveFile } from '../../api/download';
import { ErrorBox, useAction } from '../../ui';

/** "Download my record": the whole training record, theirs to keep (JSON with a documented schema, or a readable PDF). */
export function RecordDownload() {
  const dl = useAction(async (kind: 'json' | 'pdf') => {
    if (kind === 'pdf') return downloadFrom(api.GET('/api/v1/me/record-export.pdf', { parseAs: 'blob' }), 'training-record.pdf');
    const record = await call(api.GET('/api/v1/me/record-export'));
    saveFile(`training-record-${record.exportedAt.slice(0, 10)}.json`, JSON.stringify(record, null, 2), 'application/json');
  });
  return (
    <section className="card" aria-labelledby="record-download">
      <h2 id="record-download" style={{ marginTop: 0 }}>
        My whole record
      </h2>
      <p className="muted">
        Everything recorded about your training — activities, cases with their sessions, measures and sign-offs, supervision, ratings,
        applications and accreditations — to keep or to take to another body.
      </p>
      <ErrorBox error={dl.error} />
      <p className="row">
        <button type="button" disabled={dl.busy} onClick={() => void dl.run('pdf')}>
          Download my record (PDF)
        </button>
        <button type="button" className="secondary" disabled={dl.busy} onClick={() => void dl.run('json')}>
          Download my record (JSON)
        </button>
      </p>
    </section>
  );
}
