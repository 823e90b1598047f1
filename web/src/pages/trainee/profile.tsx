import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { ApiError, api, call, etagOf, type Schemas } from '../../api/client';
import { useAuth } from '../../auth';
import { useTranslation } from '../../i18n';
import { useTitle } from '../../router';
import { ErrorBox, Field, fieldErrors, Loading, Notice, useAction, useLoad } from '../../ui';
import { label } from '../shared/labels';

type Profile = Schemas['PutProfileDto'];
const PROFESSIONS: Schemas['CoreProfession'][] = [
  'psychologist',
  'psychiatrist',
  'nurse',
  'social_worker',
  'occupational_therapist',
  'counsellor',
  'psychotherapist',
  'other_licensed',
  'none',
];

/** The trainee's profile: profession, country, home body, licences and memberships — what prerequisite rules read. */
export function TraineeProfile() {
  const { t } = useTranslation('profile');
  useTitle(t('title'));
  const { me, bodiesFor } = useAuth();
  const myBodies = bodiesFor('TRAINEE');
  const bodies = useLoad(() => call(api.GET('/api/v1/bodies')), []);
  const loaded = useLoad(
    () =>
      call(api.GET('/api/v1/trainees/{traineeId}/profile', { params: { path: { traineeId: me!.id } } })).catch((e: unknown) => {
        if (e instanceof ApiError && e.statusCode === 404) return null; // no profile yet
        throw e;
      }),
    [me?.id],
  );
  const [form, setForm] = useState<Profile>({
    countryCode: '',
    homeBodyId: myBodies[0] ?? '',
    coreProfession: 'psychologist',
    licences: [],
    memberships: [],
  });
  const [version, setVersion] = useState<number | null>(null);
  useEffect(() => {
    const p = loaded.data;
    if (!p) return;
    setForm({
      countryCode: p.countryCode,
      homeBodyId: p.homeBodyId,
      coreProfession: p.coreProfession,
      licences: p.licences.map(({ jurisdiction, number, expiresOn }) => ({ jurisdiction, number, expiresOn })),
      memberships: p.memberships.map(({ bodyId, from, to }) => ({ bodyId, from, to })),
    });
    setVersion(p.version);
  }, [loaded.data]);
  const save = useAction(async () => {
    const saved = await call(
      api.PUT('/api/v1/trainees/{traineeId}/profile', {
        params: { path: { traineeId: me!.id } },
        body: { ...form, countryCode: form.countryCode.trim().toUpperCase() },
        headers: version === null ? {} : { 'If-Match': etagOf(version) },
      }),
    );
    setVersion(saved.version);
    return t('saved');
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save.run();
  };
  const set = <K extends keyof Profile>(k: K, v: Profile[K]) => setForm({ ...form, [k]: v });
  const bodyName = (id: string) => bodies.data?.find((b) => b.id === id)?.name ?? id;
  const err = (f: string) => fieldErrors(save.error, f);
  if (loaded.loading || bodies.loading) return <Loading />;
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <ErrorBox error={loaded.error ?? bodies.error} />
      <form onSubmit={submit}>
        <div className="row">
          <Field label={t('profession')} errors={err('coreProfession')}>
            {(p) => (
              <select
                {...p}
                value={form.coreProfession}
                onChange={(e) => set('coreProfession', e.target.value as Profile['coreProfession'])}
              >
                {PROFESSIONS.map((x) => (
                  <option key={x} value={x}>
                    {label('coreProfession', x)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('country')} hint={t('countryHint')} errors={err('countryCode')}>
            {(p) => (
              <input
                {...p}
                required
                maxLength={2}
                value={form.countryCode}
                onChange={(e) => set('countryCode', e.target.value)}
                style={{ width: '5rem' }}
              />
            )}
          </Field>
          <Field label={t('homeBody')} errors={err('homeBodyId')}>
            {(p) => (
              <select {...p} value={form.homeBodyId} onChange={(e) => set('homeBodyId', e.target.value)}>
                {myBodies.map((b) => (
                  <option key={b} value={b}>
                    {bodyName(b)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <RepeatedRows
          legend={t('licences')}
          items={form.licences}
          onChange={(v) => set('licences', v)}
          removeLabel={(n) => t('removeLicence', { n })}
          addLabel={t('addLicence')}
          blank={() => ({ jurisdiction: form.countryCode.toUpperCase(), number: '', expiresOn: '' })}
          row={(l, i, patch) => (
            <>
              <Field label={t('jurisdiction', { n: i + 1 })} errors={err(`licences.${i}.jurisdiction`)}>
                {(p) => <input {...p} required value={l.jurisdiction} onChange={(e) => patch({ jurisdiction: e.target.value })} />}
              </Field>
              <Field label={t('number', { n: i + 1 })} errors={err(`licences.${i}.number`)}>
                {(p) => <input {...p} required value={l.number} onChange={(e) => patch({ number: e.target.value })} />}
              </Field>
              <Field label={t('expires', { n: i + 1 })} errors={err(`licences.${i}.expiresOn`)}>
                {(p) => <input {...p} type="date" required value={l.expiresOn} onChange={(e) => patch({ expiresOn: e.target.value })} />}
              </Field>
            </>
          )}
        />
        <RepeatedRows
          legend={t('memberships')}
          items={form.memberships}
          onChange={(v) => set('memberships', v)}
          removeLabel={(n) => t('removeMembership', { n })}
          addLabel={t('addMembership')}
          blank={() => ({ bodyId: form.homeBodyId || myBodies[0] || '', from: '', to: null })}
          row={(m, i, patch) => (
            <>
              <Field label={t('membershipBody', { n: i + 1 })} errors={err(`memberships.${i}.bodyId`)}>
                {(p) => (
                  <select {...p} value={m.bodyId} onChange={(e) => patch({ bodyId: e.target.value })}>
                    {(bodies.data ?? []).map((b) => (
                      <option key={b.id} value={b.id}>
                        {b.name}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label={t('memberFrom', { n: i + 1 })} errors={err(`memberships.${i}.from`)}>
                {(p) => <input {...p} type="date" required value={m.from} onChange={(e) => patch({ from: e.target.value })} />}
              </Field>
              <Field label={t('memberTo', { n: i + 1 })} hint={t('memberToHint')} errors={err(`memberships.${i}.to`)}>
                {(p) => <input {...p} type="date" value={m.to ?? ''} onChange={(e) => patch({ to: e.target.value || null })} />}
              </Field>
            </>
          )}
        />
        <ErrorBox error={save.error} title={t('notSaved')} />
        <Notice>{save.notice}</Notice>
        <button type="submit" disabled={save.busy}>
          {t('save')}
        </button>
      </form>
    </>
  );
}

/** A fieldset of repeated rows (licences, memberships): each row its fields and a Remove button, then Add. */
function RepeatedRows<T>({
  legend,
  items,
  onChange,
  row,
  removeLabel,
  addLabel,
  blank,
}: {
  legend: string;
  items: T[];
  onChange: (items: T[]) => void;
  row: (item: T, i: number, patch: (p: Partial<T>) => void) => ReactNode;
  removeLabel: (n: number) => string;
  addLabel: string;
  blank: () => T;
}) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {items.map((item, i) => (
        <div className="row" key={i}>
          {row(item, i, (p) => onChange(items.map((x, j) => (j === i ? { ...x, ...p } : x))))}
          <button type="button" className="secondary" onClick={() => onChange(items.filter((_, j) => j !== i))}>
            {removeLabel(i + 1)}
          </button>
        </div>
      ))}
      <button type="button" className="secondary" onClick={() => onChange([...items, blank()])}>
        {addLabel}
      </button>
    </fieldset>
  );
}
