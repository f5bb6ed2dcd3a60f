import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startPlatform, type Platform, type PlatformOptions } from './platform.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SCREENSHOTS = join(ROOT, 'tests/e2e/screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Debian's Chromium, headless. The background-networking flags matter here: without them
 * Chromium keeps dialling Google on a machine with a closed network.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

let built: Promise<string> | undefined;

/** What the web build is made of: its hash names the build, so a build is reused until one of these changes. */
const WEB_INPUTS = ['web/src', 'web/build', 'web/index.html', 'web/diagram.html', 'web/vite.config.ts', 'web/package.json', 'contract/src', 'package-lock.json'];

async function hashOf(paths: readonly string[]): Promise<string> {
  const hash = createHash('sha256');
  const add = async (path: string): Promise<void> => {
    const full = join(ROOT, path);
    if ((await stat(full)).isDirectory()) {
      for (const name of (await readdir(full)).sort()) await add(join(path, name));
    } else hash.update(`${path}\0`).update(await readFile(full));
  };
  for (const path of paths) await add(path);
  return hash.digest('hex').slice(0, 16);
}

/**
 * Builds the web app for the API to serve through ASSAY_WEB_DIST, once per content: the build
 * lands in a temporary folder named by the hash of its sources, so every browser test file (each
 * in its own worker) and the bench reuse it, and nobody's web/dist is touched. A build is written
 * aside and renamed into place, so a reader never sees half of one.
 */
export function buildWeb(): Promise<string> {
  built ??= (async () => {
    // A production build, whatever runs this: vitest sets NODE_ENV=test, which would make vite
    // bundle React's development build (twice the shell) and give the bench wrong figures.
    const target = join(tmpdir(), `assay-web-production-${await hashOf(WEB_INPUTS)}`);
    if (existsSync(join(target, 'index.html'))) return target;
    const outDir = await mkdtemp(join(tmpdir(), 'assay-web-build-'));
    await promisify(execFile)('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], { cwd: join(ROOT, 'web'), maxBuffer: 16 * 1024 * 1024, env: { ...process.env, NODE_ENV: 'production' } });
    try {
      await rename(outDir, target);
    } catch {
      // Another test file built the same sources first.
      await rm(outDir, { recursive: true, force: true });
    }
    return target;
  })();
  return built;
}

/**
 * A page that records what went wrong in the browser: an uncaught error or a console error
 * fails the test that calls `expectNoPageErrors`.
 */
export async function openPage(browser: Browser, options: { viewport?: { width: number; height: number } } = {}): Promise<{ page: Page; pageErrors: string[] }> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 800 } });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  return { page, pageErrors };
}

/** Saves a screenshot of a main screen under tests/e2e/screenshots/ for people to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
}

/**
 * Browser errors a test should fail on. The app asks "who am I?" and a 401 is the answer "nobody"
 * (Chromium logs it as a failed resource), an offline spell logs failed requests by design, and
 * a test that provokes a refusal names the statuses it expects.
 */
export function unexpectedErrors(pageErrors: readonly string[], expectedStatuses: readonly number[] = []): string[] {
  const statuses = [401, ...expectedStatuses].join('|');
  return pageErrors.filter((e) => !new RegExp(`status of (${statuses})\\b|ERR_INTERNET_DISCONNECTED`).test(e));
}

/** The platform serving a fresh build of the web app, and a browser to drive it. */
export async function startWebPlatform(options: PlatformOptions = {}): Promise<{ platform: Platform; browser: Browser; close(): Promise<void> }> {
  const webDist = await buildWeb();
  const [platform, browser] = await Promise.all([startPlatform({ ...options, apiEnv: { ...options.apiEnv, ASSAY_WEB_DIST: webDist } }), launchBrowser()]);
  return {
    platform,
    browser,
    async close() {
      await browser.close();
      await platform.close();
    },
  };
}
