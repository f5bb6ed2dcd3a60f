import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { DESIGN_DOC_PATH, type CandidateAttempt, type RunStatus, type UnnumberedEvent } from '@assay/contract';
import { apiCall, ApiCallError } from '../api/api-call.js';
import { CodeEditor, type CodeEditorHandle, type EditorFile } from '../editor/code-editor.js';
import { MarkdownView } from '../markdown/markdown-view.js';
import type { EventOutbox } from '../recording/event-outbox.js';
import { ErrorMessage } from '../ui/error-message.js';
import { Countdown } from './countdown.js';
import { FileTree } from './file-tree.js';
import { RunResults } from './run-results.js';
import { createServerClock } from './server-clock.js';
import { SubmitDialog } from './submit-dialog.js';
import { submittedOnServer } from './submitted-on-server.js';
import type { Draft } from './candidate-db.js';

export type SaveState = { kind: 'saved' } | { kind: 'saving' } | { kind: 'offline' } | { kind: 'error'; message: string };

/** What a live attempt needs beyond the attempt itself: where the work is kept and recorded. */
export interface LiveSession {
  token: string;
  startedAtMs: number;
  outbox: EventOutbox;
  saveDraft(draft: Omit<Draft, 'token' | 'updatedAt'>): Promise<void>;
  restored: { unsaved: string[]; activeFile: string | null; cursors: Record<string, number> };
  onSubmitted(): void;
}

const SAVE_DELAY_MS = 1_000;
const DRAFT_DELAY_MS = 250;
const RETRY_MS = 3_000;
const FLUSH_EVERY_MS = 2_000;

/**
 * The candidate's workspace: prompt, files, editor, tests, timer. In `live` mode every change is
 * kept in this browser first, autosaved and recorded; in `preview` (an admin trying a challenge)
 * nothing is saved, recorded, run or graded.
 */
export function Workspace({ attempt, mode, live }: { attempt: CandidateAttempt; mode: 'live' | 'preview'; live?: LiveSession }) {
  const session = mode === 'live' ? live : undefined;
  const clock = useMemo(() => createServerClock(attempt.serverTime), [attempt.serverTime]);
  const files = useMemo<EditorFile[]>(() => attempt.files.map((f) => ({ path: f.path, content: f.content, editable: f.editable })), [attempt.files]);
  const firstFile = files.find((f) => f.editable)?.path ?? files[0]?.path ?? '';
  const [active, setActive] = useState(session?.restored.activeFile && files.some((f) => f.path === session.restored.activeFile) ? session.restored.activeFile : firstFile);
  const contents = useRef(Object.fromEntries(files.map((f) => [f.path, f.content])));
  const [unsaved, setUnsaved] = useState<Set<string>>(() => new Set(session?.restored.unsaved ?? []));
  const unsavedRef = useRef(unsaved);
  unsavedRef.current = unsaved;
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'saved' });
  const [designText, setDesignText] = useState(contents.current[DESIGN_DOC_PATH] ?? '');
  const [panel, setPanel] = useState<'prompt' | 'tests'>('prompt');
  const [run, setRun] = useState<RunStatus | null>(null);
  const [running, setRunning] = useState(false);
  const [runError, setRunError] = useState<unknown>();
  const [confirming, setConfirming] = useState(false);
  const editor = useRef<CodeEditorHandle>(null);
  const timers = useRef<{ save?: number; draft?: number }>({});
  const cursors = useRef<Record<string, number>>({ ...session?.restored.cursors });

  const record = useCallback((event: UnnumberedEvent) => session?.outbox.record(event), [session]);
  const t = useCallback(() => (session ? Math.max(0, Math.round(clock.now() - session.startedAtMs)) : 0), [clock, session]);

  const writeDraft = useCallback(() => {
    if (!session) return;
    cursors.current[active] = editor.current?.cursorOf(active) ?? 0;
    void session.saveDraft({ files: contents.current, unsaved: [...unsavedRef.current], activeFile: active, cursors: cursors.current });
  }, [session, active]);

  const save = useCallback(async (): Promise<boolean> => {
    if (!session) return true;
    window.clearTimeout(timers.current.save);
    const paths = [...unsavedRef.current].filter((p) => files.find((f) => f.path === p)?.editable);
    if (paths.length === 0) {
      setSaveState({ kind: 'saved' });
      return true;
    }
    const sent = Object.fromEntries(paths.map((p) => [p, contents.current[p]!]));
    setSaveState({ kind: 'saving' });
    try {
      await apiCall('saveFiles', { token: session.token, body: { files: paths.map((path) => ({ path, content: sent[path]! })) } });
      // Only what is still as it was sent counts as saved; newer typing stays unsaved.
      setUnsaved((previous) => {
        const next = new Set([...previous].filter((p) => contents.current[p] !== sent[p]));
        unsavedRef.current = next;
        return next;
      });
      setSaveState({ kind: 'saved' });
      writeDraft();
      return true;
    } catch (error) {
      if (error instanceof ApiCallError && error.offline) {
        setSaveState({ kind: 'offline' });
        timers.current.save = window.setTimeout(() => void save(), RETRY_MS);
      } else if (error instanceof ApiCallError && error.code === 'already_submitted') {
        // A submit went through whose answer this page never got: show what the server has.
        session.onSubmitted();
      } else setSaveState({ kind: 'error', message: (error as Error).message });
      return false;
    }
  }, [session, files, writeDraft]);

  const onChange = useCallback(
    (path: string, content: string, changes: Array<{ offset: number; length: number; text: string }>) => {
      contents.current[path] = content;
      if (path === DESIGN_DOC_PATH) setDesignText(content);
      if (!session) return;
      record({ type: 'edit', t: t(), file: path, changes });
      if (!unsavedRef.current.has(path)) {
        const next = new Set(unsavedRef.current).add(path);
        unsavedRef.current = next;
        setUnsaved(next);
      }
      window.clearTimeout(timers.current.draft);
      timers.current.draft = window.setTimeout(writeDraft, DRAFT_DELAY_MS);
      window.clearTimeout(timers.current.save);
      timers.current.save = window.setTimeout(() => void save(), SAVE_DELAY_MS);
    },
    [session, record, t, writeDraft, save],
  );

  const selection = useRef<number>(undefined);
  const handlers = useMemo(
    () => ({
      onChange,
      onSelect(path: string, anchor: number, head: number) {
        if (!session) return;
        // A burst of cursor moves is one recorded selection: the one it ended on.
        window.clearTimeout(selection.current);
        selection.current = window.setTimeout(() => record({ type: 'select', t: t(), file: path, anchor, head }), 200);
      },
      onPaste(path: string, size: number, lines: number) {
        record({ type: 'paste', t: t(), file: path, size, lines });
      },
    }),
    [onChange, record, t, session],
  );

  // The starting point of the recording, then the outbox drains in the background.
  useEffect(() => {
    if (!session) return;
    record({ type: 'snapshot', t: t(), files: { ...contents.current } });
    record({ type: 'open', t: t(), file: active });
    const flush = () => session.outbox.flush().catch(() => undefined);
    const interval = window.setInterval(flush, FLUSH_EVERY_MS);
    void flush();
    const focus = (focused: boolean) => () => record({ type: 'focus', t: t(), focused });
    const blur = focus(false);
    const back = focus(true);
    const hidden = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    window.addEventListener('blur', blur);
    window.addEventListener('focus', back);
    document.addEventListener('visibilitychange', hidden);
    window.addEventListener('online', flush);
    if (unsavedRef.current.size > 0) void save();
    return () => {
      window.clearInterval(interval);
      window.removeEventListener('blur', blur);
      window.removeEventListener('focus', back);
      document.removeEventListener('visibilitychange', hidden);
      window.removeEventListener('online', flush);
    };
    // Once per opened workspace.
  }, [session]);

  const open = (path: string) => {
    setActive(path);
    editor.current?.open(path);
    record({ type: 'open', t: t(), file: path });
    window.clearTimeout(timers.current.draft);
    timers.current.draft = window.setTimeout(writeDraft, DRAFT_DELAY_MS);
  };

  async function runTests() {
    if (!session) return;
    setRunning(true);
    setRunError(undefined);
    setPanel('tests');
    try {
      if (!(await save())) throw new Error('your latest changes could not be saved yet, so the tests would run an older version; try again when you are back online');
      const started = await apiCall('startRun', { token: session.token });
      let status = started;
      while (status.status !== 'done') {
        await new Promise((resolve) => setTimeout(resolve, 600));
        status = await apiCall('run', { token: session.token, params: { id: started.runId } });
      }
      setRun(status);
      const tests = status.result?.tests ?? [];
      record({ type: 'run', t: t(), runId: started.runId, passed: tests.filter((x) => x.status === 'passed').length, total: tests.length });
    } catch (error) {
      setRunError(error);
    } finally {
      setRunning(false);
    }
  }

  async function submit(): Promise<void> {
    if (!session) return;
    if (!(await save())) throw new Error('your latest changes are not saved yet (you seem to be offline); they are kept in this browser, submit again when you are back online');
    await session.outbox.flush().catch(() => undefined);
    try {
      await apiCall('submit', { token: session.token });
    } catch (error) {
      if (!(error instanceof ApiCallError && error.offline)) throw error;
      // The answer was lost, not necessarily the submit: ask the server what it has.
      const submitted = await submittedOnServer(session.token);
      if (submitted === undefined) throw new Error('the server cannot be reached right now; your work is kept in this browser, submit again in a moment');
      if (!submitted) throw new Error('your submit did not reach the server; your work is kept, submit again');
    }
    session.onSubmitted();
  }

  const activeFile = files.find((f) => f.path === active);
  const isDesign = active === DESIGN_DOC_PATH;
  return (
    <div className="workspace">
      <header className="workspace-bar">
        <strong>{attempt.challengeTitle}</strong>
        {mode === 'preview' ? <span className="badge info">Preview: nothing is saved, recorded, run or graded</span> : <SaveIndicator state={saveState.kind === 'saved' && unsaved.size > 0 ? { kind: 'saving' } : saveState} />}
        <span className="spacer" />
        <Countdown deadline={Date.parse(attempt.deadline)} clock={clock} running={mode === 'live'} onTimeUp={() => void submit().catch(() => session?.onSubmitted())} />
        <button type="button" onClick={() => void runTests()} disabled={mode === 'preview' || running} title={mode === 'preview' ? 'Runs are off in preview' : undefined}>
          {running ? 'Running…' : 'Run tests'}
        </button>
        <button type="button" className="primary" onClick={() => setConfirming(true)} disabled={mode === 'preview'}>
          Submit
        </button>
      </header>
      <div className="workspace-body">
        <aside className="workspace-side">
          <div role="tablist" aria-label="Prompt and tests" className="tabs">
            <button role="tab" type="button" aria-selected={panel === 'prompt'} onClick={() => setPanel('prompt')}>
              Prompt
            </button>
            <button role="tab" type="button" aria-selected={panel === 'tests'} onClick={() => setPanel('tests')}>
              Test results
            </button>
          </div>
          <div role="tabpanel" className="side-panel">
            {panel === 'prompt' ? <MarkdownView source={attempt.prompt} label="Prompt" /> : null}
            {panel === 'tests' ? (
              <>
                <ErrorMessage error={runError} />
                <RunResults run={run} running={running} />
              </>
            ) : null}
          </div>
        </aside>
        <section className="workspace-main" aria-label="Code">
          <FileTree files={files} active={active} unsaved={unsaved} onOpen={open} />
          <div className={isDesign ? 'editor-split' : 'editor-single'}>
            <div className="editor-pane">
              {activeFile && !activeFile.editable ? <p className="notice">{active} is read-only: it is part of the challenge.</p> : null}
              <CodeEditor ref={editor} files={files} active={active} cursors={session?.restored.cursors} handlers={handlers} label={`Editor: ${active}`} />
            </div>
            {isDesign ? (
              <div className="design-preview" aria-label="DESIGN.md preview">
                <MarkdownView source={designText} />
              </div>
            ) : null}
          </div>
        </section>
      </div>
      {confirming ? <SubmitDialog unsaved={unsaved.size} onCancel={() => setConfirming(false)} onSubmit={submit} /> : null}
    </div>
  );
}

function SaveIndicator({ state }: { state: SaveState }) {
  const text = { saved: 'All changes saved', saving: 'Saving…', offline: 'Offline: your work is kept in this browser and saved when you are back', error: '' }[state.kind];
  return (
    <span className={`save-state ${state.kind}`} role="status" aria-live="polite" data-testid="save-state">
      {state.kind === 'error' ? `Not saved: ${state.message}` : text}
    </span>
  );
}
