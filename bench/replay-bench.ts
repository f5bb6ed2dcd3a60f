import { isDeepStrictEqual } from 'node:util';
import { decodeEventChunk, encodeEventChunk } from '../api/src/attempts/event-chunk-codec.js';
import { CHUNK_EVENTS } from '../api/src/attempts/event-store.js';
import type { RecordedEvent } from '@assay/contract';
import { rebuildNaively } from '../web/src/replay/naive-rebuild.js';
import { openReplay } from '../web/src/replay/open-replay.js';
import { prng, typingSession } from '../web/src/replay/random-session.js';
import { summarize, type Summary } from './stats.js';

export interface ReplayFigures {
  events: number;
  edits: number;
  /** Bytes as the API stores a session once compacted: chunks of CHUNK_EVENTS (event-store.ts). */
  storedBytes: number;
  /** Of those, the full-file snapshots a page load records. */
  snapshotBytes: number;
  /** Baseline: one JSON document per event, as events arrive and as they were stored before chunks. */
  jsonBytes: number;
  /** Decoding the stored chunks and opening the replay (keyframes, markers, idle spans): the median of five, and the first. */
  openMs: number;
  firstOpenMs: number;
  decodeMs: number;
  seekMs: Summary;
  /** Baseline in the same run: rebuilding the files from the first event at each point. */
  naiveSeekMs: Summary;
  /** The chunks decoded to the session exactly, and every sampled seek equalled the naive reconstruction. */
  correct: boolean;
}

/** A generated 100,000-edit session: bytes stored, time to open, seek times, checked against a naive rebuild. */
export function replayBenchmark({ smoke }: { smoke: boolean }): ReplayFigures {
  const events = typingSession(42, smoke ? 5_000 : 100_000);
  const edits = events.filter((e) => e.type === 'edit').length;
  const jsonBytes = events.reduce((sum, e) => sum + Buffer.byteLength(JSON.stringify(e)), 0);
  const chunks: Buffer[] = [];
  for (let i = 0; i < events.length; i += CHUNK_EVENTS) chunks.push(encodeEventChunk(events.slice(i, i + CHUNK_EVENTS)));
  const storedBytes = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  // What the snapshots add: the same session stored with their files emptied.
  const withoutSnapshots = events.map((e) => (e.type === 'snapshot' ? { ...e, files: {} } : e));
  let snapshotBytes = storedBytes;
  for (let i = 0; i < events.length; i += CHUNK_EVENTS) snapshotBytes -= encodeEventChunk(withoutSnapshots.slice(i, i + CHUNK_EVENTS)).length;

  // Five opens: the first pays for compiling the decoder and the replay engine, as a reviewer's
  // first session does; the median is what opening costs after that.
  const opens: Array<{ decodeMs: number; openMs: number; decoded: RecordedEvent[]; replay: ReturnType<typeof openReplay> }> = [];
  for (let i = 0; i < (smoke ? 1 : 5); i++) {
    const opened = performance.now();
    const decoded = chunks.flatMap((chunk) => decodeEventChunk(chunk));
    const decodeMs = performance.now() - opened;
    const replay = openReplay(decoded);
    opens.push({ decodeMs, openMs: performance.now() - opened, decoded, replay });
  }
  const firstOpenMs = opens[0]!.openMs;
  const { decodeMs, openMs, decoded, replay } = [...opens].sort((a, b) => a.openMs - b.openMs)[Math.floor(opens.length / 2)]!;

  const random = prng(7);
  const seeks: number[] = [];
  for (let i = 0; i < (smoke ? 50 : 1_000); i++) {
    const t = random() * replay.durationMs;
    const started = performance.now();
    replay.frameAt(t);
    seeks.push(performance.now() - started);
  }
  const naive: number[] = [];
  let correct = true;
  for (let i = 0; i < (smoke ? 5 : 30); i++) {
    const t = random() * replay.durationMs;
    const started = performance.now();
    const expected = rebuildNaively(replay.events, t);
    naive.push(performance.now() - started);
    correct &&= JSON.stringify(replay.frameAt(t).files) === JSON.stringify(expected);
  }
  correct &&= isDeepStrictEqual(decoded, events);
  return { events: events.length, edits, storedBytes, snapshotBytes, jsonBytes, openMs, firstOpenMs, decodeMs, seekMs: summarize(seeks), naiveSeekMs: summarize(naive), correct };
}
