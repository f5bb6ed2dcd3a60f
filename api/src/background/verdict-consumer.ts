import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { GradingResult, VERDICT_QUEUE } from '@assay/contract';
import type { Gradings } from '../grading/gradings.js';

/**
 * Drains the verdict queue into the database. Runners publish verdicts there (they hold no
 * database credentials); verdicts published while the API was down wait in Redis and are
 * written when it returns. Each is written once (see Gradings.recordVerdict).
 */
export function createVerdictConsumer({ connection, prefix, gradings, log = () => undefined }: { connection: Redis; prefix: string; gradings: Gradings; log?: (entry: object, message: string) => void }) {
  const worker = new Worker(
    VERDICT_QUEUE,
    async (job) => {
      const parsed = GradingResult.safeParse(job.data);
      if (!parsed.success) {
        log({ jobId: job.id, error: parsed.error.message }, 'dropped a malformed verdict');
        return { written: false };
      }
      const written = await gradings.recordVerdict(parsed.data);
      log({ gradingId: parsed.data.gradingId, verdict: parsed.data.verdict, written }, 'verdict');
      return { written };
    },
    { connection, prefix, concurrency: 4 },
  );
  worker.on('error', (error) => log({ error: String(error) }, 'verdict consumer error'));
  return { close: () => worker.close() };
}
