import { api, call, type Schemas } from '../../api/client';
import { useTitle } from '../../router';
import { formatDate, formatNumber, useTranslation } from '../../i18n';
import { DataTable, Empty, ErrorBox, Loading, useLoad } from '../../ui';
import { PersonProgress } from '../shared/person-progress';
import { SupervisionRequests } from '../supervision-requests';
import { ActivitiesToVerify, RecordMeeting } from './supervisee-work';
import { useState } from 'react';

// The supervisor's supervisees: each with their progress and the supervision logged with them; above them, the requests
// to supervise someone (a trainee's own or a body admin's) to accept or decline.
export function Supervisees() {
  const { t } = useTranslation('supervisor');
  useTitle(t('supervisees.title'));
  const [tick, setTick] = useState(0);
  const { data, error, loading, reload } = useLoad(
    () => call(api.GET('/api/v1/supervision/relationships', { params: { query: { role: 'supervisor', status: 'active', limit: 100 } } })),
    [],
  );
  // every meeting the supervisor logged, fetched once (page by page) and shared out per supervisee, instead of one
  // request per supervisee; reloaded when a meeting is saved
  const meetings = useLoad(async () => {
    const all: Meeting[] = [];
    let cursor: string | undefined;
    do {
      const page = await call(
        api.GET('/api/v1/supervision-sessions', { params: { query: { limit: 100, ...(cursor ? { cursor } : {}) } } }),
      );
      all.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return all;
  }, [tick]);
  return (
    <>
      <h1>{t('supervisees.title')}</h1>
      <SupervisionRequests onAccepted={reload} />
      {loading && <Loading />}
      <ErrorBox error={error} />
      {data && data.items.length === 0 && <Empty>{t('supervisees.empty')}</Empty>}
      {data && <RecordMeeting supervisees={data.items} onSaved={() => setTick((n) => n + 1)} />}
      {data?.items.map((r) => (
        <section key={`${r.id}-${tick}`} className="card" aria-labelledby={`sup-${r.id}`} data-testid="supervisee">
          <h2 id={`sup-${r.id}`} style={{ marginTop: 0 }}>
            {r.traineeName} <span className="small muted">{t('supervisees.since', { date: formatDate(r.startedOn) })}</span>
          </h2>
          <PersonProgress traineeId={r.traineeId} bodyIds={[r.bodyId]} />
          <SupervisionLogged
            meetings={meetings.data?.filter((m) => m.participants.some((p) => p.traineeId === r.traineeId))}
            loading={meetings.loading}
            error={meetings.error}
            name={r.traineeName}
          />
          <ActivitiesToVerify traineeId={r.traineeId} name={r.traineeName} />
        </section>
      ))}
    </>
  );
}

type Meeting = Schemas['SupervisionSessionDto'];

function SupervisionLogged({ meetings, loading, error, name }: { meetings?: Meeting[]; loading: boolean; error: unknown; name: string }) {
  const { t } = useTranslation('supervisor');
  if (loading && !meetings) return <Loading label={t('supervisees.loading')} />;
  if (error) return <ErrorBox error={error} />;
  const items = meetings ?? [];
  const minutes = items.reduce((sum, s) => sum + s.minutes, 0);
  return (
    <>
      <h3>{t('supervisees.logged', { name })}</h3>
      {items.length === 0 ? (
        <Empty>{t('supervisees.noMeetings')}</Empty>
      ) : (
        <>
          <p>{t('supervisees.meetings', { count: items.length, hours: formatNumber(minutes / 60, 1) })}</p>
          <DataTable
            rows={items}
            columns={[
              { label: t('supervisees.col.date'), cell: (s) => formatDate(s.date) },
              { label: t('supervisees.col.format'), cell: (s) => t(`format.${s.format}`) },
              { label: t('supervisees.col.minutes'), cell: (s) => formatNumber(s.minutes) },
              { label: t('supervisees.col.trainees'), cell: (s) => formatNumber(s.memberCount) },
              { label: t('supervisees.col.casesReviewed'), cell: (s) => formatNumber(s.caseReviews.length) },
            ]}
          />
        </>
      )}
    </>
  );
}
