import type { Schemas } from '../../api/client';
import { type InstrumentInfo, instrumentLabel, instrumentOf, severityTone } from '../../measures';
import { useTranslation } from '../../i18n';
import { Badge, Empty, fmtDate } from '../../ui';
import { label } from '../shared/labels';

type Case = Schemas['CaseDto'];

export function MeasuresTable({ c, instruments }: { c: Case; instruments: InstrumentInfo[] }) {
  const { t } = useTranslation('cases');
  return c.measures.latest.length === 0 ? (
    <Empty>{t('measures.empty')}</Empty>
  ) : (
    <div className="table-wrap">
      <table className="stack">
        <thead>
          <tr>
            <th>{t('fields:instrument')}</th>
            <th>{t('measures.intakeCol')}</th>
            <th>{t('measures.latest')}</th>
            <th>{t('measures.bandNow')}</th>
            <th>{t('measures.change')}</th>
          </tr>
        </thead>
        <tbody>
          {c.measures.latest.map((m) => {
            const ch = c.measures.change.find((x) => x.instrument === m.instrument);
            const info = instrumentOf(instruments, m.instrument);
            return (
              <tr key={m.id}>
                <td data-label={t('fields:instrument')}>{info ? instrumentLabel(info) : m.instrument}</td>
                <td data-label={t('measures.intakeCol')}>
                  {ch?.intake ? `${ch.intake.total} (${fmtDate(ch.intake.administeredOn)})` : '—'}
                </td>
                <td data-label={t('measures.latest')}>
                  {m.total} ({fmtDate(m.administeredOn)}) {m.riskFlag && <span className="risk">{t('measures.riskItem')}</span>}
                </td>
                <td data-label={t('measures.bandNow')}>
                  <Badge tone={severityTone(m.severity)}>{label('severity', m.severity)}</Badge>
                </td>
                <td data-label={t('measures.change')}>
                  {ch && ch.administrations > 1 ? (
                    <>
                      {(ch.change ?? 0) > 0 ? '+' : ''}
                      {ch.change ?? '—'} {ch.reliablyImproved && <Badge tone="ok">{t('measures.improved')}</Badge>}{' '}
                      {ch.recovered && <Badge tone="ok">{t('measures.recovered')}</Badge>}
                      {ch.reliablyDeteriorated && <Badge tone="bad">{t('measures.deteriorated')}</Badge>}
                    </>
                  ) : (
                    <span className="muted">{t('measures.oneAdministration')}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
