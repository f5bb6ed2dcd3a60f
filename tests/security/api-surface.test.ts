import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_ROUTES, type Route, type RouteAccess } from '@assay/contract';
import { buildImages } from '../../runner/src/images/build-images.js';
import { createApiClient, type StaffRequest } from '../support/api-client.js';
import { candidateFlow } from '../support/candidate-flow.js';
import { postEarlyAnswer } from '../support/raw-post.js';
import { challengesWithMarkers } from '../support/planted-challenges.js';
import { startPlatform, waitFor, type Platform } from '../support/platform.js';

/**
 * Group 6 of the adversarial suite, against the real API process: every route refuses every
 * wrong caller and changes nothing; a candidate's token opens only its own attempt; no response
 * body ever contains a hidden test or a solution (markers are planted in all of them and every
 * body this file receives is searched); CSRF, oversized and malformed bodies, expired and
 * revoked invites get clear errors and change nothing.
 */
const MARKER = `SECRET-${randomBytes(6).toString('hex')}`;
const bodies: Array<{ url: string; text: string }> = [];
const realFetch = globalThis.fetch;
globalThis.fetch = async (input, init) => {
  const response = await realFetch(input, init);
  bodies.push({ url: String(input instanceof Request ? input.url : input), text: await response.clone().text() });
  return response;
};

type Caller = 'anonymous' | 'candidate' | 'reviewer' | 'admin' | 'disabled reviewer' | 'signed-out admin';
const ALLOWED: Record<RouteAccess, Caller[]> = {
  public: ['anonymous', 'candidate', 'reviewer', 'admin', 'disabled reviewer', 'signed-out admin'],
  candidate: ['candidate'],
  staff: ['reviewer', 'admin'],
  admin: ['admin'],
};
/** A body each route would accept from the right caller, so a refusal is about who, not what. */
const PLAUSIBLE: Partial<Record<keyof typeof API_ROUTES, unknown>> = {
  start: { language: 'python' },
  saveFiles: { files: [{ path: 'rate_limiter.py', content: 'x = 1\n' }] },
  uploadEvents: { events: [{ seq: 0, t: 0, type: 'focus', focused: true }] },
  score: { criteria: [{ id: 'correctness', score: 1, note: '' }], recommendation: 'yes', note: '' },
  createInvite: { candidateName: 'Mallory', candidateEmail: 'mallory@example.test', challengeId: 'rate-limiter' },
  createUser: { email: 'mallory@example.test', name: 'Mallory', role: 'admin', password: 'a long enough password' },
  saveScoreDraft: { draft: { criteria: [], recommendation: 'yes', note: 'planted' } },
  setPassword: { password: 'a long enough password' },
};

let platform: Platform;
let root: string;
let admin: StaffRequest;
let flow: ReturnType<typeof candidateFlow>;

beforeAll(async () => {
  await buildImages(() => undefined);
  const planted = await challengesWithMarkers('rate-limiter', MARKER);
  root = planted.root;
  expect(planted.planted).toBeGreaterThan(10);
  platform = await startPlatform({ apiEnv: { ASSAY_CHALLENGES_DIR: root }, runnerEnv: { ASSAY_CHALLENGES_DIR: root } });
  admin = await createApiClient(platform.baseUrl).staff(platform.admin.email, platform.admin.password);
  flow = candidateFlow(platform.baseUrl, admin);
});
afterAll(async () => {
  globalThis.fetch = realFetch;
  await platform?.close();
  await rm(root, { recursive: true, force: true });
});

/** What the platform holds, as an admin sees it: must be identical before and after refused calls. */
async function stateDigest(): Promise<string> {
  const [invites, users, attempts] = await Promise.all([admin('GET', '/api/admin/invites'), admin('GET', '/api/admin/users'), admin('GET', '/api/review/attempts')]);
  const details = await Promise.all(attempts.body.attempts.map((a: { id: string }) => admin('GET', `/api/review/attempts/${a.id}`)));
  const events = await Promise.all(attempts.body.attempts.map((a: { id: string }) => admin('GET', `/api/review/attempts/${a.id}/events`)));
  const scores = await Promise.all(attempts.body.attempts.map((a: { id: string }) => admin('GET', `/api/review/attempts/${a.id}/scores`)));
  return JSON.stringify([invites.body, users.body, details.map((d) => d.body), events.map((e) => e.body), scores.map((s) => s.body)]);
}

async function newStaff(role: 'admin' | 'reviewer') {
  const email = `${role}-${randomBytes(4).toString('hex')}@example.test`;
  const created = await admin('POST', '/api/admin/users', { email, name: role, role, password: 'a long enough password' });
  expect(created.status).toBe(201);
  return { id: created.body.user.id as string, request: await createApiClient(platform.baseUrl).staff(email, 'a long enough password') };
}

describe('the API under attack', () => {
  it('every route refuses every wrong caller, with a clear error, and changes nothing', async () => {
    const { candidate } = await flow.invite('rate-limiter', ['python']);
    const started = await candidate('POST', '/api/candidate/start', { language: 'python' });
    const attemptId = started.body.attemptId as string;
    const reviewer = await newStaff('reviewer');
    const disabled = await newStaff('reviewer');
    expect((await admin('POST', `/api/admin/users/${disabled.id}/disable`)).status).toBe(200);
    const signedOut = await newStaff('admin');
    expect((await signedOut.request('POST', '/api/auth/logout')).status).toBe(200);
    const spare = await admin('POST', '/api/admin/invites', PLAUSIBLE.createInvite);
    const anonymous = createApiClient(platform.baseUrl).request;
    const callers: Record<Caller, (method: string, path: string, body?: unknown) => Promise<{ status: number; body: any }>> = {
      anonymous: (method, path, body) => anonymous(method, path, body === undefined ? {} : { body }),
      candidate,
      reviewer: reviewer.request,
      admin,
      'disabled reviewer': disabled.request,
      'signed-out admin': signedOut.request,
    };
    const idFor = (name: string) => ({ reissueInvite: spare.body.invite.id, revokeInvite: spare.body.invite.id, disableUser: reviewer.id, enableUser: disabled.id, setPassword: reviewer.id, run: 'run_x', challengePreview: 'rate-limiter' })[name] ?? attemptId;

    const before = await stateDigest();
    let refusals = 0;
    for (const [name, route] of Object.entries(API_ROUTES) as Array<[keyof typeof API_ROUTES, Route]>) {
      for (const caller of Object.keys(callers) as Caller[]) {
        if (ALLOWED[route.access].includes(caller)) continue;
        const response = await callers[caller](route.method, route.path.replace(':id', idFor(name)), route.method === 'GET' ? undefined : (PLAUSIBLE[name] ?? {}));
        expect([401, 403], `${route.method} ${route.path} as ${caller}: ${response.status}`).toContain(response.status);
        expect(response.body.error.message.length, `${name} as ${caller}`).toBeGreaterThan(10);
        refusals++;
      }
    }
    expect(await stateDigest()).toBe(before);
    console.log(`[api] ${refusals} wrong-caller requests over ${Object.keys(API_ROUTES).length} routes, all refused, state unchanged`);
  });

  it("a candidate token never reaches another attempt's data", async () => {
    // Candidate routes name no attempt: the token is the only key. The one id they take is a run's.
    const addressed = Object.values(API_ROUTES).filter((r) => r.access === 'candidate' && r.path.includes(':'));
    expect(addressed.map((r) => r.path)).toEqual(['/api/candidate/runs/:id']);
    const a = await flow.invite('rate-limiter', ['python']);
    const b = await flow.invite('rate-limiter', ['python']);
    await a.candidate('POST', '/api/candidate/start', { language: 'python' });
    const startedB = await b.candidate('POST', '/api/candidate/start', { language: 'python' });
    await b.candidate('PUT', '/api/candidate/files', { files: [{ path: 'rate_limiter.py', content: '# B-ONLY-CONTENT\n' }] });
    const run = await b.candidate('POST', '/api/candidate/runs');
    expect(run.status).toBe(202);
    const stolen = await a.candidate('GET', `/api/candidate/runs/${run.body.runId}`);
    expect(stolen.status).toBe(404);
    const mine = await a.candidate('GET', '/api/candidate/attempt');
    expect(JSON.stringify(mine.body)).not.toContain('B-ONLY-CONTENT');
    expect(mine.body.attemptId).not.toBe(startedB.body.attemptId);
    // B's token after B's invite is revoked opens nothing, including B's own attempt.
    expect((await admin('POST', `/api/admin/invites/${b.invite.id}/revoke`)).status).toBe(200);
    const revoked = await b.candidate('GET', '/api/candidate/attempt');
    expect(revoked.status).toBe(410);
    expect(revoked.body.error.message).toMatch(/withdrawn/);
  });

  it('no response ever contains a hidden test or a solution, through a whole graded attempt', async () => {
    const { candidate } = await flow.invite('rate-limiter', ['python']);
    const started = await candidate('POST', '/api/candidate/start', { language: 'python' });
    // The candidate's code goes looking for the secrets and prints whatever it finds.
    const snoop = 'import os\nfor top in ["/sandbox", "/agent", "/tmp", "/tests", "/solutions", "/challenges", "/work", "/home", "/root"]:\n    for base, dirs, names in os.walk(top):\n        for n in names:\n            p = os.path.join(base, n)\n            try:\n                print(p, open(p).read()[:2000])\n            except Exception:\n                pass\n';
    const starter = (await candidate('GET', '/api/candidate/attempt')).body.files.find((f: { path: string }) => f.path === 'rate_limiter.py');
    await candidate('PUT', '/api/candidate/files', { files: [{ path: 'rate_limiter.py', content: `${snoop}\n${starter.content}` }] });
    await candidate('POST', '/api/candidate/events', { events: [{ seq: 0, t: 0, type: 'focus', focused: false }] });
    const run = await candidate('POST', '/api/candidate/runs');
    await waitFor(async () => (await candidate('GET', `/api/candidate/runs/${run.body.runId}`)).body.status === 'done', 120_000, () => `the run never finished: ${run.status} ${JSON.stringify(run.body)}\n${platform.logs.join('').slice(-3000)}`);
    // Graded for real (the starter fails its tests), not an infrastructure failure.
    expect((await candidate('GET', `/api/candidate/runs/${run.body.runId}`)).body.result.verdict).not.toBe('infra_error');
    await candidate('POST', '/api/candidate/submit');
    expect((await flow.verdict(started.body.attemptId)).verdict).not.toBe('infra_error');
    await candidate('GET', '/api/candidate/status');
    const reviewer = await newStaff('reviewer');
    for (const request of [admin, reviewer.request]) {
      await request('GET', '/api/review/attempts');
      await request('GET', `/api/review/attempts/${started.body.attemptId}`);
      await request('GET', `/api/review/attempts/${started.body.attemptId}/events`);
      await request('GET', `/api/review/attempts/${started.body.attemptId}/scores`);
    }
    await admin('GET', '/api/admin/challenges');
    await admin('GET', '/api/admin/invites');
    for (const path of ['/', '/i/x', '/attempts', '/index.html', '/api/nothing']) await realFetch(`${platform.baseUrl}${path}`).then(async (r) => bodies.push({ url: path, text: await r.text() }));

    const leaks = bodies.filter((b) => b.text.includes(MARKER)).map((b) => b.url);
    expect(leaks).toEqual([]);
    console.log(`[api] ${bodies.length} response bodies searched for the planted marker: none had it`);
  });

  it('CSRF, oversized and malformed bodies get clear errors and change nothing', async () => {
    const cookieOnly = async (init: RequestInit & { headers: Record<string, string> }) => {
      const login = await realFetch(`${platform.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: platform.baseUrl }, body: JSON.stringify({ email: platform.admin.email, password: platform.admin.password }) });
      const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
      const response = await realFetch(`${platform.baseUrl}/api/admin/invites`, { method: 'POST', ...init, headers: { Cookie: cookie, ...init.headers } });
      return { status: response.status, body: (await response.json()) as { error: { code: string; message: string } } };
    };
    const before = await stateDigest();
    const invite = JSON.stringify(PLAUSIBLE.createInvite);
    const foreign = await cookieOnly({ headers: { Origin: 'https://evil.example', 'Content-Type': 'application/json' }, body: invite });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.message).toMatch(/Origin/);
    const noOrigin = await cookieOnly({ headers: { 'Content-Type': 'application/json' }, body: invite });
    expect(noOrigin.status).toBe(403);
    const form = await cookieOnly({ headers: { Origin: platform.baseUrl, 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'candidateName=x' });
    expect(form.status).toBe(415);
    expect(form.body.error.message).toMatch(/JSON/);
    const malformed = await cookieOnly({ headers: { Origin: platform.baseUrl, 'Content-Type': 'application/json' }, body: '{"candidateName": ' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toMatch(/not valid JSON/);
    const oversized = await postEarlyAnswer(`${platform.baseUrl}/api/admin/invites`, { Origin: platform.baseUrl, 'Content-Type': 'application/json' }, JSON.stringify({ ...(PLAUSIBLE.createInvite as object), candidateName: 'x'.repeat(3 * 1024 * 1024) }));
    expect(oversized.status).toBe(413);
    expect(oversized.body.error.message).toMatch(/MiB/);
    const invalid = await admin('POST', '/api/admin/invites', { candidateName: '', candidateEmail: 'not an email', challengeId: 'rate-limiter', surprise: 1 });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.message).toMatch(/candidateEmail/);
    expect(await stateDigest()).toBe(before);
  });

  it('expired and revoked invites say so, before and after starting, and change nothing', async () => {
    const expiring = await admin('POST', '/api/admin/invites', { ...(PLAUSIBLE.createInvite as object), expiresAt: new Date(Date.now() + 1_500).toISOString() });
    expect(expiring.status).toBe(201);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const candidate = createApiClient(platform.baseUrl).candidate(expiring.body.invite.token);
    const before = await stateDigest();
    for (const [method, path, body] of [['GET', '/api/candidate/invite'], ['POST', '/api/candidate/start', { language: 'python' }]] as const) {
      const response = await candidate(method, path, body);
      expect(response.status).toBe(410);
      expect(response.body.error.message).toMatch(/expired/);
    }
    const { invite, candidate: revokedCandidate } = await flow.invite('rate-limiter', ['python']);
    await admin('POST', `/api/admin/invites/${invite.id}/revoke`);
    const afterRevoke = await stateDigest();
    const refused = await revokedCandidate('POST', '/api/candidate/start', { language: 'python' });
    expect(refused.status).toBe(410);
    expect(refused.body.error.message).toMatch(/withdrawn/);
    expect(await stateDigest()).toBe(afterRevoke);
    expect(afterRevoke).not.toBe(before); // the revoke itself is the only change
  });
});

describe('sign-in attacks', () => {
  let own: Platform;
  beforeAll(async () => {
    own = await startPlatform({ withoutRunner: true });
  });
  afterAll(() => own?.close());
  const login = (email: string, password: string, cookie?: string) =>
    realFetch(`${own.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: own.baseUrl, ...(cookie ? { Cookie: cookie } : {}) },
      body: JSON.stringify({ email, password }),
    });
  const me = (cookie: string) => realFetch(`${own.baseUrl}/api/auth/me`, { headers: { Cookie: cookie } });

  it('session fixation: a planted session id is never honoured; sign-in issues a new one; sign-out ends it on the server', async () => {
    const planted = `assay_session=${randomBytes(32).toString('base64url')}`;
    expect((await me(planted)).status).toBe(401);
    const response = await login(own.admin.email, own.admin.password, planted);
    expect(response.status).toBe(200);
    const issued = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    expect(issued).toMatch(/^assay_session=/);
    expect(issued).not.toBe(planted);
    expect((await me(planted)).status).toBe(401);
    expect((await me(issued)).status).toBe(200);
    await realFetch(`${own.baseUrl}/api/auth/logout`, { method: 'POST', headers: { Cookie: issued, Origin: own.baseUrl } });
    // The browser forgets the cookie; a copy kept by an attacker is dead too.
    expect((await me(issued)).status).toBe(401);
  });

  it('brute force: five failures lock the account, even against the right password; fifty lock the address', async () => {
    for (let i = 0; i < 5; i++) expect((await login(own.admin.email, `wrong-${i}`)).status).toBe(401);
    const locked = await login(own.admin.email, own.admin.password);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(((await locked.json()) as { error: { message: string } }).error.message).toMatch(/too many failed logins/);
    for (let i = 0; i < 45; i++) await login(`someone-${i}@example.test`, 'wrong');
    const fromAddress = await login('fresh@example.test', 'whatever');
    expect(fromAddress.status).toBe(429);
  });
});
