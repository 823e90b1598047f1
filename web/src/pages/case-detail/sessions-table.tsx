import type { Schemas } from '../../api/client';
import { Empty, fmtDate } from '../../ui';
import { RateLink } from './rate-link';

type Case = Schemas['CaseDto'];

export function SessionsTable({ c, canRate, onEdit }: { c: Case; canRate: boolean; onEdit?: (sessionId: string) => void }) {
  return c.sessions.length === 0 ? (
    <Empty>No sessions logged yet.</Empty>
  ) : (
    <div className="table-wrap">
      <table className="stack">
        <thead>
          <tr>
            <th>#</th>
            <th>Date</th>
            <th>Minutes</th>
            <th>Phase</th>
            <th>Attended</th>
            <th>Recorded</th>
            <th>Logged</th>
            {canRate && <th>Rating</th>}
            {onEdit && <th>Change</th>}
          </tr>
        </thead>
        <tbody>
          {c.sessions.map((s) => (
            <tr key={s.id}>
              <td data-label="#">{s.number}</td>
              <td data-label="Date">{fmtDate(s.date)}</td>
              <td data-label="Minutes">{s.durationMinutes}</td>
              <td data-label="Phase">{s.phase}</td>
              <td data-label="Attended">{s.attended ? 'yes' : 'no'}</td>
              <td data-label="Recorded">{s.recorded ? 'yes' : 'no'}</td>
              <td data-label="Logged">{s.lagDays === 0 ? 'same day' : `${s.lagDays} days later`}</td>
              {canRate && (
                <td data-label="Rating">
                  {s.recorded ? (
                    <RateLink caseId={c.id} sessionId={s.id} sessionNumber={s.number} />
                  ) : (
                    <span className="muted">not recorded</span>
                  )}
                </td>
              )}
              {onEdit && (
                <td data-label="Change">
                  <button type="button" className="secondary" onClick={() => onEdit(s.id)}>
                    Edit session {s.number}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
