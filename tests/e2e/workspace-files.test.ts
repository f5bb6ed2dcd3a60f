import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createApiClient, type StaffRequest } from '../support/api-client.js';
import { openPage, screenshot, startWebPlatform, unexpectedErrors } from '../support/browser.js';
import { candidateFlow } from '../support/candidate-flow.js';
import type { Platform } from '../support/platform.js';

const TESTS = fileURLToPath(new URL('../../challenges/rate-limiter/tests', import.meta.url));
let platform: Platform;
let browser: Browser;
let web: Awaited<ReturnType<typeof startWebPlatform>>;
let staff: StaffRequest;

beforeAll(async () => {
  web = await startWebPlatform();
  ({ platform, browser } = web);
  staff = await createApiClient(platform.baseUrl).staff(platform.admin.email, platform.admin.password);
});
afterAll(() => web?.close());

/** Every answer the candidate's page got from the API, as text. */
function candidateResponses(page: Page): string[] {
  const bodies: string[] = [];
  page.on('response', (response) => {
    if (response.url().includes('/api/candidate/')) void response.text().then((text) => bodies.push(text), () => undefined);
  });
  return bodies;
}

async function startIn(page: Page, language: 'TypeScript' | 'Python'): Promise<void> {
  await page.getByLabel(language).check();
  await page.getByLabel(/I understand what is recorded/).check();
  await page.getByRole('button', { name: /Start the/ }).click();
  await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 60_000 });
}

const files = (page: Page) => page.getByRole('navigation', { name: 'Files' });

async function newFile(page: Page, path: string): Promise<void> {
  await files(page).getByRole('button', { name: 'New file' }).click();
  await page.getByLabel('New file path (folders with /)').fill(path);
  await page.getByRole('button', { name: 'Create', exact: true }).click();
}

async function fileNames(page: Page): Promise<string[]> {
  return (await files(page).locator('.file-name').allTextContents()).map((text) => text.split(' (')[0]!.replace(/^\S+\s/, '').trim());
}

async function savedPaths(attemptId: string): Promise<string[]> {
  return ((await staff('GET', `/api/review/attempts/${attemptId}`)).body.files as Array<{ path: string }>).map((f) => f.path).sort();
}

const saved = (page: Page) => expect.poll(() => page.getByTestId('save-state').textContent(), { timeout: 20_000 }).toBe('All changes saved');

test('a TypeScript candidate creates, is refused, renames a file and a folder, deletes, reloads, reads a visible test, submits; the replay shows the new file', async () => {
  const { invite } = await candidateFlow(platform.baseUrl, staff).invite('rate-limiter', ['typescript', 'python']);
  const { page, pageErrors } = await openPage(browser, { viewport: { width: 1280, height: 720 } });
  const responses = candidateResponses(page);
  await page.goto(`${platform.baseUrl}/i/${invite.token}`);
  await startIn(page, 'TypeScript');
  // After Start the candidate can type at once: the focus is in the editor.
  await expect.poll(() => page.evaluate(() => Boolean(document.activeElement?.closest('.monaco-editor')))).toBe(true);
  const attemptId = (await staff('GET', '/api/review/attempts')).body.attempts.find((a: { candidateName: string; status: string }) => a.status === 'started')?.id as string;

  // A new module within the globs: it opens, takes typing, is saved.
  await newFile(page, 'src/limiter-helpers.ts');
  await expect.poll(() => files(page).locator('[aria-current="true"]').textContent()).toContain('src/limiter-helpers.ts');
  expect(await files(page).locator('[aria-current="true"]').textContent()).toContain('(yours)');
  await page.keyboard.type('export const half = (n: number) => n / 2;\n');
  await saved(page);

  // A name outside the globs is refused, with the reason in words, before anything is sent.
  await files(page).getByRole('button', { name: 'New file' }).click();
  await page.getByLabel('New file path (folders with /)').fill('lib/helpers.ts');
  await expect.poll(() => page.getByTestId('file-name-problem').textContent()).toBe('lib/helpers.ts is not a file of this challenge; new files must match src/**/*.ts, src/**/*.js, *.py');
  await page.getByLabel('New file path (folders with /)').fill('src/helpers.js');
  await expect.poll(() => page.getByTestId('file-name-problem').textContent()).toMatch(/a TypeScript attempt holds only \.ts/);
  await screenshot(page, 'candidate-file-refused');
  await files(page).getByRole('button', { name: 'Cancel' }).click();

  // Rename one file and delete another; the entry module offers neither.
  await newFile(page, 'src/scratch.ts');
  await page.keyboard.type('// scratch\n');
  await files(page).getByRole('button', { name: 'Rename src/scratch.ts' }).click();
  await page.getByLabel('New name for src/scratch.ts').fill('src/util/clock.ts');
  await page.getByRole('button', { name: 'Rename', exact: true }).click();
  // A folder is renamed with the files in it.
  await files(page).getByRole('button', { name: 'Rename the folder src/util/' }).click();
  await page.getByLabel('New name for the folder src/util/').fill('src/time');
  await page.getByRole('button', { name: 'Rename', exact: true }).click();
  await newFile(page, 'src/gone.ts');
  await files(page).getByRole('button', { name: 'Delete src/gone.ts' }).click();
  await files(page).getByRole('button', { name: 'Delete src/gone.ts' }).click();
  expect(await files(page).getByRole('button', { name: 'Delete src/rate-limiter.ts' }).count()).toBe(0);
  expect(await files(page).getByRole('button', { name: 'Rename src/rate-limiter.ts' }).count()).toBe(0);
  await saved(page);
  const expected = ['src/limiter-helpers.ts', 'src/rate-limiter.ts', 'src/time/clock.ts'];
  await expect.poll(() => savedPaths(attemptId), { timeout: 20_000 }).toEqual(expected);

  // A reload keeps every file, and the renamed one kept its text.
  await page.reload();
  await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 60_000 });
  expect((await fileNames(page)).sort()).toEqual(expected);
  await files(page).getByRole('button', { name: /src\/time\/clock\.ts/ }).first().click();
  // Monaco draws spaces as no-break spaces.
  await expect.poll(async () => (await page.locator('.monaco-editor .view-lines').first().textContent())?.replaceAll('\u00a0', ' ')).toContain('// scratch');

  // Run the visible tests, then read the source of one of them.
  await page.getByRole('button', { name: 'Run tests' }).click();
  const results = page.getByRole('region', { name: 'Test results' });
  await results.waitFor({ timeout: 120_000 });
  await results.getByRole('button', { name: 'keys have their own buckets' }).click();
  const source = page.getByRole('region', { name: 'Visible tests' });
  await expect.poll(() => source.locator('.source-line.focused').textContent()).toContain("test('keys have their own buckets'");
  await screenshot(page, 'candidate-visible-test-source');

  // The results are still there after a reload.
  await page.reload();
  await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 60_000 });
  await page.getByRole('tab', { name: 'Test results' }).click();
  await page.getByRole('region', { name: 'Test results' }).waitFor();
  expect(await page.getByRole('region', { name: 'Test results' }).locator('tbody tr').count()).toBeGreaterThan(0);

  await page.getByRole('button', { name: 'Submit' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Submit now' }).click();
  await page.getByRole('heading', { name: /Submitted/ }).waitFor({ timeout: 30_000 });
  const detail = await staff('GET', `/api/review/attempts/${attemptId}`);
  expect(detail.body.files.find((f: { path: string }) => f.path === 'src/limiter-helpers.ts')?.content).toContain('export const half');

  // No hidden suite's text reached the candidate's page in any answer: none of its lines a public suite does not share (imports, braces).
  const linesOf = async (folder: string) => (await Promise.all((await readdir(join(TESTS, folder))).map((name) => readFile(join(TESTS, folder, name), 'utf8')))).flatMap((text) => text.split('\n').map((line) => line.trim()));
  const publicLines = new Set(await linesOf('public'));
  const hiddenLines = (await linesOf('hidden')).filter((line) => line.length > 30 && !publicLines.has(line));
  const everything = responses.join('\n');
  expect(responses.length).toBeGreaterThan(10);
  expect(hiddenLines.length).toBeGreaterThan(50);
  // As sent, inside JSON strings: quotes and backslashes escaped.
  for (const line of hiddenLines) expect(everything, 'a hidden suite line in a candidate response').not.toContain(JSON.stringify(line).slice(1, -1));

  // The reviewer's replay shows the file appear.
  const reviewer = await openPage(browser);
  await reviewer.page.goto(`${platform.baseUrl}/login`);
  await reviewer.page.getByLabel('Email').fill(platform.admin.email);
  await reviewer.page.getByLabel('Password').fill(platform.admin.password);
  await reviewer.page.getByRole('button', { name: 'Sign in' }).click();
  await reviewer.page.waitForURL(/\/attempts$/);
  await reviewer.page.goto(`${platform.baseUrl}/attempts/${attemptId}`);
  await reviewer.page.getByRole('tab', { name: 'Replay' }).click();
  const moments = reviewer.page.getByRole('navigation', { name: 'Moments' });
  await moments.getByRole('button', { name: /Created src\/limiter-helpers\.ts/ }).click();
  await expect.poll(() => reviewer.page.getByTestId('replay-files').textContent()).toContain('src/limiter-helpers.ts');
  expect(await moments.getByRole('button', { name: /Renamed src\/scratch\.ts to src\/util\/clock\.ts/ }).count()).toBe(1);
  expect(await moments.getByRole('button', { name: /Renamed src\/util\/clock\.ts to src\/time\/clock\.ts/ }).count()).toBe(1);
  expect(await moments.getByRole('button', { name: /Deleted src\/gone\.ts/ }).count()).toBe(1);
  await reviewer.page.getByRole('button', { name: 'Jump to the end' }).click();
  await expect.poll(() => reviewer.page.getByTestId('replay-files').textContent()).toBe(`Files: ${expected.join(', ')}`);
  await screenshot(reviewer.page, 'review-replay-created-file');
  expect(unexpectedErrors(pageErrors)).toEqual([]);
  expect(unexpectedErrors(reviewer.pageErrors)).toEqual([]);
});

test('a Python candidate adds a module beside the entry one, which survives a reload', async () => {
  const { invite } = await candidateFlow(platform.baseUrl, staff).invite('rate-limiter', ['python']);
  const { page, pageErrors } = await openPage(browser);
  await page.goto(`${platform.baseUrl}/i/${invite.token}`);
  await page.getByLabel(/I understand what is recorded/).check();
  await page.getByRole('button', { name: /Start the/ }).click();
  await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 60_000 });
  await newFile(page, 'src/helpers.ts');
  await expect.poll(() => page.getByTestId('file-name-problem').textContent()).toMatch(/a Python attempt holds only \.py/);
  await page.getByLabel('New file path (folders with /)').fill('buckets.py');
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await page.keyboard.type('def half(n):\n    return n / 2\n');
  await saved(page);
  await page.reload();
  await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 60_000 });
  expect((await fileNames(page)).sort()).toEqual(['buckets.py', 'rate_limiter.py']);
  expect(unexpectedErrors(pageErrors)).toEqual([]);
});
