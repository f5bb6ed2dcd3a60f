import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { inviteLinkIn, startSmtpSink, type SmtpSink } from '@assay/api/test-smtp';
import { createChallengeCatalog } from '@assay/challenges';
import { createApiClient } from '../support/api-client.js';
import { openPage, screenshot, startWebPlatform, unexpectedErrors } from '../support/browser.js';
import type { Platform } from '../support/platform.js';

let platform: Platform;
let browser: Browser;
let web: Awaited<ReturnType<typeof startWebPlatform>>;
let smtp: SmtpSink;

beforeAll(async () => {
  smtp = await startSmtpSink();
  web = await startWebPlatform({ withoutRunner: true, apiEnv: { ASSAY_SMTP_URL: smtp.url } });
  ({ platform, browser } = web);
});
afterAll(async () => {
  await web?.close();
  await smtp?.close();
});

test('an admin sees the challenges, previews one, invites and revokes, and manages reviewers', async () => {
  const { page, pageErrors } = await openPage(browser);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: platform.baseUrl });
  await page.goto(`${platform.baseUrl}/login?next=/admin/challenges`);
  await page.getByLabel('Email').fill(platform.admin.email);
  await page.getByLabel('Password').fill(platform.admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();

  // The challenges found in challenges/, with kind, languages and validation state.
  const rows = page.locator('tbody tr');
  const folders = await createChallengeCatalog({ root: fileURLToPath(new URL('../../challenges', import.meta.url)) }).ids();
  await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(folders.length);
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

  // An invite: a field error in words beside its field, then the link, emailed and shown once.
  await page.getByRole('link', { name: 'Invites' }).click();
  await page.getByLabel("Candidate's name").fill('Grace Hopper');
  await page.getByLabel("Candidate's email").fill('not an email');
  await page.getByRole('button', { name: 'Create the invite' }).click();
  await expect.poll(() => page.locator('#candidateEmail-error').textContent()).toBe("enter the candidate's email address");
  expect(await page.locator('main').textContent()).not.toContain('candidateEmail');
  await page.getByLabel("Candidate's email").fill('grace@example.test');
  await page.getByLabel('Challenge', { exact: true }).selectOption({ label: 'Token-bucket rate limiter' });
  await page.getByRole('button', { name: 'Create the invite' }).click();
  const link = await page.getByLabel('Invite link').inputValue();
  expect(link).toMatch(/\/i\/[A-Za-z0-9_-]{20,}$/);
  expect(await page.getByRole('status').first().textContent()).toContain('was emailed to grace@example.test');
  await page.getByRole('button', { name: 'Copy link' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  const inviteRow = page.getByRole('table', { name: 'Invites' }).getByRole('row', { name: /Grace Hopper/ });
  await expect.poll(() => inviteRow.textContent()).toMatch(/pending.*emailed/);
  await screenshot(page, 'admin-invites');

  // The email, read back from the SMTP server, carries the link, and the link opens the invite.
  const mail = await smtp.nextTo('grace@example.test');
  expect(inviteLinkIn(mail)).toBe(link);
  const candidate = await openPage(browser);
  await candidate.page.goto(inviteLinkIn(mail));
  await expect.poll(() => candidate.page.getByRole('heading', { level: 1 }).textContent()).toBe('Token-bucket rate limiter');

  // Resent: a fresh link arrives by email and the old one no longer opens anything.
  await inviteRow.getByRole('button', { name: 'Resend to Grace Hopper' }).click();
  const fresh = inviteLinkIn(await smtp.nextTo('grace@example.test', 1));
  expect(fresh).not.toBe(link);
  await expect.poll(() => page.getByLabel('Invite link').inputValue()).toBe(fresh);
  await candidate.page.goto(link);
  await expect.poll(() => candidate.page.getByRole('alert').textContent()).toMatch(/not valid/);
  await candidate.page.goto(fresh);
  await expect.poll(() => candidate.page.getByRole('heading', { level: 1 }).textContent()).toBe('Token-bucket rate limiter');

  // Revoked, with a confirm step; the link then says so to the candidate.
  await inviteRow.getByRole('button', { name: /Revoke/ }).click();
  await inviteRow.getByRole('button', { name: 'Yes, revoke' }).click();
  await expect.poll(() => inviteRow.textContent()).toContain('revoked');
  expect(await inviteRow.getByRole('button').count()).toBe(0);
  await candidate.page.goto(fresh);
  await expect.poll(() => candidate.page.getByRole('alert').textContent()).toMatch(/withdrawn/);

  // A reviewer account: created, disabled, enabled, given a new password; my own row offers none of that.
  await page.getByRole('link', { name: 'Reviewers' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Rita Reviewer');
  await page.getByLabel('Email').fill('rita@example.test');
  await page.getByLabel(/Initial password/).fill('short');
  await page.getByRole('button', { name: 'Add the account' }).click();
  await expect.poll(() => page.locator('#password-error').textContent()).toBe('use at least 12 characters');
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
  const me = page.getByRole('row', { name: /\(you\)/ });
  expect(await me.getByRole('button').count()).toBe(0);
  expect(await me.textContent()).toContain('your own account');

  await rita.getByRole('button', { name: 'Enable Rita Reviewer' }).click();
  await expect.poll(() => rita.textContent()).toContain('active');
  await rita.getByRole('button', { name: 'Set a new password for Rita Reviewer' }).click();
  await rita.getByLabel('New password for Rita Reviewer').fill('a brand new password');
  await rita.getByRole('button', { name: 'Set the password' }).click();
  await expect.poll(() => page.getByRole('status').textContent()).toContain('Rita Reviewer has a new password');
  await screenshot(page, 'admin-users-managed');
  await reviewer.page.getByLabel('Email').fill('rita@example.test');
  await reviewer.page.getByLabel('Password').fill('a brand new password');
  await reviewer.page.getByRole('button', { name: 'Sign in' }).click();
  await reviewer.page.waitForURL(/\/admin\/invites|\/attempts/);
  // 401: the voided link; 410: the revoked link; both provoked above.
  expect(unexpectedErrors([...pageErrors, ...candidate.pageErrors, ...reviewer.pageErrors], [410])).toEqual([]);
});
