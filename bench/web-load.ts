import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createApiClient } from '../tests/support/api-client.js';
import { buildWeb, launchBrowser } from '../tests/support/browser.js';
import { candidateFlow } from '../tests/support/candidate-flow.js';
import { startPlatform } from '../tests/support/platform.js';
import { summarize, type Summary } from './stats.js';

export interface WebFigures {
  /** Gzip bytes of what every page loads first: index.html, the entry script, its imports and CSS. */
  shellGzip: number;
  /** Gzip bytes of the Monaco chunks and workers, fetched only when an editor opens. */
  monacoGzip: number;
  monacoFiles: number;
  /** Cold load (fresh browser context, empty cache) to an editor that has taken a keystroke, ms. */
  editableColdMs: Summary;
  /** Baseline in the same run: a cold load of a page with nothing in it from the same server, ms. */
  blankColdMs: Summary;
}

const gz = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length;

/** The shell: index.html and every script, style and modulepreload it names. */
async function shellGzip(dist: string): Promise<number> {
  const html = await readFile(join(dist, 'index.html'));
  const assets = [...String(html).matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1]!);
  let total = gz(html);
  for (const asset of new Set(assets)) total += gz(await readFile(join(dist, asset)));
  return total;
}

export async function webBenchmark({ smoke }: { smoke: boolean }): Promise<WebFigures> {
  const dist = await buildWeb();
  const assets = await readdir(join(dist, 'assets'));
  // The .br/.gz beside each asset (web/build/precompress.ts) are other encodings of the same file.
  const monaco = assets.filter((name) => /^(editor\.api|monaco-setup|editor\.worker|ts\.worker)/.test(name) && !/\.(br|gz)$/.test(name));
  let monacoGzip = 0;
  for (const name of monaco) monacoGzip += gz(await readFile(join(dist, 'assets', name)));

  const platform = await startPlatform({ withoutRunner: true, apiEnv: { ASSAY_WEB_DIST: dist } });
  const browser = await launchBrowser();
  try {
    const staff = await createApiClient(platform.baseUrl).staff(platform.admin.email, platform.admin.password);
    const flow = candidateFlow(platform.baseUrl, staff);
    const runs = smoke ? 1 : 7;
    const editable: number[] = [];
    const blank: number[] = [];
    for (let i = 0; i < runs; i++) {
      const { candidate, invite } = await flow.invite('rate-limiter', ['typescript']);
      await candidate('POST', '/api/candidate/start', { language: 'typescript' });
      for (const [url, sample, ready] of [
        [`${platform.baseUrl}/api/health`, blank, null],
        [`${platform.baseUrl}/i/${invite.token}`, editable, true],
      ] as const) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        const page = await context.newPage();
        const started = performance.now();
        await page.goto(url);
        if (ready) {
          await page.locator('.monaco-editor .view-lines').first().click();
          await page.keyboard.type('§');
          await page.locator('.view-lines', { hasText: '§' }).first().waitFor();
        }
        sample.push(performance.now() - started);
        await context.close();
      }
    }
    return { shellGzip: await shellGzip(dist), monacoGzip, monacoFiles: monaco.length, editableColdMs: summarize(editable), blankColdMs: summarize(blank) };
  } finally {
    await browser.close();
    await platform.close();
  }
}
