import { Queue, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { GRADE_QUEUE, VERDICT_QUEUE, GradeJobData, type GradingResult } from '@assay/contract';
import type { Grader } from '../grading/create-grader.js';
import { InfraError } from '../sandbox/sandbox-errors.js';

export interface GradeWorkerDeps {
  /** A connection made with `maxRetriesPerRequest: null`, as BullMQ requires for workers. */
  connection: Redis;
  prefix: string;
  grade: Grader;
  /** Jobs graded at once by this process. Default 2: on 2 cores the container lifecycle, not the CPU of tests, is the limit. */
  concurrency?: number;
  /** Job lock in ms (default 30 000); renewed while a job runs, so it is how soon a dead runner's job is re-delivered. */
  lockDurationMs?: number;
  /** Called before grading a delivery; removes containers an earlier delivery left. */
  beforeGrade?(gradingId: string): Promise<void>;
  log?: (entry: Record<string, unknown>, message: string) => void;
}

/**
 * The BullMQ worker on the grade queue. A graded job completes (whatever the candidate's code
 * did, it is a result); bad job data fails without retry (UnrecoverableError from the grader);
 * an infrastructure failure is thrown so BullMQ retries it with the job's backoff, and when the
 * last attempt fails an `infra_error` verdict is published so the attempt does not wait forever.
 * Verdicts go to the verdict queue (jobId = gradingId): the runner holds no database credentials.
 */
export function createGradeWorker({ connection, prefix, grade, concurrency = 2, lockDurationMs = 30_000, beforeGrade, log = () => undefined }: GradeWorkerDeps) {
  const verdicts = new Queue<GradingResult>(VERDICT_QUEUE, { connection, prefix });
  const publish = (result: GradingResult) =>
    verdicts.add('verdict', result, {
      jobId: result.gradingId,
      attempts: 10,
      backoff: { type: 'exponential', delay: 1_000 },
      removeOnComplete: { age: 3600 },
      removeOnFail: { age: 7 * 24 * 3600 },
    });

  const worker = new Worker(
    GRADE_QUEUE,
    async (job: Job) => {
      const started = Date.now();
      const data = GradeJobData.safeParse(job.data);
      if (data.success) await beforeGrade?.(data.data.gradingId);
      try {
        const result = await grade(job.data);
        await publish(result);
        log({ gradingId: result.gradingId, verdict: result.verdict, score: result.score, ms: Date.now() - started }, 'graded');
        return { verdict: result.verdict, score: result.score };
      } catch (error) {
        const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        if (error instanceof InfraError && lastAttempt && data.success) await publish(infraErrorResult(data.data, error));
        log({ gradingId: data.success ? data.data.gradingId : job.id, error: String(error), attempt: job.attemptsMade + 1 }, 'grading failed');
        throw error;
      }
    },
    {
      connection,
      prefix,
      concurrency,
      lockDuration: lockDurationMs,
      stalledInterval: lockDurationMs,
      // A job whose runner died twice is failed rather than handed to a third.
      maxStalledCount: 2,
    },
  );
  worker.on('error', (error) => log({ error: String(error) }, 'worker error'));

  return {
    worker,
    async close(): Promise<void> {
      await worker.close();
      await verdicts.close();
    },
  };
}

function infraErrorResult(job: GradeJobData, error: Error): GradingResult {
  return {
    gradingId: job.gradingId,
    attemptId: job.attemptId,
    suite: job.suite,
    language: job.language,
    contentHash: job.contentHash,
    verdict: 'infra_error',
    score: 0,
    tests: [],
    log: { text: '', truncated: false, bytes: 0 },
    summary: `Grading could not run on our side (${error.message}). This is not the candidate's fault; re-grade it.`,
    durationMs: 0,
    finishedAt: new Date().toISOString(),
  };
}
