import { describe, expect, it } from 'vitest';
import { createSeededRandom } from './seeded-random.js';
import { FINAL_CLIENT_PREFIX, planRequests, workload } from './workload.js';

const register = (keyDistribution: unknown) =>
  workload.parse({ kind: 'register', clients: 4, opsPerSecond: 50, durationMs: 10_000, timeoutMs: 100, keys: 5, keyDistribution, readFraction: 0.8, finalReadsAfterMs: 1_000 });

describe('client workloads', () => {
  it('plans requests at the configured rate and read share, each client on its node, with unique written values', () => {
    const planned = planRequests(register({ kind: 'uniform' }), ['a', 'b'], createSeededRandom(1), 12_000);
    const clientRequests = planned.filter((r) => !r.client.startsWith(FINAL_CLIENT_PREFIX));
    expect(clientRequests.length).toBeGreaterThan(1_800);
    expect(clientRequests.length).toBeLessThan(2_200);
    const reads = clientRequests.filter((r) => r.op.type === 'read').length;
    expect(reads / clientRequests.length).toBeCloseTo(0.8, 1);
    expect(new Set(clientRequests.filter((r) => r.client === 'c1').map((r) => r.node))).toEqual(new Set(['b']));
    const values = clientRequests.flatMap((r) => (r.op.type === 'write' ? [r.op.value] : []));
    expect(new Set(values).size).toBe(values.length);
  });

  it('ends a register run with a read of every key on every node at the final-reads time', () => {
    const finals = planRequests(register({ kind: 'uniform' }), ['a', 'b'], createSeededRandom(1), 12_000).filter((r) => r.client.startsWith(FINAL_CLIENT_PREFIX));
    expect(finals).toHaveLength(10);
    expect(new Set(finals.map((r) => r.atMs))).toEqual(new Set([12_000]));
  });

  it('skews keys under a zipf distribution: the first key far more often than the last', () => {
    const count = (key: string, distribution: unknown) =>
      planRequests(register(distribution), ['a'], createSeededRandom(2), 12_000).filter((r) => !r.client.startsWith(FINAL_CLIENT_PREFIX) && 'key' in r.op && r.op.key === key).length;
    expect(count('k0', { kind: 'zipf', exponent: 1.2 })).toBeGreaterThan(4 * count('k4', { kind: 'zipf', exponent: 1.2 }));
    expect(count('k0', { kind: 'uniform' })).toBeLessThan(1.5 * count('k4', { kind: 'uniform' }));
  });

  it('refuses a workload it cannot run, naming the field', () => {
    expect(workload.safeParse({ kind: 'admission', clients: 0, opsPerSecond: 1, durationMs: 1, timeoutMs: 1, limit: 1, windowMs: 1, tolerance: 0 }).error?.issues[0]?.path).toEqual(['clients']);
  });
});
