import { useEffect, useRef, useState } from 'react';
import type { ScoreDraft } from '@assay/contract';
import { apiCall } from '../api/api-call.js';

export type DraftSaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: string } | { kind: 'failed'; error: unknown };

const QUIET_MS = 400;
/** The last save sent for each attempt, so a form opened again reads the draft after it. */
const lastSave = new Map<string, Promise<unknown>>();

/** Resolves once the draft save under way for this attempt (if any) has been answered. */
export const draftSaved = (attemptId: string): Promise<unknown> => lastSave.get(attemptId) ?? Promise.resolve();

/**
 * Saves the reviewer's scorecard draft on the server a moment after each change, and at once
 * when the form goes away (another tab, another page), so nothing typed is lost to a tab
 * switch or a reload (a save still waiting when the page is left goes out as a keepalive
 * request). `draft` is undefined until the reviewer has changed something.
 * `settle()` drops a save not yet sent and waits for one under way: call it before submitting,
 * so no late draft outlives the submission.
 */
export function useDraftAutosave(attemptId: string, draft: ScoreDraft | undefined, savedAt: string | null) {
  const [state, setState] = useState<DraftSaveState>(savedAt ? { kind: 'saved', at: savedAt } : { kind: 'idle' });
  const pending = useRef<ScoreDraft | undefined>(undefined);

  const save = (value: ScoreDraft, keepalive = false) => {
    pending.current = undefined;
    setState({ kind: 'saving' });
    const saving = apiCall('saveScoreDraft', { params: { id: attemptId }, body: { draft: value }, keepalive }).then(
      (view) => setState(view.savedAt ? { kind: 'saved', at: view.savedAt } : { kind: 'idle' }),
      (error: unknown) => setState({ kind: 'failed', error }),
    );
    lastSave.set(attemptId, saving);
  };

  useEffect(() => {
    if (!draft) return;
    pending.current = draft;
    const timer = window.setTimeout(() => save(draft), QUIET_MS);
    return () => window.clearTimeout(timer);
  }, [draft]);

  useEffect(() => {
    const leaving = () => {
      if (pending.current) save(pending.current, true);
    };
    window.addEventListener('pagehide', leaving);
    return () => {
      window.removeEventListener('pagehide', leaving);
      if (pending.current) save(pending.current);
    };
  }, [attemptId]);

  return {
    state,
    settle(): Promise<unknown> {
      pending.current = undefined;
      return draftSaved(attemptId);
    },
  };
}
