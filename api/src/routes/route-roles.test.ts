import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../test-api.js';

/**
 * Every route, called by every kind of caller: only the right ones get past authentication
 * and authorization. A new route must be added here, or this test's count check fails.
 */
type Who = 'anonymous' | 'candidate' | 'reviewer' | 'admin';
type Allowed = 'anyone' | 'candidate' | 'staff' | 'admin';
const ROUTES: Array<[method: string, path: string, allowed: Allowed]> = [
  ['GET', '/api/health', 'anyone'],
  ['GET', '/api/auth/me', 'staff'],
  ['GET', '/api/admin/challenges', 'admin'],
  ['POST', '/api/admin/invites', 'admin'],
  ['GET', '/api/admin/invites', 'admin'],
  ['POST', '/api/admin/invites/:invite/revoke', 'admin'],
  ['GET', '/api/admin/users', 'admin'],
  ['POST', '/api/admin/users', 'admin'],
  ['POST', '/api/admin/users/:user/disable', 'admin'],
  ['GET', '/api/candidate/invite', 'candidate'],
  ['POST', '/api/candidate/start', 'candidate'],
  ['GET', '/api/candidate/attempt', 'candidate'],
  ['PUT', '/api/candidate/files', 'candidate'],
  ['POST', '/api/candidate/events', 'candidate'],
  ['POST', '/api/candidate/runs', 'candidate'],
  ['GET', '/api/candidate/runs/:run', 'candidate'],
  ['POST', '/api/candidate/submit', 'candidate'],
  ['GET', '/api/candidate/status', 'candidate'],
  ['GET', '/api/review/attempts', 'staff'],
  ['GET', '/api/review/attempts/:attempt', 'staff'],
  ['GET', '/api/review/attempts/:attempt/events', 'staff'],
  ['POST', '/api/review/attempts/:attempt/regrade', 'staff'],
  ['POST', '/api/review/attempts/:attempt/scores', 'staff'],
  ['GET', '/api/review/attempts/:attempt/scores', 'staff'],
  // Last: it ends the callers' sessions.
  ['POST', '/api/auth/logout', 'anyone'],
];

const may = (who: Who, allowed: Allowed) =>
  allowed === 'anyone' || (allowed === 'candidate' && who === 'candidate') || (allowed === 'staff' && (who === 'reviewer' || who === 'admin')) || (allowed === 'admin' && who === 'admin');

let t: TestApi;
let callers: Record<Who, Awaited<ReturnType<TestApi['staff']>>>;
let ids: Record<string, string>;

beforeAll(async () => {
  t = await createTestApi();
  const admin = await t.staff('admin');
  const created = await admin('POST', '/api/admin/invites', { candidateName: 'C', candidateEmail: 'c@example.test', challengeId: 'fixture' });
  const candidate = t.candidate(created.body.invite.token);
  const started = await candidate('POST', '/api/candidate/start', { language: 'typescript' });
  const spare = await admin('POST', '/api/admin/invites', { candidateName: 'D', candidateEmail: 'd@example.test', challengeId: 'fixture' });
  const user = await admin('POST', '/api/admin/users', { email: 'r2@example.test', name: 'R2', role: 'reviewer', password: 'a long enough password' });
  ids = { ':invite': spare.body.invite.id, ':attempt': started.body.attemptId, ':run': 'run_unknown', ':user': user.body.user.id };
  callers = { anonymous: t.anonymous, candidate, reviewer: await t.staff('reviewer'), admin };
});
afterAll(() => t.close());

describe('every route refuses the wrong caller', () => {
  it('lists every route of the app', () => {
    const registered = t.api.app.routes.filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL' && !r.path.endsWith('*'));
    const unique = new Set(registered.map((r) => `${r.method} ${r.path.replace(/:[a-z]+/g, ':x')}`));
    expect(unique.size).toBe(ROUTES.length + 1); // + POST /api/auth/login, open to anyone and tested on its own
  });

  for (const [method, path, allowed] of ROUTES) {
    for (const who of ['anonymous', 'candidate', 'reviewer', 'admin'] as const) {
      it(`${method} ${path} as ${who}: ${may(who, allowed) ? 'allowed' : 'refused'}`, async () => {
        const url = path.replace(/:[a-z]+/g, (key) => ids[key]!);
        const response = await callers[who](method, url, method === 'GET' ? undefined : {});
        if (may(who, allowed)) expect([401, 403], response.text).not.toContain(response.status);
        else {
          expect([401, 403]).toContain(response.status);
          expect(response.body.error.message.length).toBeGreaterThan(5);
        }
      });
    }
  }
});
