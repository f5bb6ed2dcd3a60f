import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/** What the browser keeps for an invite until the server has it. */
export interface Draft {
  token: string;
  files: Record<string, string>;
  /** Paths changed since the server last confirmed a save. */
  unsaved: string[];
  /** Paths deleted or renamed away that the server has not confirmed yet (absent in drafts of older pages). */
  deleted?: string[];
  activeFile: string | null;
  /** Cursor offset per file, to put the candidate back where they were. */
  cursors: Record<string, number>;
  updatedAt: number;
}

export interface CandidateDb extends DBSchema {
  drafts: { key: string; value: Draft };
  outbox: { key: [string, number]; value: { token: string; seq: number; event: unknown } };
  meta: { key: string; value: { token: string; nextSeq: number } };
}

let opened: Promise<IDBPDatabase<CandidateDb>> | undefined;

/** One IndexedDB database for every invite opened in this browser, keyed by token. */
export function candidateDb(): Promise<IDBPDatabase<CandidateDb>> {
  opened ??= openDB<CandidateDb>('assay-candidate', 1, {
    upgrade(db) {
      db.createObjectStore('drafts', { keyPath: 'token' });
      db.createObjectStore('outbox', { keyPath: ['token', 'seq'] });
      db.createObjectStore('meta', { keyPath: 'token' });
    },
  });
  return opened;
}
