import { useState } from 'react';

/** The new invite's link, shown once (only its hash is stored), with a copy button. */
export function CopyLink({ link, name }: { link: string; name: string }) {
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
  return (
    <div className="notice" role="status">
      <p>
        Invite for <strong>{name}</strong> created. Send this link to the candidate; it is shown only now (Assay keeps only a fingerprint of it).
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
