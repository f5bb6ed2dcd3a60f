import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_ROUTES, type Route, type RouteAccess, type RouteName } from '@assay/contract';
import { createTestApi, type TestApi } from '../test-api.js';

/**
 * Every route of the contract's route table, called by every kind of caller: only the right ones
 * get past authentication and authorization. The app's routes must equal the table's, so a
 * route added without an entry (and so without an access rule) fails here.
 */
type Who = 'anonymous' | 'candidate' | 'reviewer' | 'admin';
// Last: logout ends the callers' sessions. Login is open to anyone and tested on its own.
const ROUTES = (Object.entries(API_ROUTES) as Array<[RouteName, Route]>)
  .filter(([name]) => name !== 'login')
  .sort(([a], [b]) => Number(a === 'logout') - Number(b === 'logout'));
/** Which id fills a route's `:id`. */
const ID_KIND: Partial<Record<RouteName, 'invite' | 'user' | 'run' | 'challenge'>> = { reissueInvite: 'invite', revokeInvite: 'invite', disableUser: 'user', enableUser: 'user', setPassword: 'user', run: 'run', challengePreview: 'challenge' };

const may = (who: Who, allowed: RouteAccess) =>
  allowed === 'public' || (allowed === 'candidate' && who === 'candidate') || (allowed === 'staff' && (who === 'reviewer' || who === 'admin')) || (allowed === 'admin' && who === 'admin');

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
  ids = { invite: spare.body.invite.id, attempt: started.body.attemptId, run: 'run_unknown', user: user.body.user.id, challenge: 'fixture' };
  callers = { anonymous: t.anonymous, candidate, reviewer: await t.staff('reviewer'), admin };
});
afterAll(() => t.close());

describe('every route refuses the wrong caller', () => {
  it('lists every route of the app', () => {
    const registered = t.api.app.routes.filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL' && !r.path.endsWith('*'));
    const app = new Set(registered.map((r) => `${r.method} ${r.path.replace(/:[a-z]+/gi, ':id')}`));
    const table = new Set(Object.values(API_ROUTES).map((r) => `${r.method} ${r.path}`));
    expect([...app].sort()).toEqual([...table].sort());
  });

  for (const [name, { method, path, access: allowed, response: schema, stream }] of ROUTES) {
    for (const who of ['anonymous', 'candidate', 'reviewer', 'admin'] as const) {
      it(`${method} ${path} as ${who}: ${may(who, allowed) ? 'allowed' : 'refused'}`, async () => {
        const url = path.replace(':id', ids[ID_KIND[name] ?? 'attempt']!);
        const response = await callers[who](method, url, method === 'GET' ? undefined : {});
        if (may(who, allowed)) {
          expect([401, 403], response.text).not.toContain(response.status);
          // What the web client will parse: a success must match the route table's schema.
          if (response.status < 300 && stream) expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
          else if (response.status < 300) expect(schema.safeParse(response.body).error).toBeUndefined();
        }
        else {
          expect([401, 403]).toContain(response.status);
          expect(response.body.error.message.length).toBeGreaterThan(5);
        }
      });
    }
  }
});
