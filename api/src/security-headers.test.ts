import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, FRAMED_CONTENT_SECURITY_POLICY, securityHeaders } from './security-headers.js';

describe('securityHeaders', () => {
  const app = new Hono()
    .use('*', securityHeaders())
    .get('/ok', (c) => c.json({ ok: true }))
    .get('/boom', () => {
      throw new Error('boom');
    });
  app.onError((_, c) => c.json({ error: 'internal' }, 500));

  it.each(['/ok', '/boom', '/missing'])('puts the policy and the other headers on %s', async (path) => {
    const response = await app.request(path);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
  });

  it("lets only Assay's own pages frame the diagram frame", async () => {
    const response = await app.request('/diagram.html');
    expect(response.headers.get('content-security-policy')).toBe(FRAMED_CONTENT_SECURITY_POLICY);
    expect(FRAMED_CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'self'");
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });

  it('allows no inline script, no foreign host and no framing', () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(directives.get('form-action')).toEqual(["'self'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  });
});
