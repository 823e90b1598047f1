import { useState } from 'react';
import { api, call, etagOf, type Schemas } from '../../api/client';
import { type InstrumentInfo, instrumentLabel, instrumentOf } from '../../measures';
import { ErrorBox, fmtDate, humanise, useAction, useLoad } from '../../ui';
import { caseWrite } from './case-write';

type Case = Schemas['CaseDto'];
type Measure = Schemas['MeasureDto'];

/** Every administration of the case's measures; a wrong one is deleted (measures are not edited) and entered again. */
export function MeasuresAll({
  c,
  instruments,
  editable,
  onChange,
  reload,
}: {
  c: Case;
  instruments: InstrumentInfo[];
  editable: boolean;
  onChange: () => void;
  reload: () => void;
}) {
  const list = useLoad(() => call(api.GET('/api/v1/cases/{id}/measures', { params: { path: { id: c.id } } })), [c.id, c.version]);
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
    return `The ${instrumentName(instruments, m)} of ${fmtDate(m.administeredOn)} was deleted.`;
  });
  const items = list.data?.items ?? [];
  if (items.length === 0 && !del.notice) return null;
  return (
    <details open={editable} style={{ marginTop: '.75rem' }}>
      <summary>Every administration ({items.length})</summary>
      <ErrorBox error={list.error ?? del.error} />
      {del.notice && (
        <p className="alert ok" role="status">
          {del.notice}
        </p>
      )}
      <ul>
        {items.map((m) => (
          <li key={m.id}>
            {instrumentName(instruments, m)}, {fmtDate(m.administeredOn)},{' '}
            {m.sessionNumber === 0 ? 'intake' : m.sessionNumber === null ? 'no session' : `session ${m.sessionNumber}`}: total {m.total} (
            {humanise(m.severity)}){' '}
            {editable &&
              (confirm === m.id ? (
                <span role="group" aria-label="Confirm deletion">
                  Delete it?{' '}
                  <button type="button" className="danger" autoFocus disabled={del.busy} onClick={() => void del.run(m)}>
                    Yes, delete
                  </button>{' '}
                  <button type="button" className="secondary" onClick={() => setConfirm(undefined)}>
                    No
                  </button>
                </span>
              ) : (
                <button type="button" className="secondary" onClick={() => setConfirm(m.id)}>
                  Delete…
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
