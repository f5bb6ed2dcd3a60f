import type { RecordedEvent } from '@assay/contract';
import type { IDBPDatabase } from 'idb';
import type { OutboxStore } from './event-outbox.js';
import type { CandidateDb } from '../candidate/candidate-db.js';

/** The outbox of one invite, in the browser's IndexedDB: it survives reloads and crashes. */
export function idbOutboxStore(db: IDBPDatabase<CandidateDb>, token: string): OutboxStore {
  const range = (from: number, to: number) => IDBKeyRange.bound([token, from], [token, to]);
  return {
    append: async (event) => void (await db.put('outbox', { token, seq: event.seq, event })),
    oldest: async (limit) => (await db.getAll('outbox', range(0, Number.MAX_SAFE_INTEGER), limit)).map((row) => row.event as RecordedEvent),
    removeThrough: (seq) => db.delete('outbox', range(0, seq)),
    nextSeq: async () => (await db.get('meta', token))?.nextSeq ?? null,
    setNextSeq: async (seq) => void (await db.put('meta', { token, nextSeq: seq })),
  };
}
