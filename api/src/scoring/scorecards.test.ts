import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScoreDraftView, ScoresView } from '@assay/contract';
import { createTestApi, type TestApi } from '../test-api.js';

describe.each([['PGlite', false], ['Postgres', true]] as const)('scorecard drafts on %s', (_, postgres) => {
  let t: TestApi;
  let clock = Date.parse('2026-12-01T10:00:00Z');
  let attemptId: string;
  let rubric: Array<{ id: string; title: string; levels: Array<{ score: number }> }>;
  let first: Awaited<ReturnType<TestApi['staff']>>;
  let second: Awaited<ReturnType<TestApi['staff']>>;

  beforeAll(async () => {
    t = await createTestApi({ now: () => clock, postgres });
    const admin = await t.staff('admin');
    const created = await admin('POST', '/api/admin/invites', { candidateName: 'Ada', candidateEmail: 'ada@example.test', challengeId: 'fixture' });
    attemptId = (await t.candidate(created.body.invite.token)('POST', '/api/candidate/start', { language: 'typescript' })).body.attemptId;
    [first, second] = [await t.staff('reviewer'), await t.staff('reviewer')];
    rubric = (await first('GET', `/api/review/attempts/${attemptId}`)).body.rubric;
  }, 60_000);
  afterAll(() => t.close());

  const draftUrl = () => `/api/review/attempts/${attemptId}/scores/draft`;
  const scoresUrl = () => `/api/review/attempts/${attemptId}/scores`;

  it('are kept per reviewer as they type, and only the author reads theirs', async () => {
    expect(ScoreDraftView.parse((await first('GET', draftUrl())).body)).toEqual({ draft: null, savedAt: null });
    const draft = { criteria: [{ id: rubric[0]!.id, score: rubric[0]!.levels[1]!.score, note: 'half-typed' }], recommendation: null, note: '' };
    const saved = await first('PUT', draftUrl(), { draft });
    expect(saved.status).toBe(200);
    expect(ScoreDraftView.parse((await first('GET', draftUrl())).body)).toEqual({ draft, savedAt: new Date(clock).toISOString() });
    expect((await second('GET', draftUrl())).body.draft).toBeNull();
  });

  it('refuse a level the rubric does not have, naming the criterion and its levels', async () => {
    const bad = await first('PUT', draftUrl(), { draft: { criteria: [{ id: rubric[0]!.id, score: 99, note: '' }], recommendation: null, note: '' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain(`${rubric[0]!.title}: choose one of the levels`);
    const unknown = await first('PUT', draftUrl(), { draft: { criteria: [{ id: 'charm', score: 1, note: '' }], recommendation: null, note: '' } });
    expect(unknown.body.error.message).toBe('"charm" is not in this challenge\'s rubric');
  });

  it('end with the submission, and an amendment keeps the version it replaced', async () => {
    const criteria = (level: number) => rubric.map((r) => ({ id: r.id, score: r.levels[level]!.score, note: '' }));
    expect((await first('POST', scoresUrl(), { criteria: criteria(0), recommendation: 'no', note: 'first look' })).status).toBe(201);
    expect((await first('GET', draftUrl())).body.draft).toBeNull();

    clock += 60_000;
    await first('PUT', draftUrl(), { draft: { criteria: criteria(1), recommendation: 'yes', note: 'on reflection' } });
    expect((await first('POST', scoresUrl(), { criteria: criteria(1), recommendation: 'yes', note: 'on reflection' })).status).toBe(201);
    const view = ScoresView.parse((await first('GET', scoresUrl())).body);
    expect(view.scores).toHaveLength(1);
    expect(view.scores[0]).toMatchObject({ recommendation: 'yes', note: 'on reflection', mine: true });
    expect(view.scores[0]!.earlier).toEqual([{ criteria: criteria(0), recommendation: 'no', note: 'first look', submittedAt: new Date(clock - 60_000).toISOString() }]);
  });

  it('the attempts list says how many scorecards are in, and whether the caller\'s is one', async () => {
    const row = async (who: typeof first) => (await who('GET', '/api/review/attempts')).body.attempts.find((a: { id: string }) => a.id === attemptId);
    expect(await row(first)).toMatchObject({ scorecards: 1, scoredByMe: true });
    expect(await row(second)).toMatchObject({ scorecards: 1, scoredByMe: false });
  });

  it('a null draft discards it', async () => {
    await second('PUT', draftUrl(), { draft: { criteria: [], recommendation: 'yes', note: 'x' } });
    expect((await second('PUT', draftUrl(), { draft: null })).body).toEqual({ draft: null, savedAt: null });
    expect((await second('GET', draftUrl())).body.draft).toBeNull();
  });
});
