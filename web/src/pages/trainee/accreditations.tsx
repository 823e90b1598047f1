import { api, call } from '../../api/client';
import { downloadFrom, saveFile } from '../../api/download';
import { useTranslation } from '../../i18n';
import { Link, useTitle } from '../../router';
import { Badge, Empty, ErrorBox, fmtDate, Loading, useAction, useLoad } from '../../ui';
import { PublicListingToggle } from '../public-listing-toggle';
import { label } from '../shared/labels';
import { RenewAccreditation } from './renew';

export function TraineeAccreditations() {
  const { t } = useTranslation('trainee');
  useTitle(t('accreditations.title'));
  const { data, error, loading, reload } = useLoad(
    () => call(api.GET('/api/v1/accreditations', { params: { query: { limit: 100 } } })),
    [],
  );
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
      <h1>{t('accreditations.title')}</h1>
      {loading && <Loading />}
      <ErrorBox error={error ?? dl.error} />
      {data && data.items.length === 0 && <Empty>{t('accreditations.empty')}</Empty>}
      {data?.items.map((a) => (
        <div className="card" key={a.id}>
          <h2 style={{ marginTop: 0 }}>{a.levelName}</h2>
          <dl className="facts">
            <dt>{t('accreditations.certificate')}</dt>
            <dd>
              <Link to={`/verify/${encodeURIComponent(a.certificateNumber)}`}>{a.certificateNumber}</Link>
            </dd>
            <dt>{t('accreditations.status')}</dt>
            <dd>
              <Badge tone={a.status === 'active' ? 'ok' : 'bad'}>{label('accreditationStatus', a.status)}</Badge>
            </dd>
            <dt>{t('accreditations.issued')}</dt>
            <dd>{fmtDate(a.issuedOn)}</dd>
            <dt>{t('accreditations.expires')}</dt>
            <dd>{fmtDate(a.expiresOn)}</dd>
            <dt>{t('accreditations.onRegister')}</dt>
            <dd>
              <PublicListingToggle accreditation={a} />
            </dd>
          </dl>
          <p className="row">
            <button type="button" disabled={dl.busy} onClick={() => void dl.run(a.id, 'pdf')}>
              {t('accreditations.downloadPdf')}
            </button>
            <button type="button" className="secondary" disabled={dl.busy} onClick={() => void dl.run(a.id, 'jws')}>
              {t('accreditations.downloadJwt')}
            </button>
            <button type="button" className="secondary" disabled={dl.busy} onClick={() => void dl.run(a.id, 'json')}>
              {t('accreditations.downloadJson')}
            </button>
          </p>
          {a.status === 'active' && a.expiresOn && <RenewAccreditation a={a} onRenewed={reload} />}
          <p className="muted">{t('accreditations.formats')}</p>
        </div>
      ))}
    </>
  );
}
