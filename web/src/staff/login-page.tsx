import { useState, type FormEvent } from 'react';
import { apiCall } from '../api/api-call.js';
import { Redirect } from '../app/redirect.js';
import { navigate, useLocation } from '../app/router.js';
import { ErrorMessage } from '../ui/error-message.js';
import { useStaffUser } from './use-staff-user.js';

/** Staff sign-in; a signed-in visitor goes straight on to where they were going. */
export default function LoginPage() {
  const { query } = useLocation();
  const asked = query.get('next');
  // Only paths of this app, never back to the login page itself or to another site (`//host`).
  const next = asked && /^\/(?!\/|login)/.test(asked) ? asked : '/attempts';
  const { user } = useStaffUser();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  if (user) return <Redirect to={next} />;
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(undefined);
    try {
      await apiCall('login', { body: { email: String(form.get('email')), password: String(form.get('password')) } });
      navigate(next, { replace: true });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  document.title = 'Sign in · Assay';
  return (
    <main className="narrow" style={{ maxWidth: 420 }}>
      <h1>Sign in to Assay</h1>
      <p className="muted">For reviewers and hiring teams. Candidates open the link from their invite instead.</p>
      <form onSubmit={(e) => void submit(e)}>
        <label htmlFor="email">Email</label>
        <input id="email" name="email" type="email" autoComplete="username" required style={{ width: '100%' }} />
        <label htmlFor="password">Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required style={{ width: '100%' }} />
        <ErrorMessage error={error} />
        <p>
          <button className="primary" type="submit" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </p>
      </form>
    </main>
  );
}
