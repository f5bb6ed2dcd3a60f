import { randomBytes } from 'node:crypto';
import Docker from 'dockerode';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { SandboxLimits } from '@assay/contract';
import { buildImages } from '../../runner/src/images/build-images.js';
import { startDockerAgent } from '../../runner/src/sandbox/docker-agent.js';
import { createJanitor } from '../../runner/src/sandbox/janitor.js';
import { sandboxSpec } from '../../runner/src/sandbox/sandbox-spec.js';
import { createRunnerHeartbeat } from '../../runner/src/worker/runner-heartbeat.js';

describe('the janitor', () => {
  const prefix = `assay-test-janitor-${randomBytes(4).toString('hex')}`;
  const instanceId = `${prefix}-instance`;
  const redis = new Redis({ maxRetriesPerRequest: null });
  afterAll(() => redis.disconnect());

  it("removes old containers of its own instance's dead runners only, sparing young ones, live runners and other instances", async () => {
    const docker = new Docker();
    const images = await buildImages();
    const limits = SandboxLimits.parse({});
    const live = createRunnerHeartbeat({ redis, prefix, runnerId: `${prefix}-live` });
    await live.start();
    const orphan = await startDockerAgent(docker, images.node, 'node', limits, { instanceId, runnerId: `${prefix}-dead` });
    const owned = await startDockerAgent(docker, images.node, 'node', limits, { instanceId, runnerId: `${prefix}-live` });
    // Another platform on the same engine: its runner has no heartbeat in this Redis and prefix.
    const foreign = await startDockerAgent(docker, images.node, 'node', limits, { instanceId: `${prefix}-other-instance`, runnerId: `${prefix}-dead` });
    try {
      const janitor = (inMs: number) => createJanitor({ docker, instanceId, isRunnerAlive: live.isAlive, now: () => Date.now() + inMs });
      expect(await janitor(0).sweep()).not.toContain(orphan.containerId);
      const removed = await janitor(120_000).sweep();
      expect(removed).toContain(orphan.containerId);
      expect(removed).not.toContain(owned.containerId);
      expect(removed).not.toContain(foreign.containerId);
      await orphan.exited.catch(() => undefined);
      expect(orphan.ended).toBe(true);
      expect(owned.ended).toBe(false);
      expect(foreign.ended).toBe(false);
    } finally {
      await Promise.all([owned.kill(), orphan.kill(), foreign.kill()]);
      await live.stop();
    }
  });

  it("removes a live runner's sandbox of its own instance once it has ended and its removal failed (e.g. across an engine restart)", async () => {
    const docker = new Docker();
    const images = await buildImages();
    const runnerId = `${prefix}-live2`;
    // A sandbox that ended and was never removed: what a failed removal leaves.
    const container = await docker.createContainer(sandboxSpec(images.node, 'node', SandboxLimits.parse({}), { instanceId, runnerId }));
    await container.start();
    await container.kill();
    await container.wait();
    const isRunnerAlive = async (id: string) => id === runnerId;
    try {
      const janitor = (inMs: number) => createJanitor({ docker, instanceId, isRunnerAlive, now: () => Date.now() + inMs });
      expect(await janitor(0).sweep()).not.toContain(container.id); // just ended: its runner may be inspecting it
      expect(await janitor(20_000).sweep()).toContain(container.id);
    } finally {
      await container.remove({ force: true }).catch(() => undefined);
    }
  });
});
