import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeValidationRecord } from '@assay/challenges';
import { CandidateAttempt, ChallengeList } from '@assay/contract';
import { createTestApi, HIDDEN_MARKER, type TestApi } from '../test-api.js';

let t: TestApi;
let admin: Awaited<ReturnType<TestApi['staff']>>;
beforeAll(async () => {
  t = await createTestApi();
  admin = await t.staff('admin');
});
afterAll(() => t.close());

describe('admin challenge routes', () => {
  it('a preview is what a candidate would get at the start, with no secret in it and no attempt made', async () => {
    const preview = await admin('GET', '/api/admin/challenges/fixture/preview?language=typescript');
    expect(preview.status).toBe(200);
    const attempt = CandidateAttempt.parse(preview.body);
    expect(attempt.files.map((f) => f.path).length).toBeGreaterThan(0);
    expect(preview.text).not.toContain(HIDDEN_MARKER);
    expect((await admin('GET', '/api/review/attempts')).body.attempts).toEqual([]);
    const wrong = await admin('GET', '/api/admin/challenges/fixture/preview?language=cobol');
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toMatch(/offered in/);
    expect((await admin('GET', '/api/admin/challenges/nope/preview')).status).toBe(404);
  });

  it("shows each challenge's validation: none yet, passed for this version, stale once the folder changed", async () => {
    const status = async () => {
      const list = ChallengeList.parse((await admin('GET', '/api/admin/challenges')).body);
      const entry = list.challenges.find((c) => c.id === 'fixture')!;
      return 'validation' in entry ? entry.validation : null;
    };
    expect((await status())?.status).toBe('not-validated');
    const list = ChallengeList.parse((await admin('GET', '/api/admin/challenges')).body);
    const fixture = list.challenges.find((c) => c.id === 'fixture')!;
    const contentHash = 'contentHash' in fixture ? fixture.contentHash : '';
    await writeValidationRecord(t.root, { challengeId: 'fixture', contentHash, status: 'passed', at: new Date().toISOString(), languages: ['typescript'], failures: [] });
    expect((await status())?.status).toBe('passed');
    await writeValidationRecord(t.root, { challengeId: 'fixture', contentHash: 'an-older-version', status: 'passed', at: new Date().toISOString(), languages: ['typescript'], failures: [] });
    expect((await status())?.status).toBe('stale');
  });
});
