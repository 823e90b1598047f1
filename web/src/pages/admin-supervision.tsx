import { type FormEvent, useState } from 'react';
import { api, call } from '../api/client';
import { formatDate, useTranslation } from '../i18n';
import { Badge, Empty, ErrorBox, Field, Loading, Notice, useAction, useLoad } from '../ui';

/** On a trainee's page, for the body's admin: who supervises them, and assigning a supervisor of the body (a new
 *  trainee cannot log a case until someone supervises them). */
export function TraineeSupervisors({ traineeId, bodyIds }: { traineeId: string; bodyIds: string[] }) {
  const { t } = useTranslation('supervision-admin');
  const [bodyId, setBodyId] = useState(bodyIds[0] ?? '');
  const rels = useLoad(
    () => call(api.GET('/api/v1/supervision/relationships', { params: { query: { traineeId, limit: 100 } } })),
    [traineeId],
  );
  const supervisors = useLoad(
    () =>
      bodyId
        ? call(api.GET('/api/v1/users', { params: { query: { role: 'SUPERVISOR', bodyId, status: 'active', limit: 100 } } }))
        : Promise.resolve(undefined),
    [bodyId],
  );
  const bodies = useLoad(() => call(api.GET('/api/v1/bodies')), []);
  const bodyName = (id: string) => bodies.data?.find((b) => b.id === id)?.name ?? id;
  const [supervisorId, setSupervisorId] = useState('');
  // a supervisor of another body (cross-border supervision), found by exact e-mail; they accept before it starts
  const [email, setEmail] = useState('');
  const [foreign, setForeign] = useState<{ id: string; displayName: string; bodies: string }[]>([]);
  const find = useAction(async () => {
    const found = await call(api.GET('/api/v1/supervision/supervisors', { params: { query: { email } } }));
    if (!found.length) throw new Error(t('notFound', { email }));
    const s = found[0];
    setForeign((prev) => [
      ...prev.filter((x) => x.id !== s.id),
      { id: s.id, displayName: s.displayName, bodies: s.bodies.map((b) => b.code).join(', ') },
    ]);
    setSupervisorId(s.id);
    return t('found', { name: s.displayName });
  });
  const assign = useAction(async () => {
    const chosen = supervisorId || supervisors.data?.items.find((s) => s.id !== traineeId)?.id;
    if (!chosen) throw new Error(t('chooseFirst'));
    const r = await call(api.POST('/api/v1/supervision/relationships', { body: { traineeId, supervisorId: chosen, bodyId } }));
    rels.reload();
    return r.status === 'requested'
      ? t('requested', { supervisor: r.supervisorName, trainee: r.traineeName })
      : t('assigned', { supervisor: r.supervisorName, trainee: r.traineeName });
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void assign.run();
  };
  const own = (supervisors.data?.items ?? []).filter((s) => s.id !== traineeId);
  const choices = [
    ...own,
    ...foreign
      .filter((f) => f.id !== traineeId && !own.some((s) => s.id === f.id))
      .map((f) => ({ id: f.id, displayName: `${f.displayName} (${f.bodies})` })),
  ];
  return (
    <section className="card" aria-labelledby="supervisors-h">
      <h2 id="supervisors-h" style={{ marginTop: 0 }}>
        {t('title')}
      </h2>
      {rels.loading && <Loading />}
      <ErrorBox error={rels.error} />
      {rels.data && rels.data.items.length === 0 && <Empty>{t('none')}</Empty>}
      {rels.data && rels.data.items.length > 0 && (
        <ul>
          {rels.data.items.map((r) => (
            <li key={r.id}>
              {r.supervisorName} <Badge tone={r.status === 'active' ? 'ok' : 'neutral'}>{t(`status.${r.status}`)}</Badge>
              {r.startedOn && ` ${t('since', { date: formatDate(r.startedOn) })}`}
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={submit} className="row">
        {bodyIds.length > 1 && (
          <Field label={t('body')}>
            {(p) => (
              <select {...p} value={bodyId} onChange={(e) => setBodyId(e.target.value)}>
                {bodyIds.map((b) => (
                  <option key={b} value={b}>
                    {bodyName(b)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field label={t('supervisor')}>
          {(p) => (
            <select {...p} value={supervisorId || choices[0]?.id || ''} onChange={(e) => setSupervisorId(e.target.value)}>
              {choices.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.displayName}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" disabled={assign.busy || choices.length === 0}>
          {t('assign')}
        </button>
      </form>
      <ErrorBox error={assign.error ?? supervisors.error} />
      <Notice>{assign.notice}</Notice>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void find.run();
        }}
      >
        <Field label={t('otherBodyEmail')} hint={t('otherBodyHint')}>
          {(p) => <input {...p} type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />}
        </Field>
        <button type="submit" className="secondary" disabled={find.busy || !email}>
          {t('find')}
        </button>
      </form>
      <ErrorBox error={find.error} />
      <Notice>{find.notice}</Notice>
    </section>
  );
}
