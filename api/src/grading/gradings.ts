import { infraErrorResult, type AttemptDetail, type GradeJobData, type GradingResult, type Suite, type SubmittedFile, type TroubledGrading } from '@assay/contract';
import type { AttemptRow } from '../app-env.js';
import type { Database, Queryable } from '../db/database.js';
import type { GradeJobState, GradeQueue } from '../queue/grade-queue.js';
import { newId } from '../tokens.js';
import type { Announce } from '../live/review-feed.js';

export type PublicRun = AttemptDetail['runs'][number];

interface GradingRow {
  id: string;
  attempt_id: string;
  suite: Suite;
  content_hash: string;
  files: SubmittedFile[];
  language: GradeJobData['language'];
}

/** A grading an admin should look at, as stored: waiting long for a verdict, or ended in `infra_error`. */
interface TroubledRow {
  id: string;
  attempt_id: string;
  suite: Suite;
  status: 'queued' | 'done';
  created_at: number;
  enqueued_at: number | null;
  finished_at: number | null;
  summary: string | null;
  candidate_name: string;
  challenge_id: string;
}

const iso = (ms: number) => new Date(ms).toISOString();
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));

/** What the queue said when it gave up on a job, in words an admin can act on. */
function failureReason(job: Extract<GradeJobState, { state: 'failed' }>): string {
  if (/stalled more than allowable limit/i.test(job.reason)) return `the runner holding it stopped (killed or cut off) ${job.stalls} times; the queue gave up on it`;
  return `its last of ${job.attempts} attempts failed: ${job.reason}`;
}

/**
 * Gradings: the database is the source of truth, the queue only transport. A grading row is
 * written in the caller's transaction with `enqueued_at` unset: that row is the outbox. It is
 * enqueued right after the commit (`drain`), on start, and whenever Redis comes back; a grading
 * whose job the queue lost is enqueued again, and one whose job the queue gave up on ends in an
 * `infra_error` verdict (`reconcile`). A verdict is written once per grading, whatever the
 * queue delivers, so every attempt ends in exactly one verdict.
 */
export function createGradings({ db, queue, challengeIdOf, announce, now }: { db: Database; queue: GradeQueue; challengeIdOf: (attemptId: string) => Promise<string>; announce: Announce; now: () => number }) {
  const rowsSql = 'SELECT g.id, g.attempt_id, g.suite, g.content_hash, g.files, a.language FROM gradings g JOIN attempts a ON a.id = g.attempt_id';

  async function enqueue(row: GradingRow): Promise<void> {
    await queue.enqueue({
      gradingId: row.id,
      attemptId: row.attempt_id,
      challengeId: await challengeIdOf(row.attempt_id),
      contentHash: row.content_hash,
      language: row.language,
      suite: row.suite,
      files: row.files,
    });
    await db.query('UPDATE gradings SET enqueued_at = $2 WHERE id = $1', [row.id, now()]);
  }

  /**
   * Writes a verdict once: only a queued grading becomes done, so a verdict delivered twice,
   * or a stale one after a re-grade, changes nothing. Returns whether this call wrote it.
   */
  async function recordVerdict(result: GradingResult): Promise<boolean> {
    const written = await db.transaction(async (tx) => {
      const [grading] = await tx.query<{ attempt_id: string; suite: Suite }>(
        "UPDATE gradings SET status = 'done', finished_at = $2, verdict = $3, score = $4, result = $5::jsonb WHERE id = $1 AND status = 'queued' RETURNING attempt_id, suite",
        [result.gradingId, now(), result.verdict, result.score, JSON.stringify(result)],
      );
      if (!grading) return undefined;
      if (grading.suite === 'hidden') {
        await tx.query("UPDATE attempts SET status = 'graded', verdict = $2, score = $3 WHERE id = $1", [grading.attempt_id, result.verdict, result.score]);
      }
      return grading;
    });
    if (written) announce({ attemptId: written.attempt_id, change: written.suite === 'hidden' ? 'graded' : 'run' });
    return written !== undefined;
  }

  let draining: Promise<number> | undefined;
  let drainAgain = false;
  /** Enqueues every grading of the outbox, oldest first; stops at the first failure (Redis is down: the next drain goes on). */
  async function drainOnce(): Promise<number> {
    const rows = await db.query<GradingRow>(`${rowsSql} WHERE g.status = 'queued' AND g.enqueued_at IS NULL ORDER BY g.created_at LIMIT 500`);
    let enqueued = 0;
    for (const row of rows) {
      if (!(await enqueue(row).then(() => true, () => false))) break;
      enqueued += 1;
    }
    return enqueued;
  }

  return {
    /** Records a grading of `files` inside the caller's transaction; `drain()` after the commit enqueues it. */
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
    /**
     * Enqueues the outbox (gradings committed but not yet on the queue). Never rejects: what
     * it could not enqueue (Redis or the database unreachable) stays in the outbox for the next
     * drain (on start, when Redis is back, and every few seconds). Concurrent calls share one
     * pass, plus one more if asked during it, so a caller's own grading is in it.
     */
    drain(): Promise<number> {
      if (draining) {
        drainAgain = true;
        return draining;
      }
      draining = (async () => {
        let total = 0;
        do {
          drainAgain = false;
          total += await drainOnce().catch(() => 0);
        } while (drainAgain);
        return total;
      })().finally(() => (draining = undefined));
      return draining;
    },
    recordVerdict,
    /** An attempt's visible-test runs in order, each with its tally (counted in SQL: a page needs the tally, not every run's result). */
    async publicRuns(attemptId: string): Promise<PublicRun[]> {
      const rows = await db.query<{ id: string; status: string; created_at: number; verdict: string | null; passed: number | null; total: number | null }>(
        `SELECT id, status, created_at, result->>'verdict' AS verdict,
                (SELECT count(*)::int FROM jsonb_array_elements(result->'tests') t WHERE t->>'status' = 'passed') AS passed,
                jsonb_array_length(result->'tests') AS total
           FROM gradings WHERE attempt_id = $1 AND suite = 'public' ORDER BY created_at`,
        [attemptId],
      );
      return rows.map((g) => ({ id: g.id, at: new Date(g.created_at).toISOString(), status: g.status, verdict: g.verdict, passed: g.passed, total: g.total }));
    },
    /** Ends a grading with an `infra_error` verdict saying why (once, like any verdict). */
    async recordInfraError(gradingId: string, reason: string): Promise<boolean> {
      const [row] = await db.query<GradingRow>(`${rowsSql} WHERE g.id = $1`, [gradingId]);
      if (!row) return false;
      return recordVerdict(infraErrorResult({ gradingId: row.id, attemptId: row.attempt_id, suite: row.suite, language: row.language, contentHash: row.content_hash }, reason, new Date(now())));
    },
    /**
     * If the queue gave up on this grading's job (attempts spent, or its runner kept dying), records
     * the `infra_error` verdict no runner will publish. Returns whether it wrote one.
     */
    async settleIfGivenUp(gradingId: string): Promise<boolean> {
      const job = await queue.stateOf(gradingId);
      return job.state === 'failed' && this.recordInfraError(gradingId, failureReason(job));
    },
    /**
     * Looks at every grading enqueued more than `olderThanMs` ago that still has no verdict:
     * a job the queue lost (a Redis restart without persistence) is enqueued again, a job the
     * queue gave up on gets its `infra_error` verdict. Returns how many it re-enqueued and ended.
     */
    async reconcile(olderThanMs: number): Promise<{ requeued: number; ended: number }> {
      const stale = await db.query<GradingRow>(`${rowsSql} WHERE g.status = 'queued' AND g.enqueued_at IS NOT NULL AND g.enqueued_at <= $1 ORDER BY g.created_at LIMIT 500`, [now() - olderThanMs]);
      let requeued = 0;
      let ended = 0;
      for (const row of stale) {
        const job = await queue.stateOf(row.id);
        if (job.state === 'missing') {
          await enqueue(row);
          requeued += 1;
        } else if (job.state === 'failed' && (await this.recordInfraError(row.id, failureReason(job)))) {
          ended += 1;
        }
      }
      return { requeued, ended };
    },
    /** Gradings waiting for a verdict longer than `stuckAfterMs`, and those that ended in `infra_error`, newest first. */
    async troubled(stuckAfterMs: number, limit = 100): Promise<TroubledGrading[]> {
      const rows = await db.query<TroubledRow>(
        `SELECT g.id, g.attempt_id, g.suite, g.status, g.created_at, g.enqueued_at, g.finished_at, g.result->>'summary' AS summary, i.candidate_name, i.challenge_id
         FROM gradings g JOIN attempts a ON a.id = g.attempt_id JOIN invites i ON i.id = a.invite_id
         WHERE (g.status = 'queued' AND g.created_at < $1) OR g.verdict = 'infra_error'
         ORDER BY g.created_at DESC LIMIT $2`,
        [now() - stuckAfterMs, limit],
      );
      return rows.map((g) => ({
        gradingId: g.id,
        attemptId: g.attempt_id,
        suite: g.suite,
        candidateName: g.candidate_name,
        challengeId: g.challenge_id,
        state: g.status === 'queued' ? 'stuck' : 'infra_error',
        createdAt: iso(g.created_at),
        enqueuedAt: isoOrNull(g.enqueued_at),
        finishedAt: isoOrNull(g.finished_at),
        reason: g.summary,
      }));
    },
  };
}

export type Gradings = ReturnType<typeof createGradings>;
