import { z } from 'zod';

/**
 * What the editor records. `seq` is per attempt, dense and starting at 0; the server accepts
 * each seq once, so a batch re-sent after a reload or an outage duplicates nothing. `t` is
 * milliseconds since the attempt started, from a monotonic clock in the browser.
 */
const Base = z.object({ seq: z.number().int().nonnegative(), t: z.number().nonnegative() });

export const RecordedEvent = z.discriminatedUnion('type', [
  Base.extend({
    type: z.literal('edit'),
    file: z.string().max(200),
    /** Monaco content changes, applied in order: replace `length` chars at `offset` with `text`. */
    changes: z.array(z.object({ offset: z.number().int().nonnegative(), length: z.number().int().nonnegative(), text: z.string() })).max(1000),
  }),
  Base.extend({ type: z.literal('select'), file: z.string().max(200), anchor: z.number().int().nonnegative(), head: z.number().int().nonnegative() }),
  Base.extend({ type: z.literal('open'), file: z.string().max(200) }),
  /** The candidate made a new, empty file. */
  Base.extend({ type: z.literal('create'), file: z.string().max(200) }),
  /** A file moved to `to`, its text unchanged. */
  Base.extend({ type: z.literal('rename'), file: z.string().max(200), to: z.string().max(200) }),
  Base.extend({ type: z.literal('delete'), file: z.string().max(200) }),
  Base.extend({ type: z.literal('paste'), file: z.string().max(200), size: z.number().int().nonnegative(), lines: z.number().int().nonnegative() }),
  Base.extend({ type: z.literal('focus'), focused: z.boolean() }),
  Base.extend({ type: z.literal('run'), runId: z.string().max(80), passed: z.number().int().nonnegative().optional(), total: z.number().int().nonnegative().optional() }),
  /** A full copy of every file: written every N events so replay can seek without replaying from zero. */
  Base.extend({ type: z.literal('snapshot'), files: z.record(z.string().max(200), z.string()) }),
]);
export type RecordedEvent = z.infer<typeof RecordedEvent>;

/**
 * The most the server records for one attempt: events (by seq, so seqs run 0…maxEvents-1) and
 * bytes of event JSON. A multi-hour session of real typing is ~100,000 events and a few MiB; past
 * either cap a batch is refused with 413 `recording_full`, the candidate's page stops recording
 * (their work is still saved and graded) and the reviewer is told. The API's
 * ASSAY_RECORDING_MAX_EVENTS / ASSAY_RECORDING_MAX_BYTES override these.
 */
export const RECORDING_LIMITS = { maxEvents: 250_000, maxBytes: 32 * 1024 * 1024 } as const;
export type RecordingLimits = { maxEvents: number; maxBytes: number };

export const EventBatch = z.object({ events: z.array(RecordedEvent).min(1).max(500) }).strict();
export type EventBatch = z.infer<typeof EventBatch>;

/** An event before the recorder numbers it (Omit over each kind of event, not over the union). */
export type UnnumberedEvent = RecordedEvent extends infer E ? (E extends RecordedEvent ? Omit<E, 'seq'> : never) : never;
/** An event's own fields, before it is numbered and timed. */
export type EventFields = RecordedEvent extends infer E ? (E extends RecordedEvent ? Omit<E, 'seq' | 't'> : never) : never;
