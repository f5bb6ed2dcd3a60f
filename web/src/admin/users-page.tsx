import { useState, type FormEvent } from 'react';
import { CreateUserBody, type StaffUser } from '@assay/contract';
import { apiCall } from '../api/api-call.js';
import { StaffLayout } from '../staff/staff-layout.js';
import { ErrorMessage } from '../ui/error-message.js';
import { describedBy, FieldError } from '../ui/field-error.js';
import { fieldErrors } from '../ui/field-errors.js';
import { Loading } from '../ui/loading.js';
import { useAsync } from '../ui/use-async.js';

/** Reviewer and admin accounts: add, disable and enable, set a new password (the last two end their sessions). */
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
  const [resetting, setResetting] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [fieldProblems, setFieldProblems] = useState<Record<string, string>>({});

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const checked = fieldErrors(CreateUserBody, { name: String(data.get('name')).trim(), email: String(data.get('email')).trim(), role: String(data.get('role')), password: String(data.get('password')) });
    setFieldProblems(checked.errors ?? {});
    setError(undefined);
    if (!checked.data) return;
    setBusy(true);
    try {
      await apiCall('createUser', { body: checked.data });
      form.reset();
      users.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  async function change(action: () => Promise<unknown>, done: string) {
    setError(undefined);
    setNotice(undefined);
    await action().then(() => setNotice(done), setError);
    setDisabling(undefined);
    setResetting(undefined);
    users.reload();
  }
  const disable = (user: StaffUser) => change(() => apiCall('disableUser', { params: { id: user.id } }), `${user.name} is disabled and signed out.`);
  const enable = (user: StaffUser) => change(() => apiCall('enableUser', { params: { id: user.id } }), `${user.name} can sign in again.`);
  async function setPassword(event: FormEvent<HTMLFormElement>, user: StaffUser) {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get('new-password'));
    await change(() => apiCall('setPassword', { params: { id: user.id }, body: { password } }), `${user.name} has a new password and was signed out everywhere; tell them what it is.`);
  }

  return (
    <>
      <h1>Reviewers and admins</h1>
      <ErrorMessage error={error} />
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
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
                  {user.id === me.id ? (
                    <span className="muted">your own account</span>
                  ) : resetting === user.id ? (
                    <form className="row" onSubmit={(e) => void setPassword(e, user)}>
                      <label htmlFor={`new-password-${user.id}`}>New password for {user.name}</label>
                      <input id={`new-password-${user.id}`} name="new-password" type="password" minLength={12} required autoComplete="new-password" />
                      <button type="submit" className="primary">
                        Set the password
                      </button>
                      <button type="button" onClick={() => setResetting(undefined)}>
                        Cancel
                      </button>
                    </form>
                  ) : disabling === user.id ? (
                    <>
                      <span>Disable {user.name}? Their sessions end now.</span>
                      <button type="button" className="danger" onClick={() => void disable(user)}>
                        Yes, disable
                      </button>
                      <button type="button" onClick={() => setDisabling(undefined)}>
                        Cancel
                      </button>
                    </>
                  ) : (
                    <>
                      {user.disabled ? (
                        <button type="button" onClick={() => void enable(user)} aria-label={`Enable ${user.name}`}>
                          Enable
                        </button>
                      ) : (
                        <button type="button" onClick={() => setDisabling(user.id)} aria-label={`Disable ${user.name}`}>
                          Disable
                        </button>
                      )}
                      <button type="button" onClick={() => setResetting(user.id)} aria-label={`Set a new password for ${user.name}`}>
                        New password
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <section aria-labelledby="new-user" className="panel">
        <h2 id="new-user">Add an account</h2>
        <form onSubmit={(e) => void create(e)} className="invite-form" noValidate>
          <div>
            <label htmlFor="name">Name</label>
            <input id="name" name="name" required {...describedBy(fieldProblems, 'name')} />
            <FieldError id="name" message={fieldProblems.name} />
          </div>
          <div>
            <label htmlFor="email">Email</label>
            <input id="email" name="email" type="email" required {...describedBy(fieldProblems, 'email')} />
            <FieldError id="email" message={fieldProblems.email} />
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
            <input id="password" name="password" type="password" minLength={12} required autoComplete="new-password" {...describedBy(fieldProblems, 'password')} />
            <FieldError id="password" message={fieldProblems.password} />
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
