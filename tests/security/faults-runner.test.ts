import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChallengeCatalog, type Challenge } from '@assay/challenges';
import type { GradeJobData } from '@assay/contract';
import { buildImages } from '../../runner/src/images/build-images.js';
import { gradeQueues } from '../support/grade-queue.js';
import { waitFor } from '../support/platform.js';
import { startPrivateRedis } from '../support/private-redis.js';

/**
 * Group 5 of the adversarial suite, runner side: SIGTERM during a job, and Redis going away
 * mid-job. Recovery times are printed for the closing note.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHALLENGE = 'consistent-hash-ring';
let challenge: Challenge;

const job = (files: GradeJobData['files']): GradeJobData => ({
  gradingId: `g-${randomBytes(8).toString('hex')}`,
  attemptId: 'a-faults',
  challengeId: CHALLENGE,
  contentHash: challenge.contentHash,
  language: 'typescript',
  suite: 'hidden',
  files,
});

function startRunner(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'runner/src/main.ts'], { cwd: ROOT, env: { ...process.env, RUNNER_POOL_SIZE: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  child.stdout!.on('data', (c: Buffer) => output.push(String(c)));
  child.stderr!.on('data', (c: Buffer) => output.push(String(c)));
  const exit = new Promise<{ code: number | null; at: number }>((resolve) => child.once('exit', (code) => resolve({ code, at: Date.now() })));
  return { child, output, exit };
}

beforeAll(async () => {
  await buildImages();
  challenge = await createChallengeCatalog({ root: `${ROOT}challenges` }).get(CHALLENGE);
});

describe('SIGTERM during a job', () => {
  const prefix = `assay-test-sigterm-${randomBytes(4).toString('hex')}`;
  const queues = gradeQueues(prefix);
  afterAll(() => queues.close());

  it('finishes the job in hand, publishes its verdict, removes its sandboxes and exits 0', async () => {
    const runnerId = `${prefix}-r`;
    const runner = startRunner({ ASSAY_QUEUE_PREFIX: prefix, RUNNER_ID: runnerId, RUNNER_SHUTDOWN_MS: '60000' });
    const grading = job(challenge.trusted.reference.typescript!);
    await queues.add(grading);
    await waitFor(async () => (await queues.grade.getJob(grading.gradingId))?.isActive() ?? false, 60_000, () => `the job never became active\n${runner.output.join('')}`);
    const signalled = Date.now();
    runner.child.kill('SIGTERM');
    const { code, at } = await runner.exit;
    console.log(`[faults] SIGTERM mid-job: graceful exit after ${at - signalled} ms`);
    expect(code).toBe(0);
    expect((await queues.verdictsFor(grading.gradingId)).map((v) => v.verdict)).toEqual(['passed']);
    const left = await new Docker().listContainers({ all: true, filters: { label: [`dev.assay.runner=${runnerId}`] } });
    expect(left).toEqual([]);
  });

  it('is bounded: a job that outlives RUNNER_SHUTDOWN_MS is left for re-delivery and the runner still exits', async () => {
    const runner = startRunner({ ASSAY_QUEUE_PREFIX: prefix, RUNNER_ID: `${prefix}-b`, RUNNER_SHUTDOWN_MS: '1000' });
    const hanging = challenge.trusted.reference.typescript!.map((file) =>
      file.path === challenge.manifest.entry.typescript ? { ...file, content: file.content.replace(/addNode\(([^)]*)\)([^{]*)\{/, 'addNode($1)$2{ for (;;) {}') } : file,
    );
    const grading = job(hanging);
    await queues.add(grading);
    await waitFor(async () => (await queues.grade.getJob(grading.gradingId))?.isActive() ?? false, 60_000, () => 'the job never became active');
    const signalled = Date.now();
    runner.child.kill('SIGTERM');
    const { at } = await runner.exit;
    console.log(`[faults] SIGTERM with a job outliving the bound: exit after ${at - signalled} ms (bound 1000 ms)`);
    expect(at - signalled).toBeLessThan(10_000);
    expect(await queues.verdictsFor(grading.gradingId)).toEqual([]);
    const left = await new Docker().listContainers({ all: true, filters: { label: [`dev.assay.runner=${prefix}-b`] } });
    expect(left).toEqual([]);
  });
});

describe('Redis restarted mid-job', () => {
  it('the runner reconnects and grades again without being restarted', async () => {
    const redis = await startPrivateRedis(16_379);
    const prefix = `assay-test-redis-${randomBytes(4).toString('hex')}`;
    const runner = startRunner({ ASSAY_QUEUE_PREFIX: prefix, RUNNER_ID: `${prefix}-r`, REDIS_URL: redis.url });
    process.env.REDIS_URL = redis.url;
    let queues = gradeQueues(prefix);
    try {
      const first = job(challenge.trusted.reference.typescript!);
      await queues.add(first);
      await waitFor(async () => (await queues.grade.getJob(first.gradingId))?.isActive() ?? false, 60_000, () => `the job never became active\n${runner.output.join('')}`);
      await queues.close().catch(() => undefined);
      await redis.stop();
      const restarted = Date.now();
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      await redis.start();
      queues = gradeQueues(prefix);
      // The restart lost every key (no persistence): the API's reconciler re-enqueues what it
      // has no verdict for. Here we play that part and re-add the lost job.
      await queues.add(first);
      const verdict = await queues.waitForVerdict(first.gradingId, 120_000);
      console.log(`[faults] Redis restart: verdict ${Date.now() - restarted} ms after Redis went down`);
      expect(verdict.verdict).toBe('passed');
      expect(await queues.verdictsFor(first.gradingId)).toHaveLength(1);
    } finally {
      delete process.env.REDIS_URL;
      runner.child.kill('SIGTERM');
      await runner.exit;
      await queues.close().catch(() => undefined);
      await redis.close();
    }
  });
});
