import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createApiClient, type StaffRequest } from '../support/api-client.js';
import { openPage, startWebPlatform } from '../support/browser.js';
import { candidateFlow } from '../support/candidate-flow.js';
import type { Platform } from '../support/platform.js';

let platform: Platform;
let browser: Browser;
let web: Awaited<ReturnType<typeof startWebPlatform>>;
let staff: StaffRequest;
let axeSource: string;

beforeAll(async () => {
  web = await startWebPlatform();
  ({ platform, browser } = web);
  staff = await createApiClient(platform.baseUrl).staff(platform.admin.email, platform.admin.password);
  axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
});
afterAll(() => web?.close());

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[] }>;
}

/**
 * axe-core's serious and critical violations on the page as it is now, one line each. axe is put
 * in through the DevTools protocol (`evaluate`), which the app's Content-Security-Policy does not
 * govern, so the page under test keeps its real policy.
 */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}

async function signIn(page: Page): Promise<void> {
  await page.goto(`${platform.baseUrl}/login`);
  await page.getByLabel('Email').fill(platform.admin.email);
  await page.getByLabel('Password').fill(platform.admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/attempts$/);
}

test('the invite landing, workspace, sign-in, reviewer and admin pages have no serious or critical accessibility violation', async () => {
  const { invite, candidate } = await candidateFlow(platform.baseUrl, staff).invite('rate-limiter', ['typescript', 'python']);
  const { page } = await openPage(browser, { viewport: { width: 1280, height: 720 } });
  await page.goto(`${platform.baseUrl}/i/${invite.token}`);
  await page.getByRole('heading', { name: 'What is recorded' }).waitFor();
  expect(await seriousViolations(page), 'landing').toEqual([]);

  await page.getByLabel('TypeScript').check();
  await page.getByLabel(/I understand what is recorded/).check();
  await page.getByRole('button', { name: /Start the/ }).click();
  await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 60_000 });
  expect(await seriousViolations(page), 'workspace').toEqual([]);
  await page.getByRole('tab', { name: 'Visible tests' }).click();
  expect(await seriousViolations(page), 'workspace, visible tests').toEqual([]);
  await candidate('POST', '/api/candidate/submit');

  const staffPage = (await openPage(browser, { viewport: { width: 1280, height: 720 } })).page;
  await staffPage.goto(`${platform.baseUrl}/`);
  await staffPage.getByLabel('Email').waitFor();
  expect(await seriousViolations(staffPage), 'sign-in').toEqual([]);
  await signIn(staffPage);
  expect(await seriousViolations(staffPage), 'attempt list').toEqual([]);
  await staffPage.getByRole('link', { name: 'Ada Lovelace' }).first().click();
  await staffPage.getByRole('tab', { name: 'Replay' }).waitFor();
  expect(await seriousViolations(staffPage), 'reviewer attempt page').toEqual([]);
  for (const path of ['/admin/invites', '/admin/challenges', '/admin/users']) {
    await staffPage.goto(`${platform.baseUrl}${path}`);
    await staffPage.getByRole('main').getByRole('heading').first().waitFor();
    expect(await seriousViolations(staffPage), path).toEqual([]);
  }
});
