import { type FormEvent, useState } from 'react';
import { api, call } from '../api/client';
import { homeFor, useAuth } from '../auth';
import { Trans } from 'react-i18next';
import { useTranslation } from '../i18n';
import { Link, navigate, useTitle } from '../router';
import { label } from './shared/labels';
import { ErrorBox, Field, fieldErrors, Loading, Notice, TextField, useAction, useLoad } from '../ui';

// Pages behind the links the service mails. The token travels in the URL's fragment (#…), which browsers never
// send to a server, so it stays out of access logs; the page sends it in a request body.
const linkToken = () => window.location.hash.replace(/^#/, '');

function PasswordField({ value, onChange, error }: { value: string; onChange: (v: string) => void; error: unknown }) {
  const { t } = useTranslation('account');
  return (
    <TextField
      label={t('fields:newPassword')}
      hint={t('passwordHint')}
      errors={fieldErrors(error, 'password')}
      type="password"
      autoComplete="new-password"
      minLength={12}
      value={value}
      onChange={onChange}
    />
  );
}

export function AcceptInvitation() {
  const { t } = useTranslation('account');
  useTitle(t('invitation.title'));
  const [token] = useState(linkToken);
  const { me, signIn } = useAuth();
  const preview = useLoad(() => call(api.POST('/api/v1/invitations/preview', { body: { token } })), [token]);
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [email, setEmail] = useState('');
  // a full reload after accepting with an existing account: the app reads the new role with the account
  const finish = (path: string) => window.location.assign(path);
  const create = useAction(async () => {
    const accepted = await call(api.POST('/api/v1/invitations/accept', { body: { token, displayName: displayName.trim(), password } }));
    const signedIn = await signIn(accepted.email, password);
    navigate(homeFor(signedIn), { replace: true });
  });
  const accept = useAction(async () => {
    if (!me) await signIn(email.trim(), password);
    await call(api.POST('/api/v1/me/invitations/accept', { body: { token } }));
    finish('/');
  });
  const onCreate = (e: FormEvent) => {
    e.preventDefault();
    void create.run();
  };
  const onAccept = (e: FormEvent) => {
    e.preventDefault();
    void accept.run();
  };
  const p = preview.data;
  return (
    <div style={{ maxWidth: 480, margin: '1rem auto' }}>
      <h1>{t('invitation.title')}</h1>
      {!token && <ErrorBox error={new Error(t('invitation.needsLink'))} title={t('invitation.noLink')} />}
      {token && preview.loading && <Loading />}
      <ErrorBox error={preview.error} title={t('invitation.unusable')} />
      {p && (
        <>
          <p>
            <Trans
              t={t}
              i18nKey="invitation.invites"
              values={{ body: p.bodyName, email: p.emailMasked, role: label('role', p.role) }}
              components={{ b: <strong /> }}
            />
          </p>
          {!p.accountExists ? (
            <form className="card" onSubmit={onCreate}>
              <h2 style={{ marginTop: 0 }}>{t('invitation.create')}</h2>
              <ErrorBox error={create.error} title={t('invitation.createFailed')} />
              <Field label={t('invitation.yourName')} errors={fieldErrors(create.error, 'displayName')}>
                {(f) => (
                  <input
                    {...f}
                    required
                    autoComplete="name"
                    value={displayName}
                    onChange={(e) => setDisplayName(e.target.value)}
                    style={{ width: '100%' }}
                  />
                )}
              </Field>
              <PasswordField value={password} onChange={setPassword} error={create.error} />
              <button type="submit" disabled={create.busy}>
                {create.busy ? t('invitation.creating') : t('invitation.createSubmit')}
              </button>
            </form>
          ) : (
            <form className="card" onSubmit={onAccept}>
              <h2 style={{ marginTop: 0 }}>{t('invitation.acceptWithAccount')}</h2>
              <p>
                {t('invitation.accountExists')} {me ? t('invitation.signedInAs', { email: me.email }) : t('invitation.signInToAccept')}
              </p>
              <ErrorBox error={accept.error} title={t('invitation.acceptFailed')} />
              {!me && (
                <>
                  <TextField label={t('fields:email')} type="email" autoComplete="username" value={email} onChange={setEmail} />
                  <TextField
                    label={t('fields:password')}
                    type="password"
                    autoComplete="current-password"
                    value={password}
                    onChange={setPassword}
                  />
                </>
              )}
              <button type="submit" disabled={accept.busy}>
                {accept.busy ? t('invitation.accepting') : me ? t('invitation.accept') : t('invitation.signInAndAccept')}
              </button>
            </form>
          )}
        </>
      )}
    </div>
  );
}

export function ForgotPassword() {
  const { t } = useTranslation('account');
  useTitle(t('forgot.title'));
  const [email, setEmail] = useState('');
  const send = useAction(async () => (await call(api.POST('/api/v1/auth/password-reset', { body: { email: email.trim() } }))).message);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void send.run();
  };
  return (
    <div style={{ maxWidth: 420, margin: '1rem auto' }}>
      <h1>{t('forgot.title')}</h1>
      <form className="card" onSubmit={submit}>
        <p>{t('forgot.intro')}</p>
        <ErrorBox error={send.error} title={t('forgot.failed')} />
        <Notice>{send.notice}</Notice>
        <TextField
          label={t('fields:email')}
          errors={fieldErrors(send.error, 'email')}
          type="email"
          autoComplete="username"
          value={email}
          onChange={setEmail}
        />
        <button type="submit" disabled={send.busy}>
          {send.busy ? t('sending') : t('forgot.submit')}
        </button>
      </form>
      <p>
        <Link to="/sign-in">{t('backToSignIn')}</Link>
      </p>
    </div>
  );
}

export function ResetPassword() {
  const { t } = useTranslation('account');
  useTitle(t('reset.title'));
  const [token] = useState(linkToken);
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const reset = useAction(async () => {
    await call(api.POST('/api/v1/auth/password-reset/complete', { body: { token, password } }));
    setDone(true);
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void reset.run();
  };
  return (
    <div style={{ maxWidth: 420, margin: '1rem auto' }}>
      <h1>{t('reset.title')}</h1>
      {done ? (
        <div className="alert ok" role="status">
          <Trans t={t} i18nKey="reset.done" components={{ signIn: <Link to="/sign-in" /> }} />
        </div>
      ) : (
        <form className="card" onSubmit={submit}>
          <ErrorBox error={reset.error} title={t('reset.failed')} />
          <PasswordField value={password} onChange={setPassword} error={reset.error} />
          <button type="submit" disabled={reset.busy || !token}>
            {reset.busy ? t('common:saving') : t('reset.submit')}
          </button>
          {reset.error !== undefined && (
            <p>
              <Link to="/forgot-password">{t('reset.newLink')}</Link>
            </p>
          )}
        </form>
      )}
    </div>
  );
}

/** Opens a confirmation link (a new account's address, or a new address for an account) once, on load. */
function ConfirmLink({
  title,
  path,
  success,
}: {
  title: string;
  path: '/api/v1/auth/verify-email' | '/api/v1/auth/confirm-email-change';
  success: string;
}) {
  const { t } = useTranslation('account');
  useTitle(title);
  const [token] = useState(linkToken);
  const result = useLoad(() => call(api.POST(path, { body: { token } })), [token]);
  return (
    <div style={{ maxWidth: 480, margin: '1rem auto' }}>
      <h1>{title}</h1>
      {result.loading && <Loading />}
      <ErrorBox error={result.error} title={t('confirm.unusable')} />
      {!result.loading && !result.error && (
        <div className="alert ok" role="status">
          {success} <Link to="/sign-in">{t('common:signIn')}</Link>
        </div>
      )}
    </div>
  );
}

export function VerifyEmail() {
  const { t } = useTranslation('account');
  return <ConfirmLink title={t('confirm.emailTitle')} path="/api/v1/auth/verify-email" success={t('confirm.emailDone')} />;
}
export function ConfirmEmailChange() {
  const { t } = useTranslation('account');
  return <ConfirmLink title={t('confirm.changeTitle')} path="/api/v1/auth/confirm-email-change" success={t('confirm.changeDone')} />;
}

export function AccountPage() {
  const { t } = useTranslation('account');
  useTitle(t('account.title'));
  const { me } = useAuth();
  const [newEmail, setNewEmail] = useState('');
  const [password, setPassword] = useState('');
  const change = useAction(async () => {
    const res = await call(api.POST('/api/v1/me/email', { body: { newEmail: newEmail.trim(), password } }));
    setPassword('');
    return res.message;
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void change.run();
  };
  return (
    <div style={{ maxWidth: 480 }}>
      <h1>{t('account.title')}</h1>
      <p>
        {t('common:signedInAs')} <strong>{me?.email}</strong>
        {me && !me.emailVerified && ` ${t('account.notConfirmed')}`}.
      </p>
      <form className="card" onSubmit={submit}>
        <h2 style={{ marginTop: 0 }}>{t('account.changeEmail')}</h2>
        <p>{t('account.changeEmailIntro')}</p>
        <ErrorBox error={change.error} title={t('account.changeFailed')} />
        <Notice>{change.notice}</Notice>
        <TextField
          label={t('account.newEmail')}
          errors={fieldErrors(change.error, 'newEmail')}
          type="email"
          autoComplete="email"
          value={newEmail}
          onChange={setNewEmail}
        />
        <TextField
          label={t('account.currentPassword')}
          errors={fieldErrors(change.error, 'password')}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
        />
        <button type="submit" disabled={change.busy}>
          {change.busy ? t('sending') : t('account.changeSubmit')}
        </button>
      </form>
    </div>
  );
}
