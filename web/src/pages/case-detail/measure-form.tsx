import { type FormEvent, useEffect, useState } from 'react';
import { api, etagOf, type Schemas } from '../../api/client';
import { bandOf, type InstrumentInfo, instrumentLabel, instrumentOf, severityTone } from '../../measures';
import { useTranslation } from '../../i18n';
import { Badge, ErrorBox, Field, fieldErrors, formProblems, today, useAction } from '../../ui';
import { label } from '../shared/labels';
import { checkMeasure, hasProblems } from './case-checks';
import { caseWrite } from './case-write';

type Case = Schemas['CaseDto'];

export function MeasureForm({
  c,
  instruments,
  onChange,
  reload,
}: {
  c: Case;
  instruments: InstrumentInfo[];
  onChange: () => void;
  reload: () => void;
}) {
  const { t } = useTranslation('cases');
  const [instrument, setInstrument] = useState<string>(instruments[0].code);
  const info = instrumentOf(instruments, instrument) ?? instruments[0];
  const [items, setItems] = useState<string[]>(() => info.items.map(() => ''));
  const [date, setDate] = useState(today());
  const [sessionNumber, setSessionNumber] = useState(String(c.sessions.at(-1)?.number ?? 0));
  const [saved, setSaved] = useState<Schemas['CreatedMeasureDto']>();
  useEffect(() => setItems((instrumentOf(instruments, instrument) ?? instruments[0]).items.map(() => '')), [instrument, instruments]);
  const filled = items.filter((v) => v !== '').length;
  const total = items.reduce((s, v) => s + (Number(v) || 0), 0);
  const riskNow = info.items.some((item, i) => item.risk && items[i] !== '' && Number(items[i]) > item.min);
  const save = useAction(async () => {
    setSaved(undefined);
    const problems = checkMeasure(c, info, { date, sessionNumber, items });
    if (hasProblems(problems)) throw formProblems(problems);
    const created = await caseWrite(
      api.POST('/api/v1/cases/{id}/measures', {
        params: { path: { id: c.id } },
        headers: { 'If-Match': etagOf(c.version) },
        body: { instrument, administeredOn: date, sessionNumber: Number(sessionNumber), items: items.map(Number) },
      }),
      reload,
    );
    setSaved(created);
    setItems(info.items.map(() => ''));
    onChange();
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save.run();
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('measure.formLabel')} style={{ marginTop: '1rem' }}>
      <h3>{t('measure.title')}</h3>
      <ErrorBox error={save.error} title={t('measure.failed')} />
      {saved && (
        <div className={`alert ${saved.riskFlag ? 'error' : 'ok'}`} role="status">
          {t('measure.saved', { instrument: instrumentLabel(instrumentOf(instruments, saved.instrument) ?? info), total: saved.total })}{' '}
          <strong>{label('severity', saved.severity)}</strong>.{saved.riskFlag && ` ${t('measure.riskAlerted')}`}
        </div>
      )}
      <div className="row">
        <Field label={t('fields:instrument')}>
          {(p) => (
            <select {...p} value={instrument} onChange={(e) => setInstrument(e.target.value)}>
              {instruments.map((v) => (
                <option key={v.code} value={v.code}>
                  {instrumentLabel(v)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('fields:administeredOn')} errors={fieldErrors(save.error, 'administeredOn')}>
          {(p) => <input {...p} type="date" required value={date} onChange={(e) => setDate(e.target.value)} />}
        </Field>
        <Field label={t('fields:sessionNumber')} hint={t('measure.intakeHint')} errors={fieldErrors(save.error, 'sessionNumber')}>
          {(p) => (
            <input
              {...p}
              type="number"
              min={0}
              style={{ width: '5rem' }}
              value={sessionNumber}
              onChange={(e) => setSessionNumber(e.target.value)}
            />
          )}
        </Field>
      </div>
      <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
        <legend className="small muted">{t('measure.itemsLegend')}</legend>
        <div className="row">
          {info.items.map((item, i) => {
            const itemErrors = fieldErrors(save.error, `items.${i}`);
            return (
              <div className="field" key={`${instrument}-${i}`}>
                <label htmlFor={`item-${i}`}>
                  {t('fields:item', { number: item.number })} {item.risk && <span className="risk">{t('measure.riskItem')}</span>}
                </label>
                <input
                  id={`item-${i}`}
                  type="number"
                  inputMode="numeric"
                  min={item.min}
                  max={item.max}
                  required
                  style={{ width: '4.2rem' }}
                  aria-describedby={itemErrors ? `item-${i}-err band-live` : 'band-live'}
                  aria-invalid={itemErrors ? true : undefined}
                  value={items[i]}
                  onChange={(e) => setItems((all) => all.map((v, j) => (j === i ? e.target.value : v)))}
                />
                <div className="hint small muted">
                  {item.min}–{item.max}
                </div>
                {itemErrors && (
                  <div className="err" id={`item-${i}-err`}>
                    {itemErrors.join('; ')}
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </fieldset>
      <p id="band-live" aria-live="polite">
        {t('measure.total')} <strong>{total}</strong> {t('measure.ofMax', { max: info.total.max })} · {t('measure.band')}{' '}
        <Badge tone={severityTone(bandOf(info, total))}>{filled ? label('severity', bandOf(info, total)) : '—'}</Badge>
        {riskNow && <span className="risk"> · {t('measure.riskPositive')}</span>}
        {filled < info.items.length && (
          <span className="muted small"> ({t('measure.itemsLeft', { count: info.items.length - filled })})</span>
        )}
      </p>
      <details className="small">
        <summary>{t('measure.bandsFor', { instrument: instrumentLabel(info) })}</summary>
        <ul>
          {info.bands.map((b) => (
            <li key={b.label}>
              {b.min}–{b.max}: {label('severity', b.label)}
            </li>
          ))}
        </ul>
      </details>
      <button type="submit" disabled={save.busy}>
        {save.busy ? t('common:saving') : t('measure.submit')}
      </button>
    </form>
  );
}
