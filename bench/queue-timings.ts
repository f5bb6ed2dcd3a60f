import type { Queue } from 'bullmq';
import { summarize, type Summary } from './stats.js';

/**
 * What BullMQ's own job timestamps say about a batch of grade jobs: `timestamp` (added),
 * `processedOn` (a runner took it) and `finishedOn` (its verdict was published). All are
 * Date.now() of processes on this machine, so they compare.
 */
export async function jobTimings(queue: Queue, ids: readonly string[]): Promise<{ pickupMs: Summary; finishedOn: number[] }> {
  const jobs = await Promise.all(ids.map((id) => queue.getJob(id)));
  return {
    pickupMs: summarize(jobs.map((job) => (job?.processedOn ?? NaN) - (job?.timestamp ?? NaN)).filter(Number.isFinite)),
    finishedOn: jobs.map((job) => job?.finishedOn ?? NaN).filter(Number.isFinite),
  };
}

/**
 * Verdicts per second while every runner slot is busy: the slope between the 10th and the 90th
 * percentile of finish times, which leaves out the first gradings (nothing had finished yet) and
 * the last (slots standing idle as the queue empties).
 */
export function sustainedRate(finishedOn: readonly number[]): number {
  const sorted = [...finishedOn].sort((a, b) => a - b);
  const lo = Math.floor(sorted.length * 0.1);
  const hi = Math.max(lo + 1, Math.ceil(sorted.length * 0.9) - 1);
  if (hi >= sorted.length || sorted[hi]! <= sorted[lo]!) return NaN;
  return (hi - lo) / ((sorted[hi]! - sorted[lo]!) / 1000);
}

/**
 * Polls the queue's finished count (completed or failed, beyond `before`) every 250 ms until
 * `total` more have finished: the drain curve, [seconds since `startedAt`, finished].
 */
export async function drainCurve(queue: Queue, { total, before, startedAt, timeoutMs }: { total: number; before: number; startedAt: number; timeoutMs: number }): Promise<Array<[number, number]>> {
  const curve: Array<[number, number]> = [[0, 0]];
  for (;;) {
    const counts = await queue.getJobCounts('completed', 'failed');
    const done = counts.completed! + counts.failed! - before;
    const seconds = (performance.now() - startedAt) / 1000;
    curve.push([seconds, done]);
    if (done >= total) return curve;
    if (seconds * 1000 > timeoutMs) throw new Error(`the queue did not drain: ${total - done} of ${total} left after ${seconds.toFixed(0)} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Finished count now, to pass as `before`. */
export async function finishedCount(queue: Queue): Promise<number> {
  const counts = await queue.getJobCounts('completed', 'failed');
  return counts.completed! + counts.failed!;
}
