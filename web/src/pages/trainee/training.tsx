import { type FormEvent, useState } from 'react';
import { api, call, etagOf, type Schemas } from '../../api/client';
import { useAuth } from '../../auth';
import { formatDate, formatNumber, useTranslation } from '../../i18n';
import { useTitle } from '../../router';
import { Badge, Empty, ErrorBox, Field, fieldErrors, Loading, Notice, today, useAction, useLoad } from '../../ui';

type Activity = Schemas['ActivityDto'];
const KINDS = ['didactic_course', 'workshop', 'booster', 'cpd', 'other'] as const;
const DELIVERIES = ['in_person', 'online'] as const;

/** The trainee's training record: courses, workshops, boosters and CPD, with who verified them. */
export function TraineeTraining() {
  const { t } = useTranslation('training');
  useTitle(t('title'));
  const { me } = useAuth();
  const list = useLoad(
    () => call(api.GET('/api/v1/trainees/{traineeId}/activities', { params: { path: { traineeId: me!.id }, query: { limit: 100 } } })),
    [me?.id],
  );
  const [form, setForm] = useState({ kind: 'didactic_course', title: '', provider: '', hours: '', delivery: 'in_person', date: today() });
  const set = (k: keyof typeof form) => (v: string) => setForm({ ...form, [k]: v });
  const add = useAction(async () => {
    await call(
      api.POST('/api/v1/trainees/{traineeId}/activities', {
        params: { path: { traineeId: me!.id } },
        body: {
          kind: form.kind as Activity['kind'],
          title: form.title,
          provider: form.provider,
          hours: Number(form.hours.replace(',', '.')),
          delivery: form.delivery as Activity['delivery'],
          date: form.date,
        },
      }),
    );
    list.reload();
    const saved = t('added', { title: form.title });
    setForm({ ...form, title: '', provider: '', hours: '' });
    return saved;
  });
  const remove = useAction(async (a: Activity) => {
    await call(api.DELETE('/api/v1/activities/{id}', { params: { path: { id: a.id } }, headers: { 'If-Match': etagOf(a.version) } }));
    list.reload();
    return t('deleted', { title: a.title });
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void add.run();
  };
  const items = list.data?.items ?? [];
  const verifiedHours = items.filter((a) => a.verified).reduce((s, a) => s + a.hours, 0);
  const allHours = items.reduce((s, a) => s + a.hours, 0);
  return (
    <>
      <h1>{t('title')}</h1>
      {list.loading && <Loading />}
      <ErrorBox error={list.error} />
      {list.data && items.length === 0 && <Empty>{t('none')}</Empty>}
      {items.length > 0 && (
        <>
          <p>{t('totals', { all: formatNumber(allHours), verified: formatNumber(verifiedHours) })}</p>
          <div className="table-wrap">
            <table className="stack">
              <thead>
                <tr>
                  <th scope="col">{t('date')}</th>
                  <th scope="col">{t('kind')}</th>
                  <th scope="col">{t('titleField')}</th>
                  <th scope="col">{t('provider')}</th>
                  <th scope="col">{t('hours')}</th>
                  <th scope="col">{t('delivery')}</th>
                  <th scope="col">{t('status')}</th>
                  <th scope="col">{t('change')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((a) => (
                  <tr key={a.id}>
                    <td data-label={t('date')}>{formatDate(a.date)}</td>
                    <td data-label={t('kind')}>{t(`kinds.${a.kind}`)}</td>
                    <td data-label={t('titleField')}>{a.title}</td>
                    <td data-label={t('provider')}>{a.provider}</td>
                    <td data-label={t('hours')}>{formatNumber(a.hours)}</td>
                    <td data-label={t('delivery')}>{t(`deliveries.${a.delivery}`)}</td>
                    <td data-label={t('status')}>
                      {a.verified ? <Badge tone="ok">{t('verified')}</Badge> : <Badge tone="warn">{t('notVerified')}</Badge>}
                    </td>
                    <td data-label={t('change')}>
                      {!a.verified && (
                        <button type="button" className="secondary" disabled={remove.busy} onClick={() => void remove.run(a)}>
                          {t('delete', { title: a.title })}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <Notice>{remove.notice}</Notice>
      <ErrorBox error={remove.error} />
      <section className="card" aria-labelledby="add-activity-h">
        <h2 id="add-activity-h" style={{ marginTop: 0 }}>
          {t('addTitle')}
        </h2>
        <p className="small muted">{t('addHint')}</p>
        <form onSubmit={submit}>
          <div className="row">
            <Field label={t('kind')}>
              {(p) => (
                <select {...p} value={form.kind} onChange={(e) => set('kind')(e.target.value)}>
                  {KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t(`kinds.${k}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('date')} errors={fieldErrors(add.error, 'date')}>
              {(p) => <input {...p} type="date" required value={form.date} onChange={(e) => set('date')(e.target.value)} />}
            </Field>
            <Field label={t('hours')} errors={fieldErrors(add.error, 'hours')}>
              {(p) => (
                <input
                  {...p}
                  inputMode="decimal"
                  required
                  value={form.hours}
                  onChange={(e) => set('hours')(e.target.value)}
                  style={{ width: '6rem' }}
                />
              )}
            </Field>
            <Field label={t('delivery')}>
              {(p) => (
                <select {...p} value={form.delivery} onChange={(e) => set('delivery')(e.target.value)}>
                  {DELIVERIES.map((d) => (
                    <option key={d} value={d}>
                      {t(`deliveries.${d}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <Field label={t('titleField')} errors={fieldErrors(add.error, 'title')}>
            {(p) => <input {...p} required value={form.title} onChange={(e) => set('title')(e.target.value)} style={{ width: '100%' }} />}
          </Field>
          <Field label={t('provider')} errors={fieldErrors(add.error, 'provider')}>
            {(p) => (
              <input {...p} required value={form.provider} onChange={(e) => set('provider')(e.target.value)} style={{ width: '100%' }} />
            )}
          </Field>
          <ErrorBox error={add.error} />
          <Notice>{add.notice}</Notice>
          <button type="submit" disabled={add.busy}>
            {t('add')}
          </button>
        </form>
      </section>
    </>
  );
}
