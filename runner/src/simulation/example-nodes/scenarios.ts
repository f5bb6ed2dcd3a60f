import type { SimulationConfigInput } from '../simulation-config.js';

const nodes = ['n1', 'n2', 'n3', 'n4', 'n5'];

/** A 5-node register run under every kind of fault: the shape of a hidden workload. */
export function registerScenario(seed: number, overrides: { durationMs?: number; opsPerSecond?: number } = {}): SimulationConfigInput {
  const durationMs = overrides.durationMs ?? 10_000;
  return {
    seed,
    nodes,
    network: { latency: { kind: 'uniform', minMs: 1, maxMs: 10 }, loss: 0.01, duplicate: 0.01, reorder: { probability: 0.05, maxExtraMs: 20 } },
    nemesis: {
      partitions: [{ atMs: durationMs * 0.2, healMs: durationMs * 0.35, groups: [['n1', 'n2'], ['n3', 'n4', 'n5']] }],
      crashes: [{ node: 'n3', atMs: durationMs * 0.5, restartMs: durationMs * 0.6 }],
      pauses: [{ node: 'n4', atMs: durationMs * 0.7, resumeMs: durationMs * 0.75 }],
      clockSkewMs: { n2: 250, n5: -400 },
    },
    workload: { kind: 'register', clients: 5, opsPerSecond: overrides.opsPerSecond ?? 10, durationMs, timeoutMs: 1_000, keys: 4, readFraction: 0.5, finalReadsAfterMs: 3_000 },
  };
}

/** A 5-node limiter run: 50 admissions per second globally, clients asking for about twice that, one partition. */
export function admissionScenario(seed: number): SimulationConfigInput {
  return {
    seed,
    nodes,
    network: { latency: { kind: 'exponential', minMs: 1, meanMs: 5 } },
    nemesis: { partitions: [{ atMs: 3_000, healMs: 6_000, groups: [['n1', 'n2'], ['n3', 'n4', 'n5']] }] },
    workload: { kind: 'admission', clients: 10, opsPerSecond: 10, durationMs: 10_000, timeoutMs: 500, limit: 50, windowMs: 1_000, tolerance: 0.1 },
  };
}
