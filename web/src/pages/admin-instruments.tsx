// Body admins add outcome instruments (CORE-10, EPDS, WHOQOL-BREF, …) as data: items and their ranges, severity
// bands, thresholds, risk items and a licence note; a draft is published to be used in case logs and scheme rules.
import { type FormEvent, useState } from 'react';
import { api, call, type Schemas } from '../api/client';
import { useAuth } from '../auth';
import { useTranslation } from '../i18n';
import { forgetInstruments } from '../measures';
import { useTitle } from '../router';
import { Badge, DataTable, Empty, ErrorBox, Field, fieldErrors, formProblems, Loading, Notice, useAction, useLoad } from '../ui';

type Instrument = Schemas['InstrumentDto'];
interface ItemRow {
  min: string;
  max: string;
  risk: boolean;
}
interface BandRow {
  min: string;
  max: string;
  label: string;
}

const int = (s: string) => (s.trim() === '' ? NaN : Number(s));

export function AdminInstruments() {
  const { t } = useTranslation('instruments');
  useTitle(t('title'));
  const { me, bodiesFor, has } = useAuth();
  const bodies = useLoad(() => call(api.GET('/api/v1/bodies')), []);
  const mine = has('ADMIN') ? (bodies.data ?? []).map((b) => b.id) : bodiesFor('BODY_ADMIN');
  const [chosen, setChosen] = useState<string>();
  const bodyId = chosen ?? mine[0];
  const list = useLoad(
    () => (bodyId ? call(api.GET('/api/v1/instruments', { params: { query: { bodyId } } })).then((r) => r.items) : Promise.resolve([])),
    [bodyId],
  );
  const publish = useAction(async (i: Instrument) => {
    await call(api.POST('/api/v1/instruments/{id}/publish', { params: { path: { id: i.id } } }));
    forgetInstruments();
    list.reload();
    return t('published', { code: i.code });
  });
  const bodyName = (id: string | null) => (id ? (bodies.data?.find((b) => b.id === id)?.name ?? '') : t('everyBody'));
  if (!me) return null;
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      {mine.length > 1 && (
        <Field label={t('body')}>
          {(p) => (
            <select {...p} value={bodyId} onChange={(e) => setChosen(e.target.value)}>
              {mine.map((id) => (
                <option key={id} value={id}>
                  {bodyName(id)}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <ErrorBox error={list.error ?? bodies.error ?? publish.error} />
      <Notice>{publish.notice}</Notice>
      {list.loading && <Loading label={t('common:loading')} />}
      {list.data && list.data.length === 0 && <Empty>{t('none')}</Empty>}
      {list.data && list.data.length > 0 && (
        <DataTable<Instrument>
          rows={list.data}
          columns={[
            {
              label: t('col.instrument'),
              cell: (i) => (
                <>
                  <strong>{i.name}</strong> <span className="small muted">{i.code}</span>
                  <div className="small muted">{i.construct}</div>
                </>
              ),
            },
            { label: t('col.items'), cell: (i) => t('itemsRange', { count: i.itemCount, min: i.total.min, max: i.total.max }) },
            { label: t('col.bands'), cell: (i) => i.bands.map((b) => `${b.min}–${b.max} ${b.label}`).join(', ') },
            {
              label: t('col.thresholds'),
              cell: (i) => (
                <>
                  <div>{i.casenessAt === null ? t('noCaseness') : t(`caseness.${i.direction}`, { value: i.casenessAt })}</div>
                  <div>{i.reliableChange === null ? t('noReliableChange') : t('reliableChange', { value: i.reliableChange })}</div>
                  <div>{i.riskItems.length ? t('riskItems', { items: i.riskItems.join(', ') }) : t('noRiskItems')}</div>
                </>
              ),
            },
            { label: t('col.owner'), cell: (i) => bodyName(i.bodyId) },
            {
              label: t('col.status'),
              cell: (i) =>
                i.status === 'draft' ? (
                  <>
                    <Badge tone="warn">{t('status.draft')}</Badge>{' '}
                    <button type="button" disabled={publish.busy} onClick={() => void publish.run(i)}>
                      {t('publish', { code: i.code })}
                    </button>
                  </>
                ) : (
                  <Badge tone="ok">{t('status.published')}</Badge>
                ),
            },
          ]}
        />
      )}
      {bodyId && (
        <NewInstrument
          bodyId={bodyId}
          onSaved={() => {
            list.reload();
          }}
        />
      )}
    </>
  );
}

function NewInstrument({ bodyId, onSaved }: { bodyId: string; onSaved: () => void }) {
  const { t } = useTranslation('instruments');
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [construct, setConstruct] = useState('');
  const [version, setVersion] = useState('1');
  const [items, setItems] = useState<ItemRow[]>(() => Array.from({ length: 10 }, () => ({ min: '0', max: '4', risk: false })));
  const [bands, setBands] = useState<BandRow[]>([{ min: '0', max: '', label: '' }]);
  const [direction, setDirection] = useState<'higher_is_worse' | 'higher_is_better'>('higher_is_worse');
  const [caseness, setCaseness] = useState('');
  const [reliable, setReliable] = useState('');
  const [loinc, setLoinc] = useState('');
  const [licence, setLicence] = useState('');
  const total = {
    min: items.reduce((s, i) => s + (int(i.min) || 0), 0),
    max: items.reduce((s, i) => s + (int(i.max) || 0), 0),
  };
  const setCount = (n: number) =>
    setItems((all) =>
      Array.from({ length: Math.max(1, Math.min(100, n || 1)) }, (_, i) => all[i] ?? { ...all[all.length - 1], risk: false }),
    );
  const setItem = (i: number, patch: Partial<ItemRow>) => setItems((all) => all.map((it, j) => (j === i ? { ...it, ...patch } : it)));
  const setBand = (i: number, patch: Partial<BandRow>) => setBands((all) => all.map((b, j) => (j === i ? { ...b, ...patch } : b)));

  // the same checks as the service, in words, before anything is sent
  function problems(): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    const add = (k: string, m: string) => (out[k] ??= []).push(m);
    if (!/^[A-Z0-9][A-Z0-9-]{1,31}$/.test(code)) add('code', t('check.code'));
    if (!name.trim()) add('name', t('check.required'));
    if (!construct.trim()) add('construct', t('check.required'));
    items.forEach((it, i) => {
      const [lo, hi] = [int(it.min), int(it.max)];
      if (!Number.isInteger(lo) || !Number.isInteger(hi) || lo < 0 || hi <= lo || hi > 100)
        add(`definition.items.${i}`, t('check.item', { n: i + 1 }));
    });
    let next = total.min;
    bands.forEach((b, i) => {
      if (int(b.min) !== next) add(`definition.bands.${i}`, t('check.bandStart', { n: i + 1, value: next }));
      if (!Number.isInteger(int(b.max)) || int(b.max) < int(b.min)) add(`definition.bands.${i}`, t('check.bandEnd', { n: i + 1 }));
      if (!/^[a-z0-9][a-z0-9_]{0,31}$/.test(b.label)) add(`definition.bands.${i}.label`, t('check.bandLabel', { n: i + 1 }));
      next = int(b.max) + 1;
    });
    if (next !== total.max + 1) add('definition.bands', t('check.bandsCover', { max: total.max }));
    if (caseness !== '' && (int(caseness) < total.min || int(caseness) > total.max))
      add('definition.casenessThreshold', t('check.inRange', { min: total.min, max: total.max }));
    if (reliable !== '' && !(int(reliable) >= 1)) add('definition.reliableChange', t('check.positive'));
    return out;
  }

  const save = useAction(async () => {
    const p = problems();
    if (Object.keys(p).length) throw formProblems(p);
    const created = await call(
      api.POST('/api/v1/instruments', {
        body: {
          bodyId,
          code,
          name,
          construct,
          version,
          // the API types a definition as an object; its shape is checked by the service (and above)
          definition: {
            items: items.map((i) => ({ min: int(i.min), max: int(i.max) })),
            total,
            bands: bands.map((b) => ({ min: int(b.min), max: int(b.max), label: b.label })),
            direction,
            casenessThreshold: caseness === '' ? null : int(caseness),
            reliableChange: reliable === '' ? null : int(reliable),
            riskItems: items.flatMap((i, n) => (i.risk ? [n + 1] : [])),
            loincTotal: loinc.trim() || null,
            licence: licence.trim() || null,
          } as never,
        },
      }),
    );
    onSaved();
    return t('saved', { code: created.code });
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save.run();
  };
  const errs = (field: string) => fieldErrors(save.error, field);
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="new-instrument-h" style={{ marginTop: '1.5rem' }}>
      <h2 id="new-instrument-h" style={{ marginTop: 0 }}>
        {t('new.title')}
      </h2>
      <ErrorBox error={save.error} title={t('new.notSaved')} />
      <Notice>{save.notice}</Notice>
      <div className="row">
        <Field label={t('new.code')} hint={t('new.codeHint')} errors={errs('code')}>
          {(p) => <input {...p} required value={code} onChange={(e) => setCode(e.target.value.toUpperCase())} />}
        </Field>
        <Field label={t('new.name')} errors={errs('name')}>
          {(p) => <input {...p} required value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field label={t('new.construct')} hint={t('new.constructHint')} errors={errs('construct')}>
          {(p) => <input {...p} required value={construct} onChange={(e) => setConstruct(e.target.value)} />}
        </Field>
        <Field label={t('new.version')} errors={errs('version')}>
          {(p) => <input {...p} required style={{ width: '5rem' }} value={version} onChange={(e) => setVersion(e.target.value)} />}
        </Field>
      </div>
      <fieldset>
        <legend>{t('new.items')}</legend>
        <Field label={t('new.itemCount')} errors={errs('definition.items')}>
          {(p) => (
            <input
              {...p}
              type="number"
              min={1}
              max={100}
              style={{ width: '5rem' }}
              value={items.length}
              onChange={(e) => setCount(Number(e.target.value))}
            />
          )}
        </Field>
        <div className="table-wrap">
          <table className="stack">
            <thead>
              <tr>
                <th>{t('new.item')}</th>
                <th>{t('new.min')}</th>
                <th>{t('new.max')}</th>
                <th>{t('new.risk')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((it, i) => {
                const e = errs(`definition.items.${i}`);
                return (
                  <tr key={i}>
                    <th scope="row" data-label={t('new.item')}>
                      {i + 1}
                      {e && <div className="err">{e.join('; ')}</div>}
                    </th>
                    <td data-label={t('new.min')}>
                      <input
                        type="number"
                        aria-label={t('new.itemMin', { n: i + 1 })}
                        aria-invalid={e ? true : undefined}
                        style={{ width: '4.5rem' }}
                        value={it.min}
                        onChange={(ev) => setItem(i, { min: ev.target.value })}
                      />
                    </td>
                    <td data-label={t('new.max')}>
                      <input
                        type="number"
                        aria-label={t('new.itemMax', { n: i + 1 })}
                        aria-invalid={e ? true : undefined}
                        style={{ width: '4.5rem' }}
                        value={it.max}
                        onChange={(ev) => setItem(i, { max: ev.target.value })}
                      />
                    </td>
                    <td data-label={t('new.risk')}>
                      <input
                        type="checkbox"
                        aria-label={t('new.itemRisk', { n: i + 1 })}
                        checked={it.risk}
                        onChange={(ev) => setItem(i, { risk: ev.target.checked })}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <p id="total-range">{t('new.total', { min: total.min, max: total.max })}</p>
      </fieldset>
      <fieldset>
        <legend>{t('new.bands')}</legend>
        <p className="small muted">{t('new.bandsHint')}</p>
        {errs('definition.bands') && <div className="err">{errs('definition.bands')!.join('; ')}</div>}
        {bands.map((b, i) => {
          const e = [...(errs(`definition.bands.${i}`) ?? []), ...(errs(`definition.bands.${i}.label`) ?? [])];
          return (
            <div className="row" key={i} role="group" aria-label={t('new.band', { n: i + 1 })}>
              <Field label={t('new.bandMin', { n: i + 1 })}>
                {(p) => (
                  <input
                    {...p}
                    type="number"
                    style={{ width: '5rem' }}
                    value={b.min}
                    onChange={(ev) => setBand(i, { min: ev.target.value })}
                  />
                )}
              </Field>
              <Field label={t('new.bandMax', { n: i + 1 })}>
                {(p) => (
                  <input
                    {...p}
                    type="number"
                    style={{ width: '5rem' }}
                    value={b.max}
                    onChange={(ev) => setBand(i, { max: ev.target.value })}
                  />
                )}
              </Field>
              <Field label={t('new.bandLabel', { n: i + 1 })} hint={t('new.bandLabelHint')} errors={e.length ? e : undefined}>
                {(p) => <input {...p} value={b.label} onChange={(ev) => setBand(i, { label: ev.target.value })} />}
              </Field>
              {bands.length > 1 && (
                <button type="button" className="secondary" onClick={() => setBands((all) => all.filter((_, j) => j !== i))}>
                  {t('new.removeBand', { n: i + 1 })}
                </button>
              )}
            </div>
          );
        })}
        <button
          type="button"
          className="secondary"
          onClick={() => setBands((all) => [...all, { min: String((int(all.at(-1)?.max ?? '') || 0) + 1), max: '', label: '' }])}
        >
          {t('new.addBand')}
        </button>
      </fieldset>
      <fieldset>
        <legend>{t('new.thresholds')}</legend>
        <div className="row">
          <Field label={t('new.direction')}>
            {(p) => (
              <select {...p} value={direction} onChange={(e) => setDirection(e.target.value as typeof direction)}>
                <option value="higher_is_worse">{t('direction.higher_is_worse')}</option>
                <option value="higher_is_better">{t('direction.higher_is_better')}</option>
              </select>
            )}
          </Field>
          <Field label={t('new.caseness')} hint={t('new.optional')} errors={errs('definition.casenessThreshold')}>
            {(p) => <input {...p} type="number" style={{ width: '5rem' }} value={caseness} onChange={(e) => setCaseness(e.target.value)} />}
          </Field>
          <Field label={t('new.reliableChange')} hint={t('new.optional')} errors={errs('definition.reliableChange')}>
            {(p) => <input {...p} type="number" style={{ width: '5rem' }} value={reliable} onChange={(e) => setReliable(e.target.value)} />}
          </Field>
          <Field label={t('new.loinc')} hint={t('new.optional')} errors={errs('definition.loincTotal')}>
            {(p) => <input {...p} style={{ width: '8rem' }} value={loinc} onChange={(e) => setLoinc(e.target.value)} />}
          </Field>
        </div>
        <Field label={t('new.licence')} hint={t('new.licenceHint')} errors={errs('definition.licence')}>
          {(p) => <textarea {...p} rows={2} style={{ width: '100%' }} value={licence} onChange={(e) => setLicence(e.target.value)} />}
        </Field>
      </fieldset>
      <button type="submit" disabled={save.busy}>
        {save.busy ? t('new.saving') : t('new.save')}
      </button>
    </form>
  );
}
