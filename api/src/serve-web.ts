import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';

/** The built web app, with index.html for every client-side route; a plain page until it is built. */
export function serveWeb(dist: string) {
  const web = new Hono();
  if (!existsSync(`${dist}/index.html`)) {
    return web.get('*', (c) => c.html('<!doctype html><title>Assay</title><h1>Assay</h1><p>The API is running. The web app is not built yet: run <code>npm run -w web build</code>.</p>'));
  }
  const root = relative(process.cwd(), dist) || '.';
  web.use('/assets/*', async (c, next) => {
    await next();
    // Vite names every asset by its content's hash, so a browser may keep it for good.
    if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=31536000, immutable');
    // The diagram frame is sandboxed (an opaque origin), so its module scripts are cross-origin
    // requests; the assets are the public app bundle, the same for everyone.
    c.header('Access-Control-Allow-Origin', '*');
  });
  // The build writes .br and .gz beside each asset (web/build/precompress.ts).
  web.use('/assets/*', serveStatic({ root, precompressed: true }));
  // A missing asset is a 404, not the app's page (which would then be cached for good).
  web.get('/assets/*', (c) => c.text(`no such asset: ${c.req.path}`, 404));
  // The page mermaid draws in, inside a sandboxed iframe (web/src/markdown/mermaid-diagram.tsx).
  web.get('/diagram.html', async (c) => c.html(await readFile(`${dist}/diagram.html`, 'utf8')));
  web.get('*', async (c) => c.html(await readFile(`${dist}/index.html`, 'utf8')));
  return web;
}
