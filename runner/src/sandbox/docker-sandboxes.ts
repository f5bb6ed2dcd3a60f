import type Docker from 'dockerode';
import type { SandboxLimits } from '@assay/contract';
import type { SandboxProvider } from '../grading/sandbox-provider.js';
import { startDockerAgent, type DockerAgent } from './docker-agent.js';
import type { Runtime } from './runtime.js';
import { createSandboxPool } from './sandbox-pool.js';
import type { SandboxOwner } from './sandbox-spec.js';

export interface DockerSandboxesDeps {
  docker: Docker;
  images: Record<Runtime, string>;
  owner: SandboxOwner;
  /** Warm containers per runtime and limit set (default 2; 0 = always cold). */
  poolSize?: number;
  /** Told which container serves which grading, so a re-delivered job can remove its predecessor's. */
  onContainer?(gradingId: string, containerId: string): Promise<void>;
  onError?(error: unknown): void;
}

/** Candidate code runs here: one fresh hardened container per session, from a warm pool when possible. */
export function createDockerSandboxes({ docker, images, owner, poolSize = 2, onContainer, onError }: DockerSandboxesDeps) {
  const pool = createSandboxPool({
    size: poolSize,
    start: (runtime, limits, use) => startDockerAgent(docker, images[runtime], runtime, limits, owner, { warmUp: use === 'pool' }),
    ...(onError ? { onError } : {}),
  });
  const removals = new Set<Promise<void>>();
  /**
   * Killing a session's sandbox returns at once and the removal (~50 ms of engine work) goes on
   * in the background, so a verdict does not wait for it. `settled()` and `close()` wait for it.
   */
  function removedInBackground(agent: DockerAgent): DockerAgent {
    return {
      containerId: agent.containerId,
      get ended() {
        return agent.ended;
      },
      stdin: agent.stdin,
      stdout: agent.stdout,
      stderr: agent.stderr,
      exited: agent.exited,
      cpuTimeMs: () => agent.cpuTimeMs(),
      kill() {
        const removal = agent.kill();
        removals.add(removal);
        void removal.finally(() => removals.delete(removal));
        return Promise.resolve();
      },
    };
  }
  const settled = async () => {
    while (removals.size) await Promise.all(removals);
  };
  const provider: SandboxProvider & { warm(runtime: Runtime, limits: SandboxLimits): void; recycle(): void; settled(): Promise<void>; close(): Promise<void> } = {
    async open(runtime, limits, { gradingId }) {
      const agent = await pool.take(runtime, limits);
      await onContainer?.(gradingId, agent.containerId);
      return removedInBackground(agent);
    },
    warm: (runtime, limits) => pool.warm(runtime, limits),
    /** Replaces warm sandboxes that waited too long (see SandboxPoolOptions.recycleMs). */
    recycle: () => pool.recycle(),
    /** Resolves once every sandbox killed so far has been removed. */
    settled,
    async close() {
      await pool.close();
      await settled();
    },
  };
  return provider;
}
