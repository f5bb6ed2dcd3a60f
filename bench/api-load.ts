import { randomBytes } from 'node:crypto';
import { createDatabase } from '../api/src/db/create-database.js';
import { createApiClient, type CandidateRequest } from '../tests/support/api-client.js';
import { candidateFlow } from '../tests/support/candidate-flow.js';
import { startPlatform } from '../tests/support/platform.js';
import { summarize, type Summary } from './stats.js';

export interface ApiLoadFigures {
  database: 'pglite' | 'postgres';
  candidates: number;
  seconds: number;
  /** Latency per route under load, ms. */
  routes: Record<string, Summary>;
  /** Baseline in the same run and under the same load: GET /api/health, ms. */
  health: Summary;
  eventsPerSecond: number;
  errors: number;
}

const POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * Candidates working as the web client does: an autosave (PUT files) every few seconds while
 * typing and an event batch (about 20 keystrokes) every two seconds, each candidate on its own
 * jittered schedule, against the real API process. Grading is not involved.
 */
export async function apiLoadBenchmark({ database, candidates, seconds }: { database: 'pglite' | 'postgres'; candidates: number; seconds: number }): Promise<ApiLoadFigures> {
  const dbName = `assay_bench_${randomBytes(4).toString('hex')}`;
  if (database === 'postgres') {
    const admin = await createDatabase({ url: POSTGRES });
    await admin.query(`CREATE DATABASE ${dbName}`);
    await admin.close();
  }
  const platform = await startPlatform({ withoutRunner: true, ...(database === 'postgres' ? { databaseUrl: POSTGRES.replace(/\/postgres$/, `/${dbName}`) } : {}) });
  try {
    const staff = await createApiClient(platform.baseUrl).staff(platform.admin.email, platform.admin.password);
    const flow = candidateFlow(platform.baseUrl, staff);
    const people: CandidateRequest[] = [];
    for (let i = 0; i < candidates; i += 25) {
      people.push(
        ...(await Promise.all(
          Array.from({ length: Math.min(25, candidates - i) }, async () => {
            const { candidate } = await flow.invite('rate-limiter', ['python']);
            await candidate('POST', '/api/candidate/start', { language: 'python' });
            return candidate;
          }),
        )),
      );
    }
    const samples: Record<string, number[]> = { 'PUT /api/candidate/files': [], 'POST /api/candidate/events': [] };
    const health: number[] = [];
    let errors = 0;
    let events = 0;
    const until = performance.now() + seconds * 1000;
    const timed = async (route: string, call: () => Promise<{ status: number }>) => {
      const started = performance.now();
      const response = await call().catch(() => ({ status: 0 }));
      samples[route]!.push(performance.now() - started);
      if (response.status >= 400 || response.status === 0) errors++;
    };
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const work = people.map(async (candidate) => {
      let seq = 0;
      let text = 'class RateLimiter:\n';
      await sleep(Math.random() * 2_000);
      for (let tick = 0; performance.now() < until; tick++) {
        const batch = Array.from({ length: 20 }, () => {
          text += 'x';
          return { seq: seq++, t: seq * 100, type: 'edit' as const, file: 'rate_limiter.py', changes: [{ offset: text.length - 1, length: 0, text: 'x' }] };
        });
        await timed('POST /api/candidate/events', () => candidate('POST', '/api/candidate/events', { events: batch }));
        events += batch.length;
        if (tick % 2 === 1) await timed('PUT /api/candidate/files', () => candidate('PUT', '/api/candidate/files', { files: [{ path: 'rate_limiter.py', content: text }] }));
        await sleep(1_500 + Math.random() * 1_000);
      }
    });
    const probe = (async () => {
      while (performance.now() < until) {
        const started = performance.now();
        await fetch(`${platform.baseUrl}/api/health`);
        health.push(performance.now() - started);
        await sleep(100);
      }
    })();
    await Promise.all([...work, probe]);
    return {
      database,
      candidates,
      seconds,
      routes: Object.fromEntries(Object.entries(samples).map(([route, sample]) => [route, summarize(sample)])),
      health: summarize(health),
      eventsPerSecond: events / seconds,
      errors,
    };
  } finally {
    await platform.close();
    if (database === 'postgres') {
      const admin = await createDatabase({ url: POSTGRES });
      await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await admin.close();
    }
  }
}
