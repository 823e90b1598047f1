import { type FormEvent, useState } from 'react';
import { homeFor, useAuth } from '../auth';
import { navigate, useLocation, useTitle } from '../router';
import { Trans } from 'react-i18next';
import { useTranslation } from '../i18n';
import { ErrorBox, TextField, useAction } from '../ui';

export function SignIn() {
  const { t } = useTranslation('account');
  useTitle(t('signIn.title'));
  const { signIn } = useAuth();
  const { query } = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const action = useAction(async () => {
    const me = await signIn(email.trim(), password);
    const next = query.get('next');
    navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : homeFor(me), { replace: true });
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run();
  };
  return (
    <div style={{ maxWidth: 420, margin: '1rem auto' }}>
      <h1>{t('signIn.title')}</h1>
      <form className="card" onSubmit={submit} aria-describedby="demo-hint">
        <ErrorBox error={action.error} title={t('signIn.failed')} />
        <TextField label={t('fields:email')} type="email" autoComplete="username" value={email} onChange={setEmail} />
        <TextField label={t('fields:password')} type="password" autoComplete="current-password" value={password} onChange={setPassword} />
        <button type="submit" disabled={action.busy}>
          {action.busy ? t('signIn.busy') : t('signIn.submit')}
        </button>
      </form>
      <p>
        <a href="/forgot-password">{t('signIn.forgot')}</a>
      </p>
      <p id="demo-hint" className="small muted">
        <Trans
          t={t}
          i18nKey="signIn.demo"
          values={{
            password: 'demo-password-2026',
            accounts: 'trainee.uk@demo.ipt.example, supervisor.uk@demo.ipt.example, bodyadmin.uk@demo.ipt.example',
          }}
          components={{ code: <code />, register: <a href="/register" />, verify: <a href="/verify" /> }}
        />
      </p>
    </div>
  );
}
