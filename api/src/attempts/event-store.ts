import { RecordedEvent, type EventBatch, type RecordingLimits } from '@assay/contract';
import type { Database } from '../db/database.js';
import { decodeEventChunk, encodeEventChunk } from './event-chunk-codec.js';

/** Stored events that start compaction; a submit compacts whatever is left. */
const COMPACT_AFTER = 5_000;
/** Events per chunk: larger chunks compress better (212 KB per 100,000 keystrokes at 5,000, 222 KB at 2,000). */
export const CHUNK_EVENTS = 5_000;

/**
 * An attempt's recorded events. A batch is stored as rows, each seq once, and acknowledged up
 * to the end of the unbroken run of stored seqs; runs that are acknowledged are compacted into
 * chunks (one JSON row per keystroke took ~110 bytes; a chunk ~2). Reads see both, in seq order.
 */
export function createEventStore({ db, limits, now }: { db: Database; limits: RecordingLimits; now: () => number }) {
  /** Moves every acknowledged event still stored as a row into chunks. */
  async function compact(attemptId: string): Promise<void> {
    await db.transaction(async (tx) => {
      const [position] = await tx.query<{ acked_seq: number; compacted_seq: number }>('SELECT acked_seq, compacted_seq FROM attempts WHERE id = $1 FOR UPDATE', [attemptId]);
      const { acked_seq: acked, compacted_seq: compacted } = position!;
      if (acked <= compacted) return;
      const rows = await tx.query<{ event: unknown }>('SELECT event FROM events WHERE attempt_id = $1 AND seq > $2 AND seq <= $3 ORDER BY seq', [attemptId, compacted, acked]);
      const events = RecordedEvent.array().parse(rows.map((row) => row.event));
      for (let i = 0; i < events.length; i += CHUNK_EVENTS) {
        const chunk = events.slice(i, i + CHUNK_EVENTS);
        await tx.query('INSERT INTO event_chunks (attempt_id, first_seq, last_seq, data) VALUES ($1, $2, $3, $4)', [attemptId, chunk[0]!.seq, chunk.at(-1)!.seq, encodeEventChunk(chunk)]);
      }
      await tx.query('DELETE FROM events WHERE attempt_id = $1 AND seq <= $2', [attemptId, acked]);
      await tx.query('UPDATE attempts SET compacted_seq = $2 WHERE id = $1', [attemptId, acked]);
    });
  }

  return {
    compact,

    /**
     * Stores each event once; returns the highest seq below which every event is stored, or
     * 'full' (storing nothing of the batch) when it would go past the attempt's recording cap.
     */
    async record(attemptId: string, batch: EventBatch): Promise<number | 'full'> {
      const acked = await db.transaction(async (tx) => {
        // The attempt's row lock first: compaction takes it too, so a re-sent event can never be
        // stored again as a row after its chunk was written.
        const [position] = await tx.query<{ acked_seq: number; compacted_seq: number; recorded_bytes: number }>('SELECT acked_seq, compacted_seq, recorded_bytes FROM attempts WHERE id = $1 FOR UPDATE', [attemptId]);
        const { acked_seq: from, compacted_seq: compacted, recorded_bytes: recorded } = position!;
        const stored = new Set((await tx.query<{ seq: number }>('SELECT seq FROM events WHERE attempt_id = $1 AND seq = ANY($2::int[])', [attemptId, batch.events.map((e) => e.seq)])).map((r) => r.seq));
        const fresh = batch.events.filter((event) => event.seq > compacted && !stored.has(event.seq));
        const bytes = fresh.reduce((sum, event) => sum + JSON.stringify(event).length, 0);
        if (fresh.some((event) => event.seq >= limits.maxEvents) || recorded + bytes > limits.maxBytes) {
          await tx.query('UPDATE attempts SET recording_full_at = COALESCE(recording_full_at, $2) WHERE id = $1', [attemptId, now()]);
          return 'full' as const;
        }
        if (fresh.length) {
          await tx.query('UPDATE attempts SET recorded_bytes = recorded_bytes + $2 WHERE id = $1', [attemptId, bytes]);
          // One statement for the whole batch: a round trip per event held the connection (and
          // the attempt's row lock) long enough to queue 500 autosaving candidates behind it.
          const values = fresh.map((_, i) => `($1, $${2 * i + 2}, $${2 * i + 3}::jsonb)`).join(', ');
          await tx.query(`INSERT INTO events (attempt_id, seq, event) VALUES ${values} ON CONFLICT (attempt_id, seq) DO NOTHING`, [attemptId, ...fresh.flatMap((event) => [event.seq, JSON.stringify(event)])]);
        }
        const following = await tx.query<{ seq: number }>('SELECT seq FROM events WHERE attempt_id = $1 AND seq > $2 ORDER BY seq LIMIT 5000', [attemptId, from]);
        let next = from;
        for (const { seq } of following) {
          if (seq !== next + 1) break;
          next = seq;
        }
        if (next !== from) await tx.query('UPDATE attempts SET acked_seq = $2 WHERE id = $1', [attemptId, next]);
        return { next, uncompacted: next - compacted };
      });
      if (acked === 'full') return 'full';
      if (acked.uncompacted >= COMPACT_AFTER) await compact(attemptId);
      return acked.next;
    },

    /** Up to `limit` events with seq > `after`, in seq order. */
    async read(attemptId: string, after: number, limit: number): Promise<RecordedEvent[]> {
      const events: RecordedEvent[] = [];
      const chunks = await db.query<{ data: Uint8Array }>('SELECT data FROM event_chunks WHERE attempt_id = $1 AND last_seq > $2 ORDER BY first_seq', [attemptId, after]);
      for (const { data } of chunks) {
        for (const event of decodeEventChunk(data)) {
          if (event.seq <= after) continue;
          if (events.length === limit) return events;
          events.push(event);
        }
      }
      const rows = await db.query<{ event: unknown }>('SELECT event FROM events WHERE attempt_id = $1 AND seq > $2 ORDER BY seq LIMIT $3', [attemptId, events.at(-1)?.seq ?? after, limit - events.length]);
      return [...events, ...RecordedEvent.array().parse(rows.map((row) => row.event))];
    },
  };
}

export type EventStore = ReturnType<typeof createEventStore>;
