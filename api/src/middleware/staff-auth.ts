import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Role } from '@assay/contract';
import type { AppEnv } from '../app-env.js';
import { findSessionUser, SESSION_COOKIE } from '../auth/sessions.js';
import type { Database } from '../db/database.js';
import { forbidden, HttpError } from '../http-error.js';

/** Requires a staff session; with `role`, that role (admins may do everything reviewers may). */
export function requireStaff(db: Database, now: () => number, role?: Role): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    const user = token ? await findSessionUser(db, token, now()) : undefined;
    if (!user) throw new HttpError(401, 'unauthenticated', 'log in first');
    if (role === 'admin' && user.role !== 'admin') throw forbidden('only admins can do that');
    c.set('staff', user);
    return next();
  };
}

/** For a long-lived response (the live feed): whether the caller's session is still good now, checked again later. */
export function staffSessionCheck(c: Context, db: Database, now: () => number): () => Promise<boolean> {
  const token = getCookie(c, SESSION_COOKIE);
  return async () => token !== undefined && (await findSessionUser(db, token, now())) !== undefined;
}
