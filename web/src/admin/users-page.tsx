import { useState, type FormEvent } from 'react';
import type { Role, StaffUser } from '@assay/contract';
import { apiCall } from '../api/api-call.js';
import { StaffLayout } from '../staff/staff-layout.js';
import { ErrorMessage } from '../ui/error-message.js';
import { Loading } from '../ui/loading.js';
import { useAsync } from '../ui/use-async.js';

/** Reviewer and admin accounts: add, and disable (which also ends their sessions). */
export default function UsersPage() {
  return (
    <StaffLayout title="Reviewers" adminOnly>
      {(me) => <Users me={me} />}
    </StaffLayout>
  );
}

function Users({ me }: { me: StaffUser }) {
  const users = useAsync((signal) => apiCall('users', { signal }), []);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [disabling, setDisabling] = useState<string>();

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setBusy(true);
    setError(undefined);
    try {
      await apiCall('createUser', { body: { name: String(data.get('name')), email: String(data.get('email')), role: String(data.get('role')) as Role, password: String(data.get('password')) } });
      form.reset();
      users.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  async function disable(id: string) {
    setError(undefined);
    await apiCall('disableUser', { params: { id } }).catch(setError);
    setDisabling(undefined);
    users.reload();
  }

  return (
    <>
      <h1>Reviewers and admins</h1>
      <ErrorMessage error={error} />
      {!users.data ? <Loading label="Loading the accounts" /> : null}
      {users.data ? (
        <table aria-label="Accounts">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">State</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {users.data.users.map((user) => (
              <tr key={user.id}>
                <td>
                  {user.name}
                  {user.id === me.id ? ' (you)' : ''}
                </td>
                <td>{user.email}</td>
                <td>{user.role}</td>
                <td>{user.disabled ? <span className="badge muted">disabled</span> : <span className="badge good">active</span>}</td>
                <td className="row">
                  {user.disabled ? null : disabling === user.id ? (
                    <>
                      <span>Disable {user.name}? Their sessions end now.</span>
                      <button type="button" className="danger" onClick={() => void disable(user.id)}>
                        Yes, disable
                      </button>
                      <button type="button" onClick={() => setDisabling(undefined)}>
                        Cancel
                      </button>
                    </>
                  ) : (
                    <button type="button" onClick={() => setDisabling(user.id)} aria-label={`Disable ${user.name}`}>
                      Disable
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <section aria-labelledby="new-user" className="panel">
        <h2 id="new-user">Add an account</h2>
        <form onSubmit={(e) => void create(e)} className="invite-form">
          <div>
            <label htmlFor="name">Name</label>
            <input id="name" name="name" required />
          </div>
          <div>
            <label htmlFor="email">Email</label>
            <input id="email" name="email" type="email" required />
          </div>
          <div>
            <label htmlFor="role">Role</label>
            <select id="role" name="role" defaultValue="reviewer">
              <option value="reviewer">Reviewer: reads and scores attempts</option>
              <option value="admin">Admin: also invites and manages accounts</option>
            </select>
          </div>
          <div>
            <label htmlFor="password">Initial password (at least 12 characters)</label>
            <input id="password" name="password" type="password" minLength={12} required autoComplete="new-password" />
          </div>
          <p>
            <button type="submit" className="primary" disabled={busy}>
              {busy ? 'Adding…' : 'Add the account'}
            </button>
          </p>
        </form>
      </section>
    </>
  );
}
