import { fileURLToPath } from 'node:url';
import type { Language } from '@assay/contract';

/** A sandbox image family. TypeScript and JavaScript share the node runtime. */
export type Runtime = 'node' | 'python';

export const RUNTIMES: readonly Runtime[] = ['node', 'python'];

export function runtimeOf(language: Language): Runtime {
  return language === 'python' ? 'python' : 'node';
}

export const AGENTS_DIR = fileURLToPath(new URL('../../agents/', import.meta.url));
export const PYTHON_AGENT = `${AGENTS_DIR}python/agent.py`;
export const NODE_AGENT_SOURCE = `${AGENTS_DIR}node/agent.ts`;

/**
 * The agent's command line inside a sandbox image, given the memory limit. `warmUp: false` (a
 * sandbox started for a run that waits on it) skips the node agent's warm-up, which only pays
 * off while a sandbox sits in the pool.
 */
export function sandboxCommand(runtime: Runtime, memoryMb: number, { warmUp = true } = {}): string[] {
  if (runtime === 'python') return ['/usr/bin/python3', '-I', '-S', '-B', '/agent/agent.py', '/sandbox/work'];
  // A V8 heap limit under the cgroup limit makes a runaway allocation fail fast with a clear message.
  const heapMb = Math.max(16, Math.floor(memoryMb * 0.75));
  return ['/usr/local/bin/node', `--max-old-space-size=${heapMb}`, '/agent/agent.js', '/sandbox/work', ...(warmUp ? [] : ['--no-warm-up'])];
}
