import { useState } from 'react';
import { api, call, type Schemas } from '../api/client';
import { downloadFrom } from '../api/download';
import { formatDate, formatNumber, useTranslation } from '../i18n';
import { DataTable, Empty, ErrorBox } from '../ui';

type WhatIf = Schemas['WhatIfDto'];
type Row = WhatIf['changed'][number];

// Issue 16: on a draft version, what publishing it would change for the scheme's people (enrolled and holders),
// compared with the version in force today. Nothing is written; the full table downloads as CSV.
export function WhatIfPanel({ schemeId, versionId }: { schemeId: string; versionId: string }) {
  const { t } = useTranslation('whatIf');
  const [bodyId, setBodyId] = useState<string>();
  const [result, setResult] = useState<WhatIf>();
  const [busy, setBusy] = useState<'run' | 'csv' | null>(null);
  const [error, setError] = useState<unknown>();
  const act = async (kind: 'run' | 'csv', fn: () => Promise<void>) => {
    setBusy(kind);
    setError(undefined);
    try {
      await fn();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };
  const body = async () => bodyId ?? (await call(api.GET('/api/v1/schemes/{id}', { params: { path: { id: schemeId } } }))).bodyId;
  const run = () =>
    act('run', async () => {
      const b = await body();
      setBodyId(b);
      setResult(
        await call(
          api.GET('/api/v1/bodies/{bodyId}/schemes/{schemeId}/versions/{versionId}/what-if', {
            params: { path: { bodyId: b, schemeId, versionId }, query: { limit: 5000 } },
          }),
        ),
      );
    });
  const csv = () =>
    act('csv', async () => {
      const b = await body();
      await downloadFrom(
        api.GET('/api/v1/bodies/{bodyId}/schemes/{schemeId}/versions/{versionId}/what-if.csv', {
          params: { path: { bodyId: b, schemeId, versionId } },
          parseAs: 'blob',
        }),
        'what-if.csv',
      );
    });
  const verdict = (v: boolean | null) => t(v === null ? 'verdict.absent' : v ? 'verdict.met' : 'verdict.notMet');
  return (
    <section aria-labelledby="what-if-title">
      <h2 id="what-if-title">{t('title')}</h2>
      <p className="small muted">{t('intro')}</p>
      <div className="row">
        <button type="button" className="secondary" disabled={busy !== null} onClick={() => void run()}>
          {busy === 'run' ? t('running') : t('run')}
        </button>
        {result && (
          <button type="button" className="secondary" disabled={busy !== null} onClick={() => void csv()}>
            {t('downloadCsv')}
          </button>
        )}
      </div>
      <ErrorBox error={error} title={t('failed')} />
      {result && (
        <>
          <p role="status">
            {t('compared', {
              people: formatNumber(result.people),
              draft: result.draftVersionNumber,
              current: result.currentVersionNumber,
              date: formatDate(result.asOf),
            })}
          </p>
          <DataTable
            columns={[
              { label: t('col.level'), cell: (l) => `${l.levelName} (${l.levelCode})` },
              { label: t('col.metBefore'), cell: (l) => formatNumber(l.metBefore) },
              { label: t('col.metAfter'), cell: (l) => formatNumber(l.metAfter) },
              { label: t('col.gain'), cell: (l) => formatNumber(l.gain) },
              { label: t('col.lose'), cell: (l) => formatNumber(l.lose) },
              { label: t('col.unchanged'), cell: (l) => formatNumber(l.unchanged) },
            ]}
            rows={result.levels.map((l) => ({ ...l, id: l.levelCode }))}
          />
          <h3>{t('changedTitle', { count: result.changedTotal })}</h3>
          {result.changed.length === 0 ? (
            <Empty>{t('noChange')}</Empty>
          ) : (
            <DataTable<Row & { id: string }>
              columns={[
                { label: t('col.person'), cell: (r) => `${r.name} (${r.email})` },
                { label: t('col.level'), cell: (r) => `${r.levelName} (${r.levelCode})` },
                {
                  label: t('col.change'),
                  cell: (r) => t(r.change === 'gain' ? 'gains' : 'loses', { before: verdict(r.before), after: verdict(r.after) }),
                },
                {
                  label: t('col.rules'),
                  cell: (r) => (
                    <ul className="small">
                      {r.rules.map((x) => (
                        <li key={x.ruleId}>
                          {t('rule', { label: x.label, before: verdict(x.before), after: verdict(x.after), message: x.message })}
                        </li>
                      ))}
                    </ul>
                  ),
                },
              ]}
              rows={result.changed.map((r) => ({ ...r, id: `${r.personId}:${r.levelCode}` }))}
            />
          )}
          {result.changedTotal > result.changed.length && (
            <p className="small muted">{t('more', { count: result.changedTotal - result.changed.length })}</p>
          )}
        </>
      )}
    </section>
  );
}
