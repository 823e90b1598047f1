import { useState } from 'react';
import { api, call, etagOf } from '../api/client';
import { useTranslation } from '../i18n';
import { ErrorBox, useAction } from '../ui';

// Listing on the public register is the holder's consent alone: only they can switch it (the body cannot).
export function PublicListingToggle({ accreditation }: { accreditation: { id: string; publicListing: boolean; version: number } }) {
  const { t } = useTranslation('public');
  const [state, setState] = useState({ listed: accreditation.publicListing, version: accreditation.version });
  const change = useAction(async (listed: boolean) => {
    const r = await call(
      api.PUT('/api/v1/accreditations/{id}/public-listing', {
        params: { path: { id: accreditation.id } },
        headers: { 'If-Match': etagOf(state.version) },
        body: { publicListing: listed },
      }),
    );
    setState({ listed: r.publicListing, version: r.version });
  });
  return (
    <>
      <label>
        <input type="checkbox" checked={state.listed} disabled={change.busy} onChange={(e) => void change.run(e.target.checked)} />{' '}
        {t('listing.toggle')}
      </label>
      <ErrorBox error={change.error} title={t('listing.failed')} />
    </>
  );
}
