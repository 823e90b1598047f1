import { useEffect, useState } from 'react';
import { ApiError, api, call, etagOf, type Schemas } from '../api/client';
import { Link, navigate, useTitle } from '../router';
import { ReferenceMark, StartFromReference } from './reference-schemes';
import { Badge, Empty, ErrorBox, Field, fmtDate, fmtDateTime, Loading, useAction, useLoad } from '../ui';

interface Rule {
  id: string;
  type: string;
  label: string;
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
  useTitle('Schemes');
  const { data, error, loading } = useLoad(() => Promise.all([call(api.GET('/api/v1/schemes')), call(api.GET('/api/v1/bodies'))]), []);
  const draft = useAction(async (schemeId: string) => {
    const v = await call(api.POST('/api/v1/schemes/{id}/versions', { params: { path: { id: schemeId } }, body: {} }));
    navigate(`/admin/scheme-versions/${v.id}`);
  });
  const [schemes, bodies] = data ?? [];
  return (
    <>
      <h1>Accreditation schemes</h1>
      {loading && <Loading />}
      <ErrorBox error={error ?? draft.error} />
      <StartFromReference />
      {schemes && schemes.length === 0 && <Empty>No schemes yet.</Empty>}
      {schemes?.map((s) => (
        <section className="card" key={s.id}>
          <h2 style={{ marginTop: 0 }}>
            {s.name} <span className="small muted">{s.code}</span>
          </h2>
          <p className="small muted">{bodies?.find((b) => b.id === s.bodyId)?.name}</p>
          <ul>
            {s.versions.map((v) => (
              <li key={v.id}>
                <Link to={`/admin/scheme-versions/${v.id}`}>Version {v.versionNumber}</Link>{' '}
                <Badge tone={statusTone(v.status)}>{v.status}</Badge> effective {fmtDate(v.effectiveFrom)}
              </li>
            ))}
          </ul>
          <button type="button" className="secondary" disabled={draft.busy} onClick={() => void draft.run(s.id)}>
            Draft a new version
          </button>
        </section>
      ))}
    </>
  );
}

function parse(text: string): { def?: Definition; error?: string } {
  try {
    const def = JSON.parse(text) as Definition;
    if (!def || typeof def !== 'object' || !Array.isArray(def.levels))
      return { error: 'The definition must be an object with a "levels" array.' };
    return { def };
  } catch (e) {
    return { error: `Not valid JSON: ${(e as Error).message}` };
  }
}

export function SchemeVersionEditor({ id }: { id: string }) {
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
  useTitle(version ? `Scheme version ${version.versionNumber}` : 'Scheme version');
  const parsed = parse(text);
  const save = useAction(async () => {
    if (!parsed.def) throw new ApiError(0, 'INVALID_JSON', parsed.error ?? 'Invalid JSON');
    const v = await call(
      api.PUT('/api/v1/scheme-versions/{id}', {
        params: { path: { id } },
        headers: { 'If-Match': etagOf(version!.version) },
        body: { effectiveFrom, definition: parsed.def },
      }),
    );
    setVersion(v);
    setSaved(`Saved (version ${v.versionNumber}, revision ${v.version}).`);
  });
  const publish = useAction(async () => {
    const v = await call(api.POST('/api/v1/scheme-versions/{id}/publish', { params: { path: { id } } }));
    setVersion(v);
    setSaved('Published. New enrolments and applications use this version from its effective date.');
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
        <Link to="/admin/schemes">← Schemes</Link>
      </p>
      <h1>
        Scheme version {version.versionNumber} <Badge tone={statusTone(version.status)}>{version.status}</Badge>
      </h1>
      {version.publishedAt && (
        <p className="muted">Published {fmtDateTime(version.publishedAt)}; a published version cannot be edited — draft a new one.</p>
      )}
      {saved && (
        <div className="alert ok" role="status">
          {saved}
        </div>
      )}
      <ReferenceMark version={version} onChange={setVersion} />
      <ErrorBox error={save.error} title="The version was not saved" />
      <ErrorBox error={publish.error} title="The version was not published" />
      <div className="row">
        <Field label="Effective from">
          {(p) => (
            <input {...p} type="date" disabled={!editable} value={effectiveFrom} onChange={(e) => setEffectiveFrom(e.target.value)} />
          )}
        </Field>
        <div className="tabs field" role="group" aria-label="Editor">
          <button
            type="button"
            className={mode === 'form' ? '' : 'secondary'}
            aria-pressed={mode === 'form'}
            onClick={() => setMode('form')}
          >
            Rules form
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
      {parsed.error && (
        <div className="alert error" role="alert">
          {parsed.error}
        </div>
      )}
      {mode === 'json' || !parsed.def ? (
        <Field label="Definition (JSON)" hint="levels, their prerequisites and requirements">
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
            {save.busy ? 'Validating and saving…' : 'Save draft'}
          </button>
          <button type="button" className="secondary" disabled={publish.busy} onClick={() => void publish.run()}>
            Publish
          </button>
        </div>
      )}
      <details>
        <summary>Rule types</summary>
        <ul className="small">
          {ruleTypes.map((r) => (
            <li key={r.type}>
              <code>{r.type}</code>: {r.description} — params {r.params.join(', ')}
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
              <h3>{group === 'prerequisites' ? 'Prerequisites' : 'Requirements'}</h3>
              {(level[group] ?? []).length === 0 && <p className="muted small">None.</p>}
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
  const [params, setParams] = useState(JSON.stringify(rule.params));
  const [paramsError, setParamsError] = useState('');
  return (
    <div className="row" style={{ borderBottom: '1px solid var(--line)', paddingBottom: '.5rem', marginBottom: '.5rem' }} data-path={path}>
      <Field label="Rule id">
        {(p) => (
          <input {...p} readOnly={!editable} value={rule.id} style={{ width: '9rem' }} onChange={(e) => onChange({ id: e.target.value })} />
        )}
      </Field>
      <Field label="Type">
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
      <Field label="Label" className="grow">
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
      <Field
        label="Parameters (JSON)"
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
                setParamsError('not valid JSON yet');
              }
            }}
          />
        )}
      </Field>
    </div>
  );
}
