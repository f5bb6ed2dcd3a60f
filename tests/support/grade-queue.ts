import { Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { GRADE_QUEUE, GradingResult, VERDICT_QUEUE, type GradeJobData } from '@assay/contract';

/**
 * The two queues as the API sees them, for tests that drive a runner directly: add grade
 * jobs, read the verdicts the runner published.
 */
export function gradeQueues(prefix: string, redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379') {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  connection.on('error', () => undefined); // a test may stop this Redis: the calls that matter fail on their own
  const grade = new Queue<GradeJobData>(GRADE_QUEUE, { connection, prefix });
  const verdicts = new Queue<GradingResult>(VERDICT_QUEUE, { connection, prefix });
  return {
    connection,
    grade,
    verdicts,
    add: (job: GradeJobData, attempts = 3) => grade.add('grade', job, { jobId: job.gradingId, attempts, backoff: { type: 'fixed', delay: 200 } }),
    /** Every verdict job published for a grading (a correct runner publishes exactly one). */
    async verdictsFor(gradingId: string): Promise<GradingResult[]> {
      const jobs = await verdicts.getJobs(['waiting', 'active', 'completed', 'failed', 'delayed']);
      return jobs.filter((job) => job?.data.gradingId === gradingId).map((job) => GradingResult.parse(job.data));
    },
    async waitForVerdict(gradingId: string, timeoutMs = 120_000): Promise<GradingResult> {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const [found] = await this.verdictsFor(gradingId);
        if (found) return found;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`no verdict for ${gradingId} within ${timeoutMs} ms`);
    },
    async close(): Promise<void> {
      await grade.obliterate({ force: true }).catch(() => undefined);
      await verdicts.obliterate({ force: true }).catch(() => undefined);
      await grade.close();
      await verdicts.close();
      const keys = await connection.keys(`${prefix}:*`);
      if (keys.length) await connection.del(...keys);
      connection.disconnect();
    },
  };
}

export { QueueEvents };
