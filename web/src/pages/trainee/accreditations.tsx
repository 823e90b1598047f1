import { api, call } from '../../api/client';
import { downloadFrom, saveFile } from '../../api/download';
import { Link, useTitle } from '../../router';
import { Badge, Empty, ErrorBox, fmtDate, Loading, useAction, useLoad } from '../../ui';
import { PublicListingToggle } from '../public-listing-toggle';

export function TraineeAccreditations() {
  useTitle('My accreditations');
  const { data, error, loading } = useLoad(() => call(api.GET('/api/v1/accreditations', { params: { query: { limit: 100 } } })), []);
  const dl = useAction(async (id: string, kind: 'jws' | 'json' | 'pdf') => {
    if (kind === 'pdf')
      return downloadFrom(
        api.GET('/api/v1/accreditations/{id}/certificate.pdf', { params: { path: { id } }, parseAs: 'blob' }),
        'certificate.pdf',
      );
    const c = await call(api.GET('/api/v1/accreditations/{id}/credential', { params: { path: { id } } }));
    if (kind === 'jws') saveFile(`${c.certificateNumber}.jwt`, c.jws, c.mediaType || 'application/vc+jwt');
    else saveFile(`${c.certificateNumber}.json`, JSON.stringify(c.credential, null, 2), 'application/json');
  });
  return (
    <>
      <h1>My accreditations</h1>
      {loading && <Loading />}
      <ErrorBox error={error ?? dl.error} />
      {data && data.items.length === 0 && (
        <Empty>No accreditation yet. When your body approves an application, it appears here with its verifiable credential.</Empty>
      )}
      {data?.items.map((a) => (
        <div className="card" key={a.id}>
          <h2 style={{ marginTop: 0 }}>{a.levelName}</h2>
          <dl className="facts">
            <dt>Certificate</dt>
            <dd>
              <Link to={`/verify/${encodeURIComponent(a.certificateNumber)}`}>{a.certificateNumber}</Link>
            </dd>
            <dt>Status</dt>
            <dd>
              <Badge tone={a.status === 'active' ? 'ok' : 'bad'}>{a.status}</Badge>
            </dd>
            <dt>Issued</dt>
            <dd>{fmtDate(a.issuedOn)}</dd>
            <dt>Expires</dt>
            <dd>{fmtDate(a.expiresOn)}</dd>
            <dt>On the public register</dt>
            <dd>
              <PublicListingToggle accreditation={a} />
            </dd>
          </dl>
          <p className="row">
            <button type="button" disabled={dl.busy} onClick={() => void dl.run(a.id, 'pdf')}>
              Download certificate (PDF)
            </button>
            <button type="button" className="secondary" disabled={dl.busy} onClick={() => void dl.run(a.id, 'jws')}>
              Download verifiable credential (JWT)
            </button>
            <button type="button" className="secondary" disabled={dl.busy} onClick={() => void dl.run(a.id, 'json')}>
              Download credential (JSON)
            </button>
          </p>
          <p className="muted">
            The PDF is a printable certificate whose QR code opens its public verification page. The JWT is an Open Badges 3.0 credential:
            any OB 3.0 wallet or verifier can check its signature and, through its status list, whether it is suspended or revoked today.
            The JSON is a readable copy without the signature.
          </p>
        </div>
      ))}
    </>
  );
}
