import { useState, type FormEvent } from 'react';
import { LANGUAGE_LABELS, type Invite, type Language } from '@assay/contract';
import { apiCall } from '../api/api-call.js';
import { Link } from '../app/router.js';
import { StaffLayout } from '../staff/staff-layout.js';
import { ErrorMessage } from '../ui/error-message.js';
import { Loading } from '../ui/loading.js';
import { StatusBadge } from '../ui/status-badge.js';
import { useAsync } from '../ui/use-async.js';
import { CopyLink } from './copy-link.js';
import { TroubledGradings } from './troubled-gradings.js';

/** Invite candidates, copy their links, follow their state, revoke. */
export default function InvitesPage() {
  return (
    <StaffLayout title="Invites" adminOnly>
      {() => <Invites />}
    </StaffLayout>
  );
}

function Invites() {
  const invites = useAsync((signal) => apiCall('invites', { signal }), []);
  const challenges = useAsync((signal) => apiCall('challenges', { signal }), []);
  const offered = (challenges.data?.challenges ?? []).flatMap((c) => ('title' in c ? [c] : []));
  const [challengeId, setChallengeId] = useState<string>();
  const challenge = offered.find((c) => c.id === challengeId) ?? offered[0];
  const [created, setCreated] = useState<{ link: string; name: string }>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [revoking, setRevoking] = useState<Invite>();

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!challenge) return;
    const element = event.currentTarget;
    const form = new FormData(element);
    const languages = form.getAll('languages').map(String) as Language[];
    const expires = String(form.get('expiresAt') ?? '');
    setBusy(true);
    setError(undefined);
    try {
      const { invite } = await apiCall('createInvite', {
        body: {
          candidateName: String(form.get('candidateName')),
          candidateEmail: String(form.get('candidateEmail')),
          challengeId: challenge.id,
          languages,
          timeLimitMinutes: Number(form.get('timeLimitMinutes')),
          ...(expires ? { expiresAt: new Date(expires).toISOString() } : {}),
        },
      });
      setCreated({ link: invite.link, name: invite.candidateName });
      element.reset();
      invites.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  async function revoke(invite: Invite) {
    await apiCall('revokeInvite', { params: { id: invite.id } }).catch(setError);
    setRevoking(undefined);
    invites.reload();
  }

  return (
    <>
      <h1>Invites</h1>
      <TroubledGradings />
      <section aria-labelledby="new-invite" className="panel">
        <h2 id="new-invite">Invite a candidate</h2>
        {!challenges.data ? <Loading label="Loading the challenges" /> : null}
        {challenge ? (
          <form onSubmit={(e) => void create(e)} className="invite-form">
            <div>
              <label htmlFor="candidateName">Candidate's name</label>
              <input id="candidateName" name="candidateName" required />
            </div>
            <div>
              <label htmlFor="candidateEmail">Candidate's email</label>
              <input id="candidateEmail" name="candidateEmail" type="text" inputMode="email" required />
            </div>
            <div>
              <label htmlFor="challenge">Challenge</label>
              <select id="challenge" value={challenge.id} onChange={(e) => setChallengeId(e.target.value)}>
                {offered.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.title}
                  </option>
                ))}
              </select>
            </div>
            <fieldset key={challenge.id}>
              <legend>Languages</legend>
              {challenge.languages.map((l) => (
                <label key={l} className="inline">
                  <input type="checkbox" name="languages" value={l} defaultChecked /> {LANGUAGE_LABELS[l]}
                </label>
              ))}
            </fieldset>
            <div>
              <label htmlFor="timeLimitMinutes">Time limit (minutes)</label>
              <input id="timeLimitMinutes" name="timeLimitMinutes" type="number" min={5} max={600} defaultValue={challenge.timeLimitMinutes} key={challenge.id} required />
            </div>
            <div>
              <label htmlFor="expiresAt">Link expires (default: in 7 days)</label>
              <input id="expiresAt" name="expiresAt" type="datetime-local" />
            </div>
            <ErrorMessage error={error} />
            <p>
              <button type="submit" className="primary" disabled={busy}>
                {busy ? 'Creating…' : 'Create the invite'}
              </button>
            </p>
          </form>
        ) : null}
        {created ? <CopyLink link={created.link} name={created.name} /> : null}
      </section>
      <h2>All invites</h2>
      <ErrorMessage error={invites.error} />
      {!invites.data ? <Loading label="Loading the invites" /> : null}
      {invites.data && invites.data.invites.length === 0 ? <p className="muted">No invites yet.</p> : null}
      {invites.data && invites.data.invites.length > 0 ? (
        <table aria-label="Invites">
          <thead>
            <tr>
              <th scope="col">Candidate</th>
              <th scope="col">Challenge</th>
              <th scope="col">State</th>
              <th scope="col">Expires</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {invites.data.invites.map((invite) => (
              <tr key={invite.id}>
                <td>
                  {invite.candidateName}
                  <div className="muted">{invite.candidateEmail}</div>
                </td>
                <td>
                  {invite.challengeId} <span className="muted">({invite.languages.map((l) => LANGUAGE_LABELS[l]).join(', ')}; {invite.timeLimitMinutes} min)</span>
                </td>
                <td>
                  <StatusBadge status={invite.state} />
                </td>
                <td>{new Date(invite.expiresAt).toLocaleString()}</td>
                <td className="row">
                  {invite.attemptId ? <Link href={`/attempts/${invite.attemptId}`}>Open the attempt</Link> : null}
                  {invite.state === 'revoked' ? null : revoking?.id === invite.id ? (
                    <>
                      <span>Revoke {invite.candidateName}'s link?</span>
                      <button type="button" className="danger" onClick={() => void revoke(invite)}>
                        Yes, revoke
                      </button>
                      <button type="button" onClick={() => setRevoking(undefined)}>
                        Keep it
                      </button>
                    </>
                  ) : (
                    <button type="button" onClick={() => setRevoking(invite)} aria-label={`Revoke ${invite.candidateName}'s invite`}>
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
