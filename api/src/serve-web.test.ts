import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveWeb } from './serve-web.js';

describe('serveWeb', () => {
  let dist: string;
  const script = 'export const x = 1;\n'.repeat(200);
  beforeAll(async () => {
    dist = await mkdtemp(join(tmpdir(), 'assay-web-'));
    await mkdir(join(dist, 'assets'));
    await writeFile(join(dist, 'index.html'), '<!doctype html><title>Assay</title>');
    await writeFile(join(dist, 'diagram.html'), '<!doctype html><title>Diagram</title>');
    await writeFile(join(dist, 'assets', 'app-abc123.js'), script);
    await writeFile(join(dist, 'assets', 'app-abc123.js.br'), brotliCompressSync(script));
  });
  afterAll(() => rm(dist, { recursive: true, force: true }));

  it('serves the precompressed asset to a browser that accepts it, cached for good', async () => {
    const response = await serveWeb(dist).request('/assets/app-abc123.js', { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(Buffer.from(await response.arrayBuffer())).toString()).toBe(script);
  });

  it('serves the plain file otherwise, and index.html for a client-side route, never cached for good', async () => {
    const plain = await serveWeb(dist).request('/assets/app-abc123.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(script);
    const missing = await serveWeb(dist).request('/assets/nothing.js');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('cache-control')).toBeNull();
    const route = await serveWeb(dist).request('/i/some-token');
    expect(await route.text()).toContain('<title>Assay</title>');
    expect(route.headers.get('cache-control')).toBeNull();
  });

  it('serves the diagram frame page itself, and assets to its opaque origin (the public bundle, any origin)', async () => {
    const frame = await serveWeb(dist).request('/diagram.html');
    expect(await frame.text()).toContain('<title>Diagram</title>');
    const asset = await serveWeb(dist).request('/assets/app-abc123.js', { headers: { Origin: 'null' } });
    expect(asset.headers.get('access-control-allow-origin')).toBe('*');
  });
});
