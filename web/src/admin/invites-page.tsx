import { useState } from 'react';
import { LANGUAGE_LABELS, type Invite } from '@assay/contract';
import { apiCall } from '../api/api-call.js';
import { Link } from '../app/router.js';
import { StaffLayout } from '../staff/staff-layout.js';
import { ErrorMessage } from '../ui/error-message.js';
import { Loading } from '../ui/loading.js';
import { StatusBadge } from '../ui/status-badge.js';
import { useAsync } from '../ui/use-async.js';
import { InviteForm } from './invite-form.js';
import { IssuedLink } from './issued-link.js';
import { TroubledGradings } from './troubled-gradings.js';

/** Invite candidates (by email when the server can send it), follow their state, resend, revoke. */
export default function InvitesPage() {
  return (
    <StaffLayout title="Invites" adminOnly>
      {() => <Invites />}
    </StaffLayout>
  );
}

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
/** A new link makes sense until the candidate has started with the one they have. */
const reissuable = (invite: Invite) => invite.state === 'pending' || invite.state === 'expired';
/** Revoking stops a candidate who has not submitted; after that there is nothing to stop. */
const revocable = (invite: Invite) => invite.state === 'pending' || invite.state === 'started';

function Delivery({ invite }: { invite: Invite }) {
  const { state, at, error } = invite.delivery;
  if (state === 'sent') return <span>emailed {at ? when(at) : ''}</span>;
  if (state === 'failed') return <span className="bad-text">email failed: {error}</span>;
  return <span className="muted">not emailed: send it by hand</span>;
}

function Invites() {
  const invites = useAsync((signal) => apiCall('invites', { signal }), []);
  const challenges = useAsync((signal) => apiCall('challenges', { signal }), []);
  const offered = (challenges.data?.challenges ?? []).flatMap((c) => ('title' in c ? [c] : []));
  const [issued, setIssued] = useState<{ invite: Invite; link: string }>();
  const [error, setError] = useState<unknown>();
  const [revoking, setRevoking] = useState<Invite>();

  const onIssued = (next: { invite: Invite; link: string }) => {
    setIssued(next);
    invites.reload();
  };
  async function reissue(invite: Invite) {
    setError(undefined);
    await apiCall('reissueInvite', { params: { id: invite.id } }).then(({ invite: fresh }) => onIssued({ invite: fresh, link: fresh.link }), setError);
  }
  async function revoke(invite: Invite) {
    setError(undefined);
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
        {offered.length ? <InviteForm offered={offered} onIssued={onIssued} /> : null}
        {issued ? <IssuedLink invite={issued.invite} link={issued.link} /> : null}
      </section>
      <h2>All invites</h2>
      <ErrorMessage error={invites.error ?? error} />
      {!invites.data ? <Loading label="Loading the invites" /> : null}
      {invites.data && invites.data.invites.length === 0 ? <p className="muted">No invites yet.</p> : null}
      {invites.data && invites.data.invites.length > 0 ? (
        <table aria-label="Invites">
          <thead>
            <tr>
              <th scope="col">Candidate</th>
              <th scope="col">Challenge</th>
              <th scope="col">State</th>
              <th scope="col">Link</th>
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
                  {invite.challengeId} <span className="muted">({invite.languages.map((l) => LANGUAGE_LABELS[l]).join(', ')}; {invite.timeLimitMinutes} min{invite.extraTimeMinutes > 0 ? ` + ${invite.extraTimeMinutes} min extra time` : ''})</span>
                </td>
                <td>
                  <StatusBadge status={invite.state} />
                </td>
                <td>
                  <Delivery invite={invite} />
                </td>
                <td>{when(invite.expiresAt)}</td>
                <td className="row">
                  {invite.attemptId ? <Link href={`/attempts/${invite.attemptId}`}>Open the attempt</Link> : null}
                  {reissuable(invite) ? (
                    <button type="button" onClick={() => void reissue(invite)} aria-label={`${invite.delivery.state === 'manual' ? 'Issue a new link for' : 'Resend to'} ${invite.candidateName}`}>
                      {invite.delivery.state === 'manual' ? 'New link' : 'Resend'}
                    </button>
                  ) : null}
                  {!revocable(invite) ? null : revoking?.id === invite.id ? (
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
