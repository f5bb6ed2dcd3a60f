import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { createDatabase } from '../api/src/db/create-database.js';
import { createApiClient, type CandidateRequest } from '../tests/support/api-client.js';
import { candidateFlow } from '../tests/support/candidate-flow.js';
import { startPlatform } from '../tests/support/platform.js';
import { startCpuMeter, type CpuUse } from './cpu-meter.js';
import { summarize, type Summary } from './stats.js';

export interface ApiLoadFigures {
  database: 'pglite' | 'postgres';
  candidates: number;
  seconds: number;
  /** Latency per route under load, ms. */
  routes: Record<string, Summary>;
  /** Baseline in the same run and under the same load: GET /api/health (no database), ms. */
  health: Summary;
  /** Events the API acknowledged as stored, per second. */
  eventsPerSecond: number;
  /** Failed requests, and event batches whose acknowledgement fell short of what was sent. */
  errors: number;
  /** Cores busy while the candidates worked: the API process, this load generator, the machine. */
  cpu: { api: number; generator: number; machine: number };
}

const PROFILE_HOOK = fileURLToPath(new URL('./cpu-profile-hook.mjs', import.meta.url));
const POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres';
/** The web client's rhythm (web/src/candidate/workspace.tsx): its outbox flushes every 2 s, and it autosaves after a pause in typing. */
const FLUSH_EVERY_MS = 2_000;
const EDITS_PER_FLUSH = 20;
const FLUSHES_PER_SAVE = 2;

/**
 * Candidates working as the web client does, each on its own jittered schedule, against the real
 * API process: an event batch (20 keystrokes) every 2 s, an autosave of the whole growing file
 * every other batch. Each starts from a real invite. Grading is not involved. With
 * `cpuProfileDir`, the API process writes a CPU profile there.
 */
export async function apiLoadBenchmark({ database, candidates, seconds, cpuProfileDir }: { database: 'pglite' | 'postgres'; candidates: number; seconds: number; cpuProfileDir?: string }): Promise<ApiLoadFigures> {
  const dbName = `assay_bench_${randomBytes(4).toString('hex')}`;
  if (database === 'postgres') {
    const admin = await createDatabase({ url: POSTGRES });
    await admin.query(`CREATE DATABASE ${dbName}`);
    await admin.close();
  }
  const platform = await startPlatform({
    withoutRunner: true,
    ...(cpuProfileDir ? { apiEnv: { NODE_OPTIONS: `--import ${PROFILE_HOOK}`, ASSAY_CPU_PROFILE_DIR: cpuProfileDir } } : {}),
    ...(database === 'postgres' ? { databaseUrl: POSTGRES.replace(/\/postgres$/, `/${dbName}`) } : {}),
  });
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
    let acked = 0;
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const timed = async <T>(route: string, call: () => Promise<{ status: number; body: T }>) => {
      const started = performance.now();
      const response = await call().catch(() => undefined);
      samples[route]!.push(performance.now() - started);
      if (!response || response.status >= 400) errors++;
      return response?.body;
    };
    const cpu = startCpuMeter({ api: platform.processes.api!.pid!, generator: process.pid });
    const until = performance.now() + seconds * 1000;
    const work = people.map(async (candidate) => {
      let seq = 0;
      let text = 'class RateLimiter:\n';
      await sleep(Math.random() * FLUSH_EVERY_MS);
      for (let flush = 1; performance.now() < until; flush++) {
        const events = Array.from({ length: EDITS_PER_FLUSH }, () => {
          text += 'x';
          return { seq: seq++, t: seq * 100, type: 'edit' as const, file: 'rate_limiter.py', changes: [{ offset: text.length - 1, length: 0, text: 'x' }] };
        });
        const ack = await timed<{ ackedSeq?: number }>('POST /api/candidate/events', () => candidate('POST', '/api/candidate/events', { events }));
        if (ack?.ackedSeq === seq - 1) acked += events.length;
        else if (ack) errors++;
        if (flush % FLUSHES_PER_SAVE === 0) await timed('PUT /api/candidate/files', () => candidate('PUT', '/api/candidate/files', { files: [{ path: 'rate_limiter.py', content: text }] }));
        await sleep(FLUSH_EVERY_MS * (0.75 + Math.random() * 0.5));
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
    const used: CpuUse = cpu.stop();
    return {
      database,
      candidates,
      seconds,
      routes: Object.fromEntries(Object.entries(samples).map(([route, sample]) => [route, summarize(sample)])),
      health: summarize(health),
      eventsPerSecond: acked / used.seconds,
      errors,
      cpu: { api: used.processes.api!, generator: used.processes.generator!, machine: used.machineBusyCores },
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
