import { type FormEvent, useState } from 'react';
import { homeFor, useAuth } from '../auth';
import { navigate, useLocation, useTitle } from '../router';
import { ErrorBox, TextField, useAction } from '../ui';

export function SignIn() {
  useTitle('Sign in');
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
      <h1>Sign in</h1>
      <form className="card" onSubmit={submit} aria-describedby="demo-hint">
        <ErrorBox error={action.error} title="Could not sign in" />
        <TextField label="E-mail" type="email" autoComplete="username" value={email} onChange={setEmail} />
        <TextField label="Password" type="password" autoComplete="current-password" value={password} onChange={setPassword} />
        <button type="submit" disabled={action.busy}>
          {action.busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p>
        <a href="/forgot-password">Forgot your password?</a>
      </p>
      <p id="demo-hint" className="small muted">
        Demo accounts (password <code>demo-password-2026</code>): trainee.uk@demo.ipt.example, supervisor.uk@demo.ipt.example,
        bodyadmin.uk@demo.ipt.example. The public <a href="/register">register</a> and <a href="/verify">certificate verification</a> need
        no sign-in.
      </p>
    </div>
  );
}
