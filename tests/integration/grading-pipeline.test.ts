import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChallengeCatalog, type Challenge } from '@assay/challenges';
import { buildImages } from '../../runner/src/images/build-images.js';
import { createApiClient, type StaffRequest } from '../support/api-client.js';
import { candidateFlow } from '../support/candidate-flow.js';
import { startPlatform, type Platform } from '../support/platform.js';

/**
 * The whole pipeline as people use it, with the API and a runner as separate processes:
 * invite → start → save → submit → grade in a sandbox → verdict stored → reviewer reads it.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHALLENGE = process.env.PIPELINE_CHALLENGE ?? 'consistent-hash-ring';

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
    const started = Date.now();
    const { attemptId } = await flow.submit(challenge, language, challenge.trusted.reference[language]!);
    const verdict = await flow.verdict(attemptId);
    console.log(`[pipeline] ${CHALLENGE} ${language}: submit to verdict ${Date.now() - started} ms (incl. invite and start)`);
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
