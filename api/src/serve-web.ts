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
  web.use('/assets/*', serveStatic({ root }));
  web.get('*', async (c) => c.html(await readFile(`${dist}/index.html`, 'utf8')));
  return web;
}
