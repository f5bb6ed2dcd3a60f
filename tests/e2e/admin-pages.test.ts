import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createApiClient } from '../support/api-client.js';
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

test('an admin sees the challenges, previews one, invites and revokes, and manages reviewers', async () => {
  const { page, pageErrors } = await openPage(browser);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: platform.baseUrl });
  await page.goto(`${platform.baseUrl}/login?next=/admin/challenges`);
  await page.getByLabel('Email').fill(platform.admin.email);
  await page.getByLabel('Password').fill(platform.admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();

  // The challenges found in challenges/, with kind, languages and validation state.
  const rows = page.locator('tbody tr');
  await expect.poll(() => rows.count()).toBe(4);
  const table = await page.locator('table').textContent();
  for (const text of ['Token-bucket rate limiter', 'system-design', 'TypeScript, JavaScript, Python']) expect(table).toContain(text);
  await screenshot(page, 'admin-challenges');

  // A preview opens the challenge as a candidate would, and leaves no attempt behind.
  await page.getByRole('row', { name: /Token-bucket rate limiter/ }).getByRole('link', { name: 'Try it as a candidate' }).click();
  await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 60_000 });
  expect(await page.getByText('Preview: nothing is saved, recorded, run or graded').count()).toBe(1);
  expect(await page.getByRole('button', { name: 'Run tests' }).isDisabled()).toBe(true);
  await screenshot(page, 'admin-preview');
  const admin = await createApiClient(platform.baseUrl).staff(platform.admin.email, platform.admin.password);
  expect((await admin('GET', '/api/review/attempts')).body.attempts).toEqual([]);

  // An invite: a field error first, then the link, shown once, copied.
  await page.getByRole('link', { name: 'Invites' }).click();
  await page.getByLabel("Candidate's name").fill('Grace Hopper');
  await page.getByLabel("Candidate's email").fill('not an email');
  await page.getByRole('button', { name: 'Create the invite' }).click();
  await expect.poll(() => page.locator('.error[role=alert]').textContent()).toMatch(/candidateEmail/);
  await page.getByLabel("Candidate's email").fill('grace@example.test');
  await page.getByRole('button', { name: 'Create the invite' }).click();
  const link = await page.getByLabel('Invite link').inputValue();
  expect(link).toMatch(/\/i\/[A-Za-z0-9_-]{20,}$/);
  await page.getByRole('button', { name: 'Copy link' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  const inviteRow = page.getByRole('table', { name: 'Invites' }).getByRole('row', { name: /Grace Hopper/ });
  await expect.poll(() => inviteRow.textContent()).toContain('pending');
  await screenshot(page, 'admin-invites');

  // Revoked, with a confirm step; the link then says so to the candidate.
  await inviteRow.getByRole('button', { name: /Revoke/ }).click();
  await inviteRow.getByRole('button', { name: 'Yes, revoke' }).click();
  await expect.poll(() => inviteRow.textContent()).toContain('revoked');
  const candidate = await openPage(browser);
  await candidate.page.goto(link);
  await expect.poll(() => candidate.page.getByRole('alert').textContent()).toMatch(/withdrawn/);

  // A reviewer account: created, then disabled; I cannot disable myself.
  await page.getByRole('link', { name: 'Reviewers' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Rita Reviewer');
  await page.getByLabel('Email').fill('rita@example.test');
  await page.getByLabel(/Initial password/).fill('a long enough password');
  await page.getByRole('button', { name: 'Add the account' }).click();
  const rita = page.getByRole('row', { name: /Rita Reviewer/ });
  await expect.poll(() => rita.textContent()).toContain('active');
  await screenshot(page, 'admin-users');

  // Rita signs in: no admin navigation, and a clear message on an admin page.
  const reviewer = await openPage(browser);
  await reviewer.page.goto(`${platform.baseUrl}/login?next=/admin/invites`);
  await reviewer.page.getByLabel('Email').fill('rita@example.test');
  await reviewer.page.getByLabel('Password').fill('a long enough password');
  await reviewer.page.getByRole('button', { name: 'Sign in' }).click();
  await expect.poll(() => reviewer.page.getByRole('alert').textContent()).toMatch(/for admins/);
  expect(await reviewer.page.getByRole('navigation', { name: 'Main' }).textContent()).not.toContain('Invites');

  await rita.getByRole('button', { name: 'Disable Rita Reviewer' }).click();
  await rita.getByRole('button', { name: 'Yes, disable' }).click();
  await expect.poll(() => rita.textContent()).toContain('disabled');
  await reviewer.page.reload();
  await reviewer.page.waitForURL(/\/login/);
  // 400: the invalid invite; 410: the revoked link; both provoked above.
  expect(unexpectedErrors([...pageErrors, ...candidate.pageErrors, ...reviewer.pageErrors], [400, 410])).toEqual([]);
});
