import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../test-api.js';

let t: TestApi;
beforeAll(async () => {
  t = await createTestApi();
});
afterAll(() => t.close());

describe('staff login', () => {
  it('sets an httpOnly SameSite=Strict cookie and /me knows the user', async () => {
    const user = await t.addUser('reviewer');
    const login = await t.anonymous('POST', '/api/auth/login', user);
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const me = await t.anonymous('GET', '/api/auth/me', undefined, { Cookie: cookie.split(';')[0]! });
    expect(me.body.user).toMatchObject({ email: user.email, role: 'reviewer' });
  });

  it('refuses a wrong password and an unknown email with the same message', async () => {
    const user = await t.addUser('reviewer');
    const wrong = await t.anonymous('POST', '/api/auth/login', { email: user.email, password: 'nope' }, { 'X-Forwarded-For': 'a' });
    const unknown = await t.anonymous('POST', '/api/auth/login', { email: 'ghost@example.test', password: 'nope' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error.message).toBe(unknown.body.error.message);
  });

  it('rate-limits repeated failures for an email with Retry-After, even with the right password after', async () => {
    const user = await t.addUser('reviewer');
    for (let i = 0; i < 5; i++) await t.anonymous('POST', '/api/auth/login', { email: user.email, password: 'wrong' });
    const limited = await t.anonymous('POST', '/api/auth/login', user);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('issues a new session at login, and a planted session id does not survive it', async () => {
    const user = await t.addUser('admin');
    const first = (await t.anonymous('POST', '/api/auth/login', user)).headers.get('set-cookie')!.split(';')[0]!;
    const second = (await t.anonymous('POST', '/api/auth/login', user, { Cookie: first })).headers.get('set-cookie')!.split(';')[0]!;
    expect(second).not.toBe(first);
    expect((await t.anonymous('GET', '/api/auth/me', undefined, { Cookie: first })).status).toBe(401);
    expect((await t.anonymous('GET', '/api/auth/me', undefined, { Cookie: second })).status).toBe(200);
  });

  it('refuses cross-site state changes: no Origin, a foreign Origin, or a non-JSON body', async () => {
    const admin = await t.staff('admin');
    const body = { candidateName: 'X', candidateEmail: 'x@example.test', challengeId: 'fixture' };
    expect((await admin('POST', '/api/admin/invites', body, { Origin: '' })).status).toBe(403);
    expect((await admin('POST', '/api/admin/invites', body, { Origin: 'https://evil.example' })).status).toBe(403);
    const form = await admin('POST', '/api/admin/invites', 'candidateName=X', { 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
    expect((await admin('GET', '/api/admin/invites')).status).toBe(200);
  });

  it('answers malformed JSON, unknown fields and oversized bodies with clear errors', async () => {
    const admin = await t.staff('admin');
    const malformed = await admin('POST', '/api/admin/invites', '{"candidateName":');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('invalid_json');
    const unknown = await admin('POST', '/api/admin/invites', { candidateName: 'X', candidateEmail: 'not-an-email', challengeId: 'fixture' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/candidateEmail: enter the candidate's email address/);
    const huge = await admin('POST', '/api/admin/invites', { candidateName: 'x'.repeat(3 * 1024 * 1024) });
    expect(huge.status).toBe(413);
  });
});
