import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface PlatformOptions {
  /** 'pglite' (default) or a Postgres URL for a database of the test's own. */
  databaseUrl?: string;
  runnerEnv?: Record<string, string>;
  apiEnv?: Record<string, string>;
  /** Start without a runner (a test starts its own). */
  withoutRunner?: boolean;
}

/**
 * The real platform as separate processes (API and runner, as `npm start` runs them) with a
 * queue prefix, data dir and port of its own, so tests can kill, restart and inspect each part.
 */
export async function startPlatform(options: PlatformOptions = {}) {
  const id = randomBytes(4).toString('hex');
  const prefix = `assay-test-${id}`;
  const dataDir = await mkdtemp(join(tmpdir(), 'assay-platform-'));
  const port = await freePort();
  const admin = { email: `admin-${id}@example.test`, password: `pw-${randomBytes(12).toString('hex')}` };
  const baseUrl = `http://127.0.0.1:${port}`;
  const common = { ...process.env, ASSAY_QUEUE_PREFIX: prefix, NODE_ENV: 'test' } as Record<string, string>;
  const apiEnv = {
    ...common,
    PORT: String(port),
    HOST: '127.0.0.1',
    ASSAY_DATA_DIR: dataDir,
    ASSAY_PUBLIC_URL: baseUrl,
    ASSAY_ADMIN_EMAIL: admin.email,
    ASSAY_ADMIN_PASSWORD: admin.password,
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
    ...options.apiEnv,
  };
  const runnerEnv = { ...common, RUNNER_ID: `test-runner-${id}`, RUNNER_POOL_SIZE: '1', ...options.runnerEnv };
  const logs: string[] = [];

  const processes: { api?: ChildProcess; runner?: ChildProcess } = {};
  const spawnPart = (part: 'api' | 'runner', env: Record<string, string>) => {
    const child = spawn(process.execPath, ['--import', 'tsx', `${part}/src/main.ts`], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (chunk: Buffer) => logs.push(`[${part}] ${chunk}`));
    child.stderr!.on('data', (chunk: Buffer) => logs.push(`[${part}] ${chunk}`));
    processes[part] = child;
    return child;
  };

  const platform = {
    id,
    prefix,
    baseUrl,
    admin,
    dataDir,
    logs,
    processes,
    runnerId: runnerEnv.RUNNER_ID,
    async startApi(): Promise<void> {
      spawnPart('api', apiEnv);
      await waitFor(async () => fetch(`${baseUrl}/api/health`).then((r) => r.ok, () => false), 60_000, () => `the API did not answer:\n${logs.join('')}`);
    },
    startRunner(env: Record<string, string> = {}): ChildProcess {
      return spawnPart('runner', { ...runnerEnv, ...env });
    },
    async stop(part: 'api' | 'runner', signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
      const child = processes[part];
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill(signal);
      await exited;
    },
    async close(): Promise<void> {
      await Promise.all([platform.stop('api'), platform.stop('runner')]);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  await platform.startApi();
  if (!options.withoutRunner) platform.startRunner();
  return platform;
}

export type Platform = Awaited<ReturnType<typeof startPlatform>>;

export async function waitFor(check: () => Promise<boolean>, timeoutMs: number, describe: () => string | Promise<string>, intervalMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(await describe());
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
