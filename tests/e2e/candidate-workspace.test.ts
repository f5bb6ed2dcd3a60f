import { fileURLToPath } from 'node:url';
import { createChallengeCatalog } from '@assay/challenges';
import { RecordedEvent } from '@assay/contract';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createApiClient, type StaffRequest } from '../support/api-client.js';
import { openPage, screenshot, startWebPlatform, unexpectedErrors } from '../support/browser.js';
import { candidateFlow } from '../support/candidate-flow.js';
import { waitFor, type Platform } from '../support/platform.js';
import { rebuildNaively } from '../../web/src/replay/naive-rebuild.js';

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

const ENTRY = 'src/rate-limiter.ts';

async function typeAtEnd(page: Page, text: string): Promise<void> {
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text, { delay: 5 });
}

async function serverFile(attemptId: string, path: string): Promise<string> {
  const detail = await staff('GET', `/api/review/attempts/${attemptId}`);
  return detail.body.files.find((f: { path: string }) => f.path === path)?.content ?? '';
}

test('a candidate starts, types, pastes, runs tests, goes offline, reloads, loses nothing, and submits', async () => {
  const { invite } = await candidateFlow(platform.baseUrl, staff).invite('rate-limiter', ['typescript', 'python']);
  const { page, pageErrors } = await openPage(browser);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: platform.baseUrl });
  await page.goto(`${platform.baseUrl}/i/${invite.token}`);

  // The landing: what is recorded, the language, consent before the timer starts.
  await page.getByRole('heading', { name: 'What is recorded' }).waitFor();
  await screenshot(page, 'candidate-landing');
  const start = page.getByRole('button', { name: /Start the 60-minute timer/ });
  expect(await start.isDisabled()).toBe(true);
  await page.getByLabel('TypeScript').check();
  await page.getByLabel(/I understand what is recorded/).check();
  await start.click();

  // The workspace: prompt, files, an editor that takes typing and a paste.
  await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 60_000 });
  await page.getByRole('navigation', { name: 'Files' }).getByRole('button', { name: new RegExp(ENTRY) }).waitFor();
  await typeAtEnd(page, '\n// typed by the candidate\n');
  await page.evaluate(() => navigator.clipboard.writeText('// pasted line one\n// pasted line two\n'));
  await page.keyboard.press('Control+V');
  await expect.poll(() => page.getByTestId('save-state').textContent(), { timeout: 20_000 }).toBe('All changes saved');
  const attemptId = (await staff('GET', '/api/review/attempts')).body.attempts[0].id as string;
  await expect.poll(() => serverFile(attemptId, ENTRY), { timeout: 20_000 }).toContain('// pasted line two');

  // Run the visible tests: a result per test and the console output.
  await page.getByRole('button', { name: 'Run tests' }).click();
  const results = page.getByRole('region', { name: 'Test results' });
  await results.waitFor({ timeout: 120_000 });
  await screenshot(page, 'candidate-workspace-results');
  expect(await results.locator('tbody tr').count()).toBeGreaterThan(0);
  // Each visible test shows the requirement sentence it checks.
  const { manifest } = await createChallengeCatalog({ root: fileURLToPath(new URL('../../challenges', import.meta.url)) }).get('rate-limiter');
  expect(await results.textContent()).toContain(manifest.requirements.isolation!.replaceAll('`', ''));

  // Offline: typing goes on, the state says so, and a reload right after reconnecting keeps it.
  await page.context().setOffline(true);
  await typeAtEnd(page, '// OFFLINE-EDIT\n');
  await expect.poll(() => page.getByTestId('save-state').textContent(), { timeout: 20_000 }).toMatch(/Offline/);
  await screenshot(page, 'candidate-offline');
  expect(await serverFile(attemptId, ENTRY)).not.toContain('OFFLINE-EDIT');
  await page.context().setOffline(false);
  await page.reload();
  await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 60_000 });
  await expect.poll(() => serverFile(attemptId, ENTRY), { timeout: 30_000 }).toContain('OFFLINE-EDIT');
  expect(await page.getByRole('navigation', { name: 'Files' }).locator('[aria-current="true"]').textContent()).toContain(ENTRY);

  // Every recorded event reached the server once, in a dense sequence that rebuilds the saved file.
  let events: RecordedEvent[] = [];
  await waitFor(
    async () => {
      events = ((await staff('GET', `/api/review/attempts/${attemptId}/events`)).body.events as unknown[]).map((e) => RecordedEvent.parse(e));
      return rebuildNaively(events)[ENTRY] === (await serverFile(attemptId, ENTRY));
    },
    30_000,
    () => `the recording does not rebuild the saved file (${events.length} events)`,
    500,
  );
  expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i));
  const kinds = new Set(events.map((e) => e.type));
  for (const kind of ['snapshot', 'open', 'edit', 'paste', 'run'] as const) expect(kinds, kind).toContain(kind);
  const paste = events.find((e) => e.type === 'paste');
  expect(paste).toMatchObject({ size: '// pasted line one\n// pasted line two\n'.length, file: ENTRY });

  // Submit with the confirm step, then the final screen.
  await page.getByRole('button', { name: 'Submit' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Submit now' }).click();
  await page.getByRole('heading', { name: /Submitted/ }).waitFor({ timeout: 30_000 });
  expect((await staff('GET', `/api/review/attempts/${attemptId}`)).body.attempt.status).not.toBe('started');
  // The candidate reads the integrity facts in the reviewers' words and answers them.
  const evidence = page.getByTestId('session-evidence');
  await expect.poll(() => evidence.getByRole('list', { name: 'Observed by the server' }).textContent(), { timeout: 30_000 }).toMatch(/Ran the visible tests 1 time\(s\)/);
  expect(await evidence.getByRole('list', { name: /Reported by the candidate's browser/ }).textContent()).toMatch(/Pasted 1 time/);
  expect(await evidence.textContent()).not.toMatch(/hidden tests' verdict/);
  await page.getByLabel('Your reply (optional)').fill('The pasted lines were comments from my own notes.');
  await page.getByRole('button', { name: 'Save my reply' }).click();
  await page.getByRole('status').filter({ hasText: 'Saved: reviewers see it' }).waitFor();
  await screenshot(page, 'candidate-submitted');
  expect((await staff('GET', `/api/review/attempts/${attemptId}`)).body.candidateReply.note).toBe('The pasted lines were comments from my own notes.');
  expect(unexpectedErrors(pageErrors)).toEqual([]);
});

test('a revoked link says so in words', async () => {
  const { invite } = await candidateFlow(platform.baseUrl, staff).invite('rate-limiter');
  await staff('POST', `/api/admin/invites/${invite.id}/revoke`);
  const { page } = await openPage(browser);
  await page.goto(`${platform.baseUrl}/i/${invite.token}`);
  await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/withdrawn by the hiring team/);
  await screenshot(page, 'candidate-revoked');
});

test('the countdown warns, and at zero the last state is submitted', async () => {
  const created = await staff('POST', '/api/admin/invites', { candidateName: 'Tim Er', candidateEmail: 'tim@example.test', challengeId: 'rate-limiter', languages: ['python'], timeLimitMinutes: 5 });
  const { page, pageErrors } = await openPage(browser);
  // The page's clocks (Date, timers, performance.now) are the test's to move.
  await page.clock.install();
  await page.goto(`${platform.baseUrl}/i/${created.body.invite.token}`);
  await page.getByLabel(/I understand what is recorded/).check();
  await page.getByRole('button', { name: /Start the 5-minute timer/ }).click();
  await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 60_000 });
  await typeAtEnd(page, '# last words before time runs out\n');
  // On a 5-minute test neither "10 minutes left" nor "5 minutes left" is ever true.
  await page.clock.fastForward('00:05');
  expect(await page.getByRole('alert').filter({ hasText: 'minutes left' }).count()).toBe(0);
  await page.clock.fastForward('04:05');
  await expect.poll(() => page.getByRole('alert').filter({ hasText: 'left' }).first().textContent(), { timeout: 10_000 }).toMatch(/1 minute left/);
  await screenshot(page, 'candidate-one-minute-left');
  await page.clock.fastForward('01:00');
  await page.getByRole('heading', { name: /Submitted/ }).waitFor({ timeout: 30_000 });
  const attemptId = (await staff('GET', `/api/admin/invites`)).body.invites.find((i: { id: string }) => i.id === created.body.invite.id).attemptId as string;
  const detail = await staff('GET', `/api/review/attempts/${attemptId}`);
  expect(detail.body.attempt.status).not.toBe('started');
  expect(detail.body.files.find((f: { path: string }) => f.path === 'rate_limiter.py').content).toContain('# last words before time runs out');
  // Monaco's own animation timers read performance entries that the fake clock does not make.
  expect(unexpectedErrors(pageErrors).filter((e) => !e.includes("reading 'duration'"))).toEqual([]);
});

test("a submit whose answer is lost after the server stored it: the page asks and shows it submitted, not 'offline'", async () => {
  const { invite } = await candidateFlow(platform.baseUrl, staff).invite('rate-limiter', ['typescript']);
  const { page } = await openPage(browser);
  await page.goto(`${platform.baseUrl}/i/${invite.token}`);
  await page.getByLabel(/I understand what is recorded/).check();
  await page.getByRole('button', { name: /Start the/ }).click();
  await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 60_000 });
  // The request reaches the API and commits; the answer never reaches the page (the API died, the network dropped).
  let reached = false;
  await page.route('**/api/candidate/submit', async (route) => {
    await route.fetch();
    reached = true;
    await route.abort('connectionreset');
  });
  await page.getByRole('button', { name: 'Submit' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Submit now' }).click();
  await page.getByRole('heading', { name: /Submitted/ }).waitFor({ timeout: 30_000 });
  expect(reached).toBe(true);
  expect(await page.getByText(/offline|already submitted/i).count()).toBe(0);
});
