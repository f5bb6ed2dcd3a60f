import type { RecordedEvent } from '@assay/contract';
import { applyFileChange, recordStore } from './file-change.js';
import { fileTexts } from './file-texts.js';
import { GapBuffer, type FrozenText } from './gap-buffer.js';
import type { Replay, ReplayFrame, ReplayMarker } from './replay-types.js';

export interface ReplayOptions {
  /** A full copy of every file is kept every this many events: seeking applies at most this many. */
  keyframeEvery?: number;
  /** Gaps longer than this are idle time, skippable when playing. */
  idleAfterMs?: number;
}

/** The state after an event: what a seek rebuilds. */
interface FrameState {
  eventIndex: number;
  files: Record<string, string>;
  activeFile: string | null;
  selection: ReplayFrame['selection'];
  focused: boolean;
}

/** The state kept every N events, its files as frozen copies that become strings on first use. */
type Keyframe = Omit<FrameState, 'files'> & { files: ReadonlyArray<readonly [string, FrozenText]> };

const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

const REACHES_PAST_END = 'an edit reaches past the end of the file; clamped';

/** Applies one edit to a string (seeking from a keyframe); clamped as GapBuffer.replace is. */
function applyEdit(text: string, changes: Extract<RecordedEvent, { type: 'edit' }>['changes']): string {
  for (const change of changes) {
    const offset = Math.min(change.offset, text.length);
    text = text.slice(0, offset) + change.text + text.slice(Math.min(text.length, offset + change.length));
  }
  return text;
}

function markerOf(event: RecordedEvent, eventIndex: number): ReplayMarker | null {
  switch (event.type) {
    case 'run':
      return { t: event.t, kind: 'run', eventIndex, label: event.total === undefined ? 'Ran the tests' : `Ran tests: ${event.passed ?? 0}/${event.total} passed` };
    case 'paste':
      return { t: event.t, kind: 'paste', eventIndex, label: `Pasted ${plural(event.size, 'character')} (${plural(event.lines, 'line')}) into ${event.file}` };
    case 'focus':
      return { t: event.t, kind: event.focused ? 'focus-back' : 'focus-lost', eventIndex, label: event.focused ? 'Came back to the assessment' : 'Left the assessment window' };
    case 'create':
      return { t: event.t, kind: 'file', eventIndex, label: `Created ${event.file}` };
    case 'rename':
      return { t: event.t, kind: 'file', eventIndex, label: `Renamed ${event.file} to ${event.to}` };
    case 'delete':
      return { t: event.t, kind: 'file', eventIndex, label: `Deleted ${event.file}` };
    default:
      return null;
  }
}

/**
 * Opens a recorded session for replay. Events are ordered by seq; the files start from the
 * first snapshot (a later snapshot resets them, as a reload did). Keyframes, full copies of the
 * state every N events, are built once here, so `frameAt` costs one binary search and at most N
 * applied events wherever the reviewer seeks, however long the session.
 */
export function openReplay(input: readonly RecordedEvent[], { keyframeEvery = 200, idleAfterMs = 30_000 }: ReplayOptions = {}): Replay & { problems: readonly string[] } {
  // Time never runs backwards on the timeline, whatever the clocks of two page loads said.
  let latest = 0;
  const events = [...input].sort((a, b) => a.seq - b.seq).map((event) => (event.t >= latest ? ((latest = event.t), event) : { ...event, t: latest }));
  const problems: string[] = [];
  const keyframes: Keyframe[] = [];
  const markers: ReplayMarker[] = [];
  const state: FrameState = { eventIndex: -1, files: fileTexts(), activeFile: null, selection: null, focused: true };
  keyframes.push({ ...state, files: [] });

  const apply = (target: FrameState, event: RecordedEvent, index: number) => {
    switch (event.type) {
      case 'snapshot':
        target.files = fileTexts(Object.entries(event.files));
        break;
      case 'edit':
        target.files[event.file] = applyEdit(target.files[event.file] ?? '', event.changes);
        break;
      case 'open':
        target.activeFile = event.file;
        break;
      case 'create':
      case 'rename':
      case 'delete':
        applyFileChange(recordStore(target.files), event, () => '');
        if (target.activeFile === event.file) target.activeFile = event.type === 'rename' ? event.to : null;
        break;
      case 'select':
        target.selection = { file: event.file, anchor: event.anchor, head: event.head };
        break;
      case 'focus':
        target.focused = event.focused;
        break;
      default:
        break;
    }
    target.eventIndex = index;
  };

  // Files are edited in gap buffers; a keyframe freezes them (unchanged files share their copy).
  const buffers = new Map<string, GapBuffer>();
  events.forEach((event, index) => {
    if (event.type === 'snapshot') {
      buffers.clear();
      for (const [file, text] of Object.entries(event.files)) buffers.set(file, new GapBuffer(text));
    } else if (event.type === 'edit') {
      let buffer = buffers.get(event.file);
      if (!buffer) buffers.set(event.file, (buffer = new GapBuffer('')));
      for (const change of event.changes) {
        if (change.offset + change.length > buffer.length) problems.push(`event ${event.seq}: ${REACHES_PAST_END}`);
        buffer.replace(change.offset, change.length, change.text);
      }
    } else {
      if (event.type === 'create' || event.type === 'rename' || event.type === 'delete') applyFileChange(buffers, event, () => new GapBuffer(''));
      apply(state, event, index);
    }
    state.eventIndex = index;
    const marker = markerOf(event, index);
    if (marker) markers.push(marker);
    if ((index + 1) % keyframeEvery === 0) keyframes.push({ ...state, files: [...buffers].map(([file, buffer]) => [file, buffer.freeze()] as const) });
  });

  const durationMs = events.at(-1)?.t ?? 0;
  const idleSpans: Array<{ start: number; end: number }> = [];
  for (let i = 1; i < events.length; i++) {
    const gap = events[i]!.t - events[i - 1]!.t;
    if (gap > idleAfterMs) idleSpans.push({ start: events[i - 1]!.t, end: events[i]!.t });
  }

  /** Index of the last event with t ≤ time (-1 if none): a binary search, t never decreasing. */
  const lastIndexAt = (time: number) => {
    let lo = 0;
    let hi = events.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (events[mid]!.t <= time) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };

  return {
    events,
    durationMs,
    markers,
    idleSpans,
    problems,
    activity(buckets) {
      const counts = new Array<number>(buckets).fill(0);
      for (const event of events) {
        if (event.type !== 'edit' && event.type !== 'paste') continue;
        const bucket = durationMs === 0 ? 0 : Math.min(buckets - 1, Math.floor((event.t / durationMs) * buckets));
        counts[bucket]! += 1;
      }
      return counts;
    },
    frameAt(t) {
      const time = Math.max(0, Math.min(t, durationMs));
      const last = lastIndexAt(time);
      const keyframe = keyframes[Math.floor((last + 1) / keyframeEvery)]!;
      const frame: FrameState = { ...keyframe, files: fileTexts(keyframe.files.map(([file, text]) => [file, text.toString()])) };
      for (let i = keyframe.eventIndex + 1; i <= last; i++) apply(frame, events[i]!, i);
      return { t: time, files: frame.files, activeFile: frame.activeFile, selection: frame.selection, focused: frame.focused, eventIndex: last };
    },
  };
}
