/**
 * Hidden tests: balance, and how few keys change owners on a membership change. Bounds sit
 * several standard deviations away from what a ring with a few hundred virtual nodes and any
 * well-mixed hash produces; modulo placement and rings without virtual nodes fail them.
 */
import assert from 'node:assert/strict';
import { defineSuite, type Instance, type Sut } from '@assay/runner/harness';

const nodeIds = (count: number, prefix = 'node-') => Array.from({ length: count }, (_, i) => `${prefix}${i}`);
const keys = (count: number, prefix = 'key:') => Array.from({ length: count }, (_, i) => `${prefix}${i}`);

async function cluster(sut: Sut, replicationFactor: number, virtualNodes: number, nodes: string[]): Promise<Instance> {
  const cache = await sut.create('ShardedCache', replicationFactor, virtualNodes);
  await cache.batch(nodes.map((id) => ['addNode', id] as const));
  return cache;
}
const ownersAll = async (c: Instance, ks: string[]) => (await c.batch(ks.map((k) => ['ownersOf', k] as const))) as string[][];

export default defineSuite(({ test }) => {
  test('a join changes the owners of about R/(N+1) of keys, always to add the new node', { category: 'rebalancing', requirements: ['minimal-movement', 'movement-bound'] }, async ({ sut }) => {
    const c = await cluster(sut, 2, 200, nodeIds(10));
    const ks = keys(10_000, 'grow:');
    const before = await ownersAll(c, ks);
    await c.call('addNode', 'node-10');
    const after = await ownersAll(c, ks);
    let changed = 0;
    for (let i = 0; i < ks.length; i++) {
      if (JSON.stringify(before[i]) === JSON.stringify(after[i])) continue;
      changed += 1;
      assert.ok(after[i]!.includes('node-10'), `${ks[i]}: owners ${JSON.stringify(before[i])} became ${JSON.stringify(after[i])} without the new node`);
      const others = after[i]!.filter((id) => id !== 'node-10');
      assert.deepEqual(others, before[i]!.slice(0, others.length), `${ks[i]}: owners ${JSON.stringify(before[i])} became ${JSON.stringify(after[i])}; only the new node should be inserted`);
    }
    const expected = (ks.length * 2) / 11;
    assert.ok(changed >= expected * 0.5 && changed <= expected * 1.6, `${changed} of ${ks.length} keys changed owners; about ${expected.toFixed(0)} (R/(N+1) = 2/11) should`);
  });

  test('a loss changes only the owner lists that contained the lost node', { category: 'rebalancing', requirements: ['minimal-movement', 'movement-bound'] }, async ({ sut }) => {
    const c = await cluster(sut, 3, 200, nodeIds(8));
    const ks = keys(10_000, 'shrink:');
    const before = await ownersAll(c, ks);
    await c.call('removeNode', 'node-5');
    const after = await ownersAll(c, ks);
    let changed = 0;
    for (let i = 0; i < ks.length; i++) {
      if (!before[i]!.includes('node-5')) {
        assert.deepEqual(after[i], before[i], `${ks[i]} did not live on node-5, yet its owners changed`);
        continue;
      }
      changed += 1;
      const survivors = before[i]!.filter((id) => id !== 'node-5');
      assert.deepEqual(after[i]!.slice(0, 2), survivors, `${ks[i]}: owners ${JSON.stringify(before[i])} became ${JSON.stringify(after[i])}; survivors keep their order`);
      assert.ok(after[i]!.length === 3 && !before[i]!.includes(after[i]![2]!), `${ks[i]}: the replacement replica must be a new node, got ${JSON.stringify(after[i])}`);
    }
    const expected = (ks.length * 3) / 8;
    assert.ok(changed >= expected * 0.5 && changed <= expected * 1.6, `${changed} of ${ks.length} owner lists contained node-5; about ${expected.toFixed(0)} (R/N = 3/8) expected`);
  });

  test('keys spread evenly across nodes', { category: 'rebalancing', requirements: ['balance'] }, async ({ sut }) => {
    const ids = nodeIds(10);
    const c = await cluster(sut, 1, 200, ids);
    const ks = keys(20_000, 'even:');
    await c.batch(ks.map((k) => ['put', k, 1] as const));
    const stats = (await c.call('stats')) as Record<string, number>;
    const mean = ks.length / ids.length;
    for (const id of ids) {
      const held = stats[id] ?? 0;
      assert.ok(Math.abs(held - mean) <= 0.35 * mean, `${id} holds ${held} keys; the mean is ${mean} and each node should be within ±35% (${JSON.stringify(stats)})`);
    }
  });

  test("a lost node's copies are re-created across many nodes", { category: 'rebalancing', requirements: ['balance'] }, async ({ sut }) => {
    const ids = nodeIds(10);
    const c = await cluster(sut, 2, 200, ids);
    const ks = keys(10_000, 'spread:');
    await c.batch(ks.map((k) => ['put', k, 1] as const));
    const before = (await c.call('stats')) as Record<string, number>;
    await c.call('removeNode', 'node-4');
    const after = (await c.call('stats')) as Record<string, number>;
    const lost = before['node-4'] ?? 0;
    const gains = ids.filter((id) => id !== 'node-4').map((id) => [id, (after[id] ?? 0) - (before[id] ?? 0)] as const);
    assert.equal(gains.reduce((sum, [, gain]) => sum + gain, 0), lost, `node-4 held ${lost} copies; the survivors together should gain exactly that many`);
    const [heir, most] = [...gains].sort((a, b) => b[1] - a[1])[0]!;
    assert.ok(most <= lost * 0.35, `${heir} took ${most} of node-4's ${lost} copies; with virtual nodes no single node should take more than 35%`);
  });
});
