import type { SandboxLimits } from '@assay/contract';
import type { DockerAgent } from './docker-agent.js';
import type { Runtime } from './runtime.js';
import { InfraError } from './sandbox-errors.js';

export interface SandboxPoolOptions {
  /** Starts one container whose agent waits for code: to wait in the pool, or for a run now. */
  start(runtime: Runtime, limits: SandboxLimits, use: 'pool' | 'now'): Promise<DockerAgent>;
  /** Warm containers kept per (runtime, limits). Default 2; 0 disables the pool (every run starts cold). */
  size?: number;
  onError?(error: unknown): void;
}

/**
 * Pre-started, never-reused sandboxes. Starting a hardened container costs ~300 ms here, while
 * handing code to an agent that is already idle on stdin costs ~6 ms; so a few containers per
 * runtime and limit set are started ahead, each used by exactly one run, then removed, and the
 * pool refills in the background (right away when it ran dry, else once the run's sandbox is
 * gone). Isolation is unchanged: a warm container is a fresh one.
 */
export function createSandboxPool({ start, size = 2, onError = () => undefined }: SandboxPoolOptions) {
  const warm = new Map<string, DockerAgent[]>();
  const filling = new Map<string, number>();
  const starting = new Set<Promise<unknown>>();
  let closed = false;

  /** Every container start goes through here, so close() can wait for the ones in flight. */
  function track(agent: Promise<DockerAgent>): Promise<DockerAgent> {
    const settled = agent.then(
      (started) => (closed ? started.kill() : undefined),
      () => undefined,
    );
    starting.add(settled);
    void settled.finally(() => starting.delete(settled));
    return agent;
  }

  const keyOf = (runtime: Runtime, limits: SandboxLimits) => `${runtime}:${JSON.stringify(limits)}`;

  function refill(runtime: Runtime, limits: SandboxLimits): void {
    const key = keyOf(runtime, limits);
    const have = (warm.get(key)?.length ?? 0) + (filling.get(key) ?? 0);
    for (let i = have; i < size && !closed; i++) {
      filling.set(key, (filling.get(key) ?? 0) + 1);
      track(start(runtime, limits, 'pool'))
        .then(
          (agent) => {
            if (closed) return void agent.kill();
            const list = warm.get(key) ?? [];
            list.push(agent);
            warm.set(key, list);
          },
          onError,
        )
        .finally(() => filling.set(key, (filling.get(key) ?? 1) - 1));
    }
  }

  return {
    /** A started sandbox: a warm one when available, otherwise a cold start. */
    async take(runtime: Runtime, limits: SandboxLimits): Promise<DockerAgent> {
      if (closed) throw new InfraError('the runner is shutting down');
      const afterEnd = () => refill(runtime, limits);
      const list = warm.get(keyOf(runtime, limits)) ?? [];
      let agent: DockerAgent | undefined;
      while ((agent = list.shift())) {
        if (!agent.ended) break;
      }
      if (!agent || list.length === 0) refill(runtime, limits);
      // Otherwise the pool refills when this sandbox is gone: starting a container takes the
      // engine ~150 ms of CPU, which on 2 cores slowed the grading in hand by ~60 ms.
      else void agent.exited.then(afterEnd, afterEnd);
      return agent ?? track(start(runtime, limits, 'now'));
    },
    /** Starts warm containers ahead of the first run. */
    warm(runtime: Runtime, limits: SandboxLimits): void {
      refill(runtime, limits);
    },
    get warmCount(): number {
      return [...warm.values()].reduce((sum, list) => sum + list.filter((a) => !a.ended).length, 0);
    },
    async close(): Promise<void> {
      closed = true;
      const all = [...warm.values()].flat();
      warm.clear();
      await Promise.all([...all.map((agent) => agent.kill()), ...starting]);
    },
  };
}

export type SandboxPool = ReturnType<typeof createSandboxPool>;
