import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, type CandidateRequest, type StaffRequest } from '../support/api-client.js';
import { candidateFlow } from '../support/candidate-flow.js';
import { startPlatform, waitFor, type Platform } from '../support/platform.js';

/**
 * Group 5 of the adversarial suite: a queue flood. Test runs are refused with a clear 503 once
 * the queue is deep (and a second run of one candidate with 429), submissions are always
 * accepted, a refused run leaves no trace, the API keeps answering, and once a runner drains
 * the queue every accepted job has exactly one verdict and runs are accepted again.
 */
const DEPTH = 10;
let platform: Platform;
let staff: StaffRequest;

beforeAll(async () => {
  platform = await startPlatform({ withoutRunner: true, apiEnv: { ASSAY_RUN_BACKPRESSURE_DEPTH: String(DEPTH) } });
  staff = await createApiClient(platform.baseUrl).staff(platform.admin.email, platform.admin.password);
});
afterAll(() => platform?.close());

async function startedCandidates(count: number): Promise<Array<{ candidate: CandidateRequest; attemptId: string }>> {
  const flow = candidateFlow(platform.baseUrl, staff);
  return Promise.all(
    Array.from({ length: count }, async () => {
      const { candidate } = await flow.invite('rate-limiter', ['javascript']);
      const started = await candidate('POST', '/api/candidate/start', { language: 'javascript' });
      expect(started.status, started.text).toBe(200);
      return { candidate, attemptId: started.body.attemptId as string };
    }),
  );
}

describe('a queue flood', () => {
  it('refuses runs past the depth with 503, accepts every submission, and drains with one verdict per job', async () => {
    const first = await startedCandidates(DEPTH);
    const second = await startedCandidates(15);
    const submitters = await startedCandidates(5);

    // The first wave fills the queue to its depth; no runner is taking jobs.
    const accepted = await Promise.all(first.map(({ candidate }) => candidate('POST', '/api/candidate/runs')));
    expect(accepted.map((r) => r.status)).toEqual(first.map(() => 202));
    const again = await first[0]!.candidate('POST', '/api/candidate/runs');
    expect(again.status).toBe(429);
    expect(again.body.error.code).toBe('run_in_progress');

    // The second wave, all at once, against a full queue: a clear 503 with Retry-After each.
    const flooded = await Promise.all(second.map(({ candidate }) => candidate('POST', '/api/candidate/runs')));
    for (const response of flooded) {
      expect(response.status).toBe(503);
      expect(response.body.error.message).toMatch(/busy.*work is saved/);
      expect(Number(response.headers.get('Retry-After'))).toBeGreaterThan(0);
    }
    // A refused run left nothing behind.
    for (const { attemptId } of second.slice(0, 3)) {
      expect((await staff('GET', `/api/review/attempts/${attemptId}`)).body.runs).toEqual([]);
    }
    // The API still answers everything else, and submissions are never refused.
    expect((await fetch(`${platform.baseUrl}/api/health`)).status).toBe(200);
    const submitted = await Promise.all(submitters.map(({ candidate }) => candidate('POST', '/api/candidate/submit')));
    expect(submitted.map((r) => r.status)).toEqual(submitters.map(() => 200));

    // A runner drains the queue: every accepted run and submission gets exactly one verdict.
    const drainStarted = Date.now();
    platform.startRunner({ RUNNER_POOL_SIZE: '2' });
    await waitFor(
      async () => {
        const runs = await Promise.all(first.map(({ attemptId }) => staff('GET', `/api/review/attempts/${attemptId}`)));
        const graded = await Promise.all(submitters.map(({ attemptId }) => staff('GET', `/api/review/attempts/${attemptId}`)));
        return runs.every((r) => r.body.runs.length === 1 && r.body.runs[0].status === 'done') && graded.every((r) => r.body.verdict?.result);
      },
      300_000,
      () => `the queue did not drain:\n${platform.logs.join('').slice(-3000)}`,
      500,
    );
    console.log(`[faults] queue flood: ${first.length} runs + ${submitters.length} submissions drained in ${Date.now() - drainStarted} ms after a runner started`);
    for (const { attemptId } of submitters) {
      const detail = await staff('GET', `/api/review/attempts/${attemptId}`);
      expect(detail.body.attempt.status).toBe('graded');
      expect(detail.body.verdict.result.verdict).toBe('failed'); // the untouched starter
    }

    // Back-pressure released: a refused candidate can run now.
    const retried = await second[0]!.candidate('POST', '/api/candidate/runs');
    expect(retried.status).toBe(202);
  });
});
