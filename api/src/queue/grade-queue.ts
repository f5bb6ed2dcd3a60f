import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { GRADE_QUEUE, type GradeJobData } from '@assay/contract';

/** Where a grading's job is in the queue; `missing` when Redis has no such job (lost, or never added). */
export type GradeJobState = { state: 'missing' | 'pending' | 'completed' } | { state: 'failed'; reason: string; attempts: number; stalls: number };

export interface GradeQueue {
  /** Adds a grading; the job id is the grading id, so adding one twice runs it once. Rejects at once when Redis is unreachable. */
  enqueue(job: GradeJobData): Promise<void>;
  /** Jobs waiting or running: the back-pressure signal. */
  depth(): Promise<number>;
  stateOf(gradingId: string): Promise<GradeJobState>;
  close(): Promise<void>;
}

/** How long a queue call may take before the caller is answered without it (the outbox enqueues later). */
const CALL_TIMEOUT_MS = 2_000;
/** Connection states in which Redis is known to be gone (a first connect still gets the timeout). */
const LOST = new Set(['reconnecting', 'close', 'end']);

/**
 * The grade queue. Defaults: 5 attempts with exponential backoff from 500 ms (only a runner's
 * infrastructure errors are retried), completed jobs kept 1 h, failed ones 7 days.
 * Every call fails fast while Redis is unreachable (the connection is lost, or a call
 * takes over 2 s), so a submit is answered at once with its grading stored; the grading
 * outbox enqueues it when Redis is back.
 */
export function createGradeQueue({ connection, prefix }: { connection: Redis; prefix: string }): GradeQueue {
  const queue = new Queue<GradeJobData>(GRADE_QUEUE, { connection, prefix });
  queue.on('error', () => undefined); // a lost connection; calls below reject on their own
  async function call<T>(work: () => Promise<T>): Promise<T> {
    if (LOST.has(connection.status)) throw new Error(`the queue is unreachable (Redis connection ${connection.status})`);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the queue did not answer within ${CALL_TIMEOUT_MS} ms`)), CALL_TIMEOUT_MS);
    });
    const running = work();
    running.catch(() => undefined); // once timed out, its own failure is nobody's to hear
    return Promise.race([running, timeout]).finally(() => clearTimeout(timer));
  }
  return {
    enqueue: (job) =>
      call(async () => {
        await queue.add('grade', job, {
          jobId: job.gradingId,
          attempts: 5,
          backoff: { type: 'exponential', delay: 500 },
          removeOnComplete: { age: 3600 },
          removeOnFail: { age: 7 * 24 * 3600 },
        });
      }),
    depth: () =>
      call(async () => {
        const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
        return Object.values(counts).reduce((a, b) => a + b, 0);
      }),
    stateOf: (gradingId) =>
      call(async (): Promise<GradeJobState> => {
        const job = await queue.getJob(gradingId);
        if (!job) return { state: 'missing' };
        const state = await job.getState();
        if (state === 'completed') return { state: 'completed' };
        if (state === 'failed') return { state: 'failed', reason: job.failedReason ?? 'unknown', attempts: job.attemptsMade, stalls: job.stalledCounter };
        if (state === 'unknown') return { state: 'missing' };
        return { state: 'pending' };
      }),
    close: () => queue.close(),
  };
}
