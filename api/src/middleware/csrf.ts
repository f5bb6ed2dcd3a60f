import type { MiddlewareHandler } from 'hono';
import { HttpError } from '../http-error.js';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cookie-authenticated state changes must come from Assay's own pages: the Origin header must
 * name the public URL (or the host the request came to), and a body must be JSON, which a
 * cross-site HTML form cannot send. SameSite=Strict cookies are the first line; this is the second.
 */
export function csrfGuard(publicUrl: string): MiddlewareHandler {
  const allowed = new URL(publicUrl).origin;
  return async (c, next) => {
    if (SAFE.has(c.req.method)) return next();
    const origin = c.req.header('origin');
    const host = c.req.header('host');
    const sameHost = host !== undefined && (origin === `http://${host}` || origin === `https://${host}`);
    if (!origin || (origin !== allowed && !sameHost)) {
      throw new HttpError(403, 'csrf', 'this request did not come from an Assay page (missing or foreign Origin header)');
    }
    const type = c.req.header('content-type');
    if (type !== undefined && !type.startsWith('application/json')) {
      throw new HttpError(415, 'unsupported_media_type', 'send the request body as JSON (Content-Type: application/json)');
    }
    return next();
  };
}
