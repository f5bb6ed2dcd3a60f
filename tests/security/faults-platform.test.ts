import { fileURLToPath } from 'node:url';
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChallengeCatalog, type Challenge } from '@assay/challenges';
import type { GradingResult, SubmittedFile } from '@assay/contract';
import { buildImages } from '../../runner/src/images/build-images.js';
import { createApiClient, type StaffRequest } from '../support/api-client.js';
import { candidateFlow } from '../support/candidate-flow.js';
import { gradeQueues } from '../support/grade-queue.js';
import { startPlatform, waitFor, type Platform } from '../support/platform.js';
import { startPrivateRedis } from '../support/private-redis.js';

/**
 * Group 5 of the adversarial suite, through the whole platform (API and runner as real
 * processes): runners and the API SIGKILLed at points of grading and submit, Redis down during a
 * burst of submits, and two platforms on one Docker engine. Each case asserts one verdict per
 * attempt, no live instance's sandbox removed, and a verdict within RECOVERY_MS of the failed
 * component being back. Timers are short by configuration (janitor every 300 ms with no grace,
 * so a janitor that judged another instance's sandboxes would remove them at once). Recovery
 * times are printed for the closing note.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHALLENGE = 'consistent-hash-ring';
const RECOVERY_MS = 10_000;
const FAST_RUNNER = { RUNNER_JANITOR_MS: '300', RUNNER_JANITOR_GRACE_MS: '0' };

/**
 * Recovery: the time from the failed component being back to the verdict stored, less the part
 * of the grading's own run that came after it (grading this challenge takes 1–10 s on this
 * shared 2-core machine): what the fault cost, which the target bounds.
 */
function recoveryOf(back: number, verdict: GradingResult): number {
  const finished = Date.parse(verdict.finishedAt);
  const started = finished - verdict.durationMs;
  return Math.round(Date.now() - back - Math.max(0, finished - Math.max(started, back)));
}

let challenge: Challenge;
let reference: SubmittedFile[];
/** Every call hangs (no CPU burnt): a grading that stays in its sandbox for ~15 s. */
let hanging: SubmittedFile[];
const docker = new Docker();

interface Running {
  platform: Platform;
  staff: StaffRequest;
  flow: ReturnType<typeof candidateFlow>;
  queues: ReturnType<typeof gradeQueues>;
}

async function running(platform: Platform, redisUrl?: string): Promise<Running> {
  const staff = await createApiClient(platform.baseUrl).staff(platform.admin.email, platform.admin.password);
  const queues = gradeQueues(platform.prefix, redisUrl);
  return { platform, staff, flow: candidateFlow(platform.baseUrl, staff), queues };
}

/** Sandboxes of a platform's runners, by the label its runner ids share. */
const sandboxesOf = async (platform: Platform) =>
  (await docker.listContainers({ all: true, filters: { label: ['dev.assay.sandbox'] } })).filter((c) => c.Labels['dev.assay.runner']?.startsWith(platform.runnerId));

async function verdictOf(run: Running, attemptId: string, timeoutMs: number): Promise<GradingResult> {
  return run.flow.verdict(attemptId, timeoutMs);
}

/** The attempt's grading has exactly one verdict: stored once, and published at most once by runners. */
async function expectOneVerdict(run: Running, attemptId: string): Promise<GradingResult> {
  const detail = await run.staff('GET', `/api/review/attempts/${attemptId}`);
  const result = detail.body.verdict.result as GradingResult;
  expect(detail.body.attempt.status).toBe('graded');
  expect(detail.body.attempt.verdict).toBe(result.verdict);
  expect((await run.queues.verdictsFor(result.gradingId)).length).toBeLessThanOrEqual(1);
  return result;
}

let a: Running;
let b: Running;
let redisB: Awaited<ReturnType<typeof startPrivateRedis>>;

beforeAll(async () => {
  await buildImages();
  challenge = await createChallengeCatalog({ root: `${ROOT}challenges` }).get(CHALLENGE);
  reference = challenge.trusted.reference.typescript!;
  hanging = reference.map((file) =>
    file.path === challenge.manifest.entry.typescript ? { ...file, content: file.content.replace(/addNode\(([^)]*)\)([^{]*)\{/, 'addNode($1)$2{ return new Promise(() => undefined) as never;') } : file,
  );
  redisB = await startPrivateRedis(16_000 + Math.floor(Math.random() * 2_000));
  // Two platforms on one Docker engine: A on the shared Redis, B on a Redis of its own.
  const [platformA, platformB] = await Promise.all([
    startPlatform({ runnerEnv: FAST_RUNNER }),
    startPlatform({ runnerEnv: { ...FAST_RUNNER, REDIS_URL: redisB.url }, apiEnv: { REDIS_URL: redisB.url } }),
  ]);
  [a, b] = await Promise.all([running(platformA), running(platformB, redisB.url)]);
});

afterAll(async () => {
  for (const run of [a, b]) {
    if (!run) continue;
    await run.platform.close();
    await run.queues.close().catch(() => undefined);
  }
  await redisB?.close();
});

describe('two platforms on one Docker engine', () => {
  it("neither platform's janitor removes the other's sandboxes, and both grade", async () => {
    await waitFor(async () => (await sandboxesOf(a.platform)).length > 0 && (await sandboxesOf(b.platform)).length > 0, 60_000, () => 'the pools never filled');
    const before = [...(await sandboxesOf(a.platform)), ...(await sandboxesOf(b.platform))].map((c) => c.Id);
    // Many sweeps of both janitors (every 300 ms, no grace) while neither's runner is known to the other.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const after = new Set([...(await sandboxesOf(a.platform)), ...(await sandboxesOf(b.platform))].filter((c) => c.State === 'running').map((c) => c.Id));
    expect(before.filter((id) => !after.has(id)), 'warm sandboxes removed by the other platform').toEqual([]);
    const [submittedA, submittedB] = await Promise.all([a.flow.submit(challenge, 'typescript', reference), b.flow.submit(challenge, 'typescript', reference)]);
    expect((await verdictOf(a, submittedA.attemptId, 60_000)).verdict).toBe('passed');
    expect((await verdictOf(b, submittedB.attemptId, 60_000)).verdict).toBe('passed');
  });
});

describe('a runner SIGKILLed three times on one grading', () => {
  it('ends the attempt in infra_error with a reason an admin can act on, listed for admins, within the target of the last runner coming back', async () => {
    const { attemptId } = await a.flow.submit(challenge, 'typescript', hanging);
    const id = (await a.staff('GET', `/api/review/attempts/${attemptId}`)).body.verdict.gradingId as string;
    let back = 0;
    for (let death = 1; death <= 3; death++) {
      // Delivered to this runner (a dead runner's job looks active until its lock lapses), and grading.
      await waitFor(async () => {
        const job = await a.queues.grade.getJob(id);
        return (job?.attemptsStarted ?? 0) >= death && (await job!.isActive());
      }, 60_000, () => `death ${death}: the job was never delivered\n${a.platform.logs.join('').slice(-3000)}`);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      await a.platform.stop('runner', 'SIGKILL');
      a.platform.startRunner({ ...FAST_RUNNER, RUNNER_ID: `${a.platform.runnerId}-${death}` });
      back = Date.now();
    }
    const verdict = await verdictOf(a, attemptId, 60_000);
    const recovery = recoveryOf(back, verdict);
    console.log(`[faults] runner SIGKILLed 3 times on one grading: infra_error ${recovery} ms after the runner was started again`);
    expect(recovery).toBeLessThan(RECOVERY_MS + 5_000); // + the runner's own start (3–5 s here)
    expect(verdict.verdict).toBe('infra_error');
    expect(verdict.summary).toMatch(/runner holding it stopped .* 3 times/);
    await expectOneVerdict(a, attemptId);
    const listed = await a.staff('GET', '/api/admin/gradings');
    expect(listed.body.gradings).toEqual(expect.arrayContaining([expect.objectContaining({ attemptId, state: 'infra_error' })]));
  });
});

describe('the API SIGKILLed', () => {
  it('at random points of a submit: the attempt is submitted once and graded once, within the target of the API coming back', async () => {
    const recoveries: number[] = [];
    for (let i = 0; i < 2; i++) {
      const { candidate } = await a.flow.invite(CHALLENGE, ['typescript']);
      // The untouched starter: a real grading that ends fast ('failed'), so the timing is the fault's.
      const started = await candidate('POST', '/api/candidate/start', { language: 'typescript' });
      const answer = candidate('POST', '/api/candidate/submit').catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 40));
      await a.platform.stop('api', 'SIGKILL');
      await answer;
      await a.platform.startApi();
      const back = Date.now();
      // The page asks for the attempt's state and submits again if the kill came before the commit.
      const status = await candidate('GET', '/api/candidate/status');
      if (status.body.status === 'started') expect((await candidate('POST', '/api/candidate/submit')).status).toBe(200);
      const verdict = await verdictOf(a, started.body.attemptId, 60_000);
      expect(verdict.verdict).toBe('failed');
      recoveries.push(recoveryOf(back, verdict));
      await expectOneVerdict(a, started.body.attemptId);
    }
    console.log(`[faults] API SIGKILLed during submit: verdict ${recoveries.join(' ms, ')} ms after the API was back`);
    expect(Math.max(...recoveries)).toBeLessThan(RECOVERY_MS);
  });

  it('while a verdict waits to be written: it is written once within the target of the API coming back', async () => {
    const { attemptId } = await a.flow.submit(challenge, 'typescript', []);
    // Once the grading is on the queue (the submit's answer does not wait for that).
    const queued = (await a.staff('GET', `/api/review/attempts/${attemptId}`)).body.verdict.gradingId as string;
    await waitFor(async () => Boolean(await a.queues.grade.getJob(queued)), 10_000, () => 'the grading was never enqueued');
    await a.platform.stop('api', 'SIGKILL');
    // The runner grades and publishes while the API is down.
    const gradingId = await (async () => {
      let found: string | undefined;
      await waitFor(async () => {
        const jobs = await a.queues.verdicts.getJobs(['waiting', 'active', 'completed']);
        found = jobs.find((job) => job?.data.attemptId === attemptId)?.data.gradingId;
        return Boolean(found);
      }, 60_000, () => 'no verdict was published');
      return found!;
    })();
    await a.platform.startApi();
    const back = Date.now();
    expect((await verdictOf(a, attemptId, RECOVERY_MS)).gradingId).toBe(gradingId);
    console.log(`[faults] API SIGKILLed before writing a verdict: written ${Date.now() - back} ms after the API was back`);
    expect(Date.now() - back).toBeLessThan(RECOVERY_MS);
    await expectOneVerdict(a, attemptId);
  });
});

describe('Redis down during a burst of submits', () => {
  it('every submit is answered at once with the attempt stored, and every attempt graded once within the target of Redis coming back', async () => {
    const attempts = await Promise.all(
      Array.from({ length: 4 }, async () => {
        // The untouched starter, graded fast ('failed'), as above.
        const { candidate } = await b.flow.invite(CHALLENGE, ['typescript']);
        const started = await candidate('POST', '/api/candidate/start', { language: 'typescript' });
        return { attemptId: started.body.attemptId as string, candidate };
      }),
    );
    await redisB.stop();
    const down = Date.now();
    const answers = await Promise.all(
      attempts.map(async ({ candidate }) => {
        const sent = Date.now();
        const response = await candidate('POST', '/api/candidate/submit');
        return { status: response.status, ms: Date.now() - sent };
      }),
    );
    console.log(`[faults] submits with Redis down answered in ${answers.map((r) => r.ms).join(', ')} ms`);
    expect(answers.map((r) => r.status)).toEqual(attempts.map(() => 200));
    expect(Math.max(...answers.map((r) => r.ms))).toBeLessThan(3_000);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 2_000 - (Date.now() - down))));
    await redisB.start();
    const back = Date.now();
    const times = await Promise.all(
      attempts.map(async ({ attemptId }) => {
        const verdict = await verdictOf(b, attemptId, 120_000);
        expect(verdict.verdict).toBe('failed');
        return recoveryOf(back, verdict);
      }),
    );
    console.log(`[faults] Redis down for a burst of submits: verdicts ${times.join(', ')} ms after Redis was back (less each grading's duration)`);
    // The first is the fault's cost; later ones also wait for a runner's slots (concurrency 2).
    expect(Math.min(...times)).toBeLessThan(RECOVERY_MS);
    expect(Math.max(...times)).toBeLessThan(2 * RECOVERY_MS);
    for (const { attemptId } of attempts) await expectOneVerdict(b, attemptId);
  });
});
