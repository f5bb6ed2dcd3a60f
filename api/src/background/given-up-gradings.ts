import { QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import { GRADE_QUEUE } from '@assay/contract';
import type { Gradings } from '../grading/gradings.js';

/**
 * Listens for grade jobs the queue fails for good (attempts spent, or the runner holding it
 * died more often than `maxStalledCount`): no runner publishes a verdict then, so the API
 * records the `infra_error` verdict itself, within a second. Events missed while the API was
 * down are found by `Gradings.reconcile` on start.
 */
export function watchGivenUpGradings({ connection, prefix, gradings, log = () => undefined }: { connection: Redis; prefix: string; gradings: Gradings; log?: (entry: object, message: string) => void }) {
  const events = new QueueEvents(GRADE_QUEUE, { connection, prefix });
  events.on('error', (error) => log({ error: String(error) }, 'grade queue events error'));
  events.on('failed', ({ jobId }) => {
    gradings.settleIfGivenUp(jobId).then(
      (written) => written && log({ gradingId: jobId }, 'the queue gave up on a grading: recorded infra_error'),
      (error: unknown) => log({ gradingId: jobId, error: String(error) }, 'could not settle a failed grading (reconcile will)'),
    );
  });
  return { close: () => events.close() };
}
