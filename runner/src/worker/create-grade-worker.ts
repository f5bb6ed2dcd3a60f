import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { GRADE_QUEUE, VERDICT_QUEUE, GradeJobData, infraErrorResult, type GradingResult } from '@assay/contract';
import type { Grader } from '../grading/create-grader.js';
import type { JobDeliveries } from './job-deliveries.js';

export interface GradeWorkerDeps {
  /** A connection made with `maxRetriesPerRequest: null`, as BullMQ requires for workers. */
  connection: Redis;
  prefix: string;
  grade: Grader;
  /** Jobs graded at once by this process. Default 2: on 2 cores the container lifecycle, not the CPU of tests, is the limit. */
  concurrency?: number;
  /** Job lock in ms (default 5 000); renewed while a job runs, so it is how soon a dead runner's job is re-delivered. */
  lockDurationMs?: number;
  /** Fences overlapping deliveries of one grading (see job-deliveries.ts). */
  deliveries: Pick<JobDeliveries, 'claim' | 'owns'>;
  log?: (entry: Record<string, unknown>, message: string) => void;
}

/**
 * The BullMQ worker on the grade queue. A graded job completes (whatever the candidate's code
 * did, it is a result); bad job data fails without retry (UnrecoverableError from the grader);
 * any other failure is thrown so BullMQ retries it with the job's backoff. When no delivery will
 * follow (unrecoverable, or the last attempt) an `infra_error` verdict is published so the
 * attempt does not wait forever.
 * Verdicts go to the verdict queue (jobId = gradingId): the runner holds no database credentials.
 */
export function createGradeWorker({ connection, prefix, grade, concurrency = 2, lockDurationMs = 5_000, deliveries, log = () => undefined }: GradeWorkerDeps) {
  const verdicts = new Queue<GradingResult>(VERDICT_QUEUE, { connection, prefix });
  const publish = (result: GradingResult) =>
    verdicts.add('verdict', result, {
      jobId: result.gradingId,
      attempts: 10,
      backoff: { type: 'exponential', delay: 1_000 },
      removeOnComplete: { age: 3600 },
      removeOnFail: { age: 7 * 24 * 3600 },
    });

  // Set when shutdown gives up on the jobs in hand: their sandboxes are about to be removed, so
  // whatever their gradings end in says nothing about the candidate's code. Such a job publishes
  // nothing and never settles; its lock lapses and BullMQ delivers it to another runner.
  let abandoned = false;
  const leftForRedelivery = new Promise<never>(() => undefined);

  const worker = new Worker(
    GRADE_QUEUE,
    async (job: Job) => {
      const started = Date.now();
      const data = GradeJobData.safeParse(job.data);
      if (!data.success) throw new UnrecoverableError(`invalid grade job: ${data.error.message}`);
      const { gradingId } = data.data;
      const { deliveryId, removed } = await deliveries.claim(gradingId);
      if (removed) log({ gradingId, removed }, 'graded again: removed the containers of an earlier delivery');
      try {
        const result = await grade(job.data);
        if (abandoned) return leftForRedelivery;
        if (!(await deliveries.owns(gradingId, deliveryId))) {
          log({ gradingId }, 'a newer delivery owns this grading: dropping this result');
          return { superseded: true };
        }
        await publish(result);
        log({ gradingId: result.gradingId, verdict: result.verdict, score: result.score, ms: Date.now() - started }, 'graded');
        return { verdict: result.verdict, score: result.score };
      } catch (error) {
        if (abandoned) return leftForRedelivery;
        if (!(await deliveries.owns(gradingId, deliveryId))) return { superseded: true };
        const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        // No delivery will follow: say so with an infra_error verdict, or the attempt would wait
        // for one forever. Whatever is not the candidate's result is ours, whatever its class.
        if (lastAttempt || error instanceof UnrecoverableError) await publish(infraErrorResult(data.data, error instanceof Error ? error.message : String(error)));
        log({ gradingId, error: String(error), attempt: job.attemptsMade + 1 }, 'grading failed');
        throw error;
      }
    },
    {
      connection,
      prefix,
      concurrency,
      lockDuration: lockDurationMs,
      // Lapsed locks are looked for every second, so a dead runner's job is back within about
      // lockDurationMs + 1 s.
      stalledInterval: Math.min(1_000, lockDurationMs),
      // A job whose runner died three times is failed rather than handed to a fourth: the API
      // then records its infra_error verdict (a job that kills its runner is not retried for ever).
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
    /** Gives up on the jobs in hand (shutdown ran out of time): none of them publishes a verdict. */
    abandon(): void {
      abandoned = true;
      void worker.close(true).catch(() => undefined);
    },
  };
}
