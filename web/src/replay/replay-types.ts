import type { RecordedEvent } from '@assay/contract';

/** Everything visible in the editor at one moment of a recorded session. */
export interface ReplayFrame {
  /** Milliseconds since the attempt started. */
  t: number;
  files: Readonly<Record<string, string>>;
  /** The file the candidate had open (null before the first `open`). */
  activeFile: string | null;
  selection: { file: string; anchor: number; head: number } | null;
  focused: boolean;
  /** Index into the session's events of the last event applied (-1: none yet). */
  eventIndex: number;
}

export type ReplayMarkerKind = 'run' | 'paste' | 'focus-lost' | 'focus-back' | 'file';

/** Something a reviewer wants to jump to: a test run (with its pass count), a paste, leaving the window, a file created, renamed or deleted. */
export interface ReplayMarker {
  t: number;
  kind: ReplayMarkerKind;
  /** Plain words, e.g. "Ran tests: 12/19 passed", "Pasted 1,204 characters (38 lines) into src/limiter.ts". */
  label: string;
  eventIndex: number;
}

/** A recorded session opened for replay: seek anywhere fast (keyframes), markers, idle time. */
export interface Replay {
  readonly events: readonly RecordedEvent[];
  readonly durationMs: number;
  readonly markers: readonly ReplayMarker[];
  /** Stretches with no activity longer than the idle threshold, for "skip idle time". */
  readonly idleSpans: ReadonlyArray<{ start: number; end: number }>;
  /** Activity per bucket over the whole session, for the scrubber's heat strip. */
  activity(buckets: number): number[];
  /** The frame at time `t` (clamped to the session). */
  frameAt(t: number): ReplayFrame;
}
