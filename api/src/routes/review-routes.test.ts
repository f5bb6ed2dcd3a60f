import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../test-api.js';

let t: TestApi;
beforeAll(async () => {
  t = await createTestApi();
});
afterAll(() => t.close());

it("an attempt's public runs show their tallies, counted from each run's stored result", async () => {
  const admin = await t.staff('admin');
  const reviewer = await t.staff('reviewer');
  const created = await admin('POST', '/api/admin/invites', { candidateName: 'Ada', candidateEmail: 'ada@example.test', challengeId: 'fixture' });
  const candidate = t.candidate(created.body.invite.token);
  const { body: started } = await candidate('POST', '/api/candidate/start', { language: 'typescript' });
  const run = await candidate('POST', '/api/candidate/runs');
  expect(run.status).toBe(202);
  const tests = ['passed', 'failed', 'passed'].map((status, i) => ({ name: `t${i}`, category: 'c', weight: 1, status, message: '', durationMs: 1 }));
  await t.api.db.query("UPDATE gradings SET status = 'done', result = $2::jsonb WHERE attempt_id = $1 AND suite = 'public'", [
    started.attemptId,
    JSON.stringify({ verdict: 'failed', tests }),
  ]);
  const detail = await reviewer('GET', `/api/review/attempts/${started.attemptId}`);
  expect(detail.status).toBe(200);
  expect(detail.body.runs).toEqual([expect.objectContaining({ status: 'done', verdict: 'failed', passed: 2, total: 3 })]);
  expect(detail.body.verdict).toBeNull();
});
