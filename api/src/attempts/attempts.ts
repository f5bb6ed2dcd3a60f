import type { Challenge } from '@assay/challenges';
import { DESIGN_DOC_PATH, FILE_LIMITS, type EventBatch, type Language, type SubmittedFile } from '@assay/contract';
import type { AttemptRow } from '../app-env.js';
import type { Database } from '../db/database.js';
import type { Gradings } from '../grading/gradings.js';
import { HttpError } from '../http-error.js';
import { newId } from '../tokens.js';
import type { EventStore } from './event-store.js';
import type { Announce } from '../live/review-feed.js';

/** How long after the deadline a save or event batch already on its way is still accepted. */
const DEADLINE_GRACE_MS = 5_000;

/** An attempt's life: start (the timer starts), save files, record events, submit once. */
export function createAttempts({ db, gradings, events, announce, now }: { db: Database; gradings: Gradings; events: EventStore; announce: Announce; now: () => number }) {
  async function savedFiles(attemptId: string): Promise<SubmittedFile[]> {
    return db.query<SubmittedFile>('SELECT path, content FROM attempt_files WHERE attempt_id = $1 ORDER BY path', [attemptId]);
  }

  function assertOpen(attempt: AttemptRow): void {
    if (attempt.status !== 'started') throw new HttpError(409, 'already_submitted', 'this attempt was submitted; nothing more can be changed');
    if (now() > attempt.deadline + DEADLINE_GRACE_MS) throw new HttpError(409, 'time_is_up', 'the time limit has passed; your last saved work was submitted');
  }

  return {
    savedFiles,
    /** Up to `limit` recorded events with seq > `after`, in seq order. */
    readEvents: events.read,

    /** Starts the attempt (idempotent): the starter becomes the saved files and the deadline is set. */
    async start(inviteId: string, challenge: Challenge, language: Language, timeLimitMinutes: number): Promise<AttemptRow> {
      const { attempt, created } = await db.transaction(async (tx) => {
        const [existing] = await tx.query<AttemptRow>('SELECT * FROM attempts WHERE invite_id = $1', [inviteId]);
        if (existing) return { attempt: existing, created: false };
        const started = now();
        const [attempt] = await tx.query<AttemptRow>(
          "INSERT INTO attempts (id, invite_id, language, content_hash, started_at, deadline, status) VALUES ($1, $2, $3, $4, $5, $6, 'started') RETURNING *",
          [newId('att'), inviteId, language, challenge.contentHash, started, started + timeLimitMinutes * 60_000],
        );
        const files = [...(challenge.starter[language] ?? [])];
        if (challenge.manifest.kind === 'system-design') files.push({ path: DESIGN_DOC_PATH, content: challenge.designTemplate ?? '', editable: true });
        for (const file of files) {
          await tx.query('INSERT INTO attempt_files (attempt_id, path, content, updated_at) VALUES ($1, $2, $3, $4)', [attempt!.id, file.path, file.content, started]);
        }
        return { attempt: attempt!, created: true };
      });
      if (created) announce({ attemptId: attempt.id, change: 'started' });
      return attempt;
    },

    /** Saves and deletes files (already checked against the workspace's rules) in one transaction; later saves win. */
    async save(attempt: AttemptRow, files: SubmittedFile[], deleted: string[] = []): Promise<void> {
      assertOpen(attempt);
      await db.transaction(async (tx) => {
        if (deleted.length) await tx.query('DELETE FROM attempt_files WHERE attempt_id = $1 AND path = ANY($2)', [attempt.id, deleted]);
        for (const file of files) {
          await tx.query(
            'INSERT INTO attempt_files (attempt_id, path, content, updated_at) VALUES ($1, $2, $3, $4) ON CONFLICT (attempt_id, path) DO UPDATE SET content = excluded.content, updated_at = excluded.updated_at',
            [attempt.id, file.path, file.content, now()],
          );
        }
        // Each request is within the limits; many requests of new files together must be too.
        const [count] = await tx.query<{ files: number }>('SELECT count(*)::int AS files FROM attempt_files WHERE attempt_id = $1', [attempt.id]);
        if (count!.files > FILE_LIMITS.maxFiles) throw new HttpError(400, 'too_many_files', `an attempt can hold at most ${FILE_LIMITS.maxFiles} files; delete one before adding another`);
      });
    },

    /** Stores each event once; returns the highest seq below which every event is stored. */
    async recordEvents(attempt: AttemptRow, batch: EventBatch): Promise<number> {
      if (attempt.status !== 'started' || now() > attempt.deadline + DEADLINE_GRACE_MS) {
        throw new HttpError(409, 'attempt_closed', 'this attempt is closed; no more events are recorded');
      }
      const acked = await events.record(attempt.id, batch);
      if (acked === 'full') {
        throw new HttpError(413, 'recording_full', 'this attempt has recorded as much as it can; recording has stopped, and your work is still saved and graded as usual');
      }
      return acked;
    },

    /**
     * Submits once: the saved files become a hidden-suite grading. A second call (a retry, a
     * double click, the deadline sweeper) returns the same grading.
     */
    async submit(attemptId: string): Promise<{ gradingId: string; submittedAt: number }> {
      const outcome = await db.transaction(async (tx) => {
        const [attempt] = await tx.query<AttemptRow>('SELECT * FROM attempts WHERE id = $1 FOR UPDATE', [attemptId]);
        if (!attempt) throw new HttpError(404, 'not_found', 'attempt not found');
        if (attempt.status !== 'started') {
          const [first] = await tx.query<{ id: string }>("SELECT id FROM gradings WHERE attempt_id = $1 AND suite = 'hidden' ORDER BY created_at LIMIT 1", [attemptId]);
          return { gradingId: first!.id, submittedAt: attempt.submitted_at!, created: false };
        }
        const submittedAt = Math.min(now(), attempt.deadline);
        await tx.query("UPDATE attempts SET status = 'submitted', submitted_at = $2 WHERE id = $1", [attemptId, submittedAt]);
        const files = await tx.query<SubmittedFile>('SELECT path, content FROM attempt_files WHERE attempt_id = $1 ORDER BY path', [attemptId]);
        const gradingId = await gradings.create(tx, attempt, 'hidden', attempt.content_hash, files.filter((f) => f.path !== DESIGN_DOC_PATH));
        return { gradingId, submittedAt, created: true };
      });
      if (outcome.created) {
        // The grading is committed; the answer does not wait for the queue (Redis may be down:
        // then the outbox enqueues it once Redis is back).
        void gradings.drain();
        announce({ attemptId, change: 'submitted' });
        await events.compact(attemptId);
      }
      return { gradingId: outcome.gradingId, submittedAt: outcome.submittedAt };
    },

    /** The attempt with who it is for and which challenge, or undefined. */
    async withInvite(attemptId: string): Promise<AttemptWithInvite | undefined> {
      const [row] = await db.query<AttemptWithInvite>('SELECT a.*, i.candidate_name, i.candidate_email, i.challenge_id FROM attempts a JOIN invites i ON i.id = a.invite_id WHERE a.id = $1', [attemptId]);
      return row;
    },

    /** Attempts whose deadline passed while still open: the sweeper submits them. */
    async overdue(): Promise<string[]> {
      return (await db.query<{ id: string }>("SELECT id FROM attempts WHERE status = 'started' AND deadline < $1 LIMIT 100", [now()])).map((r) => r.id);
    },
  };
}

export type Attempts = ReturnType<typeof createAttempts>;

export interface AttemptWithInvite extends AttemptRow {
  candidate_name: string;
  candidate_email: string;
  challenge_id: string;
}
