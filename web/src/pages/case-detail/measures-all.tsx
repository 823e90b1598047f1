import { useState } from 'react';
import { api, etagOf, type Schemas } from '../../api/client';
import { type InstrumentInfo, instrumentLabel, instrumentOf } from '../../measures';
import { useTranslation } from '../../i18n';
import { ErrorBox, fmtDate, useAction } from '../../ui';
import { label } from '../shared/labels';
import { caseWrite } from './case-write';

type Case = Schemas['CaseDto'];
type Measure = Schemas['MeasureDto'];

/** Every administration of the case's measures; a wrong one is deleted (measures are not edited) and entered again. */
export function MeasuresAll({
  c,
  measures,
  instruments,
  editable,
  onChange,
  reload,
}: {
  c: Case;
  measures: Measure[];
  instruments: InstrumentInfo[];
  editable: boolean;
  onChange: () => void;
  reload: () => void;
}) {
  const { t } = useTranslation('cases');
  const [confirm, setConfirm] = useState<string>();
  const del = useAction(async (m: Measure) => {
    await caseWrite(
      api.DELETE('/api/v1/cases/{id}/measures/{measureId}', {
        params: { path: { id: c.id, measureId: m.id } },
        headers: { 'If-Match': etagOf(c.version) },
      }),
      reload,
    );
    setConfirm(undefined);
    onChange();
    return t('measures.deleted', { instrument: instrumentName(instruments, m), date: fmtDate(m.administeredOn) });
  });
  const items = measures;
  if (items.length === 0 && !del.notice) return null;
  return (
    <details open={editable} style={{ marginTop: '.75rem' }}>
      <summary>{t('measures.every', { count: items.length })}</summary>
      <ErrorBox error={del.error} />
      {del.notice && (
        <p className="alert ok" role="status">
          {del.notice}
        </p>
      )}
      <ul>
        {items.map((m) => (
          <li key={m.id}>
            {instrumentName(instruments, m)}, {fmtDate(m.administeredOn)},{' '}
            {m.sessionNumber === 0
              ? t('measures.intake')
              : m.sessionNumber === null
                ? t('measures.noSession')
                : t('measures.session', { number: m.sessionNumber })}
            : {t('measures.totalOf', { total: m.total })} ({label('severity', m.severity)}){' '}
            {editable &&
              (confirm === m.id ? (
                <span role="group" aria-label={t('confirmDeletion')}>
                  {t('measures.deleteIt')}{' '}
                  <button type="button" className="danger" autoFocus disabled={del.busy} onClick={() => void del.run(m)}>
                    {t('measures.yesDelete')}
                  </button>{' '}
                  <button type="button" className="secondary" onClick={() => setConfirm(undefined)}>
                    {t('common:no')}
                  </button>
                </span>
              ) : (
                <button type="button" className="secondary" onClick={() => setConfirm(m.id)}>
                  {t('measures.delete')}
                </button>
              ))}
          </li>
        ))}
      </ul>
    </details>
  );
}

const instrumentName = (instruments: InstrumentInfo[], m: Measure) => {
  const info = instrumentOf(instruments, m.instrument);
  return info ? instrumentLabel(info) : m.instrument;
};
