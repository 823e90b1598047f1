import { type FormEvent, useState } from 'react';
import { api, call } from '../api/client';
import { Link, navigate, useLocation, useTitle } from '../router';
import { formatDate, useTranslation } from '../i18n';
import { Badge, DataTable, Empty, ErrorBox, Field, Loading, useLoad } from '../ui';
import { PersonProgress } from './shared/person-progress';
import { TraineeSupervisors } from './admin-supervision';
import { useAuth } from '../auth';

type T = ReturnType<typeof useTranslation>['t'];
const roleList = (t: T, roles: { role: string }[]) =>
  [...new Set(roles.map((r) => t(`role.${r.role}`, { defaultValue: r.role })))].join(', ') || t('people.noRole');

// People of the admin's bodies: search by name or e-mail, roles, and a link to each trainee's progress.
export function AdminPeople() {
  const { t } = useTranslation('admin');
  useTitle(t('people.title'));
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
      <h1>{t('people.title')}</h1>
      <form className="row" role="search" onSubmit={search}>
        <Field label={t('people.search')}>
          {(p) => <input {...p} type="search" value={text} onChange={(e) => setText(e.target.value)} />}
        </Field>
        <button type="submit">{t('people.searchButton')}</button>
      </form>
      {loading && <Loading />}
      <ErrorBox error={error} />
      {data && data.items.length === 0 && <Empty>{q ? t('people.noMatch', { q }) : t('people.nobody')}</Empty>}
      {data && data.items.length > 0 && (
        <DataTable
          rows={data.items}
          columns={[
            { label: t('people.col.name'), cell: (u) => <Link to={`/admin/people/${u.id}`}>{u.displayName}</Link> },
            { label: t('people.col.email'), cell: (u) => u.email },
            { label: t('people.col.roles'), cell: (u) => roleList(t, u.roles) },
            {
              label: t('people.col.status'),
              cell: (u) => <Badge tone={u.status === 'active' ? 'ok' : 'neutral'}>{t(`userStatus.${u.status}`)}</Badge>,
            },
          ]}
        />
      )}
    </>
  );
}

export function AdminPerson({ id }: { id: string }) {
  const { t } = useTranslation('admin');
  const { data: u, error, loading } = useLoad(() => call(api.GET('/api/v1/users/{id}', { params: { path: { id } } })), [id]);
  useTitle(u ? u.displayName : t('person.title'));
  const { has, bodiesFor } = useAuth();
  const traineeBodies = (u?.roles ?? []).filter((r) => r.role === 'TRAINEE' && r.bodyId).map((r) => r.bodyId!);
  // a body admin assigns supervision only in their own bodies; a person who only submitted their record is read here
  const administered = has('ADMIN') ? traineeBodies : traineeBodies.filter((b) => bodiesFor('BODY_ADMIN').includes(b));
  return (
    <>
      <p className="small">
        <Link to="/admin/people">{t('person.back')}</Link>
      </p>
      {loading && <Loading />}
      <ErrorBox error={error} />
      {u && (
        <>
          <h1>{u.displayName}</h1>
          <dl className="facts">
            <dt>{t('people.col.email')}</dt>
            <dd>{u.email}</dd>
            <dt>{t('people.col.roles')}</dt>
            <dd>{roleList(t, u.roles)}</dd>
            <dt>{t('person.account')}</dt>
            <dd>{t('person.accountSince', { status: t(`userStatus.${u.status}`), date: formatDate(u.createdAt) })}</dd>
          </dl>
          {administered.length > 0 && <TraineeSupervisors traineeId={u.id} bodyIds={administered} />}
          <PersonCases traineeId={u.id} />
          <h2>{t('person.progress')}</h2>
          {traineeBodies.length ? (
            <PersonProgress traineeId={u.id} bodyIds={traineeBodies} />
          ) : (
            <Empty>{t('person.notTrainee', { name: u.displayName })}</Empty>
          )}
        </>
      )}
    </>
  );
}

/** The person's cases the admin may read: their body's, and every body's when the person submitted their record to it
 *  (read-only: sign-offs stay the supervisors'). */
function PersonCases({ traineeId }: { traineeId: string }) {
  const { t } = useTranslation('admin');
  const cases = useLoad(() => call(api.GET('/api/v1/cases', { params: { query: { traineeId, limit: 100 } } })), [traineeId]);
  return (
    <section aria-labelledby="person-cases-h">
      <h2 id="person-cases-h">{t('person.cases')}</h2>
      {cases.loading && <Loading />}
      <ErrorBox error={cases.error} />
      {cases.data && cases.data.items.length === 0 && <Empty>{t('person.noCases')}</Empty>}
      {cases.data && cases.data.items.length > 0 && (
        <ul className="link-list">
          {cases.data.items.map((c) => (
            <li key={c.id}>
              <Link to={`/cases/${c.id}`}>{t('person.case', { code: c.clientCode, state: t(`person.reviewState.${c.reviewState}`) })}</Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
