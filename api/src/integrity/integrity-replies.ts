import type { IntegrityReply } from '@assay/contract';
import type { Database } from '../db/database.js';
import type { Announce } from '../live/review-feed.js';

/** The `integrity_replies` table: a candidate's answer to the evidence, one per attempt. */
export function createIntegrityReplies({ db, announce, now }: { db: Database; announce: Announce; now: () => number }) {
  const view = (row: { note: string; saved_at: number } | undefined): IntegrityReply | null => (row ? { note: row.note, savedAt: new Date(row.saved_at).toISOString() } : null);
  return {
    async get(attemptId: string): Promise<IntegrityReply | null> {
      const [row] = await db.query<{ note: string; saved_at: number }>('SELECT note, saved_at FROM integrity_replies WHERE attempt_id = $1', [attemptId]);
      return view(row);
    },
    /** Saves the reply (an empty note withdraws it). */
    async save(attemptId: string, note: string): Promise<IntegrityReply | null> {
      if (note.trim() === '') {
        await db.query('DELETE FROM integrity_replies WHERE attempt_id = $1', [attemptId]);
        announce({ attemptId, change: 'replied' });
        return null;
      }
      const [row] = await db.query<{ note: string; saved_at: number }>(
        'INSERT INTO integrity_replies (attempt_id, note, saved_at) VALUES ($1, $2, $3) ON CONFLICT (attempt_id) DO UPDATE SET note = excluded.note, saved_at = excluded.saved_at RETURNING note, saved_at',
        [attemptId, note, now()],
      );
      announce({ attemptId, change: 'replied' });
      return view(row);
    },
  };
}
export type IntegrityReplies = ReturnType<typeof createIntegrityReplies>;
