import { api, call } from '../../api/client';
import { useTitle } from '../../router';
import { DataTable, Empty, ErrorBox, fmtDate, humanise, Loading, useLoad } from '../../ui';
import { PersonProgress } from '../shared/person-progress';
import { ActivitiesToVerify, RecordMeeting } from './supervisee-work';
import { useState } from 'react';

// The supervisor's supervisees: each with their progress and the supervision logged with them.
export function Supervisees() {
  useTitle('My supervisees');
  const [tick, setTick] = useState(0);
  const { data, error, loading } = useLoad(
    () => call(api.GET('/api/v1/supervision/relationships', { params: { query: { role: 'supervisor', status: 'active', limit: 100 } } })),
    [],
  );
  return (
    <>
      <h1>My supervisees</h1>
      {loading && <Loading />}
      <ErrorBox error={error} />
      {data && data.items.length === 0 && <Empty>Nobody is under your supervision right now.</Empty>}
      {data && <RecordMeeting supervisees={data.items} onSaved={() => setTick((n) => n + 1)} />}
      {data?.items.map((r) => (
        <section key={`${r.id}-${tick}`} className="card" aria-labelledby={`sup-${r.id}`} data-testid="supervisee">
          <h2 id={`sup-${r.id}`} style={{ marginTop: 0 }}>
            {r.traineeName} <span className="small muted">supervised since {fmtDate(r.startedOn)}</span>
          </h2>
          <PersonProgress traineeId={r.traineeId} bodyIds={[r.bodyId]} />
          <SupervisionLogged traineeId={r.traineeId} name={r.traineeName} />
          <ActivitiesToVerify traineeId={r.traineeId} name={r.traineeName} />
        </section>
      ))}
    </>
  );
}

function SupervisionLogged({ traineeId, name }: { traineeId: string; name: string }) {
  const { data, error, loading } = useLoad(
    () => call(api.GET('/api/v1/supervision-sessions', { params: { query: { traineeId, limit: 100 } } })),
    [traineeId],
  );
  if (loading) return <Loading label="Loading supervision…" />;
  if (error) return <ErrorBox error={error} />;
  const items = data?.items ?? [];
  const minutes = items.reduce((sum, s) => sum + s.minutes, 0);
  return (
    <>
      <h3>Supervision logged with {name}</h3>
      {items.length === 0 ? (
        <Empty>No supervision meetings logged yet.</Empty>
      ) : (
        <>
          <p>
            {items.length} meeting{items.length === 1 ? '' : 's'}, {Math.round((minutes / 60) * 10) / 10} h in all.
          </p>
          <DataTable
            rows={items}
            columns={[
              { label: 'Date', cell: (s) => fmtDate(s.date) },
              { label: 'Format', cell: (s) => humanise(s.format) },
              { label: 'Minutes', cell: (s) => s.minutes },
              { label: 'Trainees', cell: (s) => s.memberCount },
              { label: 'Cases reviewed', cell: (s) => s.caseReviews.length },
            ]}
          />
        </>
      )}
    </>
  );
}
