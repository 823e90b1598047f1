import { type FormEvent, useState } from 'react';
import { api, call } from '../api/client';
import { Link, navigate, useLocation, useTitle } from '../router';
import { Badge, DataTable, Empty, ErrorBox, Field, fmtDate, humanise, Loading, useLoad } from '../ui';
import { PersonProgress } from './shared/person-progress';
import { TraineeSupervisors } from './admin-supervision';

const roleList = (roles: { role: string }[]) => [...new Set(roles.map((r) => humanise(r.role).toLowerCase()))].join(', ') || 'no role';

// People of the admin's bodies: search by name or e-mail, roles, and a link to each trainee's progress.
export function AdminPeople() {
  useTitle('People');
  const { query } = useLocation();
  const q = query.get('q') ?? '';
  const [text, setText] = useState(q);
  const { data, error, loading } = useLoad(
    () => call(api.GET('/api/v1/users', { params: { query: { limit: 100, ...(q ? { q } : {}) } } })),
    [q],
  );
  const search = (e: FormEvent) => {
    e.preventDefault();
    navigate(text.trim() ? `/admin/people?q=${encodeURIComponent(text.trim())}` : '/admin/people', { replace: true });
  };
  return (
    <>
      <h1>People</h1>
      <form className="row" role="search" onSubmit={search}>
        <Field label="Name or e-mail">{(p) => <input {...p} type="search" value={text} onChange={(e) => setText(e.target.value)} />}</Field>
        <button type="submit">Search</button>
      </form>
      {loading && <Loading />}
      <ErrorBox error={error} />
      {data && data.items.length === 0 && <Empty>{q ? `Nobody matches “${q}”.` : 'Nobody belongs to your bodies yet.'}</Empty>}
      {data && data.items.length > 0 && (
        <DataTable
          rows={data.items}
          columns={[
            { label: 'Name', cell: (u) => <Link to={`/admin/people/${u.id}`}>{u.displayName}</Link> },
            { label: 'E-mail', cell: (u) => u.email },
            { label: 'Roles', cell: (u) => roleList(u.roles) },
            { label: 'Status', cell: (u) => <Badge tone={u.status === 'active' ? 'ok' : 'neutral'}>{u.status}</Badge> },
          ]}
        />
      )}
    </>
  );
}

export function AdminPerson({ id }: { id: string }) {
  const { data: u, error, loading } = useLoad(() => call(api.GET('/api/v1/users/{id}', { params: { path: { id } } })), [id]);
  useTitle(u ? u.displayName : 'Person');
  const traineeBodies = (u?.roles ?? []).filter((r) => r.role === 'TRAINEE' && r.bodyId).map((r) => r.bodyId!);
  return (
    <>
      <p className="small">
        <Link to="/admin/people">← People</Link>
      </p>
      {loading && <Loading />}
      <ErrorBox error={error} />
      {u && (
        <>
          <h1>{u.displayName}</h1>
          <dl className="facts">
            <dt>E-mail</dt>
            <dd>{u.email}</dd>
            <dt>Roles</dt>
            <dd>{roleList(u.roles)}</dd>
            <dt>Account</dt>
            <dd>
              {u.status}, since {fmtDate(u.createdAt)}
            </dd>
          </dl>
          {traineeBodies.length > 0 && <TraineeSupervisors traineeId={u.id} bodyIds={traineeBodies} />}
          <h2>Progress</h2>
          {traineeBodies.length ? (
            <PersonProgress traineeId={u.id} bodyIds={traineeBodies} />
          ) : (
            <Empty>{u.displayName} is not a trainee.</Empty>
          )}
        </>
      )}
    </>
  );
}
