import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Docker from 'dockerode';
import { pino } from 'pino';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChallengeCatalog, type Challenge } from '@assay/challenges';
import type { GradeJobData, Language } from '@assay/contract';
import { createRunner } from '../../runner/src/create-runner.js';
import { loadTestCases } from '../../runner/src/harness/test-case.js';
import { runnerConfigFromEnv } from '../../runner/src/runner-config.js';
import { instanceIdOf } from '../../runner/src/sandbox/instance-id.js';
import { createJanitor } from '../../runner/src/sandbox/janitor.js';
import { createRunnerHeartbeat } from '../../runner/src/worker/runner-heartbeat.js';
import { buildImages } from '../../runner/src/images/build-images.js';
import { gradeQueues } from '../support/grade-queue.js';
import { waitFor } from '../support/platform.js';

/**
 * The runner behind its real queue: jobs in, verdicts out on the verdict queue, bad jobs not
 * retried, and a runner killed mid-job leaving nothing behind once the janitor has run and
 * its job re-delivered to another runner, graded once.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHALLENGE = 'consistent-hash-ring';
const prefix = `assay-test-worker-${randomBytes(4).toString('hex')}`;
const queues = gradeQueues(prefix);
let challenge: Challenge;

const job = (language: Language, files: GradeJobData['files'], suite: GradeJobData['suite'] = 'hidden'): GradeJobData => ({
  gradingId: `g-${randomBytes(8).toString('hex')}`,
  attemptId: 'a-test',
  challengeId: CHALLENGE,
  contentHash: challenge.contentHash,
  language,
  suite,
  files,
});

beforeAll(async () => {
  await buildImages();
  challenge = await createChallengeCatalog({ root: `${ROOT}challenges` }).get(CHALLENGE);
});
afterAll(async () => {
  await queues.close();
});

describe('a runner in this process', () => {
  let runner: Awaited<ReturnType<typeof createRunner>>;
  beforeAll(async () => {
    runner = await createRunner(runnerConfigFromEnv({ ASSAY_QUEUE_PREFIX: prefix, RUNNER_ID: `${prefix}-a`, RUNNER_POOL_SIZE: '1' }), pino({ level: 'silent' }));
  });
  afterAll(async () => {
    await runner.close();
  });

  it('grades the reference as passed and the starter as failed, publishing one verdict each', async () => {
    const reference = job('typescript', challenge.trusted.reference.typescript!);
    const starter = job('python', challenge.starter.python!.map(({ path, content }) => ({ path, content })));
    await queues.add(reference);
    await queues.add(starter);
    const [passed, failed] = await Promise.all([queues.waitForVerdict(reference.gradingId), queues.waitForVerdict(starter.gradingId)]);
    expect(passed).toMatchObject({ verdict: 'passed', score: 1, contentHash: challenge.contentHash, suite: 'hidden' });
    expect(passed.tests.length).toBeGreaterThan(10);
    expect(failed.verdict).toBe('failed');
    expect(failed.score).toBeLessThan(1);
    expect(await queues.verdictsFor(reference.gradingId)).toHaveLength(1);
  });

  it('runs only the public suite for a public run', async () => {
    const run = job('javascript', challenge.trusted.reference.javascript!, 'public');
    await queues.add(run);
    const verdict = await queues.waitForVerdict(run.gradingId);
    const publicNames = (await loadTestCases(challenge.trusted.testModules.public, challenge.manifest, challenge.contentHash)).map((t) => t.name);
    expect(verdict.suite).toBe('public');
    expect(verdict.verdict).toBe('passed');
    expect(verdict.tests.map((t) => t.name)).toEqual(publicNames);
  });

  it('fails a malformed job at once, without retrying it', async () => {
    const bad = await queues.grade.add('grade', { gradingId: 'not valid!', files: 'nope' } as never, { attempts: 5 });
    await waitFor(async () => (await bad.getState()) === 'failed', 30_000, () => 'the bad job did not fail');
    const failed = await queues.grade.getJob(bad.id!);
    expect(failed?.attemptsMade).toBe(1);
    expect(failed?.failedReason).toMatch(/invalid grade job/);
  });
});

describe('a runner killed mid-job', () => {
  it('leaves no container once the janitor runs, and its job is graded once by another runner', async () => {
    const docker = new Docker();
    const runnerId = `${prefix}-doomed`;
    const env = { ...process.env, ASSAY_QUEUE_PREFIX: prefix, RUNNER_ID: runnerId, RUNNER_POOL_SIZE: '0', RUNNER_LOCK_MS: '3000' };
    const doomed = spawn(process.execPath, ['--import', 'tsx', 'runner/src/main.ts'], { cwd: ROOT, env, stdio: 'ignore' });
    // A solution whose every call hangs keeps the runner busy in a sandbox.
    const hanging = challenge.trusted.reference.typescript!.map((file) =>
      file.path === challenge.manifest.entry.typescript ? { ...file, content: file.content.replace(/addNode\(([^)]*)\)([^{]*)\{/, 'addNode($1)$2{ for (;;) {}') } : file,
    );
    const stuck = job('typescript', hanging);
    await queues.add(stuck);
    const mine = async () => docker.listContainers({ all: true, filters: { label: [`dev.assay.runner=${runnerId}`] } });
    await waitFor(async () => (await mine()).length > 0, 60_000, () => 'the doomed runner never started a sandbox');
    doomed.kill('SIGKILL');
    await new Promise((resolve) => doomed.once('exit', resolve));
    expect((await mine()).length).toBeGreaterThan(0);

    const redis = new Redis({ maxRetriesPerRequest: null });
    const heartbeat = createRunnerHeartbeat({ redis, prefix, runnerId: 'observer' });
    const janitor = createJanitor({ docker, instanceId: instanceIdOf(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', prefix), isRunnerAlive: heartbeat.isAlive, graceMs: 0 });
    // Its heartbeat key expires within 15 s; until then the janitor must spare it. Only this
    // test's instance is judged by liveness: nothing else on the engine is touched.
    await waitFor(async () => (await janitor.sweep(), (await mine()).length === 0), 30_000, () => 'the janitor left containers');
    redis.disconnect();

    const successor = spawn(process.execPath, ['--import', 'tsx', 'runner/src/main.ts'], {
      cwd: ROOT,
      env: { ...env, RUNNER_ID: `${prefix}-successor` },
      stdio: 'ignore',
    });
    try {
      const verdict = await queues.waitForVerdict(stuck.gradingId, 150_000);
      expect(verdict.verdict).toBe('timeout');
      expect(await queues.verdictsFor(stuck.gradingId)).toHaveLength(1);
    } finally {
      successor.kill('SIGTERM');
      await new Promise((resolve) => successor.once('exit', resolve));
    }
    const left = await docker.listContainers({ all: true, filters: { label: [`dev.assay.runner=${prefix}-successor`] } });
    expect(left).toEqual([]);
  });
});
