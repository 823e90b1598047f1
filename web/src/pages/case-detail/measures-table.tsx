import type { Schemas } from '../../api/client';
import { type InstrumentInfo, instrumentLabel, instrumentOf, severityTone } from '../../measures';
import { Badge, Empty, fmtDate, humanise } from '../../ui';

type Case = Schemas['CaseDto'];

export function MeasuresTable({ c, instruments }: { c: Case; instruments: InstrumentInfo[] }) {
  return c.measures.latest.length === 0 ? (
    <Empty>No outcome measures yet. Enter one at intake and again during treatment to show change.</Empty>
  ) : (
    <div className="table-wrap">
      <table className="stack">
        <thead>
          <tr>
            <th>Instrument</th>
            <th>Intake</th>
            <th>Latest</th>
            <th>Band now</th>
            <th>Change</th>
          </tr>
        </thead>
        <tbody>
          {c.measures.latest.map((m) => {
            const ch = c.measures.change.find((x) => x.instrument === m.instrument);
            const info = instrumentOf(instruments, m.instrument);
            return (
              <tr key={m.id}>
                <td data-label="Instrument">{info ? instrumentLabel(info) : m.instrument}</td>
                <td data-label="Intake">{ch?.intake ? `${ch.intake.total} (${fmtDate(ch.intake.administeredOn)})` : '—'}</td>
                <td data-label="Latest">
                  {m.total} ({fmtDate(m.administeredOn)}) {m.riskFlag && <span className="risk">⚠ risk item</span>}
                </td>
                <td data-label="Band">
                  <Badge tone={severityTone(m.severity)}>{humanise(m.severity)}</Badge>
                </td>
                <td data-label="Change">
                  {ch && ch.administrations > 1 ? (
                    <>
                      {(ch.change ?? 0) > 0 ? '+' : ''}
                      {ch.change ?? '—'} {ch.reliablyImproved && <Badge tone="ok">reliable improvement</Badge>}{' '}
                      {ch.recovered && <Badge tone="ok">recovered</Badge>}
                      {ch.reliablyDeteriorated && <Badge tone="bad">reliable deterioration</Badge>}
                    </>
                  ) : (
                    <span className="muted">one administration</span>
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
