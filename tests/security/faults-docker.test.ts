import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChallengeCatalog, type Challenge } from '@assay/challenges';
import type { GradeJobData } from '@assay/contract';
import { createGradeQueue } from '../../api/src/queue/grade-queue.js';
import { gradeQueues } from '../support/grade-queue.js';
import { waitFor } from '../support/platform.js';
import { startPrivateDocker } from '../support/private-docker.js';

/**
 * Group 5 of the adversarial suite, engine side: the Docker daemon restarted while a job runs.
 * The job must end as an infrastructure failure and be retried, never graded from what the
 * dying sandbox said (a sandbox the engine stopped is not the candidate's crash).
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHALLENGE = 'rate-limiter';
let challenge: Challenge;
let engine: Awaited<ReturnType<typeof startPrivateDocker>>;

beforeAll(async () => {
  challenge = await createChallengeCatalog({ root: `${ROOT}challenges` }).get(CHALLENGE);
  engine = await startPrivateDocker();
  await engine.buildImages();
});
afterAll(() => engine?.close());

/** The reference, made slow to load (1.5 s of work at import) so the restart lands mid-job. */
function slowToLoad(): GradeJobData['files'] {
  const entry = challenge.manifest.entry.typescript!;
  return challenge.trusted.reference.typescript!.map((file) =>
    file.path === entry ? { ...file, content: `const loadUntil = Date.now() + 1500;\nwhile (Date.now() < loadUntil) {}\n${file.content}` } : file,
  );
}

describe('the Docker daemon restarted mid-job', () => {
  it('ends the delivery as infra_error, retries once the engine is back, and stores one correct verdict', { timeout: 420_000 }, async () => {
    const prefix = `assay-test-dockerd-${randomBytes(4).toString('hex')}`;
    const runnerId = `${prefix}-r`;
    const runner = spawn(process.execPath, ['--import', 'tsx', 'runner/src/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, DOCKER_HOST: engine.host, ASSAY_QUEUE_PREFIX: prefix, RUNNER_ID: runnerId, RUNNER_POOL_SIZE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output: string[] = [];
    runner.stdout!.on('data', (c: Buffer) => output.push(String(c)));
    runner.stderr!.on('data', (c: Buffer) => output.push(String(c)));
    const queues = gradeQueues(prefix);
    const connection = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
    // Enqueued exactly as the API does, with its retry policy.
    const apiQueue = createGradeQueue({ connection, prefix });
    try {
      const job: GradeJobData = {
        gradingId: `g-${randomBytes(8).toString('hex')}`,
        attemptId: 'a-dockerd',
        challengeId: CHALLENGE,
        contentHash: challenge.contentHash,
        language: 'typescript',
        suite: 'hidden',
        files: slowToLoad(),
      };
      await apiQueue.enqueue(job);
      await waitFor(
        async () => (await queues.grade.getJob(job.gradingId))?.isActive() ?? false,
        120_000,
        () => `the job never became active\n${output.join('')}`,
      );
      // Wait until the grading holds its sandbox (the runner records it just before loading the
      // code, which takes 1.5 s), then restart the engine under it. A warm pooled sandbox alone
      // is not enough: the job may not have reached it yet.
      await waitFor(async () => (await connection.scard(`${prefix}:job-containers:${job.gradingId}`)) > 0, 60_000, () => `the grading never took a sandbox\n${output.join('')}`);
      const stopped = Date.now();
      await engine.stop();
      await engine.start();
      const verdict = await queues.waitForVerdict(job.gradingId, 180_000);
      const recovered = Date.now() - stopped;
      console.log(`[faults] Docker daemon restart: verdict ${recovered} ms after the engine was stopped`);

      expect(verdict.verdict, output.join('').slice(-3000)).toBe('passed');
      expect(await queues.verdictsFor(job.gradingId)).toHaveLength(1);
      const finished = await queues.grade.getJob(job.gradingId);
      // The interrupted delivery failed as an infrastructure error and was retried.
      expect(finished!.attemptsMade).toBeGreaterThanOrEqual(1);
      expect(output.join('')).toMatch(/grading failed/);
      expect(runner.exitCode).toBeNull();
      // Every sandbox from before the restart (the interrupted one, the pool's spare) is removed;
      // what the pool starts afterwards is the runner's to keep or the janitor's to sweep.
      const left = () => engine.client.listContainers({ all: true, filters: { label: [`dev.assay.runner=${runnerId}`] } });
      await waitFor(
        async () => (await left()).every((c) => c.Created * 1000 > stopped),
        120_000,
        async () => `sandboxes from before the restart left behind: ${JSON.stringify((await left()).map((c) => ({ created: c.Created * 1000 - stopped, state: c.State })))}`,
        1_000,
      );
    } finally {
      // Graceful first; a runner still busy with a dead engine's leftovers after 40 s is killed.
      const exited = new Promise((resolve) => runner.once('exit', resolve));
      runner.kill('SIGTERM');
      const forced = setTimeout(() => runner.kill('SIGKILL'), 40_000);
      await exited;
      clearTimeout(forced);
      await apiQueue.close();
      connection.disconnect();
      await queues.close();
    }
  });
});
