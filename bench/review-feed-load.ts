import { request } from 'node:http';
import { readFile } from 'node:fs/promises';
import { createApiClient } from '../tests/support/api-client.js';
import { startPlatform } from '../tests/support/platform.js';
import { summarize, type Summary } from './stats.js';

export interface ReviewFeedFigures {
  /** Reviewer pages holding the live feed open on one API process. */
  pages: number;
  /** Changes announced while they were open (each a candidate starting an attempt). */
  changes: number;
  /** From the request that caused a change to each page receiving it, ms. */
  fanoutMs: Summary;
  /** Page × change deliveries that never arrived (target 0). */
  missed: number;
  /** The API process's resident memory with no page open and with all open, MB. */
  apiRssMb: { idle: number; open: number };
  /** GET /api/health while the pages are open, ms: what the other routes feel. */
  health: Summary;
}

async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

/** One reviewer page's stream: resolves once it is open; `seen` maps attempt id → when it arrived. */
function openPage(url: string, cookie: string, seen: Map<string, number>): Promise<() => void> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { Cookie: cookie, Accept: 'text/event-stream' }, agent: false }, (response) => {
      if (response.statusCode !== 200) return reject(new Error(`the feed answered ${response.statusCode}`));
      response.setEncoding('utf8');
      let buffer = '';
      response.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const message = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (message.startsWith('event: ready')) resolve(() => req.destroy());
          const data = /^event: change\ndata: (.*)$/m.exec(message)?.[1];
          if (data) seen.set((JSON.parse(data) as { attemptId: string }).attemptId, performance.now());
        }
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * How many open reviewer pages one API process serves: `pages` streams held open at once, then
 * `changes` candidates starting attempts one after another, each change timed from its request
 * to its arrival on every page. PGlite, no runner: grading is not involved.
 */
export async function reviewFeedBenchmark({ pages, changes }: { pages: number; changes: number }): Promise<ReviewFeedFigures> {
  const platform = await startPlatform({ withoutRunner: true });
  const closers: Array<() => void> = [];
  try {
    const pid = platform.processes.api!.pid!;
    const login = await fetch(`${platform.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: platform.baseUrl }, body: JSON.stringify(platform.admin) });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const staff = await createApiClient(platform.baseUrl).staff(platform.admin.email, platform.admin.password);
    const idle = await rssMb(pid);
    const seen = Array.from({ length: pages }, () => new Map<string, number>());
    for (let i = 0; i < pages; i += 100) {
      closers.push(...(await Promise.all(seen.slice(i, i + 100).map((s) => openPage(`${platform.baseUrl}/api/review/feed`, cookie, s)))));
    }
    const open = await rssMb(pid);
    const health: number[] = [];
    const fanout: number[] = [];
    let missed = 0;
    for (let c = 0; c < changes; c++) {
      const invite = await staff('POST', '/api/admin/invites', { candidateName: `Feed ${c}`, candidateEmail: `feed${c}@example.test`, challengeId: 'rate-limiter' });
      const candidate = createApiClient(platform.baseUrl).candidate(invite.body.invite.token);
      const sent = performance.now();
      const { attemptId } = (await candidate('POST', '/api/candidate/start', { language: 'python' })).body as { attemptId: string };
      const probeStarted = performance.now();
      await fetch(`${platform.baseUrl}/api/health`);
      health.push(performance.now() - probeStarted);
      const deadline = performance.now() + 10_000;
      while (performance.now() < deadline && seen.some((s) => !s.has(attemptId))) await new Promise((resolve) => setTimeout(resolve, 20));
      for (const s of seen) {
        const at = s.get(attemptId);
        if (at === undefined) missed++;
        else fanout.push(at - sent);
      }
    }
    return { pages, changes, fanoutMs: summarize(fanout), missed, apiRssMb: { idle, open }, health: summarize(health) };
  } finally {
    for (const close of closers) close();
    await platform.close();
  }
}
