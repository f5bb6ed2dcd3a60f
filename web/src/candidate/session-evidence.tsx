import { INTEGRITY_REPLY_MAX, type CandidateEvidence } from '@assay/contract';
import { useMemo, useState } from 'react';
import { apiCall } from '../api/api-call.js';
import { useRecording } from '../replay/use-recording.js';
import { IntegrityNotes } from '../review/integrity-notes.js';
import { integritySummary } from '../review/integrity-summary.js';
import { ErrorMessage } from '../ui/error-message.js';
import { Loading } from '../ui/loading.js';
import { useAsync } from '../ui/use-async.js';

/**
 * After submitting: the facts recorded about the session, in the very sentences the reviewers
 * read (computed by the same function from the same records), and a reply the candidate may
 * write, which reviewers see beside them.
 */
export function SessionEvidence({ token }: { token: string }) {
  const evidence = useAsync((signal) => apiCall('evidence', { token, signal }), [token]);
  const recording = useRecording((after, limit, signal) => apiCall('ownEvents', { token, query: { after, limit }, signal }), token);
  return (
    <section aria-labelledby="evidence-title" data-testid="session-evidence">
      <h2 id="evidence-title">What was recorded about your session</h2>
      <p>This is what the reviewers see about how your session went, word for word. If something here needs context, reply below: they read your reply beside it.</p>
      <ErrorMessage error={evidence.error ?? recording.error} />
      {evidence.data && recording.done ? <Notes evidence={evidence.data} events={recording.events} /> : <Loading label="Reading the record of your session" />}
      {evidence.data ? <ReplyForm token={token} initial={evidence.data.reply?.note ?? ''} /> : null}
    </section>
  );
}

function Notes({ evidence, events }: { evidence: CandidateEvidence; events: Parameters<typeof integritySummary>[0] }) {
  const notes = useMemo(() => integritySummary(events, new Map(evidence.files.map((f) => [f.path, f.content])), evidence), [evidence, events]);
  return <IntegrityNotes notes={notes} />;
}

function ReplyForm({ token, initial }: { token: string; initial: string }) {
  const [note, setNote] = useState(initial);
  const [state, setState] = useState<{ saving?: boolean; savedAt?: string; error?: unknown }>({});
  const save = async () => {
    setState({ saving: true });
    try {
      const { reply } = await apiCall('saveReply', { token, body: { note } });
      setState({ savedAt: reply?.savedAt ?? new Date().toISOString() });
    } catch (error) {
      setState({ error });
    }
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label htmlFor="integrity-reply">Your reply (optional)</label>
      <textarea id="integrity-reply" rows={4} maxLength={INTEGRITY_REPLY_MAX} value={note} onChange={(e) => setNote(e.target.value)} />
      <div className="row">
        <button type="submit" className="primary" disabled={state.saving}>
          {state.saving ? 'Saving…' : 'Save my reply'}
        </button>
        <span className="muted">
          {note.length.toLocaleString('en')} / {INTEGRITY_REPLY_MAX.toLocaleString('en')} characters
        </span>
        {state.savedAt ? (
          <span role="status" className="badge good">
            Saved: reviewers see it
          </span>
        ) : null}
      </div>
      <ErrorMessage error={state.error} />
    </form>
  );
}
