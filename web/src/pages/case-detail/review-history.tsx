import type { Schemas } from '../../api/client';
import { useTranslation } from '../../i18n';
import { fmtDateTime } from '../../ui';
import { label } from '../shared/labels';

type Event = Schemas['CaseHistoryDto']['events'][number];

export function ReviewHistory({ events }: { events: Event[] }) {
  const { t } = useTranslation('cases');
  return (
    <section className="card">
      <h2 style={{ marginTop: 0 }}>{t('review.history')}</h2>
      <ul>
        {events.map((e, i) => (
          <li key={i}>
            {fmtDateTime(e.at)}: <strong>{label('reviewEvent', e.kind)}</strong>
            {e.comments ? ` — “${e.comments}”` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}
