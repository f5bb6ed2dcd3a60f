import type { RecordedEvent, UnnumberedEvent } from '@assay/contract';

/** Where numbered events wait until the server has them: IndexedDB in the browser, memory in tests. */
export interface OutboxStore {
  append(event: RecordedEvent): Promise<void>;
  /** The oldest `limit` events not yet sent, in seq order. */
  oldest(limit: number): Promise<RecordedEvent[]>;
  removeThrough(seq: number): Promise<void>;
  /** The next seq to hand out, or null if this store has never numbered an event. */
  nextSeq(): Promise<number | null>;
  setNextSeq(seq: number): Promise<void>;
}

export const MAX_BATCH = 500;

/** `send`'s answer when the server has recorded all it will for this attempt (413 `recording_full`). */
export class RecordingFullError extends Error {}

/**
 * The candidate's recording on its way to the server: each event gets the next dense seq and
 * is written to the store before anything is sent, so a reload, an offline spell or an API
 * restart loses nothing. `flush` sends the oldest events in batches; a batch the server
 * answered 200 to is stored there (it keeps each seq once), so it is dropped here, and a batch
 * re-sent after a failure duplicates nothing.
 */
export function createEventOutbox({ store, send, onFull }: { store: OutboxStore; send: (events: RecordedEvent[]) => Promise<void>; onFull?: (message: string) => void }) {
  let next = 0;
  /** Past the attempt's recording cap: nothing more is kept or sent. */
  let full = false;
  let writes: Promise<void> = Promise.resolve();
  let flushing: Promise<number> | undefined;

  return {
    /** Continues numbering after whatever this store or the server already has. */
    async open(serverAckedSeq: number): Promise<void> {
      next = Math.max((await store.nextSeq()) ?? 0, serverAckedSeq + 1);
    },
    record(event: UnnumberedEvent): RecordedEvent {
      const numbered = { ...event, seq: next++ } as RecordedEvent;
      if (full) return numbered;
      const seq = next;
      writes = writes.then(async () => {
        await store.append(numbered);
        await store.setNextSeq(seq);
      });
      return numbered;
    },
    /** Sends everything waiting; resolves to how many events went, rejects if the server cannot be reached. */
    flush(): Promise<number> {
      flushing ??= (async () => {
        try {
          await writes;
          let sent = 0;
          for (;;) {
            const batch = await store.oldest(MAX_BATCH);
            if (batch.length === 0 || full) return sent;
            try {
              await send(batch);
            } catch (error) {
              if (!(error instanceof RecordingFullError)) throw error;
              full = true;
              await store.removeThrough(next - 1);
              onFull?.(error.message);
              return sent;
            }
            await store.removeThrough(batch.at(-1)!.seq);
            sent += batch.length;
          }
        } finally {
          flushing = undefined;
        }
      })();
      return flushing;
    },
    async pendingCount(): Promise<number> {
      await writes;
      return (await store.oldest(MAX_BATCH)).length;
    },
  };
}
export type EventOutbox = ReturnType<typeof createEventOutbox>;
