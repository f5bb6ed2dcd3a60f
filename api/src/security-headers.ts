import type { MiddlewareHandler } from 'hono';

/**
 * The Content-Security-Policy of every response. Staff pages show what candidates wrote, so the
 * policy assumes some of it gets past the sanitizer and leaves it nothing to do: no inline or
 * foreign script, no request or form to another host, no image from another host (a beacon), no
 * framing of Assay by another site. Styles may be inline because Monaco and mermaid's SVGs set
 * them; workers are Monaco's, built as files of our own. Every directive is stated, not implied.
 */
const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
];
export const CONTENT_SECURITY_POLICY = [...DIRECTIVES, "frame-ancestors 'none'"].join('; ');
/** The same for the app's own frames (the diagram frame): framed by Assay's pages, by nothing else. */
export const FRAMED_CONTENT_SECURITY_POLICY = [...DIRECTIVES, "frame-ancestors 'self'"].join('; ');

/** Pages the app frames itself (web/diagram.html). */
export const FRAMED_PAGES: ReadonlySet<string> = new Set(['/diagram.html']);

/** The same headers on every response, API answers and web pages alike (errors included). */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const framed = FRAMED_PAGES.has(c.req.path);
    c.header('Content-Security-Policy', framed ? FRAMED_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Frame-Options', framed ? 'SAMEORIGIN' : 'DENY');
  };
}
