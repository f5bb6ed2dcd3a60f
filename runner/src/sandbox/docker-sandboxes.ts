import type Docker from 'dockerode';
import type { SandboxLimits } from '@assay/contract';
import type { SandboxProvider } from '../grading/sandbox-provider.js';
import { startDockerAgent } from './docker-agent.js';
import type { Runtime } from './runtime.js';
import { createSandboxPool } from './sandbox-pool.js';

export interface DockerSandboxesDeps {
  docker: Docker;
  images: Record<Runtime, string>;
  runnerId: string;
  /** Warm containers per runtime and limit set (default 2; 0 = always cold). */
  poolSize?: number;
  /** Told which container serves which grading, so a re-delivered job can remove its predecessor's. */
  onContainer?(gradingId: string, containerId: string): Promise<void>;
  onError?(error: unknown): void;
}

/** Candidate code runs here: one fresh hardened container per session, from a warm pool when possible. */
export function createDockerSandboxes({ docker, images, runnerId, poolSize = 2, onContainer, onError }: DockerSandboxesDeps) {
  const pool = createSandboxPool({
    size: poolSize,
    start: (runtime, limits) => startDockerAgent(docker, images[runtime], runtime, limits, runnerId),
    ...(onError ? { onError } : {}),
  });
  const provider: SandboxProvider & { warm(runtime: Runtime, limits: SandboxLimits): void; close(): Promise<void> } = {
    async open(runtime, limits, { gradingId }) {
      const agent = await pool.take(runtime, limits);
      await onContainer?.(gradingId, agent.containerId);
      return agent;
    },
    warm: (runtime, limits) => pool.warm(runtime, limits),
    close: () => pool.close(),
  };
  return provider;
}
