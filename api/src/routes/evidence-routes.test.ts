import { afterAll, beforeAll, expect, it } from 'vitest';
import { CandidateEvidence, INTEGRITY_REPLY_MAX } from '@assay/contract';
import { createTestApi, type TestApi } from '../test-api.js';

let t: TestApi;
beforeAll(async () => {
  t = await createTestApi();
});
afterAll(() => t.close());

it('after submitting, a candidate reads the evidence about their session (never the hidden verdict) and replies; reviewers see the reply', async () => {
  const admin = await t.staff('admin');
  const created = await admin('POST', '/api/admin/invites', { candidateName: 'Ada', candidateEmail: 'ada@example.test', challengeId: 'fixture' });
  const candidate = t.candidate(created.body.invite.token);
  const { attemptId } = (await candidate('POST', '/api/candidate/start', { language: 'typescript' })).body;
  await candidate('POST', '/api/candidate/events', { events: [{ seq: 0, t: 0, type: 'focus', focused: false }, { seq: 1, t: 5_000, type: 'focus', focused: true }] });

  const early = await candidate('GET', '/api/candidate/evidence');
  expect(early.status).toBe(409);
  expect(early.body.error.message).toBe('what was recorded about your session is shown once you have submitted');
  expect((await candidate('PUT', '/api/candidate/evidence/reply', { note: 'too soon' })).status).toBe(409);

  await candidate('POST', '/api/candidate/submit');
  const [grading] = await t.api.db.query<{ id: string }>("SELECT id FROM gradings WHERE attempt_id = $1 AND suite = 'hidden'", [attemptId]);
  await t.api.gradings.recordInfraError(grading!.id, 'a verdict the candidate must not see');

  const evidence = CandidateEvidence.parse((await candidate('GET', '/api/candidate/evidence')).body);
  expect(evidence.attempt).toMatchObject({ id: attemptId, status: 'graded', verdict: null, score: null });
  expect(evidence.recording.events).toBe(2);
  expect(evidence.reply).toBeNull();
  const page = await candidate('GET', '/api/candidate/evidence/events?after=0&limit=5');
  expect(page.body).toEqual({ events: [expect.objectContaining({ seq: 1, type: 'focus', focused: true })], done: true });
  expect((await candidate('GET', '/api/candidate/evidence/events?limit=0')).status).toBe(400);

  const tooLong = await candidate('PUT', '/api/candidate/evidence/reply', { note: 'x'.repeat(INTEGRITY_REPLY_MAX + 1) });
  expect(tooLong.status).toBe(400);
  expect(tooLong.body.error.message).toContain('a reply can be at most 2,000 characters; shorten it');
  const saved = await candidate('PUT', '/api/candidate/evidence/reply', { note: 'I stepped away to take a call from my current employer.' });
  expect(saved.body.reply.note).toBe('I stepped away to take a call from my current employer.');

  const detail = await admin('GET', `/api/review/attempts/${attemptId}`);
  expect(detail.body.candidateReply).toMatchObject({ note: 'I stepped away to take a call from my current employer.' });
  expect((await candidate('PUT', '/api/candidate/evidence/reply', { note: '  ' })).body.reply).toBeNull();
  expect((await admin('GET', `/api/review/attempts/${attemptId}`)).body.candidateReply).toBeNull();
});
