import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from './platform.js';

/** A Redis of the test's own on a loopback port, so a test can restart it without touching anyone else's. */
export async function startPrivateRedis(port: number) {
  const dir = await mkdtemp(join(tmpdir(), 'assay-redis-'));
  let server: ChildProcess | undefined;
  const answers = () =>
    new Promise<boolean>((resolve) => {
      const socket = createConnection(port, '127.0.0.1');
      socket.on('connect', () => (socket.end(), resolve(true)));
      socket.on('error', () => resolve(false));
    });
  const redis = {
    url: `redis://127.0.0.1:${port}`,
    async start(): Promise<void> {
      server = spawn('redis-server', ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' });
      await waitFor(answers, 10_000, () => `redis-server on ${port} did not start`);
    },
    async stop(): Promise<void> {
      if (!server || server.exitCode !== null) return;
      const exited = new Promise((resolve) => server!.once('exit', resolve));
      server.kill('SIGKILL');
      await exited;
    },
    async close(): Promise<void> {
      await redis.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
  await redis.start();
  return redis;
}
