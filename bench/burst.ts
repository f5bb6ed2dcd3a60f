import { randomBytes } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Challenge } from '@assay/challenges';
import type { GradeJobData } from '@assay/contract';
import { gradeQueues } from '../tests/support/grade-queue.js';
import { waitFor } from '../tests/support/platform.js';
import { summarize, type Summary } from './stats.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface BurstFigures {
  runners: number;
  concurrency: number;
  jobs: number;
  drainSeconds: number;
  verdictsPerSecond: number;
  /** Gradings with more than one verdict, and with none: both must be 0. */
  duplicated: number;
  missing: number;
  /** An idle runner: a job's time from added to picked up, ms. */
  idlePickupMs: Summary;
  /** During the burst: time from added to picked up (waiting behind the others), ms. */
  burstWaitMs: Summary;
  /** [seconds since the burst, gradings still without a verdict]. */
  drain: Array<[number, number]>;
}

function startRunners(count: number, env: Record<string, string>): Promise<ChildProcess[]> {
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'runner/src/main.ts'], { cwd: ROOT, env: { ...process.env, ...env, RUNNER_ID: `${env.ASSAY_QUEUE_PREFIX}-r${i}` }, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout!.on('data', (chunk: Buffer) => (output += chunk));
      child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
      await waitFor(async () => output.includes('runner ready'), 60_000, () => `a runner did not start:\n${output}`);
      return child;
    }),
  );
}

/**
 * A burst of reference submissions straight onto the grade queue (the API's part is measured by
 * the latency benchmark): every grading must get exactly one verdict. Also the pickup time of
 * an idle runner, and the drain curve.
 */
export async function burstBenchmark(challenge: Challenge, { jobs, runners, concurrency, idleSamples }: { jobs: number; runners: number; concurrency: number; idleSamples: number }): Promise<BurstFigures> {
  const prefix = `assay-bench-burst-${randomBytes(4).toString('hex')}`;
  const queues = gradeQueues(prefix);
  const children = await startRunners(runners, { ASSAY_QUEUE_PREFIX: prefix, RUNNER_CONCURRENCY: String(concurrency), RUNNER_POOL_SIZE: String(concurrency) });
  const job = (): GradeJobData => ({
    gradingId: `g-${randomBytes(8).toString('hex')}`,
    attemptId: 'a-bench',
    challengeId: challenge.manifest.id,
    contentHash: challenge.contentHash,
    language: 'typescript',
    suite: 'hidden',
    files: challenge.trusted.reference.typescript!,
  });
  const waited = async (ids: string[]) => {
    const found = await Promise.all(ids.map((id) => queues.grade.getJob(id)));
    return found.map((j) => (j?.processedOn ?? NaN) - (j?.timestamp ?? NaN));
  };
  try {
    const idle: string[] = [];
    for (let i = 0; i < idleSamples; i++) {
      const one = job();
      await queues.add(one);
      await queues.waitForVerdict(one.gradingId);
      idle.push(one.gradingId);
    }
    const burst = Array.from({ length: jobs }, job);
    const started = performance.now();
    await queues.grade.addBulk(burst.map((data) => ({ name: 'grade', data, opts: { jobId: data.gradingId, attempts: 3, backoff: { type: 'fixed', delay: 200 } } })));
    const drain: Array<[number, number]> = [];
    let remaining = jobs;
    while (remaining > 0) {
      const done = (await queues.verdicts.getJobCounts('waiting')).waiting! - idleSamples;
      remaining = jobs - done;
      drain.push([(performance.now() - started) / 1000, remaining]);
      if (performance.now() - started > 20 * 60_000) throw new Error(`the burst did not drain: ${remaining} left`);
      if (remaining > 0) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const drainSeconds = (performance.now() - started) / 1000;
    const verdicts = await queues.verdicts.getJobs(['waiting']);
    const perGrading = new Map<string, number>();
    for (const v of verdicts) perGrading.set(v.data.gradingId, (perGrading.get(v.data.gradingId) ?? 0) + 1);
    return {
      runners,
      concurrency,
      jobs,
      drainSeconds,
      verdictsPerSecond: jobs / drainSeconds,
      duplicated: [...perGrading.values()].filter((n) => n > 1).length,
      missing: burst.filter((b) => !perGrading.has(b.gradingId)).length,
      idlePickupMs: summarize(await waited(idle)),
      burstWaitMs: summarize(await waited(burst.map((b) => b.gradingId))),
      drain,
    };
  } finally {
    await Promise.all(children.map((child) => new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGTERM')))));
    await queues.close();
  }
}
