import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { buildImages } from '../../runner/src/images/build-images.js';
import { assertUsableEngine, EngineUnavailable } from '../../runner/src/sandbox/engine-check.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('the runner refuses to grade without a usable engine', () => {
  it('says so when no engine answers', async () => {
    const images = await buildImages(() => undefined);
    const nowhere = new Docker({ socketPath: '/nonexistent/docker.sock' });
    await expect(assertUsableEngine(nowhere, images)).rejects.toThrow(EngineUnavailable);
    await expect(assertUsableEngine(nowhere, images)).rejects.toThrow(/no Docker engine answers.*Start one/);
  });

  it('says which image is missing and how to build it', async () => {
    await expect(assertUsableEngine(new Docker(), { node: 'assay-sandbox-node:missing', python: 'assay-sandbox-python:missing' })).rejects.toThrow(
      /sandbox image assay-sandbox-node:missing is missing; build it with `npm run images`/,
    );
  });

  it('a runner process started against no engine exits 1 with that message', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'runner/src/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, DOCKER_HOST: 'unix:///nonexistent/docker.sock', ASSAY_QUEUE_PREFIX: 'assay-test-noengine' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (c: Buffer) => (output += c));
    child.stderr!.on('data', (c: Buffer) => (output += c));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(output).toMatch(/no Docker engine answers/);
  });
});
