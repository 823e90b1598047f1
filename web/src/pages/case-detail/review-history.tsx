import type { Schemas } from '../../api/client';
import { fmtDateTime, humanise } from '../../ui';

type Event = Schemas['CaseHistoryDto']['events'][number];

export function ReviewHistory({ events }: { events: Event[] }) {
  return (
    <section className="card">
      <h2 style={{ marginTop: 0 }}>Review history</h2>
      <ul>
        {events.map((e, i) => (
          <li key={i}>
            {fmtDateTime(e.at)}: <strong>{humanise(e.kind)}</strong>
            {e.comments ? ` — “${e.comments}”` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}
