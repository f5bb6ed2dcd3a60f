import { afterAll, beforeAll, expect, it } from 'vitest';
import { AttemptChange } from '@assay/contract';
import { createTestApi, PUBLIC_URL, type TestApi } from '../test-api.js';

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

it("the live feed tells an open reviewer page when a candidate starts and submits, a verdict is written and a reviewer scores", async () => {
  const admin = await t.staff('admin');
  const reviewer = await t.addUser('reviewer');
  const cookie = (await t.anonymous('POST', '/api/auth/login', reviewer)).headers.get('set-cookie')!.split(';')[0]!;
  const response = await t.api.app.request(`${PUBLIC_URL}/api/review/feed`, { headers: { Cookie: cookie, Origin: PUBLIC_URL } });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let received = '';
  const changes = async (count: number) => {
    for (;;) {
      const found = [...received.matchAll(/event: change\ndata: (.*)\n/g)].map((m) => AttemptChange.parse(JSON.parse(m[1]!)));
      if (found.length >= count) return found;
      received += (await reader.read()).value;
    }
  };

  const created = await admin('POST', '/api/admin/invites', { candidateName: 'Live', candidateEmail: 'live@example.test', challengeId: 'fixture' });
  const candidate = t.candidate(created.body.invite.token);
  const { attemptId } = (await candidate('POST', '/api/candidate/start', { language: 'typescript' })).body;
  await candidate('POST', '/api/candidate/submit');
  const [grading] = await t.api.db.query<{ id: string }>("SELECT id FROM gradings WHERE attempt_id = $1 AND suite = 'hidden'", [attemptId]);
  await t.api.gradings.recordInfraError(grading!.id, 'a test verdict');
  const rubric = (await admin('GET', `/api/review/attempts/${attemptId}`)).body.rubric as Array<{ id: string; levels: Array<{ score: number }> }>;
  await admin('POST', `/api/review/attempts/${attemptId}/scores`, { criteria: rubric.map((r) => ({ id: r.id, score: r.levels[0]!.score, note: '' })), recommendation: 'no', note: '' });

  expect((await changes(4)).filter((c) => c.attemptId === attemptId).map((c) => c.change)).toEqual(['started', 'submitted', 'graded', 'scored']);
  await reader.cancel();
});
