import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { GRADE_QUEUE, type GradeJobData } from '@assay/contract';

export interface GradeQueue {
  /** Adds a grading; the job id is the grading id, so adding one twice runs it once. */
  enqueue(job: GradeJobData): Promise<void>;
  /** Jobs waiting or running: the back-pressure signal. */
  depth(): Promise<number>;
  close(): Promise<void>;
}

/**
 * The grade queue. Defaults: 5 attempts with exponential backoff from 2 s (only a runner's
 * infrastructure errors are retried), completed jobs kept 1 h, failed ones 7 days.
 */
export function createGradeQueue({ connection, prefix }: { connection: Redis; prefix: string }): GradeQueue {
  const queue = new Queue<GradeJobData>(GRADE_QUEUE, { connection, prefix });
  return {
    async enqueue(job) {
      await queue.add('grade', job, {
        jobId: job.gradingId,
        attempts: 5,
        backoff: { type: 'exponential', delay: 2_000 },
        removeOnComplete: { age: 3600 },
        removeOnFail: { age: 7 * 24 * 3600 },
      });
    },
    async depth() {
      const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
      return Object.values(counts).reduce((a, b) => a + b, 0);
    },
    close: () => queue.close(),
  };
}
