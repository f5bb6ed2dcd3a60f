import type { GradeJobData, GradingResult, Suite, SubmittedFile } from '@assay/contract';
import type { AttemptRow } from '../app-env.js';
import type { Database, Queryable } from '../db/database.js';
import type { GradeQueue } from '../queue/grade-queue.js';
import { newId } from '../tokens.js';

/**
 * Gradings: the database is the source of truth, the queue only transport. A grading row is
 * written first; enqueueing may fail (Redis down) and the reconciler enqueues it again later.
 * A verdict is written once per grading, whatever the queue delivers.
 */
export function createGradings({ db, queue, challengeIdOf, now }: { db: Database; queue: GradeQueue; challengeIdOf: (attemptId: string) => Promise<string>; now: () => number }) {
  async function enqueue(id: string): Promise<void> {
    const [row] = await db.query<{ id: string; attempt_id: string; suite: Suite; content_hash: string; files: SubmittedFile[]; language: string }>(
      'SELECT g.id, g.attempt_id, g.suite, g.content_hash, g.files, a.language FROM gradings g JOIN attempts a ON a.id = g.attempt_id WHERE g.id = $1',
      [id],
    );
    if (!row) return;
    const job: GradeJobData = {
      gradingId: row.id,
      attemptId: row.attempt_id,
      challengeId: await challengeIdOf(row.attempt_id),
      contentHash: row.content_hash,
      language: row.language as GradeJobData['language'],
      suite: row.suite,
      files: row.files,
    };
    await queue.enqueue(job);
    await db.query('UPDATE gradings SET enqueued_at = $2 WHERE id = $1', [id, now()]);
  }

  return {
    /** Records a grading of `files` inside the caller's transaction; enqueue it after commit. */
    async create(tx: Queryable, attempt: Pick<AttemptRow, 'id'>, suite: Suite, contentHash: string, files: SubmittedFile[]): Promise<string> {
      const id = newId(suite === 'hidden' ? 'grd' : 'run');
      await tx.query('INSERT INTO gradings (id, attempt_id, suite, status, content_hash, files, created_at) VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7)', [
        id,
        attempt.id,
        suite,
        'queued',
        contentHash,
        JSON.stringify(files),
        now(),
      ]);
      return id;
    },
    /** Enqueues a grading; a failure is left to the reconciler (the row stays queued). */
    async enqueue(id: string): Promise<boolean> {
      return enqueue(id).then(
        () => true,
        () => false,
      );
    },
    /**
     * Writes a verdict once: only a queued grading becomes done, so a verdict delivered twice,
     * or a stale one after a re-grade, changes nothing. Returns whether this call wrote it.
     */
    async recordVerdict(result: GradingResult): Promise<boolean> {
      return db.transaction(async (tx) => {
        const [grading] = await tx.query<{ attempt_id: string; suite: Suite }>(
          "UPDATE gradings SET status = 'done', finished_at = $2, verdict = $3, score = $4, result = $5::jsonb WHERE id = $1 AND status = 'queued' RETURNING attempt_id, suite",
          [result.gradingId, now(), result.verdict, result.score, JSON.stringify(result)],
        );
        if (!grading) return false;
        if (grading.suite === 'hidden') {
          await tx.query("UPDATE attempts SET status = 'graded', verdict = $2, score = $3 WHERE id = $1", [grading.attempt_id, result.verdict, result.score]);
        }
        return true;
      });
    },
    /** Re-enqueues gradings still queued after `olderThanMs`: what a lost Redis or a failed enqueue left behind. */
    async reconcile(olderThanMs: number): Promise<number> {
      const stale = await db.query<{ id: string }>(
        "SELECT id FROM gradings WHERE status = 'queued' AND coalesce(enqueued_at, created_at) < $1 ORDER BY created_at LIMIT 200",
        [now() - olderThanMs],
      );
      let requeued = 0;
      for (const { id } of stale) if (await this.enqueue(id)) requeued += 1;
      return requeued;
    },
  };
}

export type Gradings = ReturnType<typeof createGradings>;
