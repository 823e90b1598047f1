import { type FormEvent, useState } from 'react';
import { api, call, type Schemas } from '../api/client';
import { Link, navigate, useLocation, useTitle } from '../router';
import { Badge, Empty, ErrorBox, Field, fmtDate, fmtDateTime, Loading, useLoad } from '../ui';

export function RegisterSearch() {
  useTitle('Public register');
  const { query } = useLocation();
  const [name, setName] = useState(query.get('name') ?? '');
  const [country, setCountry] = useState(query.get('country') ?? '');
  const [bodyId, setBodyId] = useState(query.get('bodyId') ?? '');
  const bodies = useLoad(() => call(api.GET('/api/v1/bodies')), []);
  const q = { name: query.get('name') ?? undefined, country: query.get('country') ?? undefined, bodyId: query.get('bodyId') ?? undefined };
  const results = useLoad(
    () =>
      call(
        api.GET('/api/v1/register', { params: { query: { limit: 50, ...Object.fromEntries(Object.entries(q).filter(([, v]) => v)) } } }),
      ),
    [q.name, q.country, q.bodyId],
  );
  const search = (e: FormEvent) => {
    e.preventDefault();
    const params = new URLSearchParams(Object.entries({ name: name.trim(), country: country.trim(), bodyId }).filter(([, v]) => v));
    navigate(`/register${params.size ? `?${params}` : ''}`);
  };
  return (
    <>
      <h1>Public register of accredited IPT practitioners</h1>
      <p className="muted">Practitioners who hold a current accreditation and agreed to be listed.</p>
      <form className="card row" role="search" onSubmit={search}>
        <Field label="Name">{(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} />}</Field>
        <Field label="Country" hint="e.g. UK, Germany or DE">
          {(p) => (
            <input
              {...p}
              value={country}
              maxLength={80}
              autoComplete="country-name"
              style={{ width: '12rem' }}
              onChange={(e) => setCountry(e.target.value)}
            />
          )}
        </Field>
        <Field label="Body">
          {(p) => (
            <select {...p} value={bodyId} onChange={(e) => setBodyId(e.target.value)}>
              <option value="">Any</option>
              {bodies.data?.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="field">
          <button type="submit">Search</button>
        </div>
      </form>
      {results.loading && <Loading label="Searching the register…" />}
      <ErrorBox error={results.error} />
      {results.data && results.data.items.length === 0 && (
        <Empty>No listed practitioner matches. Try fewer words, or another country.</Empty>
      )}
      {results.data && results.data.items.length > 0 && (
        <div className="table-wrap">
          <table className="stack" aria-label="Register entries">
            <thead>
              <tr>
                <th>Name</th>
                <th>Level</th>
                <th>Body</th>
                <th>Valid until</th>
                <th>Status</th>
                <th>Certificate</th>
              </tr>
            </thead>
            <tbody>
              {results.data.items.map((r) => (
                <tr key={r.certificateNumber}>
                  <td data-label="Name">{r.holderName}</td>
                  <td data-label="Level">{r.level.name}</td>
                  <td data-label="Body">
                    {r.body.name} ({r.body.countryCode})
                  </td>
                  <td data-label="Valid until">{fmtDate(r.expiresOn)}</td>
                  <td data-label="Status">
                    <Badge tone={r.status === 'active' ? 'ok' : 'warn'}>{r.status}</Badge>
                  </td>
                  <td data-label="Certificate">
                    <Link to={`/verify/${encodeURIComponent(r.certificateNumber)}`}>{r.certificateNumber}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** What a person typed as a certificate number, as it is issued: no spaces, hyphens for dashes, upper case. */
export const typedCertificateNumber = (typed: string): string =>
  typed
    .replace(/\s+/g, '')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .toUpperCase();

function VerificationResult({ v }: { v: Schemas['VerificationDto'] | Schemas['PresentedVerificationDto'] }) {
  const valid = v.result === 'valid';
  // a valid certificate held by someone else is no reassurance: never green when the name does not match
  const nameMismatch = v.nameMatches === false;
  const tone = valid && !nameMismatch ? 'ok' : valid ? 'warn' : 'error';
  return (
    <section className={`alert ${tone}`} role="status" aria-live="polite">
      <h2 style={{ marginTop: 0 }}>
        {valid && nameMismatch
          ? '⚠ Valid certificate, but not in the name you entered'
          : valid
            ? '✓ Valid accreditation'
            : v.result === 'unknown'
              ? 'No such certificate'
              : `✗ Not valid: ${v.result.replace(/_/g, ' ')}`}
      </h2>
      {valid && nameMismatch && (
        <p>
          <strong>Check who you are talking to.</strong> This certificate exists and is valid, but the name you entered is not the
          holder&apos;s. Ask the person for their own certificate number, or contact the issuing body.
        </p>
      )}
      {v.result !== 'unknown' && (
        <dl className="facts">
          <dt>Certificate</dt>
          <dd>{v.certificateNumber}</dd>
          {v.holderName && (
            <>
              <dt>Holder</dt>
              <dd>{v.holderName}</dd>
            </>
          )}
          {v.level && (
            <>
              <dt>Level</dt>
              <dd>{v.level.name}</dd>
            </>
          )}
          {v.body && (
            <>
              <dt>Issued by</dt>
              <dd>
                {v.body.name} ({v.body.countryCode})
              </dd>
            </>
          )}
          <dt>Issued / expires</dt>
          <dd>
            {fmtDate(v.issuedOn)} – {fmtDate(v.expiresOn)}
          </dd>
          {v.nameMatches !== null && v.nameMatches !== undefined && (
            <>
              <dt>Name you entered</dt>
              <dd>{v.nameMatches ? '✓ matches' : <strong>⚠ does not match</strong>}</dd>
            </>
          )}
          <dt>Checked</dt>
          <dd>{fmtDateTime(v.checkedAt)}</dd>
        </dl>
      )}
    </section>
  );
}

export function Verify({ cert }: { cert?: string }) {
  useTitle('Verify a certificate');
  const { query } = useLocation();
  const [number, setNumber] = useState(cert ?? '');
  const [name, setName] = useState(query.get('name') ?? '');
  const [jws, setJws] = useState('');
  const byNumber = useLoad(
    () =>
      cert
        ? call(
            api.GET('/api/v1/verify/{certificateNumber}', {
              params: { path: { certificateNumber: cert }, query: query.get('name') ? { name: query.get('name')! } : {} },
            }),
          )
        : Promise.resolve(undefined),
    [cert, query.get('name')],
  );
  const [presented, setPresented] = useState<{ data?: Schemas['PresentedVerificationDto']; error?: unknown; busy?: boolean }>({});
  const lookUp = (e: FormEvent) => {
    e.preventDefault();
    const typed = typedCertificateNumber(number);
    if (!typed) return;
    setNumber(typed);
    navigate(`/verify/${encodeURIComponent(typed)}${name.trim() ? `?name=${encodeURIComponent(name.trim())}` : ''}`);
  };
  const check = async (e: FormEvent) => {
    e.preventDefault();
    setPresented({ busy: true });
    try {
      setPresented({ data: await call(api.POST('/api/v1/verify', { body: { credential: jws.trim() } })) });
    } catch (error) {
      setPresented({ error });
    }
  };
  return (
    <>
      <h1>Verify a certificate</h1>
      <div className="grid">
        <form className="card" onSubmit={lookUp} aria-labelledby="by-number">
          <h2 id="by-number" style={{ marginTop: 0 }}>
            By certificate number
          </h2>
          <Field label="Certificate number">
            {(p) => <input {...p} required value={number} onChange={(e) => setNumber(e.target.value)} style={{ width: '100%' }} />}
          </Field>
          <Field label="Holder's name" hint="optional: checks that it matches">
            {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} style={{ width: '100%' }} />}
          </Field>
          <button type="submit">Verify</button>
        </form>
        <form className="card" onSubmit={(e) => void check(e)} aria-labelledby="by-credential">
          <h2 id="by-credential" style={{ marginTop: 0 }}>
            By credential
          </h2>
          <Field
            label="Verifiable credential (the JWT the holder gave you)"
            hint="an Open Badges 3.0 credential; its signature and today's status are checked"
          >
            {(p) => <textarea {...p} required value={jws} onChange={(e) => setJws(e.target.value)} />}
          </Field>
          <button type="submit" disabled={presented.busy}>
            {presented.busy ? 'Checking the signature…' : 'Check credential'}
          </button>
        </form>
      </div>
      {byNumber.loading && cert && <Loading label="Checking…" />}
      <ErrorBox error={byNumber.error} />
      {byNumber.data && <VerificationResult v={byNumber.data} />}
      <ErrorBox error={presented.error} title="The credential could not be checked" />
      {presented.data && <VerificationResult v={presented.data} />}
    </>
  );
}
