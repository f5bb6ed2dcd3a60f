import { randomBytes } from 'node:crypto';
import { QueueEvents } from 'bullmq';
import { pino } from 'pino';
import type { Challenge } from '@assay/challenges';
import { VERDICT_QUEUE, type GradeJobData, type Language } from '@assay/contract';
import { createRunner } from '../runner/src/create-runner.js';
import { openReference } from '../runner/src/grading/open-reference.js';
import { runBody } from '../runner/src/harness/run-tests.js';
import { loadTestCases } from '../runner/src/harness/test-case.js';
import { runnerConfigFromEnv } from '../runner/src/runner-config.js';
import { gradeQueues } from '../tests/support/grade-queue.js';
import { inProcessClient } from './in-process-sut.js';
import { buildPeerBundle, peerDockerRun } from './peer-docker-run.js';
import { summarize, timeIt, type Summary } from './stats.js';

/**
 * The floor: the hidden suite's bodies against the reference with no sandbox — in this process
 * for TypeScript/JavaScript, through a local agent process for Python. Per run, in ms.
 */
export async function floorLatency(challenge: Challenge, language: Language, runs: number): Promise<Summary> {
  const tests = await loadTestCases(challenge.trusted.testModules.hidden, challenge.manifest, challenge.contentHash);
  const sample: number[] = [];
  for (let i = 0; i < runs; i++) {
    const [ms] = await timeIt(async () => {
      if (language === 'python') {
        const session = await openReference(challenge, language);
        try {
          for (const test of tests) await runBody(test, session.channel);
        } finally {
          await session.close();
        }
      } else {
        const client = await inProcessClient(challenge.trusted.reference[language]!, challenge.manifest.entry[language]!);
        for (const test of tests) await runBody(test, client);
      }
    });
    sample.push(ms);
  }
  return summarize(sample);
}

/** Submit-to-verdict through the real queue and a real runner in this process: enqueue → verdict published. */
export async function runnerLatency(
  challenge: Challenge,
  languages: Language[],
  { runs, poolSize, concurrency = 2 }: { runs: number; poolSize: number; concurrency?: number },
): Promise<Record<string, Summary>> {
  const prefix = `assay-bench-${randomBytes(4).toString('hex')}`;
  const runner = await createRunner(
    runnerConfigFromEnv({ ...process.env, ASSAY_QUEUE_PREFIX: prefix, RUNNER_ID: `${prefix}-runner`, RUNNER_POOL_SIZE: String(poolSize), RUNNER_CONCURRENCY: String(concurrency) }),
    pino({ level: 'silent' }),
  );
  const queues = gradeQueues(prefix);
  const events = new QueueEvents(VERDICT_QUEUE, { connection: queues.connection.duplicate(), prefix });
  await events.waitUntilReady();
  const waiters = new Map<string, () => void>();
  events.on('waiting', ({ jobId }) => waiters.get(jobId)?.());
  try {
    // Warm-up: the first grading pays for loading suites and measuring the reference once.
    const results: Record<string, Summary> = {};
    for (const language of languages) {
      const sample: number[] = [];
      for (let i = 0; i < runs + 1; i++) {
        const job: GradeJobData = {
          gradingId: `b-${randomBytes(8).toString('hex')}`,
          attemptId: 'bench',
          challengeId: challenge.manifest.id,
          contentHash: challenge.contentHash,
          language,
          suite: 'hidden',
          files: challenge.trusted.reference[language]!,
        };
        const done = new Promise<void>((resolve) => waiters.set(job.gradingId, resolve));
        const [ms] = await timeIt(async () => {
          await queues.add(job);
          await done;
        });
        waiters.delete(job.gradingId);
        const [verdict] = await queues.verdictsFor(job.gradingId);
        if (verdict?.verdict !== 'passed') throw new Error(`the ${language} reference did not pass: ${verdict?.summary}`);
        if (i > 0) sample.push(ms);
        // An idle queue: the pool has refilled (the refill starts once the last sandbox is
        // removed, and a start takes ~300 ms) before the next submission.
        if (poolSize > 0) await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
      results[language] = summarize(sample);
    }
    return results;
  } finally {
    await events.close();
    await runner.close();
    await queues.close();
  }
}

/** The peer approach: one hardened `docker run --rm … node --test` per submission. */
export async function peerLatency(challenge: Challenge, image: string, runs: number): Promise<Summary> {
  const bundle = await buildPeerBundle(challenge, 'typescript');
  const sample: number[] = [];
  for (let i = 0; i < runs; i++) {
    const [ms, passed] = await timeIt(() => peerDockerRun(image, bundle));
    if (!passed) throw new Error('the peer baseline failed the reference; the bench is not comparing like with like');
    sample.push(ms);
  }
  return summarize(sample);
}
