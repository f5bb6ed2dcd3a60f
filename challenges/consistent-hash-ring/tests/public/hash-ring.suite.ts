/**
 * Public tests: run them from the editor. The graded (hidden) tests check the same contract
 * more thoroughly, including balance, key movement, edge cases and lookup speed.
 */
import assert from 'node:assert/strict';
import { defineSuite } from '@assay/runner/harness';

const keys = (count: number) => Array.from({ length: count }, (_, i) => `key-${i}`);

export default defineSuite(({ test }) => {
  test('an empty ring has no owner', { category: 'correctness', requirements: ['ownership'] }, async ({ sut }) => {
    const ring = await sut.create('HashRing', 10);
    assert.equal(await ring.call('getNode', 'user:42'), null);
    assert.deepEqual(await ring.call('getNodes', 'user:42', 2), []);
    assert.deepEqual(await ring.call('nodes'), []);
  });

  test('nodes() lists node ids in sorted order', { category: 'correctness', requirements: ['nodes-sorted'] }, async ({ sut }) => {
    const ring = await sut.create('HashRing', 10);
    for (const id of ['cache-c', 'cache-a', 'cache-b']) assert.equal(await ring.call('addNode', id), true);
    assert.deepEqual(await ring.call('nodes'), ['cache-a', 'cache-b', 'cache-c']);
  });

  test('getNodes lists distinct nodes, starting with getNode', { category: 'correctness', requirements: ['preference-list'] }, async ({ sut }) => {
    const ring = await sut.create('HashRing', 50);
    await ring.batch(['a', 'b', 'c', 'd'].map((id) => ['addNode', id] as const));
    for (const key of keys(50)) {
      const owner = await ring.call('getNode', key);
      const replicas = (await ring.call('getNodes', key, 3)) as string[];
      assert.equal(replicas.length, 3);
      assert.equal(new Set(replicas).size, 3, `getNodes(${key}, 3) repeats a node: ${JSON.stringify(replicas)}`);
      assert.equal(replicas[0], owner);
    }
  });

  test('adding a node moves keys only to that node', { category: 'distribution', requirements: ['minimal-movement'] }, async ({ sut }) => {
    const ring = await sut.create('HashRing', 100);
    await ring.batch(['a', 'b', 'c', 'd'].map((id) => ['addNode', id] as const));
    const before = (await ring.batch(keys(1000).map((k) => ['getNode', k] as const))) as string[];
    await ring.call('addNode', 'e');
    const after = (await ring.batch(keys(1000).map((k) => ['getNode', k] as const))) as string[];
    const moved = after.filter((owner, i) => owner !== before[i]);
    assert.ok(moved.length > 0, 'the new node should take over some keys');
    assert.ok(moved.every((owner) => owner === 'e'), 'a key may only move to the node that joined');
  });
});
