import { useEffect, useState, type FormEvent } from 'react';
import { api } from './api.js';

interface AttemptRow {
  id: string;
  candidateName: string;
  challengeId: string;
  language: string;
  status: string;
  verdict: string | null;
  score: number | null;
  minutesUsed: number;
}

/** Staff login, then the attempts with their verdicts. */
export function StaffHome() {
  const [user, setUser] = useState<{ name: string; role: string } | null>();
  const [attempts, setAttempts] = useState<AttemptRow[]>([]);
  const [error, setError] = useState<string>();

  const load = () =>
    api<{ user: { name: string; role: string } }>('/api/auth/me').then(
      async ({ user }) => {
        setUser(user);
        setAttempts((await api<{ attempts: AttemptRow[] }>('/api/review/attempts')).attempts);
      },
      () => setUser(null),
    );
  useEffect(() => void load(), []);

  async function login(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setError(undefined);
    try {
      await api('/api/auth/login', { method: 'POST', body: { email: form.get('email'), password: form.get('password') } });
      await load();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  if (user === undefined) return <p>Loading…</p>;
  if (user === null) {
    return (
      <form onSubmit={login} aria-label="Log in" style={{ display: 'grid', gap: '0.5rem', maxWidth: 320 }}>
        <label>
          Email <input name="email" type="email" autoComplete="username" required style={{ width: '100%' }} />
        </label>
        <label>
          Password <input name="password" type="password" autoComplete="current-password" required style={{ width: '100%' }} />
        </label>
        <button type="submit">Log in</button>
        {error && <p role="alert">{error}</p>}
      </form>
    );
  }
  return (
    <section aria-labelledby="attempts-title">
      <h2 id="attempts-title">Attempts</h2>
      <p>Signed in as {user.name} ({user.role}).</p>
      {attempts.length === 0 ? (
        <p>No attempts yet. Invite a candidate with POST /api/admin/invites.</p>
      ) : (
        <table style={{ borderCollapse: 'collapse', width: '100%' }}>
          <thead>
            <tr>{['Candidate', 'Challenge', 'Language', 'Status', 'Verdict', 'Score', 'Minutes'].map((h) => <th key={h} style={{ textAlign: 'left', borderBottom: '1px solid #ccc' }}>{h}</th>)}</tr>
          </thead>
          <tbody>
            {attempts.map((a) => (
              <tr key={a.id}>
                <td>{a.candidateName}</td>
                <td>{a.challengeId}</td>
                <td>{a.language}</td>
                <td>{a.status}</td>
                <td>{a.verdict ?? '—'}</td>
                <td>{a.score === null ? '—' : `${Math.round(a.score * 100)}%`}</td>
                <td>{a.minutesUsed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
