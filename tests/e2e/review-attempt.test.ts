import { fileURLToPath } from 'node:url';
import type { EventFields, RecordedEvent } from '@assay/contract';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createChallengeCatalog } from '@assay/challenges';
import { createApiClient, type StaffRequest } from '../support/api-client.js';
import { openPage, screenshot, startWebPlatform, unexpectedErrors } from '../support/browser.js';
import { candidateFlow } from '../support/candidate-flow.js';
import type { Platform } from '../support/platform.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ENTRY = 'src/rate-limiter.ts';
let platform: Platform;
let browser: Browser;
let web: Awaited<ReturnType<typeof startWebPlatform>>;
let admin: StaffRequest;

beforeAll(async () => {
  web = await startWebPlatform();
  ({ platform, browser } = web);
  admin = await createApiClient(platform.baseUrl).staff(platform.admin.email, platform.admin.password);
});
afterAll(() => web?.close());

/**
 * A recording as the editor makes one: the starter, then the reference typed line by line
 * (with one block pasted), a spell away from the window, and a test run.
 */
function recordingOf(starter: Record<string, string>, final: string): RecordedEvent[] {
  const events: RecordedEvent[] = [{ seq: 0, t: 0, type: 'snapshot', files: starter }, { seq: 1, t: 500, type: 'open', file: ENTRY }];
  let t = 1_000;
  const push = (event: EventFields, gap = 700) => events.push({ ...event, seq: events.length, t: (t += gap) } as RecordedEvent);
  push({ type: 'edit', file: ENTRY, changes: [{ offset: 0, length: starter[ENTRY]!.length, text: '' }] });
  const lines = final.split(/(?<=\n)/);
  let written = 0;
  lines.forEach((line, i) => {
    if (i === 10) {
      const block = lines.slice(10, 16).join('');
      push({ type: 'edit', file: ENTRY, changes: [{ offset: written, length: 0, text: block }] });
      push({ type: 'paste', file: ENTRY, size: block.length, lines: 6 }, 0);
      written += block.length;
    }
    if (i >= 10 && i < 16) return;
    push({ type: 'edit', file: ENTRY, changes: [{ offset: written, length: 0, text: line }] });
    written += line.length;
    if (i === 20) {
      push({ type: 'focus', focused: false });
      push({ type: 'focus', focused: true }, 95_000);
    }
  });
  push({ type: 'run', runId: 'run_e2e', passed: 3, total: 3 });
  return events;
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto(`${platform.baseUrl}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/attempts$/);
}

async function score(page: Page, note: string) {
  await page.getByRole('tab', { name: 'Scorecard' }).click();
  await page.locator('fieldset.criterion').first().waitFor();
  for (const fieldset of await page.locator('fieldset.criterion').all()) await fieldset.locator('input[type=radio]').last().check();
  await page.getByLabel('Yes', { exact: true }).check();
  await page.getByLabel('Overall note').fill(note);
  await page.getByRole('button', { name: 'Submit my scores' }).click();
  await page.getByRole('table', { name: 'Scores side by side' }).waitFor();
}

/** Half a scorecard, then another tab and a reload: the draft is still there, from the server. */
async function draftSurvivesTabsAndReloads(page: Page) {
  await page.getByRole('tab', { name: 'Scorecard' }).click();
  const first = page.locator('fieldset.criterion').first();
  await first.locator('input[type=radio]').nth(1).check();
  await first.locator('textarea').fill('Refill looks right; check the clock edge.');
  await page.getByRole('tab', { name: 'Code' }).click();
  await page.getByRole('tab', { name: 'Scorecard' }).click();
  expect(await page.locator('fieldset.criterion').first().locator('textarea').inputValue()).toBe('Refill looks right; check the clock edge.');
  await expect.poll(() => page.getByRole('status').filter({ hasText: 'Draft saved' }).count()).toBe(1);
  // Typed just before the reload: the save goes out as the page is left.
  await page.getByLabel('Overall note').fill('Typed a moment before reloading.');
  await page.reload();
  await page.getByRole('tab', { name: 'Scorecard' }).click();
  const again = page.locator('fieldset.criterion').first();
  await expect.poll(() => again.locator('textarea').inputValue()).toBe('Refill looks right; check the clock edge.');
  expect(await again.locator('input[type=radio]').nth(1).isChecked()).toBe(true);
  expect(await page.getByLabel('Overall note').inputValue()).toBe('Typed a moment before reloading.');
  await screenshot(page, 'review-scorecard-draft');
}

test('a reviewer reads the verdict and the diff, replays to the submitted code, and scores independently of a second reviewer', async () => {
  const challenge = await createChallengeCatalog({ root: `${ROOT}challenges` }).get('rate-limiter');
  const reference = challenge.trusted.reference.typescript!.find((f) => f.path === ENTRY)!.content;
  const { candidate } = await candidateFlow(platform.baseUrl, admin).invite('rate-limiter', ['typescript']);
  const started = await candidate('POST', '/api/candidate/start', { language: 'typescript' });
  const attemptId = started.body.attemptId as string;
  const starter = Object.fromEntries((await candidate('GET', '/api/candidate/attempt')).body.files.map((f: { path: string; content: string }) => [f.path, f.content]));
  const events = recordingOf(starter, reference);
  expect((await candidate('POST', '/api/candidate/events', { events })).body.ackedSeq).toBe(events.length - 1);
  await candidate('PUT', '/api/candidate/files', { files: [{ path: ENTRY, content: reference }] });
  await candidate('POST', '/api/candidate/submit');

  const reviewerEmail = 'second.reviewer@example.test';
  await admin('POST', '/api/admin/users', { email: reviewerEmail, name: 'Second Reviewer', role: 'reviewer', password: 'a long enough password' });

  const { page, pageErrors } = await openPage(browser);
  await signIn(page, platform.admin.email, platform.admin.password);
  await page.getByRole('link', { name: 'Ada Lovelace' }).click();
  // The verdict arrives while the page is open.
  const hidden = page.getByRole('table', { name: 'Hidden test results' });
  await hidden.waitFor({ timeout: 120_000 });
  expect(await hidden.locator('tbody tr').count()).toBeGreaterThan(10);
  // Beside each test, the sentence of the prompt it checks (its `code` spans rendered).
  for (const sentence of Object.values(challenge.manifest.requirements)) expect(await hidden.textContent()).toContain(sentence.replaceAll('`', ''));
  await expect.poll(() => page.getByTestId('integrity').textContent()).toMatch(/Reported by the candidate's browser.*Pasted 1 time.*100% still in the final code/s);
  await screenshot(page, 'review-overview');
  // The score beside the verdict, and test names with their `code` set as code, not backticks.
  await expect.poll(() => page.locator('h1 + p').textContent()).toMatch(/passed\s*100%/);
  expect(await hidden.locator('tbody td:first-child').allTextContents()).not.toContainEqual(expect.stringContaining('`'));
  expect(await hidden.locator('tbody td:first-child code').count()).toBeGreaterThan(0);

  await page.getByRole('tab', { name: 'Code' }).click();
  await page.getByTestId('code-diff').locator('.monaco-diff-editor').waitFor({ timeout: 60_000 });
  await screenshot(page, 'review-diff');

  await page.getByRole('tab', { name: 'Replay' }).click();
  await page.getByTestId('replay-editor').locator('.monaco-editor').waitFor({ timeout: 60_000 });
  // It opens on the first file the candidate opened, not an empty editor; arrow keys step 5 s.
  await expect.poll(() => page.getByTestId('replay-time').textContent()).toMatch(new RegExp(`^00:00 / .* · ${ENTRY}`));
  await page.getByRole('slider', { name: 'Replay position' }).press('ArrowRight');
  await expect.poll(() => page.getByTestId('replay-time').textContent()).toMatch(/^00:05 /);
  await page.getByRole('navigation', { name: 'Moments' }).getByRole('button', { name: /Pasted/ }).click();
  await expect.poll(() => page.getByTestId('replay-time').textContent()).toContain(`${ENTRY} · the pasted text is marked`);
  await expect.poll(() => page.getByTestId('replay-editor').locator('.replay-pasted').count()).toBeGreaterThan(0);
  await screenshot(page, 'review-replay-paste');
  await page.getByRole('button', { name: 'Jump to the end' }).click();
  await expect.poll(() => page.getByTestId('replay-match').textContent()).toBe('matches the submitted files');
  await page.getByRole('button', { name: 'Play' }).click();
  await screenshot(page, 'review-replay');

  await draftSurvivesTabsAndReloads(page);
  await score(page, 'First reviewer: solid.');
  const mine = page.getByRole('table', { name: 'Scores side by side' });
  expect(await mine.textContent()).toMatch(/4 · Exemplary.*Weighted total4 of 4/s);

  // Amended: the new version shows, the one it replaced is kept.
  await page.getByRole('button', { name: 'Amend my scorecard' }).click();
  await page.getByLabel('Strong yes').check();
  await page.getByRole('button', { name: 'Submit the amendment' }).click();
  await expect.poll(() => mine.textContent()).toContain('Strong yes');
  await page.getByText(/Earlier versions of your scorecard \(1\)/).click();
  expect(await page.locator('details').textContent()).toMatch(/weighted 4 of 4; Yes \(“First reviewer: solid\.”\)/);
  await screenshot(page, 'review-scorecard-amended');
  await page.getByRole('link', { name: '← All attempts' }).click();
  await expect.poll(() => page.getByRole('row', { name: /Ada Lovelace/ }).textContent()).toContain('1 in, yours too');
  await screenshot(page, 'review-attempts-list');

  // The second reviewer sees that someone scored, but not what, until they have scored too.
  const second = await openPage(browser);
  await signIn(second.page, reviewerEmail, 'a long enough password');
  await second.page.goto(`${platform.baseUrl}/attempts/${attemptId}`);
  await second.page.getByRole('tab', { name: 'Scorecard' }).click();
  await expect.poll(() => second.page.getByRole('tabpanel').textContent()).toContain('1 other reviewer(s) have scored');
  expect(await second.page.getByText('First reviewer: solid.').count()).toBe(0);
  await score(second.page, 'Second reviewer: agree.');
  const table = second.page.getByRole('table', { name: 'Scores side by side' });
  expect(await table.textContent()).toContain('First reviewer: solid.');
  expect(await table.textContent()).toContain('Second Reviewer (you)');
  await screenshot(second.page, 'review-scorecards');
  expect(unexpectedErrors([...pageErrors, ...second.pageErrors])).toEqual([]);
});

test('reviewer pages update live: a second browser sees a new attempt, its submission and its verdict appear with no reload', async () => {
  const { page, pageErrors } = await openPage(browser);
  const feeds: string[] = [];
  page.on('request', (request) => request.url().endsWith('/api/review/feed') && feeds.push(request.resourceType()));
  await signIn(page, platform.admin.email, platform.admin.password);
  const list = page.getByRole('table').first();
  await list.waitFor();

  const challenge = await createChallengeCatalog({ root: `${ROOT}challenges` }).get('rate-limiter');
  const invited = await admin('POST', '/api/admin/invites', { candidateName: 'Grace Hopper', candidateEmail: 'grace@example.test', challengeId: 'rate-limiter', languages: ['typescript'] });
  const candidate = createApiClient(platform.baseUrl).candidate(invited.body.invite.token);
  const attemptId = (await candidate('POST', '/api/candidate/start', { language: 'typescript' })).body.attemptId as string;
  const row = page.getByRole('row', { name: /Grace Hopper/ });
  // Well within the 15 s the page would take to poll: the live feed brought it.
  await expect.poll(() => row.textContent(), { timeout: 10_000 }).toMatch(/started/);

  const attemptPage = await openPage(browser);
  await signIn(attemptPage.page, platform.admin.email, platform.admin.password);
  await attemptPage.page.goto(`${platform.baseUrl}/attempts/${attemptId}`);
  await attemptPage.page.getByRole('tab', { name: 'Overview' }).waitFor();
  const reference = challenge.trusted.reference.typescript!.find((f) => f.path === ENTRY)!.content;
  await candidate('PUT', '/api/candidate/files', { files: [{ path: ENTRY, content: reference }] });
  await candidate('POST', '/api/candidate/submit');
  await attemptPage.page.getByRole('table', { name: 'Hidden test results' }).waitFor({ timeout: 120_000 });
  await expect.poll(() => row.textContent(), { timeout: 10_000 }).toMatch(/graded\s*passed/);
  expect(feeds).toContain('eventsource');
  // The candidate answers the integrity facts; the open attempt page shows the reply beside them.
  await candidate('PUT', '/api/candidate/evidence/reply', { note: 'I looked up the token-bucket formula.' });
  await expect.poll(() => attemptPage.page.getByTestId('candidate-reply').textContent(), { timeout: 10_000 }).toBe('I looked up the token-bucket formula.');
  await screenshot(attemptPage.page, 'review-candidate-reply');
  await screenshot(page, 'review-attempts-live');
  expect(unexpectedErrors([...pageErrors, ...attemptPage.pageErrors])).toEqual([]);
});
