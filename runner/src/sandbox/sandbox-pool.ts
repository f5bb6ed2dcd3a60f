import type { SandboxLimits } from '@assay/contract';
import type { DockerAgent } from './docker-agent.js';
import type { Runtime } from './runtime.js';
import { POOL_RECYCLE_MS } from './sandbox-fate.js';
import { InfraError } from './sandbox-errors.js';

export interface SandboxPoolOptions {
  /** Starts one container whose agent waits for code: to wait in the pool, or for a run now. */
  start(runtime: Runtime, limits: SandboxLimits, use: 'pool' | 'now'): Promise<DockerAgent>;
  /** Warm containers kept per (runtime, limits). Default 2; 0 disables the pool (every run starts cold). */
  size?: number;
  /** A warm container older than this is replaced rather than used (default 20 min), so no live runner's sandbox nears the janitor's maximum age. */
  recycleMs?: number;
  now?: () => number;
  onError?(error: unknown): void;
}

/**
 * Pre-started, never-reused sandboxes. Starting a hardened container costs ~300 ms here, while
 * handing code to an agent that is already idle on stdin costs ~6 ms; so a few containers per
 * runtime and limit set are started ahead, each used by exactly one run, then removed, and the
 * pool refills in the background (right away when it ran dry, else once the run's sandbox is
 * gone). Isolation is unchanged: a warm container is a fresh one.
 */
export function createSandboxPool({ start, size = 2, recycleMs = POOL_RECYCLE_MS, now = Date.now, onError = () => undefined }: SandboxPoolOptions) {
  const warm = new Map<string, DockerAgent[]>();
  const warmSince = new WeakMap<DockerAgent, number>();
  const stale = (agent: DockerAgent) => agent.ended || now() - (warmSince.get(agent) ?? 0) > recycleMs;
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

  const keysOf = new Map<string, [Runtime, SandboxLimits]>();
  const keyOf = (runtime: Runtime, limits: SandboxLimits) => {
    const key = `${runtime}:${JSON.stringify(limits)}`;
    keysOf.set(key, [runtime, limits]);
    return key;
  };

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
            warmSince.set(agent, now());
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
        if (!stale(agent)) break;
        void agent.kill();
      }
      if (!agent || list.length === 0) refill(runtime, limits);
      // Otherwise the pool refills when this sandbox is gone: starting a container takes the
      // engine ~150 ms of CPU, which on 2 cores slowed the grading in hand by ~60 ms.
      else void agent.exited.then(afterEnd, afterEnd);
      return agent ?? track(start(runtime, limits, 'now'));
    },
    /** Replaces warm containers that have waited longer than `recycleMs` (the runner calls this periodically). */
    recycle(): void {
      for (const [key, list] of warm) {
        const old = list.filter(stale);
        if (old.length === 0) continue;
        warm.set(key, list.filter((agent) => !old.includes(agent)));
        for (const agent of old) void agent.kill();
        const [runtime, limits] = keysOf.get(key)!;
        refill(runtime, limits);
      }
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
