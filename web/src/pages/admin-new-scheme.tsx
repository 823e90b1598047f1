import { type FormEvent, useState } from 'react';
import { api, call } from '../api/client';
import { useTranslation } from '../i18n';
import { navigate } from '../router';
import { ErrorBox, Field, fieldErrors, formProblems, useAction } from '../ui';
import { useAdminBody } from './shared/admin-body';

// A new scheme starts with one level and one rule, so the first version is valid as drafted; the body then writes
// its rules in the version editor (rule form or JSON) and publishes it.
const starter = (levelName: string) => ({
  noun: 'accredited',
  phaseBoundaries: { initialLastSession: 3, terminationSessions: 3 },
  groupCredit: { kind: 'share', multiplier: 2, capAtGroupMinutes: true },
  levels: [
    {
      code: 'LEVEL-1',
      name: levelName,
      kind: 'practitioner',
      order: 1,
      validity: { kind: 'none' },
      prerequisites: [],
      requirements: [{ id: 'cases', type: 'completed_cases', label: '1 completed, signed-off case', params: { minCount: 1 } }],
    },
  ],
});

export function NewScheme() {
  const { t } = useTranslation('new-scheme');
  const { body, picker, error: bodiesError } = useAdminBody(t('body'));
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [open, setOpen] = useState(false);
  const create = useAction(async () => {
    const problems: Record<string, string[]> = {};
    if (!/^[A-Za-z0-9_-]{2,40}$/.test(code.trim())) problems.code = [t('codeRule')];
    if (name.trim().length < 2) problems.name = [t('nameRule')];
    if (Object.keys(problems).length) throw formProblems(problems);
    const scheme = await call(api.POST('/api/v1/schemes', { body: { bodyId: body, code: code.trim(), name: name.trim() } }));
    const v = await call(
      api.POST('/api/v1/schemes/{id}/versions', { params: { path: { id: scheme.id } }, body: { definition: starter(name.trim()) } }),
    );
    navigate(`/admin/scheme-versions/${v.id}`);
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void create.run();
  };
  if (!open)
    return (
      <p>
        <button type="button" onClick={() => setOpen(true)}>
          {t('open')}
        </button>
      </p>
    );
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="new-scheme-h">
      <h2 id="new-scheme-h" style={{ marginTop: 0 }}>
        {t('heading')}
      </h2>
      <p className="small muted">{t('intro')}</p>
      {picker}
      <ErrorBox error={bodiesError} />
      <Field label={t('fields:code')} hint={t('codeHint')} errors={fieldErrors(create.error, 'code')}>
        {(p) => <input {...p} required value={code} onChange={(e) => setCode(e.target.value)} />}
      </Field>
      <Field label={t('fields:name')} errors={fieldErrors(create.error, 'name')}>
        {(p) => <input {...p} required value={name} onChange={(e) => setName(e.target.value)} style={{ width: '100%' }} />}
      </Field>
      <ErrorBox error={create.error} title={t('notCreated')} />
      <button type="submit" disabled={create.busy || !body}>
        {create.busy ? t('creating') : t('create')}
      </button>{' '}
      <button type="button" className="secondary" onClick={() => setOpen(false)}>
        {t('cancel')}
      </button>
    </form>
  );
}
