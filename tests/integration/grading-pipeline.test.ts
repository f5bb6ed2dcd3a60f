import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChallengeCatalog, type Challenge } from '@assay/challenges';
import { buildImages } from '../../runner/src/images/build-images.js';
import { createApiClient, type StaffRequest } from '../support/api-client.js';
import { candidateFlow } from '../support/candidate-flow.js';
import { gradeQueues } from '../support/grade-queue.js';
import { startPlatform, waitFor, type Platform } from '../support/platform.js';

/**
 * The whole pipeline as people use it, with the API and a runner as separate processes:
 * invite → start → save → submit → grade in a sandbox → verdict stored → reviewer reads it.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHALLENGE = process.env.PIPELINE_CHALLENGE ?? 'rate-limiter';

let platform: Platform;
let staff: StaffRequest;
let challenge: Challenge;
let flow: ReturnType<typeof candidateFlow>;

beforeAll(async () => {
  await buildImages(() => undefined);
  challenge = await createChallengeCatalog({ root: `${ROOT}challenges` }).get(CHALLENGE);
  platform = await startPlatform();
  staff = await createApiClient(platform.baseUrl).staff(platform.admin.email, platform.admin.password);
  flow = candidateFlow(platform.baseUrl, staff);
});
afterAll(async () => {
  await platform?.close();
});

describe.each(['typescript', 'javascript', 'python'] as const)('%s', (language) => {
  it('the reference solution is graded passed with 100%', async () => {
    // Twice: the first grading of a challenge version also times the reference once.
    for (const run of ['first', 'second']) {
      const { attemptId, submitStarted } = await flow.submit(challenge, language, challenge.trusted.reference[language]!);
      const verdict = await flow.verdict(attemptId, 180_000, 10);
      console.log(`[pipeline] ${CHALLENGE} ${language} (${run}): submit to stored verdict ${(performance.now() - submitStarted).toFixed(0)} ms`);
      expect(verdict.verdict, verdict.summary).toBe('passed');
    }
    const { attemptId } = await flow.submit(challenge, language, challenge.trusted.reference[language]!);
    const verdict = await flow.verdict(attemptId);
    expect(verdict.verdict, verdict.summary).toBe('passed');
    expect(verdict.score).toBe(1);
    expect(verdict.contentHash).toBe(challenge.contentHash);
  });

  it('the untouched starter is graded failed', async () => {
    const { attemptId } = await flow.submit(challenge, language, []);
    const verdict = await flow.verdict(attemptId);
    expect(verdict.verdict).toBe('failed');
    expect(verdict.score).toBeLessThan(1);
  });
});

/** The TypeScript reference with the body of tryAcquire replaced, or the whole module replaced. */
function hostile(change: { tryAcquire?: string; module?: string }) {
  return challenge.trusted.reference.typescript!.map((file) => {
    if (file.path !== challenge.manifest.entry.typescript) return file;
    if (change.module !== undefined) return { ...file, content: change.module };
    return { ...file, content: file.content.replace('tryAcquire(key: string, cost: number): boolean {', `tryAcquire(key: string, cost: number): boolean {\n${change.tryAcquire}\n`) };
  });
}

describe('hostile submissions through the whole pipeline', () => {
  it.each([
    ['an infinite loop', 'timeout', { tryAcquire: 'for (;;) {}' }],
    ['an allocation bomb', 'memory_limit', { tryAcquire: 'const a: unknown[] = []; for (;;) a.push(Buffer.alloc(1e6, 1));' }],
    ['an output flood', 'output_limit', { tryAcquire: 'for (;;) console.log("x".repeat(10000));' }],
    ['a syntax error', 'compile_error', { module: 'export class RateLimiter { tryAcquire( {' }],
    ['a throw at import', 'crashed', { module: 'throw new Error("boom at import");\nexport class RateLimiter {}' }],
  ] as const)('%s ends as %s', async (_, expected, change) => {
    const { attemptId } = await flow.submit(challenge, 'typescript', hostile(change));
    const verdict = await flow.verdict(attemptId);
    expect(verdict.verdict, verdict.summary).toBe(expected);
    expect(verdict.score).toBeLessThan(1);
  });

  it.each([
    ['printing fake pass lines', { tryAcquire: 'console.log("ok 1 - all tests passed\\n# pass 19\\n# fail 0\\nPASSED"); return true;' }],
    ['exiting 0 early', { tryAcquire: 'process.exit(0);' }],
    ['patching assert', { tryAcquire: 'const a = require("assert"); a.equal = a.deepEqual = a.strictEqual = () => undefined; return true;' }],
    ['reading the hidden test folder', { tryAcquire: 'const fs = require("fs"); for (const d of ["/sandbox/tests/hidden", "/tests/hidden", "../tests/hidden"]) { try { console.log(fs.readdirSync(d)); } catch {} } return true;' }],
  ] as const)('%s does not pass', async (_, change) => {
    const { attemptId } = await flow.submit(challenge, 'typescript', hostile(change));
    const verdict = await flow.verdict(attemptId);
    expect(verdict.verdict).not.toBe('passed');
    expect(verdict.score).toBeLessThan(1);
  });

  it('a grading delivered twice yields one verdict', async () => {
    const { attemptId } = await flow.submit(challenge, 'python', challenge.trusted.reference.python!);
    const first = await flow.verdict(attemptId);
    const queue = gradeQueues(platform.prefix);
    try {
      const redelivered = await queue.grade.add('grade', { ...(await queue.grade.getJob(first.gradingId))!.data }, { jobId: `${first.gradingId}-again` });
      await waitFor(async () => (await redelivered.getState()) === 'completed', 60_000, () => 'the second delivery was not graded');
    } finally {
      await queue.grade.close();
      await queue.verdicts.close();
      queue.connection.disconnect();
    }
    const review = await staff('GET', `/api/review/attempts/${attemptId}`);
    expect(review.body.verdict.result.finishedAt).toBe(first.finishedAt);
    expect(review.body.attempt.verdict).toBe('passed');
  });
});

describe('what the candidate and the reviewer see', () => {
  it('the candidate never sees hidden results; the reviewer sees every test', async () => {
    const { attemptId, candidate } = await flow.submit(challenge, 'typescript', challenge.trusted.reference.typescript!);
    const verdict = await flow.verdict(attemptId);
    const status = await candidate('GET', '/api/candidate/status');
    expect(status.body.status).toBe('graded');
    for (const test of verdict.tests) expect(status.text).not.toContain(test.name);
    const review = await staff('GET', `/api/review/attempts/${attemptId}`);
    expect(review.body.verdict.result.tests.length).toBe(verdict.tests.length);
    expect(review.body.files.length).toBeGreaterThan(0);
    expect(review.body.rubric.length).toBeGreaterThan(0);
  });

  it('a public test run returns only public tests to the candidate', async () => {
    const { candidate } = await flow.invite(CHALLENGE, ['python']);
    await candidate('POST', '/api/candidate/start', { language: 'python' });
    const run = await candidate('POST', '/api/candidate/runs');
    expect(run.status).toBe(202);
    let body: { status: string; result: { tests: { name: string }[] } | null } = { status: 'queued', result: null };
    for (let i = 0; i < 600 && body.status !== 'done'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      body = (await candidate('GET', `/api/candidate/runs/${run.body.runId}`)).body;
    }
    expect(body.status).toBe('done');
    expect(body.result!.tests.length).toBeGreaterThan(0);
    expect(body.result!.tests.length).toBeLessThan(10);
  });
});
