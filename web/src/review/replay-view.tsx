import { useEffect, useMemo, useRef, useState } from 'react';
import type * as Monaco from 'monaco-editor';
import { languageOf } from '../editor/code-editor.js';
import { loadMonaco } from '../editor/load-monaco.js';
import { createReplayClock, SPEEDS } from '../replay/replay-clock.js';
import { pastedRange, type TextRange } from '../replay/pasted-range.js';
import type { Replay, ReplayMarker } from '../replay/replay-types.js';
import { Loading } from '../ui/loading.js';
import { clockTime, ReplayScrubber } from './replay-scrubber.js';

/**
 * The session replayed: play, pause, 1–32×, skip idle time, a scrubber with activity and
 * markers, a marker list to jump from, and a read-only editor that follows the candidate's file
 * switches and selection. Frames come from the replay engine's keyframes, so seeking is instant.
 */
export function ReplayView({ replay, submitted }: { replay: Replay; submitted: ReadonlyMap<string, string> }) {
  // The replay opens where the recording starts (its first snapshot), on the first file the candidate opened.
  const startMs = replay.events[0]?.t ?? 0;
  const firstOpened = useMemo(() => replay.events.find((e) => e.type === 'open')?.file, [replay]);
  const clock = useMemo(() => {
    const created = createReplayClock({ durationMs: replay.durationMs, idleSpans: replay.idleSpans });
    created.seek(startMs);
    return created;
  }, [replay, startMs]);
  const [position, setPosition] = useState(startMs);
  const [highlight, setHighlight] = useState<TextRange | null>(null);
  const [, rerender] = useState(0);
  const frame = useMemo(() => replay.frameAt(position), [replay, position]);
  const activity = useMemo(() => replay.activity(120), [replay]);
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<Monaco.editor.IStandaloneCodeEditor>(null);
  const models = useRef(new Map<string, Monaco.editor.ITextModel>());
  const pasted = useRef<Monaco.editor.IEditorDecorationsCollection>(null);
  const [monaco, setMonaco] = useState<typeof Monaco>();

  useEffect(() => {
    void loadMonaco().then(setMonaco);
  }, []);
  useEffect(() => {
    if (!monaco || !host.current) return;
    editor.current = monaco.editor.create(host.current, { readOnly: true, automaticLayout: true, minimap: { enabled: false }, ariaLabel: 'Replayed editor', scrollBeyondLastLine: false });
    pasted.current = editor.current.createDecorationsCollection();
    return () => {
      editor.current?.dispose();
      for (const model of models.current.values()) model.dispose();
      models.current.clear();
    };
  }, [monaco]);

  const shownPath = highlight?.file ?? frame.activeFile ?? (firstOpened !== undefined && firstOpened in frame.files ? firstOpened : Object.keys(frame.files)[0]);
  // Show the frame: the candidate's open file with its text and selection at this moment, and a paste jumped to, marked.
  useEffect(() => {
    const instance = editor.current;
    const path = shownPath;
    if (!monaco || !instance || !path) return;
    let model = models.current.get(path);
    if (!model) {
      model = monaco.editor.createModel('', languageOf(path));
      models.current.set(path, model);
    }
    const text = frame.files[path] ?? '';
    if (model.getValue() !== text) model.setValue(text);
    if (instance.getModel() !== model) instance.setModel(model);
    const selection = frame.selection;
    if (selection && selection.file === path) {
      const anchor = model.getPositionAt(selection.anchor);
      const head = model.getPositionAt(selection.head);
      instance.setSelection(new monaco.Selection(anchor.lineNumber, anchor.column, head.lineNumber, head.column));
      instance.revealPositionInCenterIfOutsideViewport(head);
    }
    if (highlight && highlight.file === path) {
      const range = monaco.Range.fromPositions(model.getPositionAt(highlight.start), model.getPositionAt(highlight.end));
      pasted.current?.set([{ range, options: { className: 'replay-pasted', hoverMessage: { value: 'Pasted here' }, overviewRuler: { color: '#d97706', position: monaco.editor.OverviewRulerLane.Full } } }]);
      instance.revealRangeInCenterIfOutsideViewport(range);
    } else pasted.current?.clear();
  }, [monaco, frame, shownPath, highlight]);

  // Playing: advance with the display's frames.
  useEffect(() => {
    if (!clock.playing) return;
    let handle = requestAnimationFrame(function step(now) {
      setPosition(clock.advance(now));
      if (clock.playing) handle = requestAnimationFrame(step);
      else rerender((n) => n + 1);
    });
    return () => cancelAnimationFrame(handle);
  }, [clock, clock.playing]);

  const seek = (t: number) => {
    clock.seek(t);
    setPosition(clock.position);
    setHighlight(null);
  };
  /** A moment jumped to: a paste shows what was pasted, marked in the editor. */
  const jump = (marker: ReplayMarker) => {
    seek(marker.t);
    if (marker.kind === 'paste') setHighlight(pastedRange(replay.events, marker.eventIndex));
  };
  const toggle = () => {
    setHighlight(null);
    if (clock.playing) clock.pause();
    else clock.play(performance.now());
    rerender((n) => n + 1);
  };
  const atEnd = position >= replay.durationMs;
  const matches = atEnd ? [...submitted].every(([path, content]) => frame.files[path] === undefined || frame.files[path] === content) : null;

  return (
    <section aria-labelledby="replay-title" className="replay">
      <h2 id="replay-title">Replay</h2>
      <div className="row replay-controls">
        <button type="button" className="primary" onClick={toggle} aria-label={clock.playing ? 'Pause' : 'Play'}>
          {clock.playing ? 'Pause' : 'Play'}
        </button>
        <label className="inline">
          Speed
          <select value={clock.speed} onChange={(e) => (clock.setSpeed(Number(e.target.value)), rerender((n) => n + 1))}>
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
        </label>
        <label className="inline">
          <input type="checkbox" checked={clock.skipIdle} onChange={(e) => (clock.setSkipIdle(e.target.checked), rerender((n) => n + 1))} /> Skip idle time
        </label>
        <button type="button" onClick={() => seek(replay.durationMs)}>
          Jump to the end
        </button>
        <span className="muted" data-testid="replay-time">
          {clockTime(position)} / {clockTime(replay.durationMs)} · {shownPath ?? 'no files yet'}
          {highlight ? ' · the pasted text is marked' : ''}
          {frame.focused ? '' : ' · candidate away from the window'}
        </span>
        <span className="muted" data-testid="replay-files">
          Files: {Object.keys(frame.files).sort().join(', ') || 'none'}
        </span>
        {matches === null ? null : (
          <span className={`badge ${matches ? 'good' : 'bad'}`} data-testid="replay-match">
            {matches ? 'matches the submitted files' : 'differs from the submitted files'}
          </span>
        )}
      </div>
      <ReplayScrubber durationMs={replay.durationMs} position={position} activity={activity} markers={replay.markers} onSeek={seek} onJump={jump} />
      <div className="replay-body">
        <div className="replay-editor">
          {!monaco ? <Loading label="Loading the editor" /> : null}
          <div ref={host} className="replay-host" data-testid="replay-editor" />
        </div>
        <nav aria-label="Moments" className="marker-list">
          <h3>Moments</h3>
          {replay.markers.length === 0 ? <p className="muted">No runs, pastes, focus changes or new, renamed or deleted files were recorded.</p> : null}
          <ol>
            {replay.markers.map((m) => (
              <li key={m.eventIndex}>
                <button type="button" className="link" onClick={() => jump(m)}>
                  {clockTime(m.t)} {m.label}
                </button>
              </li>
            ))}
          </ol>
        </nav>
      </div>
    </section>
  );
}
