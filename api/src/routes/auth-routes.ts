import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { LoginBody } from '@assay/contract';
import type { AppEnv } from '../app-env.js';
import { createLoginRateLimit } from '../auth/login-rate-limit.js';
import { DUMMY_HASH, verifyPassword } from '../auth/passwords.js';
import { createSession, deleteSession, SESSION_COOKIE, SESSION_TTL_MS, toStaffUser } from '../auth/sessions.js';
import type { Database } from '../db/database.js';
import { HttpError } from '../http-error.js';
import { requireStaff } from '../middleware/staff-auth.js';
import { jsonBody } from '../middleware/validate.js';

export function authRoutes({ db, now, secureCookies, clientIp }: { db: Database; now: () => number; secureCookies: boolean; clientIp: (c: Context) => string }) {
  // Per email: a brute force on one account. Per IP: a sweep across accounts, with room for an
  // office of people behind one address.
  const perEmail = createLoginRateLimit({ now, limit: 5 });
  const perIp = createLoginRateLimit({ now, limit: 50 });
  return new Hono<AppEnv>()
    .post('/login', jsonBody(LoginBody), async (c) => {
      const { email, password } = c.req.valid('json');
      const ip = [clientIp(c)];
      const account = [email.toLowerCase()];
      const wait = Math.max(perIp.retryAfter(ip), perEmail.retryAfter(account));
      if (wait > 0) throw new HttpError(429, 'too_many_attempts', `too many failed logins; try again in ${Math.ceil(wait / 60)} minute(s)`, { 'Retry-After': String(wait) });
      const [user] = await db.query<{ id: string; email: string; name: string; role: 'admin' | 'reviewer'; disabled: boolean; password_hash: string }>(
        'SELECT * FROM users WHERE email = $1',
        [email.toLowerCase()],
      );
      const ok = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
      if (!user || !ok || user.disabled) {
        perIp.fail(ip);
        perEmail.fail(account);
        throw new HttpError(401, 'invalid_login', 'that email and password do not match an active account');
      }
      perEmail.succeed(account);
      // A fresh session id at every login: a session id planted before login is worthless after it.
      const previous = getCookie(c, SESSION_COOKIE);
      if (previous) await deleteSession(db, previous);
      const token = await createSession(db, user.id, now());
      setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Strict', secure: secureCookies, path: '/', maxAge: SESSION_TTL_MS / 1000 });
      return c.json({ user: toStaffUser(user) });
    })
    .post('/logout', async (c) => {
      const token = getCookie(c, SESSION_COOKIE);
      if (token) await deleteSession(db, token);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.json({ ok: true });
    })
    .get('/me', requireStaff(db, now), (c) => c.json({ user: c.get('staff') }));
}
