import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openPage, screenshot, startWebPlatform, unexpectedErrors } from '../support/browser.js';
import type { Platform } from '../support/platform.js';

let platform: Platform;
let browser: Browser;
let web: Awaited<ReturnType<typeof startWebPlatform>>;

beforeAll(async () => {
  web = await startWebPlatform({ withoutRunner: true });
  ({ platform, browser } = web);
});
afterAll(() => web?.close());

test('without a mail server, the admin is told to send the link by hand and can issue a new one that voids the old', async () => {
  const { page, pageErrors } = await openPage(browser);
  await page.goto(`${platform.baseUrl}/login?next=/admin/invites`);
  await page.getByLabel('Email').fill(platform.admin.email);
  await page.getByLabel('Password').fill(platform.admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();

  await page.getByLabel("Candidate's name").fill('Grace Hopper');
  await page.getByLabel("Candidate's email").fill('grace@example.test');
  await page.getByRole('button', { name: 'Create the invite' }).click();
  const link = await page.getByLabel('Invite link').inputValue();
  expect(await page.getByRole('status').first().textContent()).toMatch(/Email is not set up on this server \(ASSAY_SMTP_URL\), so send Grace Hopper this link yourself/);
  const row = page.getByRole('table', { name: 'Invites' }).getByRole('row', { name: /Grace Hopper/ });
  await expect.poll(() => row.textContent()).toContain('not emailed: send it by hand');
  await screenshot(page, 'admin-invites-by-hand');

  await row.getByRole('button', { name: 'Issue a new link for Grace Hopper' }).click();
  await expect.poll(() => page.getByLabel('Invite link').inputValue()).not.toBe(link);
  const fresh = await page.getByLabel('Invite link').inputValue();
  const candidate = await openPage(browser);
  await candidate.page.goto(link);
  await expect.poll(() => candidate.page.getByRole('alert').textContent()).toMatch(/not valid/);
  await candidate.page.goto(fresh);
  await expect.poll(() => candidate.page.getByRole('heading', { level: 1 }).count()).toBe(1);
  expect(await candidate.page.getByRole('alert').count()).toBe(0);
  expect(unexpectedErrors([...pageErrors, ...candidate.pageErrors])).toEqual([]);
});
