/**
 * Hidden tests: throughput of reads and writes, and the cost of a node loss and a join on a
 * loaded cache, timed against the reference solution in the same language on the same machine.
 */
import assert from 'node:assert/strict';
import { defineSuite } from '@assay/runner/harness';

const keys = (count: number, prefix: string) => Array.from({ length: count }, (_, i) => `${prefix}${i}`);

export default defineSuite(({ test }) => {
  test('put and get 8,000 keys on a 20-node cluster', { category: 'performance', requirements: ['speed'], performance: { maxRatio: 5 } }, async ({ sut, measure }) => {
    const c = await sut.create('ShardedCache', 3, 100);
    for (let i = 0; i < 20; i++) await c.call('addNode', `node-${i}`);
    await c.call('put', 'warm-up', 0);
    const ks = keys(8_000, 'tput:');
    const values = await measure(async () => {
      await c.batch(ks.map((k, i) => ['put', k, i] as const));
      return c.batch(ks.map((k) => ['get', k] as const));
    });
    assert.deepEqual(values, ks.map((_, i) => i));
  });

  test('a node loss and a join on a cache holding 40,000 keys', { category: 'performance', requirements: ['speed'], performance: { maxRatio: 5 } }, async ({ sut, measure }) => {
    const c = await sut.create('ShardedCache', 2, 100);
    for (let i = 0; i < 10; i++) await c.call('addNode', `node-${i}`);
    // Large enough that a rebalance quadratic in the keys (even with a cheap inner step) is several
    // times the reference's linear one; filled in batches that each fit the call budget.
    const ks = keys(40_000, 'churn:');
    for (let from = 0; from < ks.length; from += 10_000) await c.batch(ks.slice(from, from + 10_000).map((k, i) => ['put', k, from + i] as const));
    await measure(async () => {
      await c.call('removeNode', 'node-3');
      await c.call('addNode', 'node-10');
    });
    const stats = (await c.call('stats')) as Record<string, number>;
    assert.equal(Object.values(stats).reduce((a, b) => a + b, 0), ks.length * 2, 'every key has two copies after the churn');
  });
});
