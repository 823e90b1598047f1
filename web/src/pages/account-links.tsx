import { type FormEvent, useState } from 'react';
import { api, call } from '../api/client';
import { homeFor, useAuth } from '../auth';
import { Link, navigate, useTitle } from '../router';
import { ErrorBox, Field, fieldErrors, Loading, Notice, TextField, useAction, useLoad } from '../ui';

// Pages behind the links the service mails. The token travels in the URL's fragment (#…), which browsers never
// send to a server, so it stays out of access logs; the page sends it in a request body.
const linkToken = () => window.location.hash.replace(/^#/, '');

const ROLE_WORDS: Record<string, string> = {
  TRAINEE: 'trainee',
  SUPERVISOR: 'supervisor',
  BODY_ADMIN: 'body administrator',
  ADMIN: 'administrator',
};
const PASSWORD_HINT = 'at least 12 characters; common passwords are refused';

function PasswordField({ value, onChange, error }: { value: string; onChange: (v: string) => void; error: unknown }) {
  return (
    <TextField
      label="New password"
      hint={PASSWORD_HINT}
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
  useTitle('Accept an invitation');
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
      <h1>Accept an invitation</h1>
      {!token && <ErrorBox error={new Error('This page needs the link from the invitation e-mail.')} title="No invitation link" />}
      {token && preview.loading && <Loading />}
      <ErrorBox error={preview.error} title="This invitation cannot be used" />
      {p && (
        <>
          <p>
            <strong>{p.bodyName}</strong> invites <strong>{p.emailMasked}</strong> to be a <strong>{ROLE_WORDS[p.role] ?? p.role}</strong>.
          </p>
          {!p.accountExists ? (
            <form className="card" onSubmit={onCreate}>
              <h2 style={{ marginTop: 0 }}>Create your account</h2>
              <ErrorBox error={create.error} title="Could not create the account" />
              <Field label="Your name" errors={fieldErrors(create.error, 'displayName')}>
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
                {create.busy ? 'Creating…' : 'Create account and accept'}
              </button>
            </form>
          ) : (
            <form className="card" onSubmit={onAccept}>
              <h2 style={{ marginTop: 0 }}>Accept with your account</h2>
              <p>
                You already have an account with this address. {me ? `You are signed in as ${me.email}.` : 'Sign in with it to accept.'}
              </p>
              <ErrorBox error={accept.error} title="Could not accept the invitation" />
              {!me && (
                <>
                  <TextField label="E-mail" type="email" autoComplete="username" value={email} onChange={setEmail} />
                  <TextField label="Password" type="password" autoComplete="current-password" value={password} onChange={setPassword} />
                </>
              )}
              <button type="submit" disabled={accept.busy}>
                {accept.busy ? 'Accepting…' : me ? 'Accept the invitation' : 'Sign in and accept'}
              </button>
            </form>
          )}
        </>
      )}
    </div>
  );
}

export function ForgotPassword() {
  useTitle('Forgot password');
  const [email, setEmail] = useState('');
  const send = useAction(async () => (await call(api.POST('/api/v1/auth/password-reset', { body: { email: email.trim() } }))).message);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void send.run();
  };
  return (
    <div style={{ maxWidth: 420, margin: '1rem auto' }}>
      <h1>Forgot password</h1>
      <form className="card" onSubmit={submit}>
        <p>Enter the e-mail address of your account. We send a link to choose a new password; it works once, for an hour.</p>
        <ErrorBox error={send.error} title="Could not send the link" />
        <Notice>{send.notice}</Notice>
        <TextField
          label="E-mail"
          errors={fieldErrors(send.error, 'email')}
          type="email"
          autoComplete="username"
          value={email}
          onChange={setEmail}
        />
        <button type="submit" disabled={send.busy}>
          {send.busy ? 'Sending…' : 'Send the link'}
        </button>
      </form>
      <p>
        <Link to="/sign-in">Back to sign-in</Link>
      </p>
    </div>
  );
}

export function ResetPassword() {
  useTitle('Choose a new password');
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
      <h1>Choose a new password</h1>
      {done ? (
        <div className="alert ok" role="status">
          Your password is changed, and every session of your account has been signed out. <Link to="/sign-in">Sign in</Link> with the new
          password.
        </div>
      ) : (
        <form className="card" onSubmit={submit}>
          <ErrorBox error={reset.error} title="Could not change the password" />
          <PasswordField value={password} onChange={setPassword} error={reset.error} />
          <button type="submit" disabled={reset.busy || !token}>
            {reset.busy ? 'Saving…' : 'Set the new password'}
          </button>
          {reset.error !== undefined && (
            <p>
              <Link to="/forgot-password">Ask for a new link</Link>
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
  useTitle(title);
  const [token] = useState(linkToken);
  const result = useLoad(() => call(api.POST(path, { body: { token } })), [token]);
  return (
    <div style={{ maxWidth: 480, margin: '1rem auto' }}>
      <h1>{title}</h1>
      {result.loading && <Loading />}
      <ErrorBox error={result.error} title="This link cannot be used" />
      {!result.loading && !result.error && (
        <div className="alert ok" role="status">
          {success} <Link to="/sign-in">Sign in</Link>
        </div>
      )}
    </div>
  );
}

export const VerifyEmail = () => (
  <ConfirmLink title="Confirm your e-mail address" path="/api/v1/auth/verify-email" success="Your e-mail address is confirmed." />
);
export const ConfirmEmailChange = () => (
  <ConfirmLink
    title="Confirm your new e-mail address"
    path="/api/v1/auth/confirm-email-change"
    success="Your account now uses the new address; sign in with it."
  />
);

export function AccountPage() {
  useTitle('Your account');
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
      <h1>Your account</h1>
      <p>
        Signed in as <strong>{me?.email}</strong>
        {me && !me.emailVerified && ' (not yet confirmed: open the link we mailed you)'}.
      </p>
      <form className="card" onSubmit={submit}>
        <h2 style={{ marginTop: 0 }}>Change your e-mail address</h2>
        <p>
          We send a link to the new address; your account changes to it only when you open that link. Your current address is told of the
          change.
        </p>
        <ErrorBox error={change.error} title="Could not ask for the change" />
        <Notice>{change.notice}</Notice>
        <TextField
          label="New e-mail"
          errors={fieldErrors(change.error, 'newEmail')}
          type="email"
          autoComplete="email"
          value={newEmail}
          onChange={setNewEmail}
        />
        <TextField
          label="Current password"
          errors={fieldErrors(change.error, 'password')}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
        />
        <button type="submit" disabled={change.busy}>
          {change.busy ? 'Sending…' : 'Send the confirmation link'}
        </button>
      </form>
    </div>
  );
}
