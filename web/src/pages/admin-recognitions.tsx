// Body admins' recognitions: this body counts another body's level as one of its own, fully or with top-up rules.
// List per body, a new draft (source body → its scheme → level, target level, dates, top-ups as JSON), publish, withdraw.
import { type FormEvent, useEffect, useState } from 'react';
import { api, call, type Schemas } from '../api/client';
import { useAuth } from '../auth';
import { useTranslation } from '../i18n';
import { useTitle } from '../router';
import { Badge, type Column, DataTable, Empty, ErrorBox, Field, fmtDate, Loading, Notice, today, useAction, useLoad } from '../ui';
import { usePastEffectiveDate } from './shared/past-effective-date';

type Recognition = Schemas['RecognitionDto'];
type Scheme = Schemas['SchemeDto'];
const tone = (s: string) => (s === 'published' ? 'ok' : s === 'draft' ? 'warn' : 'neutral');

/** The level codes and names of a scheme's newest published version (else its newest version). */
async function levelsOf(scheme: Scheme | undefined): Promise<{ code: string; name: string }[]> {
  const versions = [...(scheme?.versions ?? [])].sort((a, b) => b.versionNumber - a.versionNumber);
  const v = versions.find((x) => x.status === 'published') ?? versions[0];
  if (!v) return [];
  const full = await call(api.GET('/api/v1/scheme-versions/{id}', { params: { path: { id: v.id } } }));
  return ((full.definition as { levels?: { code: string; name: string }[] }).levels ?? []).map((l) => ({ code: l.code, name: l.name }));
}

export function AdminRecognitions() {
  const { t } = useTranslation('recognitions');
  useTitle(t('title'));
  const { has, bodiesFor } = useAuth();
  const base = useLoad(() => Promise.all([call(api.GET('/api/v1/bodies')), call(api.GET('/api/v1/schemes'))]), []);
  const [bodies, schemes] = base.data ?? [];
  const mine = bodies ? (has('ADMIN') ? bodies : bodies.filter((b) => bodiesFor('BODY_ADMIN').includes(b.id))) : [];
  const [bodyId, setBodyId] = useState('');
  useEffect(() => {
    if (!bodyId && mine.length) setBodyId(mine.find((b) => b.kind !== 'international')?.id ?? mine[0].id);
  }, [mine, bodyId]);
  const list = useLoad(
    async () => (bodyId ? call(api.GET('/api/v1/bodies/{bodyId}/recognitions', { params: { path: { bodyId } } })) : []),
    [bodyId],
  );
  // a draft in force from a past date is published only once confirmed with a reason (PublishPast below)
  const [confirming, setConfirming] = useState<Recognition | null>(null);
  const act = useAction(async (r: Recognition, what: 'publish' | 'withdraw', body: object = {}) => {
    if (what === 'publish') await call(api.POST('/api/v1/recognitions/{id}/publish', { params: { path: { id: r.id } }, body }));
    else await call(api.POST('/api/v1/recognitions/{id}/withdraw', { params: { path: { id: r.id } } }));
    setConfirming(null);
    list.reload();
    return t(what === 'publish' ? 'published' : 'withdrawn');
  });
  const columns: Column<Recognition>[] = [
    { label: t('col.source'), cell: (r) => `${r.fromBodyName} · ${r.fromSchemeCode} · ${r.fromLevelName} (${r.fromLevelCode})` },
    { label: t('col.target'), cell: (r) => `${r.toScheme.name} · ${r.toLevelCode}` },
    { label: t('col.version'), cell: (r) => r.versionNumber },
    { label: t('col.status'), cell: (r) => <Badge tone={tone(r.status)}>{t(`status.${r.status}`)}</Badge> },
    { label: t('col.effective'), cell: (r) => `${fmtDate(r.effectiveFrom)} – ${r.effectiveTo ? fmtDate(r.effectiveTo) : ''}` },
    {
      label: t('col.topUps'),
      cell: (r) =>
        r.topUps.length ? r.topUps.map((x) => String((x as { label?: string; id: string }).label ?? x.id)).join('; ') : t('full'),
    },
    {
      label: t('col.actions'),
      cell: (r) =>
        r.status === 'draft' ? (
          <button
            type="button"
            disabled={act.busy}
            onClick={() => (r.effectiveFrom < today() ? setConfirming(r) : void act.run(r, 'publish'))}
          >
            {t('publish')}
          </button>
        ) : r.status === 'published' ? (
          <button type="button" className="secondary" disabled={act.busy} onClick={() => void act.run(r, 'withdraw')}>
            {t('withdraw')}
          </button>
        ) : null,
    },
  ];
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      {base.loading && <Loading />}
      <ErrorBox error={base.error} />
      {mine.length > 1 && (
        <Field label={t('body')}>
          {(p) => (
            <select {...p} value={bodyId} onChange={(e) => setBodyId(e.target.value)}>
              {mine.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <ErrorBox error={list.error} />
      <ErrorBox error={act.error} title={t('actionFailed')} />
      <Notice>{act.notice}</Notice>
      {list.data && (list.data.length ? <DataTable columns={columns} rows={list.data} /> : <Empty>{t('none')}</Empty>)}
      {confirming && (
        <PublishPast
          key={confirming.id}
          recognition={confirming}
          busy={act.busy}
          onPublish={(body) => void act.run(confirming, 'publish', body)}
          onCancel={() => setConfirming(null)}
        />
      )}
      {bodies && schemes && bodyId && (
        <NewRecognition bodyId={bodyId} bodies={bodies} schemes={schemes} onCreated={list.reload} key={bodyId} />
      )}
    </>
  );
}

/** Publishing a draft in force from a past date: holders' routes change from then, so the body confirms it with a reason. */
function PublishPast({
  recognition,
  busy,
  onPublish,
  onCancel,
}: {
  recognition: Recognition;
  busy: boolean;
  onPublish: (body: object) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('recognitions');
  const past = usePastEffectiveDate(recognition.effectiveFrom, t('pastHint'));
  return (
    <section className="card" aria-labelledby="publish-past-h">
      <h2 id="publish-past-h">{t('publishTitle', { source: `${recognition.fromBodyName} · ${recognition.fromLevelName}` })}</h2>
      {past.fieldset}
      <div className="row">
        <button type="button" disabled={busy || !past.ready} onClick={() => onPublish(past.body)}>
          {t('publish')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </section>
  );
}

const EXAMPLE_TOP_UPS = JSON.stringify([{ id: 'membership', type: 'membership', label: 'Membership of our body', params: {} }], null, 2);

function NewRecognition({
  bodyId,
  bodies,
  schemes,
  onCreated,
}: {
  bodyId: string;
  bodies: Schemas['BodyDto'][];
  schemes: Scheme[];
  onCreated: () => void;
}) {
  const { t } = useTranslation('recognitions');
  const ours = schemes.filter((s) => s.bodyId === bodyId);
  const others = bodies.filter((b) => b.id !== bodyId && schemes.some((s) => s.bodyId === b.id));
  const [fromBodyId, setFromBodyId] = useState(others[0]?.id ?? '');
  const theirs = schemes.filter((s) => s.bodyId === fromBodyId);
  const [fromSchemeId, setFromSchemeId] = useState('');
  const [fromLevelCode, setFromLevelCode] = useState('');
  const [toSchemeId, setToSchemeId] = useState(ours[0]?.id ?? '');
  const [toLevelCode, setToLevelCode] = useState('');
  const [effectiveFrom, setEffectiveFrom] = useState(today());
  const [topUps, setTopUps] = useState(EXAMPLE_TOP_UPS);
  const [jsonError, setJsonError] = useState<string>();
  useEffect(() => setFromSchemeId(theirs[0]?.id ?? ''), [fromBodyId]); // eslint-disable-line react-hooks/exhaustive-deps
  const fromLevels = useLoad(() => levelsOf(schemes.find((s) => s.id === fromSchemeId)), [fromSchemeId]);
  const toLevels = useLoad(() => levelsOf(schemes.find((s) => s.id === toSchemeId)), [toSchemeId]);
  useEffect(() => setFromLevelCode(fromLevels.data?.[0]?.code ?? ''), [fromLevels.data]);
  useEffect(() => setToLevelCode(toLevels.data?.[0]?.code ?? ''), [toLevels.data]);
  const create = useAction(async () => {
    let parsed: Record<string, unknown>[];
    try {
      parsed = JSON.parse(topUps || '[]') as Record<string, unknown>[];
      if (!Array.isArray(parsed)) throw new Error('not a list');
      setJsonError(undefined);
    } catch {
      setJsonError(t('new.jsonInvalid'));
      return;
    }
    const fromScheme = schemes.find((s) => s.id === fromSchemeId);
    await call(
      api.POST('/api/v1/recognitions', {
        body: { toSchemeId, toLevelCode, fromBodyId, fromSchemeCode: fromScheme?.code ?? '', fromLevelCode, effectiveFrom, topUps: parsed },
      }),
    );
    onCreated();
    return t('new.created');
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void create.run();
  };
  const select = (value: string, set: (v: string) => void, options: { value: string; label: string }[]) =>
    function Select(p: { id: string }) {
      return (
        <select {...p} value={value} onChange={(e) => set(e.target.value)}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      );
    };
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="new-recognition-h">
      <h2 id="new-recognition-h" style={{ marginTop: 0 }}>
        {t('new.title')}
      </h2>
      <p className="small muted">{t('new.hint')}</p>
      <ErrorBox error={create.error} title={t('new.failed')} />
      <Notice>{create.notice}</Notice>
      <div className="grid">
        <Field label={t('new.fromBody')}>
          {select(
            fromBodyId,
            setFromBodyId,
            others.map((b) => ({ value: b.id, label: b.name })),
          )}
        </Field>
        <Field label={t('new.fromScheme')}>
          {select(
            fromSchemeId,
            setFromSchemeId,
            theirs.map((s) => ({ value: s.id, label: `${s.name} (${s.code})` })),
          )}
        </Field>
        <Field label={t('new.fromLevel')}>
          {select(
            fromLevelCode,
            setFromLevelCode,
            (fromLevels.data ?? []).map((l) => ({ value: l.code, label: `${l.name} (${l.code})` })),
          )}
        </Field>
        <Field label={t('new.toScheme')}>
          {select(
            toSchemeId,
            setToSchemeId,
            ours.map((s) => ({ value: s.id, label: `${s.name} (${s.code})` })),
          )}
        </Field>
        <Field label={t('new.toLevel')}>
          {select(
            toLevelCode,
            setToLevelCode,
            (toLevels.data ?? []).map((l) => ({ value: l.code, label: `${l.name} (${l.code})` })),
          )}
        </Field>
        <Field label={t('new.effectiveFrom')}>
          {(p) => <input {...p} type="date" value={effectiveFrom} onChange={(e) => setEffectiveFrom(e.target.value)} />}
        </Field>
      </div>
      <Field label={t('new.topUps')} hint={t('new.topUpsHint')} errors={jsonError ? [jsonError] : undefined}>
        {(p) => <textarea {...p} rows={8} className="mono" value={topUps} onChange={(e) => setTopUps(e.target.value)} />}
      </Field>
      <button type="submit" disabled={create.busy || !toLevelCode || !fromLevelCode}>
        {t('new.submit')}
      </button>
    </form>
  );
}
