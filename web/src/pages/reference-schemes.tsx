import { type FormEvent, useEffect, useState } from 'react';
import { api, call, type Schemas } from '../api/client';
import { useAuth } from '../auth';
import { useTranslation } from '../i18n';
import { navigate, useTitle } from '../router';
import { Badge, DataTable, Empty, ErrorBox, Field, fieldErrors, Loading, Notice, useAction, useLoad } from '../ui';

// Reference schemes (issue 16): a body admin starts a scheme from a reference of the international body, the
// international body marks a published version as a reference, and any two levels compare rule by rule.

type Verdict = 'stricter' | 'looser' | 'equal' | 'different' | 'missing' | 'extra';
const VERDICT_TONE: Record<Verdict, 'ok' | 'bad' | 'warn' | 'neutral'> = {
  stricter: 'ok',
  looser: 'bad',
  equal: 'neutral',
  different: 'warn',
  missing: 'bad',
  extra: 'ok',
};

/** On the schemes screen: pick a reference, a code and a name; the new draft opens in the editor. */
export function StartFromReference() {
  const { t } = useTranslation('network');
  const { me } = useAuth();
  const loaded = useLoad(() => Promise.all([call(api.GET('/api/v1/reference-schemes')), call(api.GET('/api/v1/bodies'))]), []);
  const [references, bodies] = loaded.data ?? [];
  const isGlobal = !!me?.roles.some((g) => g.role === 'ADMIN');
  const administered = (bodies ?? []).filter((b) => isGlobal || me?.roles.some((g) => g.role === 'BODY_ADMIN' && g.bodyId === b.id));
  const [referenceVersionId, setReference] = useState('');
  const [bodyId, setBody] = useState('');
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  useEffect(() => {
    if (!referenceVersionId && references?.length) setReference(references[0].versionId);
  }, [references, referenceVersionId]);
  useEffect(() => {
    if (!bodyId && administered.length) setBody(administered[0].id);
  }, [administered, bodyId]);
  const start = useAction(async () => {
    const scheme = await call(
      api.POST('/api/v1/bodies/{bodyId}/schemes/from-reference', {
        params: { path: { bodyId } },
        body: { referenceVersionId, code, name },
      }),
    );
    navigate(`/admin/scheme-versions/${scheme.versions[0].id}`);
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void start.run();
  };
  return (
    <section className="card" aria-labelledby="start-from-reference">
      <h2 id="start-from-reference" style={{ marginTop: 0 }}>
        {t('start.title')}
      </h2>
      <p className="muted small">{t('start.intro')}</p>
      {loaded.loading && <Loading />}
      <ErrorBox error={loaded.error} />
      {references && references.length === 0 && <Empty>{t('start.none')}</Empty>}
      {references && references.length > 0 && (
        <form onSubmit={submit}>
          <ErrorBox error={start.error} title={t('start.failed')} />
          <div className="row">
            <Field label={t('start.reference')} errors={fieldErrors(start.error, 'referenceVersionId')}>
              {(p) => (
                <select {...p} value={referenceVersionId} onChange={(e) => setReference(e.target.value)}>
                  {references.map((r) => (
                    <option key={r.versionId} value={r.versionId}>
                      {t('start.option', { scheme: r.schemeName, version: r.versionNumber, body: r.bodyName })}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('start.body')}>
              {(p) => (
                <select {...p} value={bodyId} onChange={(e) => setBody(e.target.value)}>
                  {administered.map((b) => (
                    <option key={b.id} value={b.id}>
                      {b.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('start.code')} hint={t('start.codeHint')} errors={fieldErrors(start.error, 'code')}>
              {(p) => <input {...p} required value={code} onChange={(e) => setCode(e.target.value)} />}
            </Field>
            <Field label={t('start.name')} className="grow" errors={fieldErrors(start.error, 'name')}>
              {(p) => <input {...p} required value={name} onChange={(e) => setName(e.target.value)} style={{ width: '20rem' }} />}
            </Field>
          </div>
          <button type="submit" disabled={start.busy || !bodyId}>
            {start.busy ? t('start.busy') : t('start.submit')}
          </button>
        </form>
      )}
    </section>
  );
}

/** In the version editor: the international body marks (or unmarks) a published version as a reference. */
export function ReferenceMark({
  version,
  onChange,
}: {
  version: Schemas['SchemeVersionDto'];
  onChange: (v: Schemas['SchemeVersionDto']) => void;
}) {
  const { t } = useTranslation('network');
  const body = useLoad(async () => {
    const scheme = await call(api.GET('/api/v1/schemes/{id}', { params: { path: { id: version.schemeId } } }));
    return call(api.GET('/api/v1/bodies/{id}', { params: { path: { id: scheme.bodyId } } }));
  }, [version.schemeId]);
  const toggle = useAction(async () => {
    const params = { params: { path: { id: version.id } } };
    const v = version.isReference
      ? await call(api.DELETE('/api/v1/scheme-versions/{id}/reference', params))
      : await call(api.POST('/api/v1/scheme-versions/{id}/reference', params));
    onChange(v);
    return v.isReference ? t('mark.marked') : t('mark.unmarked');
  });
  if (body.data?.kind !== 'international' || version.status === 'draft') return null;
  return (
    <section className="card" aria-labelledby="reference-mark">
      <h2 id="reference-mark" style={{ marginTop: 0 }}>
        {t('mark.title')} {version.isReference && <Badge tone="ok">{t('mark.title')}</Badge>}
      </h2>
      <Notice>{toggle.notice}</Notice>
      <ErrorBox error={toggle.error} title={t('mark.failed')} />
      <p className="muted">{version.isReference ? t('mark.isReference') : t('mark.notReference')}</p>
      <button type="button" className="secondary" disabled={toggle.busy} onClick={() => void toggle.run()}>
        {version.isReference ? t('mark.unmarkButton') : t('mark.markButton')}
      </button>
    </section>
  );
}

function LevelPicker({
  legend,
  schemes,
  value,
  onChange,
}: {
  legend: string;
  schemes: Schemas['SchemeDto'][];
  value: { versionId: string; levelCode: string };
  onChange: (v: { versionId: string; levelCode: string }) => void;
}) {
  const { t } = useTranslation('network');
  const levels = useLoad(
    async () =>
      value.versionId
        ? ((await call(api.GET('/api/v1/scheme-versions/{id}', { params: { path: { id: value.versionId } } }))).definition.levels as {
            code: string;
            name: string;
          }[])
        : [],
    [value.versionId],
  );
  useEffect(() => {
    const list = levels.data ?? [];
    if (list.length && !list.some((l) => l.code === value.levelCode)) onChange({ ...value, levelCode: list[0].code });
  }, [levels.data, value, onChange]);
  return (
    <fieldset className="card">
      <legend>{legend}</legend>
      <div className="row">
        <Field label={t('compare.version')}>
          {(p) => (
            <select {...p} value={value.versionId} onChange={(e) => onChange({ versionId: e.target.value, levelCode: '' })}>
              <option value="">{t('compare.choose')}</option>
              {schemes.flatMap((s) =>
                s.versions.map((v) => (
                  <option key={v.id} value={v.id}>
                    {t('compare.versionOption', { scheme: s.name, version: v.versionNumber, status: v.status })}
                  </option>
                )),
              )}
            </select>
          )}
        </Field>
        <Field label={t('compare.level')}>
          {(p) => (
            <select {...p} value={value.levelCode} onChange={(e) => onChange({ ...value, levelCode: e.target.value })}>
              {(levels.data ?? []).map((l) => (
                <option key={l.code} value={l.code}>
                  {l.name} ({l.code})
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <ErrorBox error={levels.error} />
    </fieldset>
  );
}

/** Two levels side by side: a table of rules with verdict badges and words, and whether A implies B. */
export function SchemeComparison() {
  const { t } = useTranslation('network');
  useTitle(t('compare.title'));
  const schemes = useLoad(() => call(api.GET('/api/v1/schemes')), []);
  const [a, setA] = useState({ versionId: '', levelCode: '' });
  const [b, setB] = useState({ versionId: '', levelCode: '' });
  const [result, setResult] = useState<Schemas['SchemeComparisonDto']>();
  const compare = useAction(async () => {
    setResult(
      await call(
        api.GET('/api/v1/scheme-comparisons', {
          params: { query: { a: `${a.versionId}:${a.levelCode}`, b: `${b.versionId}:${b.levelCode}` } },
        }),
      ),
    );
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void compare.run();
  };
  const rows = (result?.items ?? []).map((item, i) => ({ ...item, id: String(i) }));
  const implies = result?.implies;
  return (
    <>
      <h1>{t('compare.title')}</h1>
      <p className="muted">{t('compare.intro')}</p>
      {schemes.loading && <Loading />}
      <ErrorBox error={schemes.error} />
      {schemes.data && (
        <form onSubmit={submit}>
          <LevelPicker legend={t('compare.levelA')} schemes={schemes.data} value={a} onChange={setA} />
          <LevelPicker legend={t('compare.levelB')} schemes={schemes.data} value={b} onChange={setB} />
          <ErrorBox error={compare.error} title={t('compare.failed')} />
          <button type="submit" disabled={compare.busy || !a.levelCode || !b.levelCode}>
            {compare.busy ? t('compare.busy') : t('compare.submit')}
          </button>
        </form>
      )}
      {result && (
        <section aria-labelledby="comparison-result">
          <h2 id="comparison-result">{t('compare.summary', { a: result.a.title, b: result.b.title })}</h2>
          <div className={`alert ${implies === 'yes' ? 'ok' : implies === 'no' ? 'error' : 'warn'}`} role="status">
            <strong>{t('compare.implies')}</strong>{' '}
            <span>
              {implies === 'yes' ? t('compare.impliesYes') : implies === 'no' ? t('compare.impliesNo') : t('compare.impliesUnknown')}
            </span>
            <div className="small">
              {t('compare.reasons')}:
              <ul>
                {result.reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            </div>
          </div>
          <DataTable
            rows={rows}
            columns={[
              { label: t('compare.section'), cell: (r) => t(`compare.sections.${r.section}`) },
              { label: t('compare.subject'), cell: (r) => <code>{r.subject}</code> },
              { label: t('compare.ruleA'), cell: (r) => r.labelA ?? r.ruleIdA ?? '—' },
              { label: t('compare.ruleB'), cell: (r) => r.labelB ?? r.ruleIdB ?? '—' },
              {
                label: t('compare.verdict'),
                cell: (r) => <Badge tone={VERDICT_TONE[r.verdict as Verdict]}>{t(`compare.verdicts.${r.verdict}`)}</Badge>,
              },
              { label: t('compare.words'), cell: (r) => r.words },
            ]}
          />
        </section>
      )}
    </>
  );
}
