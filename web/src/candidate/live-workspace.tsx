import { useEffect, useState } from 'react';
import type { CandidateAttempt } from '@assay/contract';
import { apiCall, ApiCallError } from '../api/api-call.js';
import { createEventOutbox, RecordingFullError } from '../recording/event-outbox.js';
import { idbOutboxStore } from '../recording/idb-outbox-store.js';
import { ErrorMessage } from '../ui/error-message.js';
import { Loading } from '../ui/loading.js';
import { candidateDb } from './candidate-db.js';
import { Workspace, type LiveSession } from './workspace.js';

/**
 * Opens a started attempt: the server's files, overlaid with anything this browser kept that
 * the server has not confirmed yet (typing, new files, renames and deletions while offline or
 * just before a reload), and the recording's outbox continuing its numbering.
 */
export function LiveWorkspace({ token, timeLimitMinutes, onSubmitted }: { token: string; timeLimitMinutes: number; onSubmitted: () => void }) {
  const [opened, setOpened] = useState<{ attempt: CandidateAttempt; live: LiveSession }>();
  const [error, setError] = useState<unknown>();
  /** The server's word that the recording reached its cap (413 recording_full): recording stops, work goes on. */
  const [recordingFull, setRecordingFull] = useState<string>();
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const [attempt, db] = await Promise.all([apiCall('attempt', { token }), candidateDb()]);
      const draft = await db.get('drafts', token);
      const deleted = draft?.deleted ?? [];
      const files = attempt.files.filter((f) => !deleted.includes(f.path)).map((f) => (draft?.unsaved.includes(f.path) && draft.files[f.path] !== undefined ? { ...f, content: draft.files[f.path]! } : f));
      for (const path of draft?.unsaved ?? []) {
        if (!files.some((f) => f.path === path) && draft!.files[path] !== undefined) files.push({ path, content: draft!.files[path]!, editable: true });
      }
      const outbox = createEventOutbox({
        store: idbOutboxStore(db, token),
        send: async (events) => {
          try {
            await apiCall('uploadEvents', { token, body: { events } });
          } catch (error) {
            throw error instanceof ApiCallError && error.code === 'recording_full' ? new RecordingFullError(error.message) : error;
          }
        },
        onFull: (message) => setRecordingFull(message),
      });
      await outbox.open(attempt.ackedSeq);
      const live: LiveSession = {
        token,
        startedAtMs: Date.parse(attempt.deadline) - timeLimitMinutes * 60_000,
        outbox,
        saveDraft: async (next) => void (await db.put('drafts', { ...next, token, updatedAt: Date.now() })),
        restored: { unsaved: draft?.unsaved ?? [], deleted, activeFile: draft?.activeFile ?? null, cursors: draft?.cursors ?? {} },
        onSubmitted,
      };
      if (!cancelled) setOpened({ attempt: { ...attempt, files }, live });
    })().catch((e: unknown) => !cancelled && setError(e));
    return () => {
      cancelled = true;
    };
  }, [token, timeLimitMinutes, onSubmitted]);
  if (error) return <main className="narrow"><ErrorMessage error={error} title="Your workspace could not be opened" /></main>;
  if (!opened) return <main className="narrow"><Loading label="Opening your workspace" /></main>;
  return (
    <>
      {recordingFull ? (
        <p className="recording-full" role="status" data-testid="recording-full">
          Recording stopped: {recordingFull}.
        </p>
      ) : null}
      <Workspace attempt={opened.attempt} mode="live" live={opened.live} />
    </>
  );
}
