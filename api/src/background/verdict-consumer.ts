import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { GradingResult, VERDICT_QUEUE } from '@assay/contract';
import type { Gradings } from '../grading/gradings.js';

/** Enough of a verdict to know which grading it was for, when the rest cannot be read. */
const VerdictOf = z.object({ gradingId: z.string().min(1).max(80) });

/**
 * Drains the verdict queue into the database. Runners publish verdicts there (they hold no
 * database credentials); verdicts published while the API was down wait in Redis and are
 * written when it returns. Each is written once (see Gradings.recordVerdict). A verdict that
 * cannot be read still ends its grading, as `infra_error` saying so. A short lock (5 s,
 * checked every second) means a verdict the API was writing when it died is written again
 * within seconds of its return, not after BullMQ's default 30 s.
 */
export function createVerdictConsumer({ connection, prefix, gradings, lockDurationMs = 5_000, log = () => undefined }: { connection: Redis; prefix: string; gradings: Gradings; lockDurationMs?: number; log?: (entry: object, message: string) => void }) {
  const worker = new Worker(
    VERDICT_QUEUE,
    async (job) => {
      const parsed = GradingResult.safeParse(job.data);
      if (!parsed.success) {
        const of = VerdictOf.safeParse(job.data);
        const written = of.success && (await gradings.recordInfraError(of.data.gradingId, `the runner's verdict could not be read: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`));
        log({ jobId: job.id, error: parsed.error.message, written }, 'malformed verdict');
        return { written };
      }
      const written = await gradings.recordVerdict(parsed.data);
      log({ gradingId: parsed.data.gradingId, verdict: parsed.data.verdict, written }, 'verdict');
      return { written };
    },
    { connection, prefix, concurrency: 4, lockDuration: lockDurationMs, stalledInterval: 1_000 },
  );
  worker.on('error', (error) => log({ error: String(error) }, 'verdict consumer error'));
  return { close: () => worker.close() };
}
