// Body admins' taxonomies: the lists (problem areas, formats, adaptations, settings, age bands, further attributes,
// session phases) a body's cases are described by, as versions: view, start a draft, edit it, publish it.
import { type FormEvent, useEffect, useState } from 'react';
import { api, call, etagOf, type Schemas } from '../api/client';
import { useAuth } from '../auth';
import { useTranslation } from '../i18n';
import { Link, navigate, useTitle } from '../router';
import { Badge, type Column, DataTable, Empty, ErrorBox, Field, Loading, Notice, useAction, useLoad } from '../ui';
import { BUILT_IN, loadTaxonomy, type Taxonomy, type TaxonomyAttribute, type TaxonomyDefinition } from './shared/taxonomy';

type Summary = Schemas['TaxonomySummaryDto'];
const tone = (s: string) => (s === 'published' ? 'ok' : 'warn');
const isBuiltIn = (code: string) => (BUILT_IN as readonly string[]).includes(code);

export function AdminTaxonomies() {
  const { t } = useTranslation('taxonomies');
  useTitle(t('title'));
  const loaded = useLoad(() => Promise.all([call(api.GET('/api/v1/taxonomies')), call(api.GET('/api/v1/bodies'))]), []);
  const [list, bodies] = loaded.data ?? [];
  const owner = (x: Summary) => (x.bodyId ? (bodies?.find((b) => b.id === x.bodyId)?.name ?? x.bodyId) : t('international'));
  const columns: Column<Summary>[] = [
    { label: t('col.name'), cell: (x) => <Link to={`/admin/taxonomies/${x.id}`}>{x.name}</Link> },
    { label: t('col.code'), cell: (x) => x.code },
    { label: t('col.owner'), cell: owner },
    { label: t('col.version'), cell: (x) => x.versionNumber },
    { label: t('col.status'), cell: (x) => <Badge tone={tone(x.status)}>{t(`status.${x.status}`)}</Badge> },
  ];
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      {loaded.loading && <Loading />}
      <ErrorBox error={loaded.error} />
      {list && (list.length ? <DataTable columns={columns} rows={list} /> : <Empty>{t('none')}</Empty>)}
      {list && bodies && <NewDraft list={list} bodies={bodies} />}
    </>
  );
}

function NewDraft({ list, bodies }: { list: Summary[]; bodies: Schemas['BodyDto'][] }) {
  const { t } = useTranslation('taxonomies');
  const { has, bodiesFor } = useAuth();
  const published = list.filter((x) => x.status === 'published');
  // the bodies the admin administers (a global admin: any); "international" is offered to everyone, the service decides
  const mine = has('ADMIN') ? bodies : bodies.filter((b) => bodiesFor('BODY_ADMIN').includes(b.id));
  const [bodyId, setBodyId] = useState(mine.find((b) => b.kind !== 'international')?.id ?? '');
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [from, setFrom] = useState(published[0]?.id ?? '');
  const create = useAction(async () => {
    const base = list.find((x) => x.id === from);
    // the same code continues that taxonomy (a new version); another code starts a new one from a copy
    const definition =
      base && base.code === code.trim() && base.bodyId === (bodyId || null) ? undefined : (await loadTaxonomy(from)).definition;
    const created = await call(
      api.POST('/api/v1/taxonomies', { body: { bodyId: bodyId || null, code: code.trim(), name: name.trim(), definition } }),
    );
    navigate(`/admin/taxonomies/${created.id}`);
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void create.run();
  };
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="new-taxonomy-h">
      <h2 id="new-taxonomy-h" style={{ marginTop: 0 }}>
        {t('new.title')}
      </h2>
      <p className="small muted">{t('new.hint')}</p>
      <ErrorBox error={create.error} title={t('new.failed')} />
      <div className="grid">
        <Field label={t('new.body')}>
          {(p) => (
            <select {...p} value={bodyId} onChange={(e) => setBodyId(e.target.value)}>
              <option value="">{t('international')}</option>
              {mine.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('new.code')} hint={t('new.codeHint')}>
          {(p) => <input {...p} required value={code} onChange={(e) => setCode(e.target.value.toUpperCase())} />}
        </Field>
        <Field label={t('new.name')}>{(p) => <input {...p} required value={name} onChange={(e) => setName(e.target.value)} />}</Field>
        <Field label={t('new.from')}>
          {(p) => (
            <select {...p} value={from} onChange={(e) => setFrom(e.target.value)}>
              {published.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name} ({x.code} v{x.versionNumber})
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <button type="submit" disabled={create.busy}>
        {t('new.submit')}
      </button>
    </form>
  );
}

export function TaxonomyEditor({ id }: { id: string }) {
  const { t } = useTranslation('taxonomies');
  const loaded = useLoad(() => loadTaxonomy(id), [id]);
  const [tax, setTax] = useState<Taxonomy>();
  const [name, setName] = useState('');
  const [def, setDef] = useState<TaxonomyDefinition>();
  useEffect(() => {
    if (loaded.data) {
      setTax(loaded.data);
      setName(loaded.data.name);
      setDef(structuredClone(loaded.data.definition));
    }
  }, [loaded.data]);
  useTitle(tax ? `${tax.name} v${tax.versionNumber}` : t('title'));
  const save = useAction(async () => {
    const v = await call(
      api.PUT('/api/v1/taxonomies/{id}', {
        params: { path: { id } },
        headers: { 'If-Match': etagOf(tax!.version) },
        body: { name, definition: def as unknown as Record<string, never> },
      }),
    );
    setTax(v);
    return t('edit.saved', { revision: v.version });
  });
  const publish = useAction(async () => {
    setTax(await call(api.POST('/api/v1/taxonomies/{id}/publish', { params: { path: { id } } })));
    return t('edit.published');
  });
  if (loaded.loading && !tax) return <Loading />;
  if (loaded.error) return <ErrorBox error={loaded.error} />;
  if (!tax || !def) return null;
  const editable = tax.status === 'draft';
  const setAttr = (i: number, a: TaxonomyAttribute) => setDef({ ...def, attributes: def.attributes.map((x, j) => (j === i ? a : x)) });
  return (
    <>
      <p>
        <Link to="/admin/taxonomies">← {t('title')}</Link>
      </p>
      <h1>
        {tax.name} <span className="small muted">{t('edit.versionOf', { code: tax.code, version: tax.versionNumber })}</span>{' '}
        <Badge tone={tone(tax.status)}>{t(`status.${tax.status}`)}</Badge>
      </h1>
      {!editable && <p className="muted">{t('edit.immutable')}</p>}
      <Notice>{publish.notice ?? save.notice}</Notice>
      <ErrorBox error={save.error ?? publish.error} title={t('edit.failed')} />
      {editable && <Field label={t('edit.name')}>{(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} />}</Field>}
      {def.attributes.map((a, i) => (
        <AttributeCard key={i} a={a} editable={editable} onChange={(next) => setAttr(i, next)} />
      ))}
      {editable && <AddAttribute onAdd={(a) => setDef({ ...def, attributes: [...def.attributes, a] })} />}
      <PhasesCard def={def} editable={editable} onChange={setDef} />
      {editable && (
        <p className="row">
          <button type="button" disabled={save.busy} onClick={() => void save.run()}>
            {t('edit.save')}
          </button>
          <button type="button" className="secondary" disabled={publish.busy} onClick={() => void publish.run()}>
            {t('edit.publish')}
          </button>
        </p>
      )}
    </>
  );
}

function AttributeCard({ a, editable, onChange }: { a: TaxonomyAttribute; editable: boolean; onChange: (a: TaxonomyAttribute) => void }) {
  const { t } = useTranslation('taxonomies');
  const setValue = (i: number, patch: Partial<TaxonomyAttribute['values'][number]>) =>
    onChange({ ...a, values: a.values.map((v, j) => (j === i ? { ...v, ...patch } : v)) });
  const headingId = `attr-${a.code}`;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId} style={{ marginTop: 0 }}>
        {a.label} <span className="small muted">{a.code}</span>
      </h2>
      <p className="small muted">
        {isBuiltIn(a.code) ? t('attr.builtIn') : a.multiple ? t('attr.multiple') : t('attr.single')}{' '}
        {a.required ? t('attr.required') : t('attr.optional')}
      </p>
      {editable && !isBuiltIn(a.code) && (
        <p className="row">
          <label>
            <input type="checkbox" checked={a.required} onChange={(e) => onChange({ ...a, required: e.target.checked })} />{' '}
            {t('attr.requiredBox')}
          </label>
          <label>
            <input type="checkbox" checked={!!a.multiple} onChange={(e) => onChange({ ...a, multiple: e.target.checked })} />{' '}
            {t('attr.multipleBox')}
          </label>
        </p>
      )}
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th>{t('col.code')}</th>
              <th>{t('col.label')}</th>
              <th>{t('col.retired')}</th>
            </tr>
          </thead>
          <tbody>
            {a.values.map((v, i) => (
              <tr key={i}>
                <td>
                  {editable ? (
                    <input
                      aria-label={t('value.code', { n: i + 1 })}
                      value={v.code}
                      onChange={(e) => setValue(i, { code: e.target.value })}
                    />
                  ) : (
                    <code>{v.code}</code>
                  )}
                </td>
                <td>
                  {editable ? (
                    <input
                      aria-label={t('value.label', { n: i + 1 })}
                      value={v.label}
                      onChange={(e) => setValue(i, { label: e.target.value })}
                    />
                  ) : (
                    v.label
                  )}
                </td>
                <td>
                  {editable ? (
                    <input
                      type="checkbox"
                      aria-label={t('value.retired', { n: i + 1 })}
                      checked={!!v.retired}
                      onChange={(e) => setValue(i, { retired: e.target.checked || undefined })}
                    />
                  ) : v.retired ? (
                    t('value.yes')
                  ) : (
                    ''
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {editable && (
        <button type="button" className="secondary" onClick={() => onChange({ ...a, values: [...a.values, { code: '', label: '' }] })}>
          {t('value.add', { attribute: a.label })}
        </button>
      )}
    </section>
  );
}

function AddAttribute({ onAdd }: { onAdd: (a: TaxonomyAttribute) => void }) {
  const { t } = useTranslation('taxonomies');
  const [code, setCode] = useState('');
  const [label, setLabel] = useState('');
  return (
    <section className="card" aria-labelledby="add-attr-h">
      <h2 id="add-attr-h" style={{ marginTop: 0 }}>
        {t('attr.addTitle')}
      </h2>
      <div className="row">
        <Field label={t('attr.code')} hint={t('attr.codeHint')}>
          {(p) => <input {...p} value={code} onChange={(e) => setCode(e.target.value)} />}
        </Field>
        <Field label={t('attr.label')}>{(p) => <input {...p} value={label} onChange={(e) => setLabel(e.target.value)} />}</Field>
        <div className="field">
          <button
            type="button"
            className="secondary"
            disabled={!code.trim() || !label.trim()}
            onClick={() => {
              onAdd({ code: code.trim(), label: label.trim(), required: false, values: [{ code: '', label: '' }] });
              setCode('');
              setLabel('');
            }}
          >
            {t('attr.add')}
          </button>
        </div>
      </div>
    </section>
  );
}

function PhasesCard({
  def,
  editable,
  onChange,
}: {
  def: TaxonomyDefinition;
  editable: boolean;
  onChange: (d: TaxonomyDefinition) => void;
}) {
  const { t } = useTranslation('taxonomies');
  const setPhase = (i: number, patch: Partial<TaxonomyDefinition['phases'][number]>) =>
    onChange({ ...def, phases: def.phases.map((p, j) => (j === i ? { ...p, ...patch } : p)) });
  const bound = (k: keyof TaxonomyDefinition['phaseBoundaries'], v: number) =>
    onChange({ ...def, phaseBoundaries: { ...def.phaseBoundaries, [k]: v } });
  return (
    <section className="card" aria-labelledby="phases-h">
      <h2 id="phases-h" style={{ marginTop: 0 }}>
        {t('phases.title')}
      </h2>
      <p className="small muted">{t('phases.hint')}</p>
      <ol>
        {def.phases.map((p, i) => (
          <li key={i}>
            {editable ? (
              <>
                <input aria-label={t('phases.code', { n: i + 1 })} value={p.code} onChange={(e) => setPhase(i, { code: e.target.value })} />{' '}
                <input
                  aria-label={t('phases.label', { n: i + 1 })}
                  value={p.label}
                  onChange={(e) => setPhase(i, { label: e.target.value })}
                />
              </>
            ) : (
              <>
                {p.label} <code>{p.code}</code>
              </>
            )}
          </li>
        ))}
      </ol>
      {editable && (
        <button type="button" className="secondary" onClick={() => onChange({ ...def, phases: [...def.phases, { code: '', label: '' }] })}>
          {t('phases.add')}
        </button>
      )}
      <div className="row">
        <Field label={t('phases.initialLast')}>
          {(p) => (
            <input
              {...p}
              type="number"
              min={1}
              max={10}
              disabled={!editable}
              value={def.phaseBoundaries.initialLastSession}
              onChange={(e) => bound('initialLastSession', Number(e.target.value))}
            />
          )}
        </Field>
        <Field label={t('phases.termination')}>
          {(p) => (
            <input
              {...p}
              type="number"
              min={1}
              max={10}
              disabled={!editable}
              value={def.phaseBoundaries.terminationSessions}
              onChange={(e) => bound('terminationSessions', Number(e.target.value))}
            />
          )}
        </Field>
      </div>
    </section>
  );
}
