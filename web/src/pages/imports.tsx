import { type FormEvent, useState } from 'react';
import { api, call, type Schemas } from '../api/client';
import { downloadFrom } from '../api/download';
import { useAuth } from '../auth';
import { useTranslation } from '../i18n';
import { useTitle } from '../router';
import { Badge, DataTable, ErrorBox, Field, Loading, useAction, useLoad } from '../ui';

type Kind = Schemas['ImportKind'];
type Report = Schemas['ImportReportDto'];
type RecordKind = Exclude<Kind, 'register'>;

const TONE = { create: 'ok', match: 'neutral', skip: 'warn', error: 'bad' } as const;
// supervision meetings are recorded by supervisors: only a body admin imports them, for a trainee of the body
const TRAINEE_KINDS: Kind[] = ['activities', 'cases', 'sessions', 'measures'];
const ADMIN_KINDS: Kind[] = ['register', 'activities', 'cases', 'sessions', 'measures', 'supervision'];

/**
 * The import wizard: choose a template (its columns are documented and it can be downloaded), upload the filled-in
 * CSV or XLSX, read the dry run's row-by-row report, then commit — the whole file or nothing. A trainee imports into
 * their own record; a body admin imports a register of existing holders for their body, or the record of a trainee of
 * the body (picked by name or e-mail), supervision meetings included.
 */
export function ImportWizard({ mode }: { mode: 'trainee' | 'admin' }) {
  const { t } = useTranslation('imports');
  useTitle(t('title'));
  const { me, bodiesFor, has } = useAuth();
  const templates = useLoad(() => call(api.GET('/api/v1/imports/templates')), []);
  const bodies = useLoad(() => call(api.GET('/api/v1/bodies')), []);
  const kinds = mode === 'admin' ? ADMIN_KINDS : TRAINEE_KINDS;
  const [kind, setKind] = useState<Kind>(kinds[0]);
  const [file, setFile] = useState<File | null>(null);
  const [invite, setInvite] = useState(false);
  const [issue, setIssue] = useState(false);
  const [report, setReport] = useState<Report | null>(null);
  const [picked, setPicked] = useState('');
  const mine = bodiesFor('BODY_ADMIN');
  const bodyChoices = has('ADMIN') ? (bodies.data ?? []) : (bodies.data ?? []).filter((b) => mine.includes(b.id));
  const bodyId = picked || bodyChoices[0]?.id || '';
  const [traineeId, setTraineeId] = useState('');
  const forTrainee = mode === 'admin' ? traineeId : (me?.id ?? '');

  const send = (commit: boolean) => {
    const form = new FormData();
    form.append('file', file!);
    const m = commit ? ('commit' as const) : ('dry-run' as const);
    const body = form as unknown as { file: string };
    if (kind === 'register')
      return call(
        api.POST('/api/v1/bodies/{bodyId}/imports/register', {
          params: { path: { bodyId }, query: { mode: m, invite, issueCredentials: issue } },
          body,
        }),
      );
    return call(
      api.POST('/api/v1/trainees/{traineeId}/imports/{kind}', {
        params: { path: { traineeId: forTrainee, kind: kind as RecordKind }, query: { mode: m } },
        body,
      }),
    );
  };
  const dry = useAction(async (e?: FormEvent) => {
    e?.preventDefault();
    setReport(null);
    setReport(await send(false));
  });
  const commit = useAction(async () => {
    const r = await send(true);
    setReport(r);
    return t('committed', { count: r.counts.create });
  });
  const download = useAction(() =>
    downloadFrom(api.GET('/api/v1/imports/templates/{kind}', { params: { path: { kind } }, parseAs: 'blob' }), `${kind}-template.csv`),
  );
  const template = templates.data?.find((x) => x.kind === kind);
  if (templates.loading) return <Loading label={t('common:loading')} />;

  return (
    <main>
      <h1>{t('title')}</h1>
      <p>{t(mode === 'admin' ? 'introAdmin' : 'introTrainee')}</p>
      <section className="card" aria-labelledby="step-template">
        <h2 id="step-template">{t('step1')}</h2>
        <div className="row">
          <Field label={t('kind')}>
            {(p) => (
              <select
                {...p}
                value={kind}
                onChange={(e) => {
                  setKind(e.target.value as Kind);
                  setReport(null);
                }}
              >
                {kinds.map((k) => (
                  <option key={k} value={k}>
                    {t(`kinds.${k}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {mode === 'admin' && bodyChoices.length > 1 && (
            <Field label={t('body')}>
              {(p) => (
                <select {...p} value={bodyId} onChange={(e) => setPicked(e.target.value)}>
                  {bodyChoices.map((b) => (
                    <option key={b.id} value={b.id}>
                      {b.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          <button type="button" className="secondary" disabled={download.busy} onClick={() => void download.run()}>
            {t('downloadTemplate')}
          </button>
        </div>
        <ErrorBox error={download.error} />
        {mode === 'admin' && kind !== 'register' && (
          <TraineePicker
            bodyId={bodyId}
            value={traineeId}
            onChange={(id) => {
              setTraineeId(id);
              setReport(null);
            }}
          />
        )}
        {template && (
          <>
            <p>
              <strong>{t('naturalKey')}</strong> {template.naturalKey}
            </p>
            <DataTable
              columns={[
                { label: t('column'), cell: (c) => <code>{c.name}</code> },
                { label: t('required'), cell: (c) => (c.required ? t('yes') : t('no')) },
                { label: t('meaning'), cell: (c) => c.description },
                { label: t('example'), cell: (c) => <code>{c.example}</code> },
              ]}
              rows={template.columns.map((c) => ({ ...c, id: c.name }))}
            />
          </>
        )}
      </section>

      <form className="card" aria-labelledby="step-upload" onSubmit={(e) => void dry.run(e)}>
        <h2 id="step-upload">{t('step2')}</h2>
        <Field label={t('file')} hint={t('fileHint')}>
          {(p) => (
            <input
              {...p}
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setReport(null);
              }}
            />
          )}
        </Field>
        {kind === 'register' && (
          <div className="row">
            <label>
              <input type="checkbox" checked={invite} onChange={(e) => setInvite(e.target.checked)} /> {t('invite')}
            </label>
            <label>
              <input type="checkbox" checked={issue} onChange={(e) => setIssue(e.target.checked)} /> {t('issueCredentials')}
            </label>
          </div>
        )}
        <button type="submit" disabled={!file || dry.busy || (kind === 'register' ? !bodyId : !forTrainee)}>
          {dry.busy ? t('checking') : t('dryRun')}
        </button>
        <ErrorBox error={dry.error} />
      </form>

      {report && <ReportView report={report} />}
      {report && report.mode === 'dry-run' && (
        <section className="card" aria-labelledby="step-commit">
          <h2 id="step-commit">{t('step4')}</h2>
          {report.counts.error > 0 ? (
            <p role="status">{t('fixFirst', { count: report.counts.error })}</p>
          ) : (
            <>
              <p>{t('commitExplain', { create: report.counts.create, match: report.counts.match, skip: report.counts.skip })}</p>
              <button type="button" disabled={commit.busy || report.counts.create === 0} onClick={() => void commit.run()}>
                {commit.busy ? t('importing') : t('commit')}
              </button>
            </>
          )}
          <ErrorBox error={commit.error} />
        </section>
      )}
      {commit.notice && report?.committed && (
        <div className="alert ok" role="status">
          {commit.notice}
        </div>
      )}
    </main>
  );
}

/** A body admin's choice of trainee: a search by name or e-mail among the body's trainees. */
function TraineePicker({ bodyId, value, onChange }: { bodyId: string; value: string; onChange: (id: string) => void }) {
  const { t } = useTranslation('imports');
  const [q, setQ] = useState('');
  const found = useLoad(
    () =>
      bodyId
        ? call(
            api.GET('/api/v1/users', { params: { query: { role: 'TRAINEE', bodyId, status: 'active', limit: 50, ...(q ? { q } : {}) } } }),
          )
        : Promise.resolve({ items: [] as Schemas['UserDto'][] }),
    [bodyId, q],
  );
  const people = found.data?.items ?? [];
  return (
    <div className="row">
      <Field label={t('traineeSearch')} hint={t('traineeSearchHint')}>
        {(p) => <input {...p} type="search" value={q} onChange={(e) => setQ(e.target.value)} />}
      </Field>
      <Field label={t('trainee')}>
        {(p) => (
          <select {...p} value={value} onChange={(e) => onChange(e.target.value)}>
            <option value="">{t('traineeChoose', { count: people.length })}</option>
            {people.map((u) => (
              <option key={u.id} value={u.id}>
                {u.displayName} ({u.email})
              </option>
            ))}
          </select>
        )}
      </Field>
      <ErrorBox error={found.error} />
    </div>
  );
}

function ReportView({ report }: { report: Report }) {
  const { t } = useTranslation('imports');
  return (
    <section className="card" aria-labelledby="step-report">
      <h2 id="step-report">{t(report.committed ? 'reportCommitted' : 'step3')}</h2>
      <p>
        {t('file')}: <strong>{report.file.name}</strong> · {t('rows', { count: report.counts.rows })} · {t('actions.create')}{' '}
        {report.counts.create} · {t('actions.match')} {report.counts.match} · {t('actions.skip')} {report.counts.skip} ·{' '}
        {t('actions.error')} {report.counts.error}
      </p>
      {report.truncated && <p>{t('truncated')}</p>}
      <DataTable
        columns={[
          { label: t('row'), cell: (r) => r.row },
          { label: t('result'), cell: (r) => <Badge tone={TONE[r.action]}>{t(`actions.${r.action}`)}</Badge> },
          { label: t('key'), cell: (r) => r.key },
          {
            label: t('details'),
            cell: (r) =>
              r.errors.length ? (
                <ul className="plain">
                  {r.errors.map((e, i) => (
                    <li key={i}>
                      <code>{e.field}</code>: {e.message}
                    </li>
                  ))}
                </ul>
              ) : (
                (r.note ?? '')
              ),
          },
        ]}
        rows={report.rows.map((r) => ({ ...r, id: String(r.row) }))}
      />
    </section>
  );
}
