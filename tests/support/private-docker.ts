import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import Docker from 'dockerode';
import { waitFor } from './platform.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * A Docker engine of the test's own (own socket, data and exec roots, no bridge network), so a
 * test can stop and restart it mid-job without touching the engine everyone else is using.
 * The sandbox images are built into it offline, as `npm run images` does.
 */
export async function startPrivateDocker() {
  const dir = await mkdtemp(join(tmpdir(), 'assay-dockerd-'));
  const socket = join(dir, 'docker.sock');
  const host = `unix://${socket}`;
  const client = new Docker({ socketPath: socket });
  let daemon: ChildProcess | undefined;
  const log: string[] = [];
  const engine = {
    host,
    client,
    log,
    async start(): Promise<void> {
      daemon = spawn(
        'dockerd',
        ['--host', host, '--data-root', join(dir, 'data'), '--exec-root', join(dir, 'exec'), '--pidfile', join(dir, 'docker.pid'), '--bridge=none', '--iptables=false', '--ip-masq=false'],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      daemon.stdout!.on('data', (chunk: Buffer) => log.push(String(chunk)));
      daemon.stderr!.on('data', (chunk: Buffer) => log.push(String(chunk)));
      await waitFor(() => client.ping().then(() => true, () => false), 60_000, () => `the private dockerd did not start:\n${log.join('').slice(-4000)}`, 200);
    },
    /** Stops the engine the way a host restarting Docker does (SIGTERM: it stops its containers first). */
    async stop(): Promise<void> {
      if (!daemon || daemon.exitCode !== null) return;
      const exited = new Promise((resolve) => daemon!.once('exit', resolve));
      daemon.kill('SIGTERM');
      await exited;
    },
    async buildImages(): Promise<void> {
      await promisify(execFile)(process.execPath, ['--import', 'tsx', 'runner/src/images/build-images.ts'], { cwd: ROOT, env: { ...process.env, DOCKER_HOST: host } });
    },
    async close(): Promise<void> {
      const containers = await client.listContainers({ all: true }).catch(() => []);
      await Promise.all(containers.map((c) => client.getContainer(c.Id).remove({ force: true }).catch(() => undefined)));
      await engine.stop();
      await rm(dir, { recursive: true, force: true }).catch(() => undefined);
    },
  };
  await engine.start();
  return engine;
}
