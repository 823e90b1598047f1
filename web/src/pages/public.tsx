import { type FormEvent, useState } from 'react';
import { api, call, type Schemas } from '../api/client';
import { useTranslation } from '../i18n';
import { Link, navigate, useLocation, useTitle } from '../router';
import { label } from './shared/labels';
import { Badge, Empty, ErrorBox, Field, fmtDate, fmtDateTime, Loading, useLoad } from '../ui';

export function RegisterSearch() {
  const { t } = useTranslation('public');
  useTitle(t('register.title'));
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
      <h1>{t('register.heading')}</h1>
      <p className="muted">{t('register.intro')}</p>
      <form className="card row" role="search" onSubmit={search}>
        <Field label={t('register.name')}>{(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} />}</Field>
        <Field label={t('register.country')} hint={t('register.countryHint')}>
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
        <Field label={t('register.body')}>
          {(p) => (
            <select {...p} value={bodyId} onChange={(e) => setBodyId(e.target.value)}>
              <option value="">{t('register.anyBody')}</option>
              {bodies.data?.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="field">
          <button type="submit">{t('register.search')}</button>
        </div>
      </form>
      {results.loading && <Loading label={t('register.searching')} />}
      <ErrorBox error={results.error} />
      {results.data && results.data.items.length === 0 && <Empty>{t('register.empty')}</Empty>}
      {results.data && results.data.items.length > 0 && (
        <div className="table-wrap">
          <table className="stack" aria-label={t('register.entries')}>
            <thead>
              <tr>
                <th>{t('register.name')}</th>
                <th>{t('register.level')}</th>
                <th>{t('register.body')}</th>
                <th>{t('register.validUntil')}</th>
                <th>{t('register.status')}</th>
                <th>{t('register.certificate')}</th>
              </tr>
            </thead>
            <tbody>
              {results.data.items.map((r) => (
                <tr key={r.certificateNumber}>
                  <td data-label={t('register.name')}>{r.holderName}</td>
                  <td data-label={t('register.level')}>{r.level.name}</td>
                  <td data-label={t('register.body')}>
                    {r.body.name} ({r.body.countryCode})
                  </td>
                  <td data-label={t('register.validUntil')}>{fmtDate(r.expiresOn)}</td>
                  <td data-label={t('register.status')}>
                    <Badge tone={r.status === 'active' ? 'ok' : 'warn'}>{label('accreditationStatus', r.status)}</Badge>
                  </td>
                  <td data-label={t('register.certificate')}>
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
  const { t } = useTranslation('public');
  const valid = v.result === 'valid';
  // a valid certificate held by someone else is no reassurance: never green when the name does not match
  const nameMismatch = v.nameMatches === false;
  const tone = valid && !nameMismatch ? 'ok' : valid ? 'warn' : 'error';
  return (
    <section className={`alert ${tone}`} role="status" aria-live="polite">
      <h2 style={{ marginTop: 0 }}>
        {valid && nameMismatch
          ? t('verify.validOtherName')
          : valid
            ? t('verify.valid')
            : v.result === 'unknown'
              ? t('verify.unknown')
              : t('verify.notValid', { result: label('verificationResult', v.result) })}
      </h2>
      {valid && nameMismatch && (
        <p>
          <strong>{t('verify.checkWho')}</strong> {t('verify.otherNameBody')}
        </p>
      )}
      {v.result !== 'unknown' && (
        <dl className="facts">
          <dt>{t('register.certificate')}</dt>
          <dd>{v.certificateNumber}</dd>
          {v.holderName && (
            <>
              <dt>{t('verify.holder')}</dt>
              <dd>{v.holderName}</dd>
            </>
          )}
          {v.level && (
            <>
              <dt>{t('register.level')}</dt>
              <dd>{v.level.name}</dd>
            </>
          )}
          {v.body && (
            <>
              <dt>{t('verify.issuedBy')}</dt>
              <dd>
                {v.body.name} ({v.body.countryCode})
              </dd>
            </>
          )}
          <dt>{t('verify.issuedExpires')}</dt>
          <dd>
            {fmtDate(v.issuedOn)} – {fmtDate(v.expiresOn)}
          </dd>
          {v.nameMatches !== null && v.nameMatches !== undefined && (
            <>
              <dt>{t('verify.nameEntered')}</dt>
              <dd>{v.nameMatches ? t('verify.matches') : <strong>{t('verify.noMatch')}</strong>}</dd>
            </>
          )}
          <dt>{t('verify.checked')}</dt>
          <dd>{fmtDateTime(v.checkedAt)}</dd>
        </dl>
      )}
    </section>
  );
}

export function Verify({ cert }: { cert?: string }) {
  const { t } = useTranslation('public');
  useTitle(t('verify.title'));
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
      <h1>{t('verify.title')}</h1>
      <div className="grid">
        <form className="card" onSubmit={lookUp} aria-labelledby="by-number">
          <h2 id="by-number" style={{ marginTop: 0 }}>
            {t('verify.byNumber')}
          </h2>
          <Field label={t('verify.number')}>
            {(p) => <input {...p} required value={number} onChange={(e) => setNumber(e.target.value)} style={{ width: '100%' }} />}
          </Field>
          <Field label={t('verify.holderName')} hint={t('verify.holderNameHint')}>
            {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} style={{ width: '100%' }} />}
          </Field>
          <button type="submit">{t('verify.submit')}</button>
        </form>
        <form className="card" onSubmit={(e) => void check(e)} aria-labelledby="by-credential">
          <h2 id="by-credential" style={{ marginTop: 0 }}>
            {t('verify.byCredential')}
          </h2>
          <Field label={t('verify.credential')} hint={t('verify.credentialHint')}>
            {(p) => <textarea {...p} required value={jws} onChange={(e) => setJws(e.target.value)} />}
          </Field>
          <button type="submit" disabled={presented.busy}>
            {presented.busy ? t('verify.checkingSignature') : t('verify.checkCredential')}
          </button>
        </form>
      </div>
      {byNumber.loading && cert && <Loading label={t('verify.checking')} />}
      <ErrorBox error={byNumber.error} />
      {byNumber.data && <VerificationResult v={byNumber.data} />}
      <ErrorBox error={presented.error} title={t('verify.credentialFailed')} />
      {presented.data && <VerificationResult v={presented.data} />}
    </>
  );
}
