import { useState } from 'react';
import type { Invite } from '@assay/contract';

/** What happened to a link just issued: emailed, or not (and why), and the link itself to copy. */
export function IssuedLink({ invite, link }: { invite: Invite; link: string }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      // No clipboard access (an insecure origin, a denied permission): the field is selected instead.
      (document.getElementById('invite-link') as HTMLInputElement | null)?.select();
    }
  }
  const { delivery } = invite;
  return (
    <div className={delivery.state === 'failed' ? 'error' : 'notice'} role="status">
      <p>
        {delivery.state === 'sent' ? (
          <>
            The link for <strong>{invite.candidateName}</strong> was emailed to {invite.candidateEmail}. It is also below, shown only now (Assay keeps only a fingerprint of it).
          </>
        ) : delivery.state === 'failed' ? (
          <>
            The email to {invite.candidateEmail} could not be sent ({delivery.error}). Send <strong>{invite.candidateName}</strong> this link yourself, or try Resend in the list below.
          </>
        ) : (
          <>
            Email is not set up on this server (<code>ASSAY_SMTP_URL</code>), so send <strong>{invite.candidateName}</strong> this link yourself. It is shown only now; if it is lost, issue a new one from the list below.
          </>
        )}
      </p>
      <div className="row">
        <label htmlFor="invite-link" className="visually-hidden">
          Invite link
        </label>
        <input id="invite-link" readOnly value={link} size={60} onFocus={(e) => e.target.select()} />
        <button type="button" onClick={() => void copy()}>
          {copied ? 'Copied' : 'Copy link'}
        </button>
      </div>
    </div>
  );
}
