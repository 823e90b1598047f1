import { useEffect, useState } from 'react';
import { ApiError, api, call, etagOf, type Schemas } from '../api/client';
import { Link, navigate, useTitle } from '../router';
import { formatDate, formatDateTime, useTranslation } from '../i18n';
import { WhatIfPanel } from './what-if';
import { Badge, Empty, ErrorBox, Field, Loading, useAction, useLoad } from '../ui';
import { NewScheme } from './admin-new-scheme';
import { ReferenceMark, StartFromReference } from './reference-schemes';
import { usePastEffectiveDate } from './shared/past-effective-date';

interface Rule {
  id: string;
  type: string;
  label: string;
  advisory?: boolean;
  params: Record<string, unknown>;
}
interface LevelDef {
  code: string;
  name: string;
  requirements?: Rule[];
  prerequisites?: Rule[];
  [k: string]: unknown;
}
interface Definition {
  levels: LevelDef[];
  [k: string]: unknown;
}

const statusTone = (s: string) => (s === 'published' ? 'ok' : s === 'draft' ? 'warn' : 'neutral');

export function AdminSchemes() {
  const { t } = useTranslation('admin');
  useTitle(t('schemes.title'));
  const { data, error, loading } = useLoad(() => Promise.all([call(api.GET('/api/v1/schemes')), call(api.GET('/api/v1/bodies'))]), []);
  const draft = useAction(async (schemeId: string) => {
    const v = await call(api.POST('/api/v1/schemes/{id}/versions', { params: { path: { id: schemeId } }, body: {} }));
    navigate(`/admin/scheme-versions/${v.id}`);
  });
  const [schemes, bodies] = data ?? [];
  return (
    <>
      <h1>{t('schemes.heading')}</h1>
      {loading && <Loading />}
      <ErrorBox error={error ?? draft.error} />
      <NewScheme />
      <StartFromReference />
      {schemes && schemes.length === 0 && <Empty>{t('schemes.none')}</Empty>}
      {schemes?.map((s) => (
        <section className="card" key={s.id}>
          <h2 style={{ marginTop: 0 }}>
            {s.name} <span className="small muted">{s.code}</span>
          </h2>
          <p className="small muted">{bodies?.find((b) => b.id === s.bodyId)?.name}</p>
          <ul>
            {s.versions.map((v) => (
              <li key={v.id}>
                <Link to={`/admin/scheme-versions/${v.id}`}>{t('schemes.version', { n: v.versionNumber })}</Link>{' '}
                <Badge tone={statusTone(v.status)}>{t(`versionStatus.${v.status}`)}</Badge>{' '}
                {t('schemes.effective', { date: formatDate(v.effectiveFrom) || '—' })}
              </li>
            ))}
          </ul>
          <button type="button" className="secondary" disabled={draft.busy} onClick={() => void draft.run(s.id)}>
            {t('schemes.draftNew')}
          </button>
        </section>
      ))}
    </>
  );
}

// the problem is a key of the admin namespace (schemes.*), with the parser's own words as its detail
function parse(text: string): { def?: Definition; error?: { key: 'noLevels' | 'notJson'; detail?: string } } {
  try {
    const def = JSON.parse(text) as Definition;
    if (!def || typeof def !== 'object' || !Array.isArray(def.levels)) return { error: { key: 'noLevels' } };
    return { def };
  } catch (e) {
    return { error: { key: 'notJson', detail: (e as Error).message } };
  }
}

export function SchemeVersionEditor({ id }: { id: string }) {
  const { t } = useTranslation('admin');
  const loaded = useLoad(
    () =>
      Promise.all([
        call(api.GET('/api/v1/scheme-versions/{id}', { params: { path: { id } } })),
        call(api.GET('/api/v1/schemes/rule-types')),
      ]),
    [id],
  );
  const [version, setVersion] = useState<Schemas['SchemeVersionDto']>();
  const [text, setText] = useState('');
  const [effectiveFrom, setEffectiveFrom] = useState('');
  const [mode, setMode] = useState<'form' | 'json'>('form');
  const [saved, setSaved] = useState('');
  useEffect(() => {
    const v = loaded.data?.[0];
    if (v) {
      setVersion(v);
      setText(JSON.stringify(v.definition, null, 2));
      setEffectiveFrom(v.effectiveFrom ?? '');
    }
  }, [loaded.data]);
  useTitle(version ? t('schemes.versionTitle', { n: version.versionNumber }) : t('schemes.versionTitleBare'));
  const parsed = parse(text);
  const parseError = parsed.error && t(`schemes.${parsed.error.key}`, { detail: parsed.error.detail });
  const save = useAction(async () => {
    if (!parsed.def) throw new ApiError(0, 'INVALID_JSON', parseError ?? t('schemes.notJson', { detail: '' }));
    const v = await call(
      api.PUT('/api/v1/scheme-versions/{id}', {
        params: { path: { id } },
        headers: { 'If-Match': etagOf(version!.version) },
        body: { effectiveFrom, definition: parsed.def },
      }),
    );
    setVersion(v);
    setSaved(t('schemes.saved', { n: v.versionNumber, revision: v.version }));
  });
  // a version published with a past effective date changes eligibility retroactively: the body confirms it with a reason
  const pastDate = usePastEffectiveDate(version?.status === 'draft' ? version.effectiveFrom : null);
  const publish = useAction(async () => {
    const v = await call(api.POST('/api/v1/scheme-versions/{id}/publish', { params: { path: { id } }, body: pastDate.body }));
    setVersion(v);
    setSaved(t('schemes.published'));
  });
  if (loaded.loading && !version) return <Loading />;
  if (loaded.error) return <ErrorBox error={loaded.error} />;
  if (!version) return null;
  const ruleTypes = loaded.data?.[1] ?? [];
  const editable = version.status === 'draft';
  const setDef = (def: Definition) => setText(JSON.stringify(def, null, 2));
  return (
    <>
      <p className="small">
        <Link to="/admin/schemes">{t('schemes.back')}</Link>
      </p>
      <h1>
        {t('schemes.versionTitle', { n: version.versionNumber })}{' '}
        <Badge tone={statusTone(version.status)}>{t(`versionStatus.${version.status}`)}</Badge>
      </h1>
      {version.publishedAt && <p className="muted">{t('schemes.publishedNote', { at: formatDateTime(version.publishedAt) })}</p>}
      {saved && (
        <div className="alert ok" role="status">
          {saved}
        </div>
      )}
      <ReferenceMark version={version} onChange={setVersion} />
      <ErrorBox error={save.error} title={t('schemes.notSaved')} />
      <ErrorBox error={publish.error} title={t('schemes.notPublished')} />
      <div className="row">
        <Field label={t('schemes.effectiveFrom')}>
          {(p) => (
            <input {...p} type="date" disabled={!editable} value={effectiveFrom} onChange={(e) => setEffectiveFrom(e.target.value)} />
          )}
        </Field>
        <div className="tabs field" role="group" aria-label={t('schemes.editor')}>
          <button
            type="button"
            className={mode === 'form' ? '' : 'secondary'}
            aria-pressed={mode === 'form'}
            onClick={() => setMode('form')}
          >
            {t('schemes.rulesForm')}
          </button>
          <button
            type="button"
            className={mode === 'json' ? '' : 'secondary'}
            aria-pressed={mode === 'json'}
            onClick={() => setMode('json')}
          >
            JSON
          </button>
        </div>
      </div>
      {parseError && (
        <div className="alert error" role="alert">
          {parseError}
        </div>
      )}
      {mode === 'json' || !parsed.def ? (
        <Field label={t('schemes.definition')} hint={t('schemes.definitionHint')}>
          {(p) => (
            <textarea
              {...p}
              className="code"
              spellCheck={false}
              readOnly={!editable}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
          )}
        </Field>
      ) : (
        <RulesForm def={parsed.def} editable={editable} ruleTypes={ruleTypes} onChange={setDef} />
      )}
      {editable && (
        <div className="row">
          <button type="button" disabled={save.busy || !!parsed.error} onClick={() => void save.run()}>
            {save.busy ? t('schemes.saving') : t('schemes.save')}
          </button>
          <button type="button" className="secondary" disabled={publish.busy || !pastDate.ready} onClick={() => void publish.run()}>
            {t('schemes.publish')}
          </button>
        </div>
      )}
      {editable && pastDate.fieldset}
      {editable && <WhatIfPanel schemeId={version.schemeId} versionId={version.id} />}
      <details>
        <summary>{t('schemes.ruleTypes')}</summary>
        <ul className="small">
          {ruleTypes.map((r) => (
            <li key={r.type}>
              <code>{r.type}</code>: {r.description} — {t('schemes.params', { params: r.params.join(', ') })}
            </li>
          ))}
        </ul>
      </details>
    </>
  );
}

function RulesForm({
  def,
  editable,
  ruleTypes,
  onChange,
}: {
  def: Definition;
  editable: boolean;
  ruleTypes: Schemas['RuleTypeDto'][];
  onChange: (d: Definition) => void;
}) {
  const { t } = useTranslation('admin');
  const update = (li: number, group: 'requirements' | 'prerequisites', ri: number, patch: Partial<Rule>) => {
    const next = structuredClone(def);
    const rules = next.levels[li][group]!;
    rules[ri] = { ...rules[ri], ...patch };
    onChange(next);
  };
  return (
    <>
      {def.levels.map((level, li) => (
        <section className="card" key={li}>
          <h2 style={{ marginTop: 0 }}>
            {level.name} <span className="small muted">({level.code})</span>
          </h2>
          {(['prerequisites', 'requirements'] as const).map((group) => (
            <div key={group}>
              <h3>{t(`schemes.${group}`)}</h3>
              {(level[group] ?? []).length === 0 && <p className="muted small">{t('schemes.noRules')}</p>}
              {(level[group] ?? []).map((rule, ri) => (
                <RuleRow
                  key={`${rule.id}-${ri}`}
                  rule={rule}
                  editable={editable}
                  ruleTypes={ruleTypes}
                  onChange={(patch) => update(li, group, ri, patch)}
                  path={`levels.${li}.${group}.${ri}`}
                />
              ))}
            </div>
          ))}
        </section>
      ))}
    </>
  );
}

function RuleRow({
  rule,
  editable,
  ruleTypes,
  onChange,
  path,
}: {
  rule: Rule;
  editable: boolean;
  ruleTypes: Schemas['RuleTypeDto'][];
  onChange: (p: Partial<Rule>) => void;
  path: string;
}) {
  const { t } = useTranslation('admin');
  const [params, setParams] = useState(JSON.stringify(rule.params));
  const [paramsError, setParamsError] = useState('');
  return (
    <div className="row" style={{ borderBottom: '1px solid var(--line)', paddingBottom: '.5rem', marginBottom: '.5rem' }} data-path={path}>
      <Field label={t('schemes.ruleId')}>
        {(p) => (
          <input {...p} readOnly={!editable} value={rule.id} style={{ width: '9rem' }} onChange={(e) => onChange({ id: e.target.value })} />
        )}
      </Field>
      <Field label={t('schemes.type')}>
        {(p) => (
          <select {...p} disabled={!editable} value={rule.type} onChange={(e) => onChange({ type: e.target.value })}>
            {!ruleTypes.some((t) => t.type === rule.type) && <option value={rule.type}>{rule.type}</option>}
            {ruleTypes.map((t) => (
              <option key={t.type} value={t.type}>
                {t.type}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('schemes.label')} className="grow">
        {(p) => (
          <input
            {...p}
            readOnly={!editable}
            value={rule.label}
            style={{ width: '22rem' }}
            onChange={(e) => onChange({ label: e.target.value })}
          />
        )}
      </Field>
      <AdvisoryToggle rule={rule} editable={editable} onChange={onChange} />
      <Field
        label={t('schemes.parameters')}
        errors={paramsError ? [paramsError] : undefined}
        hint={ruleTypes.find((t) => t.type === rule.type)?.params.join(', ')}
      >
        {(p) => (
          <input
            {...p}
            readOnly={!editable}
            value={params}
            style={{ width: '26rem', fontFamily: 'monospace' }}
            onChange={(e) => {
              setParams(e.target.value);
              try {
                onChange({ params: JSON.parse(e.target.value) as Record<string, unknown> });
                setParamsError('');
              } catch {
                setParamsError(t('schemes.paramsNotJson'));
              }
            }}
          />
        )}
      </Field>
    </div>
  );
}

// an advisory rule is shown with its verdict in progress but never blocks eligibility
function AdvisoryToggle({ rule, editable, onChange }: { rule: Rule; editable: boolean; onChange: (p: Partial<Rule>) => void }) {
  const { t } = useTranslation('schemeChecks');
  return (
    <label className="checkbox field" title={t('advisoryHint')}>
      <input
        type="checkbox"
        disabled={!editable}
        checked={rule.advisory === true}
        onChange={(e) => onChange({ advisory: e.target.checked || undefined })}
      />{' '}
      {t('advisory')}
    </label>
  );
}
