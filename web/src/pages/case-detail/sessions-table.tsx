import type { Schemas } from '../../api/client';
import { useTranslation } from '../../i18n';
import { Empty, fmtDate } from '../../ui';
import { label } from '../shared/labels';
import { RateLink } from './rate-link';

type Case = Schemas['CaseDto'];

export function SessionsTable({ c, canRate, onEdit }: { c: Case; canRate: boolean; onEdit?: (sessionId: string) => void }) {
  const { t } = useTranslation('cases');
  const yesNo = (b: boolean) => (b ? t('common:yes') : t('common:no'));
  return c.sessions.length === 0 ? (
    <Empty>{t('sessions.empty')}</Empty>
  ) : (
    <div className="table-wrap">
      <table className="stack">
        <thead>
          <tr>
            <th>#</th>
            <th>{t('fields:date')}</th>
            <th>{t('fields:durationMinutes')}</th>
            <th>{t('fields:phase')}</th>
            <th>{t('fields:attended')}</th>
            <th>{t('fields:recorded')}</th>
            <th>{t('sessions.logged')}</th>
            {canRate && <th>{t('sessions.rating')}</th>}
            {onEdit && <th>{t('sessions.change')}</th>}
          </tr>
        </thead>
        <tbody>
          {c.sessions.map((s) => (
            <tr key={s.id}>
              <td data-label="#">{s.number}</td>
              <td data-label={t('fields:date')}>{fmtDate(s.date)}</td>
              <td data-label={t('fields:durationMinutes')}>{s.durationMinutes}</td>
              <td data-label={t('fields:phase')}>{label('sessionPhase', s.phase)}</td>
              <td data-label={t('fields:attended')}>{yesNo(s.attended)}</td>
              <td data-label={t('fields:recorded')}>{yesNo(s.recorded)}</td>
              <td data-label={t('sessions.logged')}>
                {s.lagDays === 0 ? t('sessions.sameDay') : t('sessions.daysLater', { count: s.lagDays })}
              </td>
              {canRate && (
                <td data-label={t('sessions.rating')}>
                  {s.recorded ? (
                    <RateLink caseId={c.id} sessionId={s.id} sessionNumber={s.number} />
                  ) : (
                    <span className="muted">{t('sessions.notRecorded')}</span>
                  )}
                </td>
              )}
              {onEdit && (
                <td data-label={t('sessions.change')}>
                  <button type="button" className="secondary" onClick={() => onEdit(s.id)}>
                    {t('session.edit', { number: s.number })}
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
