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

test('a wrong password is refused in words; the right one opens the attempts and signing out ends the session', async () => {
  const { page, pageErrors } = await openPage(browser);
  await page.goto(`${platform.baseUrl}/attempts`);
  await page.waitForURL(/\/login\?next=%2Fattempts/);
  await page.getByLabel('Email').fill(platform.admin.email);
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect.poll(() => page.getByRole('alert').textContent()).toContain('do not match');
  await screenshot(page, 'staff-login-error');

  await page.getByLabel('Password').fill(platform.admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/attempts$/);
  await expect.poll(() => page.getByRole('navigation', { name: 'Main' }).textContent()).toContain('Reviewers');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(/\/login/);
  await page.goto(`${platform.baseUrl}/attempts`);
  await page.waitForURL(/\/login\?next=/);
  expect(unexpectedErrors(pageErrors)).toEqual([]);
});
