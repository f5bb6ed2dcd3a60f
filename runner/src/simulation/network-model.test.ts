import { describe, expect, it } from 'vitest';
import { createNetwork, networkModel } from './network-model.js';
import { createSeededRandom } from './seeded-random.js';

const sample = (model: unknown, n = 20_000) => {
  const network = createNetwork(networkModel.parse(model), createSeededRandom(3));
  return Array.from({ length: n }, () => network.delays());
};

describe('the network model', () => {
  it('loses and duplicates messages at the configured rates', () => {
    const deliveries = sample({ latency: { kind: 'constant', ms: 5 }, loss: 0.1, duplicate: 0.2 });
    expect(deliveries.filter((d) => d.length === 0).length / deliveries.length).toBeCloseTo(0.1, 1);
    expect(deliveries.filter((d) => d.length === 2).length / deliveries.length).toBeCloseTo(0.18, 1);
    expect(new Set(deliveries.flat())).toEqual(new Set([5]));
  });

  it('draws latencies from the distribution, and reordering holds some back by up to its extra', () => {
    const uniform = sample({ latency: { kind: 'uniform', minMs: 2, maxMs: 8 } }).flat();
    expect(Math.min(...uniform)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...uniform)).toBeLessThanOrEqual(8);
    const exponential = sample({ latency: { kind: 'exponential', minMs: 1, meanMs: 5 } }).flat();
    expect(exponential.reduce((a, b) => a + b, 0) / exponential.length).toBeCloseTo(5, 0);
    const held = sample({ latency: { kind: 'constant', ms: 1 }, reorder: { probability: 0.25, maxExtraMs: 50 } }).flat();
    expect(held.filter((d) => d > 1).length / held.length).toBeCloseTo(0.25, 1);
    expect(Math.max(...held)).toBeLessThanOrEqual(51);
  });

  it('refuses a latency of zero, which could hold virtual time still', () => {
    expect(networkModel.safeParse({ latency: { kind: 'constant', ms: 0 } }).success).toBe(false);
    expect(networkModel.safeParse({ latency: { kind: 'uniform', minMs: 9, maxMs: 2 } }).error?.issues[0]?.message).toBe('a uniform latency needs minMs ≤ maxMs; swap them');
  });
});
