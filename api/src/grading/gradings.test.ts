import { Queue, UnrecoverableError, Worker } from 'bullmq';
import { afterEach, describe, expect, it } from 'vitest';
import { GRADE_QUEUE, VERDICT_QUEUE, type GradingResult } from '@assay/contract';
import { createVerdictConsumer } from '../background/verdict-consumer.js';
import { createTestApi, type TestApi } from '../test-api.js';

const open: TestApi[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((t) => t.close()));
});

async function submitted(t: TestApi) {
  const admin = await t.staff('admin');
  const created = await admin('POST', '/api/admin/invites', { candidateName: 'A', candidateEmail: 'a@example.test', challengeId: 'fixture' });
  const candidate = t.candidate(created.body.invite.token);
  const { body } = await candidate('POST', '/api/candidate/start', { language: 'typescript' });
  const { gradingId } = await t.api.attempts.submit(body.attemptId);
  await t.api.gradings.drain(); // the submit's own drain runs in the background; this waits for it
  return { attemptId: body.attemptId as string, gradingId, admin };
}

const verdictFor = (gradingId: string, attemptId: string, verdict: GradingResult['verdict'], score: number): GradingResult => ({
  gradingId,
  attemptId,
  suite: 'hidden',
  language: 'typescript',
  contentHash: 'h',
  verdict,
  score,
  tests: [],
  log: { text: '', truncated: false, bytes: 0 },
  summary: verdict,
  durationMs: 1,
  finishedAt: new Date().toISOString(),
});

describe.each([['PGlite', false], ['Postgres', true]] as const)('gradings on %s', (_, postgres) => {
  it('writes a verdict once: a second delivery, or a different verdict for the same grading, changes nothing', async () => {
    const t = await createTestApi({ postgres });
    open.push(t);
    const { attemptId, gradingId } = await submitted(t);
    expect(await t.api.gradings.recordVerdict(verdictFor(gradingId, attemptId, 'passed', 1))).toBe(true);
    expect(await t.api.gradings.recordVerdict(verdictFor(gradingId, attemptId, 'passed', 1))).toBe(false);
    expect(await t.api.gradings.recordVerdict(verdictFor(gradingId, attemptId, 'failed', 0))).toBe(false);
    const [attempt] = await t.api.db.query<{ status: string; verdict: string; score: number }>('SELECT status, verdict, score FROM attempts WHERE id = $1', [attemptId]);
    expect(attempt).toEqual({ status: 'graded', verdict: 'passed', score: 1 });
  });

  it('consumes a verdict published while the API was down, once, when it comes back', async () => {
    const t = await createTestApi({ postgres });
    open.push(t);
    const { prefix } = t;
    const { attemptId, gradingId } = await submitted(t);
    // Two runners publish verdicts for one grading (a re-delivery) while no consumer runs; they are consumed concurrently.
    const verdicts = new Queue(VERDICT_QUEUE, { connection: t.api.redis, prefix });
    await verdicts.add('verdict', verdictFor(gradingId, attemptId, 'passed', 1));
    await verdicts.add('verdict', verdictFor(gradingId, attemptId, 'failed', 0));
    const consumer = createVerdictConsumer({ connection: t.api.redis.duplicate({ maxRetriesPerRequest: null }), prefix, gradings: t.api.gradings });
    try {
      for (let i = 0; i < 100; i++) {
        const [row] = await t.api.db.query<{ status: string }>('SELECT status FROM gradings WHERE id = $1', [gradingId]);
        if (row?.status === 'done' && (await verdicts.getWaitingCount()) === 0 && (await verdicts.getActiveCount()) === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    } finally {
      await consumer.close();
      await verdicts.close();
    }
    // Whichever is written first is the verdict, for the grading and its attempt alike.
    const [grading] = await t.api.db.query<{ verdict: string }>('SELECT verdict FROM gradings WHERE id = $1', [gradingId]);
    expect(['passed', 'failed']).toContain(grading?.verdict);
    const [attempt] = await t.api.db.query<{ status: string; verdict: string }>('SELECT status, verdict FROM attempts WHERE id = $1', [attemptId]);
    expect(attempt).toEqual({ status: 'graded', verdict: grading?.verdict });
  });

  it('re-enqueues a grading whose queue job was lost', async () => {
    let clock = Date.now();
    const t = await createTestApi({ postgres, now: () => clock });
    open.push(t);
    const { prefix } = t;
    const { gradingId } = await submitted(t);
    const grade = new Queue(GRADE_QUEUE, { connection: t.api.redis, prefix });
    try {
      await grade.obliterate({ force: true }); // what a Redis restart without persistence does
      expect(await grade.getJob(gradingId)).toBeUndefined();
      clock += 60_000;
      expect(await t.api.gradings.reconcile(30_000)).toEqual({ requeued: 1, ended: 0 });
      expect((await grade.getJob(gradingId))?.data.gradingId).toBe(gradingId);
    } finally {
      await grade.close();
    }
  });

  it('ends a grading the queue gave up on in infra_error with the reason, lists it for admins, and a re-grade gets a new job', async () => {
    const t = await createTestApi({ postgres });
    open.push(t);
    const { attemptId, gradingId, admin } = await submitted(t);
    // What the queue does when the runner holding a job dies one time too many: it fails the job itself.
    const worker = new Worker(GRADE_QUEUE, async () => {
      throw new UnrecoverableError('job stalled more than allowable limit');
    }, { connection: t.api.redis.duplicate({ maxRetriesPerRequest: null }), prefix: t.prefix });
    try {
      for (let i = 0; i < 400 && (await t.api.gradings.reconcile(0)).ended === 0; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      await worker.close();
    }
    const [attempt] = await t.api.db.query<{ status: string; verdict: string }>('SELECT status, verdict FROM attempts WHERE id = $1', [attemptId]);
    expect(attempt).toEqual({ status: 'graded', verdict: 'infra_error' });
    const listed = await admin('GET', '/api/admin/gradings');
    expect(listed.status).toBe(200);
    expect(listed.body.gradings).toEqual([expect.objectContaining({ gradingId, attemptId, state: 'infra_error', reason: expect.stringMatching(/runner holding it stopped/) })]);
    const regraded = await admin('POST', `/api/review/attempts/${attemptId}/regrade`);
    expect(regraded.status).toBe(202);
    expect(regraded.body.gradingId).not.toBe(gradingId);
    await t.api.gradings.drain();
    const grade = new Queue(GRADE_QUEUE, { connection: t.api.redis, prefix: t.prefix });
    try {
      expect(await grade.getJobState(regraded.body.gradingId)).toBe('waiting');
    } finally {
      await grade.close();
    }
  });

  it('ends a grading whose verdict cannot be read in infra_error, saying so', async () => {
    const t = await createTestApi({ postgres });
    open.push(t);
    const { attemptId, gradingId } = await submitted(t);
    const verdicts = new Queue(VERDICT_QUEUE, { connection: t.api.redis, prefix: t.prefix });
    await verdicts.add('verdict', { gradingId, verdict: 'passed', score: 'all of it' });
    const consumer = createVerdictConsumer({ connection: t.api.redis.duplicate({ maxRetriesPerRequest: null }), prefix: t.prefix, gradings: t.api.gradings });
    try {
      for (let i = 0; i < 100; i++) {
        const [row] = await t.api.db.query<{ status: string }>('SELECT status FROM gradings WHERE id = $1', [gradingId]);
        if (row?.status === 'done') break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    } finally {
      await consumer.close();
      await verdicts.close();
    }
    const [row] = await t.api.db.query<{ verdict: string; summary: string }>("SELECT g.verdict, g.result->>'summary' AS summary FROM gradings g WHERE id = $1", [gradingId]);
    expect(row).toEqual({ verdict: 'infra_error', summary: expect.stringContaining("verdict could not be read") });
    const [attempt] = await t.api.db.query<{ verdict: string }>('SELECT verdict FROM attempts WHERE id = $1', [attemptId]);
    expect(attempt!.verdict).toBe('infra_error');
  });
});
