// Sign-in: server address, email and password; shows the connection state and the server's refusal as given.
import { useState, type FormEvent } from 'react';
import { useController } from '../app/controller-context';
import { useApp } from '../store/app-store';
import { ConnectionBadge } from '../app/ConnectionBadge';

export function LoginScreen() {
  const controller = useController();
  const known = useApp((s) => s.session?.serverUrl ?? s.settings?.serverUrl ?? '');
  const [serverUrl, setServerUrl] = useState(known || 'http://127.0.0.1:4080');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const problem = await controller.login({ serverUrl: serverUrl.trim(), email: email.trim(), password });
    setBusy(false);
    if (problem) setError(problem);
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
          <input type="url" value={serverUrl} onChange={(e) => setServerUrl(e.target.value)} required autoComplete="url" />
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
