// Sign-in: server address, email and password; shows the connection state and why a sign-in failed.
import { useState, type FormEvent } from 'react';
import { useController } from '../app/controller-context';
import { useApp } from '../store/app-store';
import { ConnectionBadge } from '../app/ConnectionBadge';
import { signInProblem } from './sign-in-problem';

export function LoginScreen() {
  const controller = useController();
  // The settings (which carry the address `npm start` gave the console) arrive after the first render, so the
  // field follows them until the specialist types; a default baked in here would show a server that may not exist.
  const known = useApp((s) => s.session?.serverUrl ?? s.settings?.serverUrl ?? '');
  const [typed, setTyped] = useState<string | null>(null);
  const serverUrl = typed ?? known;
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const url = serverUrl.trim();
    const problem = await controller.login({ serverUrl: url, email: email.trim(), password });
    setBusy(false);
    if (problem) setError(signInProblem(url, problem));
  }

  return (
    <main className="login">
      <form className="login-card" onSubmit={submit} aria-labelledby="login-title">
        <div className="brand brand-large">
          <span className="brand-mark" aria-hidden="true" />
          <h1 id="login-title">Switchboard</h1>
        </div>
        <p className="muted">Sign in to the support console.</p>
        <label className="field">
          <span>Server</span>
          <input type="url" value={serverUrl} onChange={(e) => setTyped(e.target.value)} required autoComplete="url" />
        </label>
        <label className="field">
          <span>Email</span>
          <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} required autoComplete="username" autoFocus />
        </label>
        <label className="field">
          <span>Password</span>
          <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} required autoComplete="current-password" />
        </label>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        <ConnectionBadge />
      </form>
    </main>
  );
}
