import { type FormEvent, useState } from 'react';
import { api, call, etagOf, type Schemas } from '../../api/client';
import { downloadFrom } from '../../api/download';
import { useAuth } from '../../auth';
import { formatDate, useTranslation } from '../../i18n';
import { useTitle } from '../../router';
import { Badge, Empty, ErrorBox, Field, fieldErrors, Loading, Notice, TextField, today, useAction, useLoad } from '../../ui';

type Qualification = Schemas['QualificationDto'];
type Kind = Schemas['QualificationKind'];
export const QUALIFICATION_KINDS: Kind[] = ['degree', 'licence', 'prior_training', 'other'];
export const stateTone = (s: Qualification['state']) => (s === 'verified' ? 'ok' : s === 'rejected' ? 'bad' : 'neutral');
// what the service keeps (application/pdf, image/png, image/jpeg, at most 5 MiB)
export const DOCUMENT_ACCEPT = 'application/pdf,image/png,image/jpeg';

/** The person's qualifications: record one, upload its document, follow the body's verification. */
export function TraineeQualifications() {
  const { t } = useTranslation('evidence');
  useTitle(t('qualifications.title'));
  const { me } = useAuth();
  const personId = me!.id;
  const list = useLoad(
    () => call(api.GET('/api/v1/trainees/{traineeId}/qualifications', { params: { path: { traineeId: personId } } })),
    [personId],
  );
  const [kind, setKind] = useState<Kind>('degree');
  const [code, setCode] = useState('');
  const [title, setTitle] = useState('');
  const [issuer, setIssuer] = useState('');
  const [awardedOn, setAwardedOn] = useState('');
  const add = useAction(async () => {
    const q = await call(
      api.POST('/api/v1/trainees/{traineeId}/qualifications', {
        params: { path: { traineeId: personId } },
        body: { kind, code: code.trim(), title: title.trim(), issuer: issuer.trim(), awardedOn },
      }),
    );
    setCode('');
    setTitle('');
    setIssuer('');
    setAwardedOn('');
    list.reload();
    return t('qualifications.added', { code: q.code });
  });
  const onAdd = (e: FormEvent) => {
    e.preventDefault();
    void add.run();
  };
  return (
    <>
      <h1>{t('qualifications.title')}</h1>
      <p>{t('qualifications.intro')}</p>
      <form className="card" onSubmit={onAdd} aria-labelledby="add-qualification">
        <h2 id="add-qualification" style={{ marginTop: 0 }}>
          {t('qualifications.add')}
        </h2>
        <ErrorBox error={add.error} title={t('qualifications.addFailed')} />
        <Notice>{add.notice}</Notice>
        <Field label={t('qualifications.kind')} errors={fieldErrors(add.error, 'kind')}>
          {(p) => (
            <select {...p} value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
              {QUALIFICATION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`kinds.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <TextField
          label={t('qualifications.code')}
          hint={t('qualifications.codeHint')}
          errors={fieldErrors(add.error, 'code')}
          type="text"
          autoComplete="off"
          value={code}
          onChange={setCode}
        />
        <TextField
          label={t('qualifications.name')}
          errors={fieldErrors(add.error, 'title')}
          type="text"
          autoComplete="off"
          value={title}
          onChange={setTitle}
        />
        <TextField
          label={t('qualifications.issuer')}
          errors={fieldErrors(add.error, 'issuer')}
          type="text"
          autoComplete="organization"
          value={issuer}
          onChange={setIssuer}
        />
        <Field label={t('qualifications.awardedOn')} errors={fieldErrors(add.error, 'awardedOn')}>
          {(p) => <input {...p} type="date" required max={today()} value={awardedOn} onChange={(e) => setAwardedOn(e.target.value)} />}
        </Field>
        <button type="submit" disabled={add.busy}>
          {add.busy ? t('saving') : t('qualifications.save')}
        </button>
      </form>
      <h2>{t('qualifications.yours')}</h2>
      {list.loading && <Loading label={t('common:loading')} />}
      <ErrorBox error={list.error} />
      {list.data && !list.data.items.length && <Empty>{t('qualifications.none')}</Empty>}
      {list.data?.items.map((q) => (
        <QualificationCard key={q.id} q={q} onChange={list.reload} />
      ))}
    </>
  );
}

function QualificationCard({ q, onChange }: { q: Qualification; onChange: () => void }) {
  const { t } = useTranslation('evidence');
  const [file, setFile] = useState<File | null>(null);
  const upload = useAction(async () => {
    if (!file) return;
    await call(
      api.PUT('/api/v1/qualifications/{id}/document', {
        params: { path: { id: q.id }, query: { fileName: file.name } },
        headers: { 'If-Match': etagOf(q.version), 'Content-Type': file.type },
        body: file as unknown as string,
        bodySerializer: (b: unknown) => b as Blob,
      }),
    );
    onChange();
    return t('qualifications.uploaded');
  });
  const remove = useAction(async () => {
    await call(api.DELETE('/api/v1/qualifications/{id}', { params: { path: { id: q.id } }, headers: { 'If-Match': etagOf(q.version) } }));
    onChange();
  });
  const download = useAction(() =>
    downloadFrom(
      api.GET('/api/v1/qualifications/{id}/document', { params: { path: { id: q.id } }, parseAs: 'blob' }),
      q.document?.fileName ?? 'document',
    ),
  );
  const onUpload = (e: FormEvent) => {
    e.preventDefault();
    void upload.run();
  };
  return (
    <section className="card" aria-label={`${q.title} (${q.code})`}>
      <h3 style={{ marginTop: 0 }}>
        {q.title} <Badge tone={stateTone(q.state)}>{t(`states.${q.state}`)}</Badge>
      </h3>
      <p>
        {t(`kinds.${q.kind}`)} · <code>{q.code}</code> · {q.issuer} · {t('qualifications.awarded', { date: formatDate(q.awardedOn) })}
      </p>
      {q.reviewNote && <p>{t('qualifications.note', { note: q.reviewNote })}</p>}
      <ErrorBox error={upload.error ?? remove.error ?? download.error} />
      <Notice>{upload.notice}</Notice>
      {q.document ? (
        <p>
          {t('qualifications.document', { name: q.document.fileName })}{' '}
          <button type="button" onClick={() => void download.run()} disabled={download.busy}>
            {t('qualifications.download')}
          </button>
        </p>
      ) : (
        <p>{t('qualifications.noDocument')}</p>
      )}
      <form onSubmit={onUpload} className="row">
        <Field
          label={q.document ? t('qualifications.replaceDocument') : t('qualifications.uploadDocument')}
          hint={t('qualifications.documentHint')}
        >
          {(p) => <input {...p} type="file" accept={DOCUMENT_ACCEPT} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />}
        </Field>
        <button type="submit" disabled={!file || upload.busy}>
          {upload.busy ? t('saving') : t('qualifications.upload')}
        </button>
      </form>
      {q.state !== 'verified' && (
        <button
          type="button"
          onClick={() => void remove.run()}
          disabled={remove.busy}
          aria-label={t('qualifications.deleteLabel', { code: q.code })}
        >
          {t('qualifications.delete')}
        </button>
      )}
    </section>
  );
}
