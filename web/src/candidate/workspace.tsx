import { useCallback, useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { createPathRules, DESIGN_DOC_PATH, type CandidateAttempt, type RunStatus, type UnnumberedEvent } from '@assay/contract';
import { apiCall, ApiCallError } from '../api/api-call.js';
import { CodeEditor, type CodeEditorHandle, type EditorFile } from '../editor/code-editor.js';
import { MarkdownView } from '../markdown/markdown-view.js';
import type { EventOutbox } from '../recording/event-outbox.js';
import { ErrorMessage } from '../ui/error-message.js';
import { PaneDivider } from '../ui/pane-divider.js';
import { usePaneSize } from '../ui/use-pane-size.js';
import { Countdown } from './countdown.js';
import { FileTree, type FileActions, type FileRole } from './file-tree.js';
import { problemLocation, sharedFailure } from './run-problem.js';
import { RunResults } from './run-results.js';
import { TestSources } from './test-sources.js';
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
  restored: { unsaved: string[]; deleted: string[]; activeFile: string | null; cursors: Record<string, number> };
  onSubmitted(): void;
}

const SAVE_DELAY_MS = 1_000;
const DRAFT_DELAY_MS = 250;
const RETRY_MS = 3_000;
const FLUSH_EVERY_MS = 2_000;
// The editor keeps at least EDITOR_MIN pixels however the panes beside it are dragged.
const EDITOR_MIN = 420;
const SIDE_MIN = 260;
const FILES_MIN = 150;
const sideMax = () => window.innerWidth - EDITOR_MIN - FILES_MIN;
const filesMax = () => Math.min(480, window.innerWidth - EDITOR_MIN - SIDE_MIN);
const PANELS = [
  ['prompt', 'Prompt'],
  ['results', 'Test results'],
  ['sources', 'Visible tests'],
] as const;

/**
 * The candidate's workspace: prompt, files, editor, tests, timer. In `live` mode every change is
 * kept in this browser first, autosaved and recorded; in `preview` (an admin trying a challenge)
 * nothing is saved, recorded, run or graded.
 */
export function Workspace({ attempt, mode, live }: { attempt: CandidateAttempt; mode: 'live' | 'preview'; live?: LiveSession }) {
  const session = mode === 'live' ? live : undefined;
  const clock = useMemo(() => createServerClock(attempt.serverTime), [attempt.serverTime]);
  const rules = useMemo(() => createPathRules(attempt.rules), [attempt.rules]);
  const starterPaths = useMemo(() => new Set(attempt.rules.starter.map((f) => f.path)), [attempt.rules]);
  const roleOf = (path: string): FileRole => (rules.kindOf(path) === 'read-only' ? 'read-only' : starterPaths.has(path) || path === DESIGN_DOC_PATH ? 'editable' : 'created');
  const [files, setFiles] = useState<EditorFile[]>(() => attempt.files.map((f) => ({ path: f.path, content: f.content, editable: f.editable })));
  const filesRef = useRef(files);
  filesRef.current = files;
  const firstFile = files.find((f) => f.editable)?.path ?? files[0]?.path ?? '';
  const [active, setActive] = useState(session?.restored.activeFile && files.some((f) => f.path === session.restored.activeFile) ? session.restored.activeFile : firstFile);
  const contents = useRef(Object.fromEntries(files.map((f) => [f.path, f.content])));
  const [unsaved, setUnsaved] = useState<Set<string>>(() => new Set(session?.restored.unsaved ?? []));
  const unsavedRef = useRef(unsaved);
  unsavedRef.current = unsaved;
  /** Paths deleted (or renamed away) here that the server still holds. */
  const [deleted, setDeleted] = useState<Set<string>>(() => new Set(session?.restored.deleted ?? []));
  const deletedRef = useRef(deleted);
  deletedRef.current = deleted;
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'saved' });
  const [designText, setDesignText] = useState(contents.current[DESIGN_DOC_PATH] ?? '');
  const [sideWidth, setSideWidth] = usePaneSize('side', Math.round(window.innerWidth * 0.34), SIDE_MIN, sideMax);
  const [filesWidth, setFilesWidth] = usePaneSize('files', 220, FILES_MIN, filesMax);
  const [panel, setPanel] = useState<'prompt' | 'results' | 'sources'>('prompt');
  const [focusedTest, setFocusedTest] = useState<string | null>(null);
  const [run, setRun] = useState<RunStatus | null>(attempt.lastRun?.status === 'done' ? attempt.lastRun : null);
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
    void session.saveDraft({ files: contents.current, unsaved: [...unsavedRef.current], deleted: [...deletedRef.current], activeFile: active, cursors: cursors.current });
  }, [session, active]);

  const save = useCallback(async (): Promise<boolean> => {
    if (!session) return true;
    window.clearTimeout(timers.current.save);
    const paths = [...unsavedRef.current].filter((p) => filesRef.current.find((f) => f.path === p)?.editable);
    const gone = [...deletedRef.current];
    if (paths.length === 0 && gone.length === 0) {
      setSaveState({ kind: 'saved' });
      return true;
    }
    const sent = Object.fromEntries(paths.map((p) => [p, contents.current[p]!]));
    setSaveState({ kind: 'saving' });
    try {
      await apiCall('saveFiles', { token: session.token, body: { files: paths.map((path) => ({ path, content: sent[path]! })), deleted: gone } });
      // Only what is still as it was sent counts as saved; newer typing stays unsaved.
      setUnsaved((previous) => {
        const next = new Set([...previous].filter((p) => contents.current[p] !== sent[p]));
        unsavedRef.current = next;
        return next;
      });
      // A path deleted then created again while the save was out is no longer a deletion.
      setDeleted((previous) => {
        const next = new Set([...previous].filter((p) => !gone.includes(p)));
        deletedRef.current = next;
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
  }, [session, writeDraft]);

  const scheduleSave = useCallback(() => {
    window.clearTimeout(timers.current.draft);
    timers.current.draft = window.setTimeout(writeDraft, DRAFT_DELAY_MS);
    window.clearTimeout(timers.current.save);
    timers.current.save = window.setTimeout(() => void save(), SAVE_DELAY_MS);
  }, [writeDraft, save]);

  const markUnsaved = (add: string[], remove: string[]) => {
    const next = new Set([...unsavedRef.current, ...add].filter((p) => !remove.includes(p)));
    unsavedRef.current = next;
    setUnsaved(next);
  };
  const markDeleted = (add: string[], remove: string[]) => {
    const next = new Set([...deletedRef.current, ...add].filter((p) => !remove.includes(p)));
    deletedRef.current = next;
    setDeleted(next);
  };

  const onChange = useCallback(
    (path: string, content: string, changes: Array<{ offset: number; length: number; text: string }>) => {
      contents.current[path] = content;
      if (path === DESIGN_DOC_PATH) setDesignText(content);
      if (!session) return;
      record({ type: 'edit', t: t(), file: path, changes });
      if (!unsavedRef.current.has(path)) markUnsaved([path], []);
      scheduleSave();
    },
    [session, record, t, scheduleSave],
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

  // Set at once, not at the next render: a folder's rename or deletion is one change per file in a row.
  const replaceFiles = (next: EditorFile[]) => {
    filesRef.current = next;
    setFiles(next);
  };

  // Every change is judged again here by the rules the tree already applied: the handle is the last gate before the recording.
  const fileActions: FileActions = {
    open,
    create(path) {
      if (rules.createProblem(path, filesRef.current.map((f) => f.path))) return;
      const file = { path, content: '', editable: true };
      contents.current[path] = '';
      replaceFiles([...filesRef.current, file]);
      editor.current?.add(file);
      record({ type: 'create', t: t(), file: path });
      markUnsaved([path], []);
      markDeleted([], [path]);
      open(path);
      scheduleSave();
    },
    rename(from, to) {
      const others = filesRef.current.map((f) => f.path).filter((p) => p !== from);
      if (rules.deleteProblem(from) || rules.createProblem(to, others)) return;
      const file = { path: to, content: contents.current[from] ?? '', editable: true };
      contents.current[to] = file.content;
      delete contents.current[from];
      replaceFiles(filesRef.current.map((f) => (f.path === from ? file : f)));
      editor.current?.add(file);
      record({ type: 'rename', t: t(), file: from, to });
      if (active === from) open(to);
      editor.current?.remove(from);
      markUnsaved([to], [from]);
      markDeleted([from], [to]);
      scheduleSave();
    },
    remove(path) {
      if (rules.deleteProblem(path)) return;
      delete contents.current[path];
      const rest = filesRef.current.filter((f) => f.path !== path);
      replaceFiles(rest);
      record({ type: 'delete', t: t(), file: path });
      if (active === path) open(rest.find((f) => f.editable)?.path ?? rest[0]?.path ?? '');
      editor.current?.remove(path);
      markUnsaved([], [path]);
      markDeleted([path], []);
      scheduleSave();
    },
  };

  // A failure that names a file and line of the attempt is marked there in the editor.
  useEffect(() => {
    const failure = run?.result && (sharedFailure(run.result.tests) ?? (run.result.verdict === 'compile_error' ? run.result.summary : null));
    const location = failure ? problemLocation(failure, files.map((f) => f.path)) : null;
    editor.current?.mark(location && failure ? { ...location, message: failure } : null);
  }, [run, files]);

  // A run still going when the page was reloaded shows its results when it ends.
  useEffect(() => {
    const pending = attempt.lastRun;
    if (!session || pending?.status !== 'queued') return;
    setRunning(true);
    void finished(session.token, pending)
      .then(setRun, setRunError)
      .finally(() => setRunning(false));
    // Once per opened workspace.
  }, [session]);

  const showTest = (name: string) => {
    setFocusedTest(name);
    setPanel('sources');
  };

  async function runTests() {
    if (!session) return;
    setRunning(true);
    setRunError(undefined);
    setPanel('results');
    try {
      if (!(await save())) throw new Error('your latest changes could not be saved yet, so the tests would run an older version; try again when you are back online');
      const started = await apiCall('startRun', { token: session.token });
      const status = await finished(session.token, started);
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
  // The page's main landmark, except in an admin's preview, which sits inside the admin page's.
  const Body = mode === 'live' ? 'main' : 'div';
  return (
    <div className="workspace">
      <header className="workspace-bar">
        <strong>{attempt.challengeTitle}</strong>
        {mode === 'preview' ? <span className="badge info">Preview: nothing is saved, recorded, run or graded</span> : <SaveIndicator state={saveState.kind === 'saved' && unsaved.size + deleted.size > 0 ? { kind: 'saving' } : saveState} />}
        <span className="spacer" />
        <Countdown deadline={Date.parse(attempt.deadline)} clock={clock} running={mode === 'live'} onTimeUp={() => void submit().catch(() => session?.onSubmitted())} />
        <button type="button" onClick={() => void runTests()} disabled={mode === 'preview' || running} title={mode === 'preview' ? 'Runs are off in preview' : undefined}>
          {running ? 'Running…' : 'Run tests'}
        </button>
        <button type="button" className="primary" onClick={() => setConfirming(true)} disabled={mode === 'preview'}>
          Submit
        </button>
      </header>
      <Body className="workspace-body" style={{ '--side-width': `${sideWidth}px` } as CSSProperties}>
        <aside className="workspace-side" aria-label="Prompt and tests">
          <div role="tablist" aria-label="Prompt and tests" className="tabs">
            {PANELS.map(([id, title]) => (
              <button key={id} role="tab" type="button" id={`tab-${id}`} aria-controls="side-panel" aria-selected={panel === id} onClick={() => setPanel(id)}>
                {title}
              </button>
            ))}
          </div>
          <div role="tabpanel" id="side-panel" aria-labelledby={`tab-${panel}`} className="side-panel" tabIndex={0}>
            {panel === 'prompt' ? <MarkdownView source={attempt.prompt} label="Prompt" /> : null}
            {panel === 'results' ? (
              <>
                <ErrorMessage error={runError} />
                <RunResults run={run} running={running} onPick={showTest} />
              </>
            ) : null}
            {panel === 'sources' ? <TestSources suites={attempt.publicTests} focus={focusedTest} /> : null}
          </div>
        </aside>
        <PaneDivider label="Width of the prompt and tests" size={sideWidth} min={SIDE_MIN} max={sideMax()} onResize={setSideWidth} />
        <section className="workspace-main" aria-label="Code" style={{ '--files-width': `${filesWidth}px` } as CSSProperties}>
          <FileTree files={files} active={active} unsaved={unsaved} roleOf={roleOf} rules={rules} actions={fileActions} editable={mode === 'live'} />
          <PaneDivider label="Width of the file list" size={filesWidth} min={FILES_MIN} max={filesMax()} onResize={setFilesWidth} />
          <div className={isDesign ? 'editor-split' : 'editor-single'}>
            <div className="editor-pane">
              {activeFile && !activeFile.editable ? <p className="notice">{active} is read-only: it is part of the challenge.</p> : null}
              <CodeEditor ref={editor} files={files} active={active} cursors={session?.restored.cursors} handlers={handlers} label={`Editor: ${active}`} autoFocus={mode === 'live'} />
            </div>
            {isDesign ? (
              <div className="design-preview" aria-label="DESIGN.md preview">
                <MarkdownView source={designText} />
              </div>
            ) : null}
          </div>
        </section>
      </Body>
      {confirming ? <SubmitDialog unsaved={unsaved.size} onCancel={() => setConfirming(false)} onSubmit={submit} /> : null}
    </div>
  );
}

/** Polls a visible-test run until it is done. */
async function finished(token: string, run: RunStatus): Promise<RunStatus> {
  let status = run;
  while (status.status !== 'done') {
    await new Promise((resolve) => setTimeout(resolve, 600));
    status = await apiCall('run', { token, params: { id: run.runId } });
  }
  return status;
}

function SaveIndicator({ state }: { state: SaveState }) {
  const text = { saved: 'All changes saved', saving: 'Saving…', offline: 'Offline: your work is kept in this browser and saved when you are back', error: '' }[state.kind];
  return (
    <span className={`save-state ${state.kind}`} role="status" aria-live="polite" data-testid="save-state">
      {state.kind === 'error' ? `Not saved: ${state.message}` : text}
    </span>
  );
}
