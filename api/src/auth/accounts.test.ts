import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OneUser } from '@assay/contract';
import { createTestApi, type TestApi } from '../test-api.js';

let t: TestApi;
let admin: Awaited<ReturnType<TestApi['staff']>>;
beforeAll(async () => {
  t = await createTestApi();
  admin = await t.staff('admin');
}, 60_000);
afterAll(() => t.close());

const login = (email: string, password: string) => t.anonymous('POST', '/api/auth/login', { email, password });

describe('accounts an admin manages', () => {
  it('a disabled reviewer can be enabled again and signs in as before', async () => {
    const { user } = OneUser.parse((await admin('POST', '/api/admin/users', { email: 'rita@example.test', name: 'Rita', role: 'reviewer', password: 'a long enough password' })).body);
    expect((await admin('POST', `/api/admin/users/${user.id}/disable`)).body.user.disabled).toBe(true);
    expect((await login('rita@example.test', 'a long enough password')).status).toBe(401);
    expect(OneUser.parse((await admin('POST', `/api/admin/users/${user.id}/enable`)).body).user.disabled).toBe(false);
    expect((await login('rita@example.test', 'a long enough password')).status).toBe(200);
  });

  it('a new password replaces the old one and ends the sessions signed in with it', async () => {
    const { user } = OneUser.parse((await admin('POST', '/api/admin/users', { email: 'sam@example.test', name: 'Sam', role: 'reviewer', password: 'the first password' })).body);
    const cookie = (await login('sam@example.test', 'the first password')).headers.get('set-cookie')!.split(';')[0]!;
    const short = await admin('POST', `/api/admin/users/${user.id}/password`, { password: 'short' });
    expect(short.body.error.message).toBe('password: use at least 12 characters');
    expect((await admin('POST', `/api/admin/users/${user.id}/password`, { password: 'the second password' })).status).toBe(200);
    expect((await t.anonymous('GET', '/api/auth/me', undefined, { Cookie: cookie })).status).toBe(401);
    expect((await login('sam@example.test', 'the first password')).status).toBe(401);
    expect((await login('sam@example.test', 'the second password')).status).toBe(200);
  });

  it('an admin can neither disable their own account nor set its password here', async () => {
    const me = (await admin('GET', '/api/auth/me')).body.user.id;
    expect((await admin('POST', `/api/admin/users/${me}/disable`)).body.error.message).toBe('you cannot disable your own account');
    expect((await admin('POST', `/api/admin/users/${me}/password`, { password: 'a long enough password' })).status).toBe(400);
    expect((await admin('POST', '/api/admin/users/usr_nobody/enable')).status).toBe(404);
  });
});
