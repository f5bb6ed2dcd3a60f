import { useEffect, useRef, useState } from 'react';
import { ErrorMessage } from '../ui/error-message.js';

/** The confirm step before an early submit: what happens, and that it cannot be undone. */
export function SubmitDialog({ unsaved, onCancel, onSubmit }: { unsaved: number; onCancel: () => void; onSubmit: () => Promise<void> }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  async function confirm() {
    setBusy(true);
    setError(undefined);
    try {
      await onSubmit();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  }
  return (
    <dialog ref={dialog} aria-labelledby="submit-title" onCancel={onCancel} className="dialog">
      <h2 id="submit-title">Submit your work now?</h2>
      <p>Your files as they are now are graded against the hidden tests and sent to the reviewers. You cannot edit them after submitting.</p>
      {unsaved > 0 ? <p className="notice">{unsaved} file(s) have changes that are saved first.</p> : null}
      <ErrorMessage error={error} />
      <div className="row">
        <button type="button" onClick={onCancel} disabled={busy}>
          Keep working
        </button>
        <button type="button" className="primary" onClick={() => void confirm()} disabled={busy}>
          {busy ? 'Submitting…' : 'Submit now'}
        </button>
      </div>
    </dialog>
  );
}
