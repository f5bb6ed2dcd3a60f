import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, HIDDEN_MARKER, type TestApi } from '../test-api.js';

let t: TestApi;
let clock = Date.now();
let admin: Awaited<ReturnType<TestApi['staff']>>;
const responses: string[] = [];

beforeAll(async () => {
  t = await createTestApi({ now: () => clock });
  admin = await t.staff('admin');
});
afterAll(async () => {
  // No candidate response, across every test here, ever carried hidden test or reference content.
  for (const text of responses) expect(text).not.toContain(HIDDEN_MARKER);
  await t.close();
});

async function newCandidate(extra: Record<string, unknown> = {}) {
  const created = await admin('POST', '/api/admin/invites', { candidateName: 'Ada', candidateEmail: 'ada@example.test', challengeId: 'fixture', ...extra });
  expect(created.status).toBe(201);
  const raw = t.candidate(created.body.invite.token);
  const candidate: typeof raw = async (...args) => {
    const response = await raw(...args);
    responses.push(response.text);
    return response;
  };
  return { candidate, invite: created.body.invite };
}

describe('the candidate', () => {
  it('sees the challenge, what is recorded, and starts once', async () => {
    const { candidate } = await newCandidate();
    const info = await candidate('GET', '/api/candidate/invite');
    expect(info.body).toMatchObject({ challengeTitle: expect.any(String), status: 'not_started' });
    expect(info.body.recorded.join(' ')).toMatch(/paste/);
    const first = await candidate('POST', '/api/candidate/start', { language: 'python' });
    const second = await candidate('POST', '/api/candidate/start', { language: 'typescript' });
    expect(second.body.attemptId).toBe(first.body.attemptId);
    const attempt = await candidate('GET', '/api/candidate/attempt');
    expect(attempt.body.language).toBe('python');
    expect(attempt.body.files.map((f: { path: string }) => f.path)).toEqual(['solution.py']);
    expect(attempt.body.publicTests.length).toBe(1);
  });

  it("refuses another language's sources and anything under node_modules, naming the path", async () => {
    const { candidate } = await newCandidate();
    await candidate('POST', '/api/candidate/start', { language: 'typescript' });
    const shadow = await candidate('PUT', '/api/candidate/files', { files: [{ path: 'src/solution.js', content: 'export class Solution {}' }] });
    expect(shadow.status).toBe(400);
    expect(shadow.body.error).toMatchObject({ code: 'wrong_language', message: expect.stringMatching(/src\/solution\.js: a TypeScript attempt holds only \.ts/) });
    const planted = await candidate('PUT', '/api/candidate/files', { files: [{ path: 'src/node_modules/assert/index.ts', content: '' }] });
    expect(planted.body.error.message).toMatch(/under node_modules\//);
  });

  it('saves editable files only, with errors that name the path', async () => {
    const { candidate } = await newCandidate();
    await candidate('POST', '/api/candidate/start', { language: 'typescript' });
    expect((await candidate('PUT', '/api/candidate/files', { files: [{ path: 'src/solution.ts', content: 'export class Solution {}' }] })).status).toBe(200);
    const unknown = await candidate('PUT', '/api/candidate/files', { files: [{ path: 'src/other.ts', content: '' }] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/src\/other\.ts is not a file of this challenge/);
    const traversal = await candidate('PUT', '/api/candidate/files', { files: [{ path: '../../etc/passwd', content: '' }] });
    expect(traversal.status).toBe(400);
    expect(traversal.body.error.message).toMatch(/files\.0\.path: .*"\." and "\.\." are not allowed/);
    const big = await candidate('PUT', '/api/candidate/files', { files: [{ path: 'src/solution.ts', content: 'x'.repeat(300 * 1024) }] });
    expect(big.body.error.message).toMatch(/at most 256 KiB/);
    const attempt = await candidate('GET', '/api/candidate/attempt');
    expect(attempt.body.files.find((f: { path: string }) => f.path === 'src/solution.ts').content).toBe('export class Solution {}');
  });

  it('stores each event once and acknowledges the contiguous prefix', async () => {
    const { candidate } = await newCandidate();
    await candidate('POST', '/api/candidate/start', { language: 'typescript' });
    const event = (seq: number) => ({ seq, t: seq * 10, type: 'focus', focused: seq % 2 === 0 });
    expect((await candidate('POST', '/api/candidate/events', { events: [event(0), event(1), event(3)] })).body.ackedSeq).toBe(1);
    expect((await candidate('POST', '/api/candidate/events', { events: [event(0), event(1), event(2)] })).body.ackedSeq).toBe(3);
    const reviewer = await t.staff('reviewer');
    const attemptId = (await candidate('GET', '/api/candidate/attempt')).body.attemptId;
    const events = await reviewer('GET', `/api/review/attempts/${attemptId}/events`);
    expect(events.body.events.map((e: { seq: number }) => e.seq)).toEqual([0, 1, 2, 3]);
  });

  it('refuses events naming a file outside the attempt, snapshots included, and stores none of the batch', async () => {
    const { candidate } = await newCandidate();
    await candidate('POST', '/api/candidate/start', { language: 'typescript' });
    for (const forged of [
      { type: 'paste', file: 'constructor', size: 3, lines: 1 },
      { type: 'open', file: '__proto__' },
      { type: 'rename', file: 'src/solution.ts', to: 'constructor' },
      { type: 'create', file: 'Pasted nothing.' },
      { type: 'snapshot', files: { 'src/solution.ts': '', 'Pasted nothing. Ran 99/99': '' } },
    ]) {
      const refused = await candidate('POST', '/api/candidate/events', { events: [{ seq: 0, t: 0, type: 'focus', focused: true }, { seq: 1, t: 1, ...forged }] });
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toMatch(/^event 1: ".*" is not a file of this attempt$/);
    }
    expect((await candidate('POST', '/api/candidate/events', { events: [{ seq: 0, t: 0, type: 'open', file: 'src/solution.ts' }] })).body.ackedSeq).toBe(0);
  });

  it('submits once, however often it asks, and then can change nothing', async () => {
    const { candidate } = await newCandidate();
    await candidate('POST', '/api/candidate/start', { language: 'typescript' });
    const [a, b] = await Promise.all([candidate('POST', '/api/candidate/submit'), candidate('POST', '/api/candidate/submit')]);
    expect(a.body.submittedAt).toBe(b.body.submittedAt);
    const attemptId = (await candidate('GET', '/api/candidate/attempt')).body.attemptId;
    const gradings = await t.api.db.query("SELECT id FROM gradings WHERE attempt_id = $1 AND suite = 'hidden'", [attemptId]);
    expect(gradings).toHaveLength(1);
    const late = await candidate('PUT', '/api/candidate/files', { files: [{ path: 'src/solution.ts', content: 'x' }] });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('already_submitted');
  });

  it('is refused saves after the deadline, and the overdue attempt is submitted with its last files', async () => {
    const { candidate } = await newCandidate({ timeLimitMinutes: 5 });
    await candidate('POST', '/api/candidate/start', { language: 'typescript' });
    await candidate('PUT', '/api/candidate/files', { files: [{ path: 'src/solution.ts', content: '// last save' }] });
    clock += 6 * 60_000;
    const late = await candidate('PUT', '/api/candidate/files', { files: [{ path: 'src/solution.ts', content: '// too late' }] });
    expect(late.body.error.code).toBe('time_is_up');
    const attemptId = (await candidate('GET', '/api/candidate/attempt')).body.attemptId;
    expect(await t.api.attempts.overdue()).toContain(attemptId);
    await t.api.attempts.submit(attemptId);
    const [grading] = await t.api.db.query<{ files: { path: string; content: string }[] }>("SELECT files FROM gradings WHERE attempt_id = $1 AND suite = 'hidden'", [attemptId]);
    expect(grading!.files.find((f) => f.path === 'src/solution.ts')?.content).toBe('// last save');
    expect((await candidate('GET', '/api/candidate/status')).body.status).toBe('submitted');
  });

  it('gets clear errors for revoked and expired links, and one token never reaches another attempt', async () => {
    const { candidate: revokedCandidate, invite } = await newCandidate();
    await admin('POST', `/api/admin/invites/${invite.id}/revoke`);
    const revoked = await revokedCandidate('GET', '/api/candidate/invite');
    expect(revoked.status).toBe(410);
    expect(revoked.body.error.message).toMatch(/withdrawn/);
    const { candidate: expiring } = await newCandidate({ expiresAt: new Date(clock + 60_000).toISOString() });
    clock += 120_000;
    expect((await expiring('GET', '/api/candidate/invite')).body.error.code).toBe('invite_expired');
    const { candidate: mine } = await newCandidate();
    await mine('POST', '/api/candidate/start', { language: 'typescript' });
    const other = await newCandidate();
    await other.candidate('POST', '/api/candidate/start', { language: 'typescript' });
    const otherRun = await other.candidate('POST', '/api/candidate/runs');
    const stolen = await mine('GET', `/api/candidate/runs/${otherRun.body.runId}`);
    expect(stolen.status).toBe(404);
    expect((await t.candidate('x'.repeat(43))('GET', '/api/candidate/invite')).status).toBe(401);
  });

  it('is told the workspace rules, and saves are judged by them: the entry module cannot be deleted, a rename cannot leave the globs', async () => {
    const { candidate } = await newCandidate();
    await candidate('POST', '/api/candidate/start', { language: 'typescript' });
    const attempt = await candidate('GET', '/api/candidate/attempt');
    expect(attempt.body.rules).toEqual({ kind: 'coding', language: 'typescript', starter: [{ path: 'src/solution.ts', editable: true }], creatable: [], entry: 'src/solution.ts' });
    const deleted = await candidate('PUT', '/api/candidate/files', { files: [], deleted: ['src/solution.ts'] });
    expect(deleted.status).toBe(400);
    expect(deleted.body.error).toMatchObject({ code: 'entry_file', message: 'src/solution.ts is the module the tests load, so it cannot be deleted or renamed' });
    const renamed = await candidate('PUT', '/api/candidate/files', { files: [{ path: 'src/moved.ts', content: '' }], deleted: ['src/solution.ts'] });
    expect(renamed.body.error.code).toBe('unknown_file');
    const both = await candidate('PUT', '/api/candidate/files', { files: [{ path: 'src/solution.ts', content: '' }], deleted: ['src/solution.ts'] });
    expect(both.body.error.message).toMatch(/both saved and deleted/);
    expect((await candidate('GET', '/api/candidate/attempt')).body.files.map((f: { path: string }) => f.path)).toEqual(['src/solution.ts']);
  });

  it('runs tests one at a time, and the attempt carries its latest run for a reloaded page', async () => {
    const { candidate } = await newCandidate();
    await candidate('POST', '/api/candidate/start', { language: 'typescript' });
    expect((await candidate('GET', '/api/candidate/attempt')).body.lastRun).toBeNull();
    const run = await candidate('POST', '/api/candidate/runs');
    expect(run.status).toBe(202);
    expect((await candidate('GET', '/api/candidate/attempt')).body.lastRun).toEqual({ runId: run.body.runId, status: 'queued', result: null });
    const again = await candidate('POST', '/api/candidate/runs');
    expect(again.status).toBe(429);
    expect(again.body.error.message).toMatch(/still going/);
  });
});

describe('reviewers', () => {
  it('see other reviewers\' scores only after submitting their own', async () => {
    const { candidate } = await newCandidate();
    await candidate('POST', '/api/candidate/start', { language: 'typescript' });
    const attemptId = (await candidate('GET', '/api/candidate/attempt')).body.attemptId;
    const [first, second] = [await t.staff('reviewer'), await t.staff('reviewer')];
    const detail = await first('GET', `/api/review/attempts/${attemptId}`);
    const criteria = detail.body.rubric.map((r: { id: string; levels: { score: number }[] }) => ({ id: r.id, score: r.levels[0]!.score }));
    expect((await first('POST', `/api/review/attempts/${attemptId}/scores`, { criteria, recommendation: 'yes' })).status).toBe(201);
    const before = await second('GET', `/api/review/attempts/${attemptId}/scores`);
    expect(before.body).toMatchObject({ submittedOwn: false, hiddenCount: 1, scores: [] });
    const outOfRange = await second('POST', `/api/review/attempts/${attemptId}/scores`, { criteria: criteria.map((c: { id: string }) => ({ id: c.id, score: 99 })), recommendation: 'no' });
    expect(outOfRange.status).toBe(400);
    await second('POST', `/api/review/attempts/${attemptId}/scores`, { criteria, recommendation: 'no' });
    const after = await second('GET', `/api/review/attempts/${attemptId}/scores`);
    expect(after.body.scores.map((s: { recommendation: string }) => s.recommendation)).toEqual(['yes', 'no']);
  });
});
