import { gzipSync } from 'node:zlib';
import { rebuildNaively } from '../web/src/replay/naive-rebuild.js';
import { openReplay } from '../web/src/replay/open-replay.js';
import { prng, typingSession } from '../web/src/replay/random-session.js';
import { summarize, type Summary } from './stats.js';

export interface ReplayFigures {
  events: number;
  edits: number;
  /** Bytes of the events as the API stores them today: one JSON document per event. */
  storedJsonBytes: number;
  /** The same batches deflated (500 events each): what a compressed batch store would hold. */
  gzipBatchBytes: number;
  openMs: number;
  seekMs: Summary;
  /** Baseline in the same run: rebuilding the files from the first event at each point. */
  naiveSeekMs: Summary;
  /** Every sampled seek equalled the naive reconstruction. */
  correct: boolean;
}

/** A generated 100,000-edit session: bytes stored, time to open, seek times, checked against a naive rebuild. */
export function replayBenchmark({ smoke }: { smoke: boolean }): ReplayFigures {
  const events = typingSession(42, smoke ? 5_000 : 100_000);
  const edits = events.filter((e) => e.type === 'edit').length;
  const storedJsonBytes = events.reduce((sum, e) => sum + Buffer.byteLength(JSON.stringify(e)), 0);
  let gzipBatchBytes = 0;
  for (let i = 0; i < events.length; i += 500) gzipBatchBytes += gzipSync(JSON.stringify(events.slice(i, i + 500))).length;

  const opened = performance.now();
  const replay = openReplay(events);
  const openMs = performance.now() - opened;

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
  return { events: events.length, edits, storedJsonBytes, gzipBatchBytes, openMs, seekMs: summarize(seeks), naiveSeekMs: summarize(naive), correct };
}
