/** Hidden tests: empty clusters, idempotent membership, unusual keys, and rejected input. */
import assert from 'node:assert/strict';
import { defineSuite, type Instance, type Sut } from '@assay/runner/harness';

const nodeIds = (count: number, prefix = 'node-') => Array.from({ length: count }, (_, i) => `${prefix}${i}`);
const keys = (count: number, prefix = 'key:') => Array.from({ length: count }, (_, i) => `${prefix}${i}`);

async function cluster(sut: Sut, replicationFactor: number, virtualNodes: number, nodes: string[]): Promise<Instance> {
  const cache = await sut.create('ShardedCache', replicationFactor, virtualNodes);
  if (nodes.length) await cache.batch(nodes.map((id) => ['addNode', id] as const));
  return cache;
}

export default defineSuite(({ test }) => {
  test('an empty cache has no owners, reads null, and refuses writes', { category: 'edge-cases', requirements: ['empty', 'validation'] }, async ({ sut }) => {
    const c = await cluster(sut, 2, 20, []);
    assert.deepEqual(await c.call('ownersOf', 'k'), []);
    assert.equal(await c.call('get', 'k'), null);
    assert.equal(await c.call('delete', 'k'), false);
    assert.deepEqual(await c.call('stats'), {});
    await assert.rejects(c.call('put', 'k', 'v'), 'put with no nodes should throw');
  });

  test('adding a present node or removing an unknown one returns false and changes nothing', { category: 'edge-cases', requirements: ['membership'] }, async ({ sut }) => {
    const c = await cluster(sut, 2, 50, nodeIds(4));
    const ks = keys(500);
    await c.batch(ks.map((k) => ['put', k, k] as const));
    const stats = await c.call('stats');
    const owners = await c.batch(ks.map((k) => ['ownersOf', k] as const));
    assert.equal(await c.call('addNode', 'node-2'), false);
    assert.equal(await c.call('removeNode', 'ghost'), false);
    assert.deepEqual(await c.call('stats'), stats);
    assert.deepEqual(await c.batch(ks.map((k) => ['ownersOf', k] as const)), owners);
    assert.deepEqual(await c.batch(ks.map((k) => ['get', k] as const)), ks);
  });

  test('adding a new node and removing a present one return true', { category: 'edge-cases', requirements: ['membership'] }, async ({ sut }) => {
    const c = await cluster(sut, 2, 20, []);
    assert.deepEqual(await c.batch([['addNode', 'a'], ['addNode', 'b'], ['removeNode', 'a'], ['addNode', 'a']]), [true, true, true, true]);
  });

  test('one virtual node per node is allowed and places keys on live nodes', { category: 'edge-cases', requirements: ['validation', 'placement'] }, async ({ sut }) => {
    const c = await cluster(sut, 2, 1, nodeIds(3));
    const owners = (await c.batch(keys(50).map((k) => ['ownersOf', k] as const))) as string[][];
    for (const list of owners) {
      assert.equal(new Set(list).size, 2, `owners ${JSON.stringify(list)} are 2 distinct nodes`);
      for (const owner of list) assert.ok(nodeIds(3).includes(owner), `owner ${owner} is a live node`);
    }
  });

  test('unicode, empty and long keys are stored and replicated', { category: 'edge-cases', requirements: ['keys'] }, async ({ sut }) => {
    const c = await cluster(sut, 2, 50, nodeIds(4));
    const odd = ['', ' ', 'ключ', '鍵', '🔑', 'e\u0301', '\u00e9', 'x'.repeat(10_000), '{"a":1}', 'key:0'];
    await c.batch(odd.map((k, i) => ['put', k, i] as const));
    await c.call('removeNode', 'node-0');
    assert.deepEqual(await c.batch(odd.map((k) => ['get', k] as const)), odd.map((_, i) => i));
    const owners = (await c.batch(odd.map((k) => ['ownersOf', k] as const))) as string[][];
    assert.ok(owners.every((list) => list.length === 2 && new Set(list).size === 2), JSON.stringify(owners));
  });

  test('invalid replication factors and virtual node counts are rejected', { category: 'edge-cases', requirements: ['validation'] }, async ({ sut }) => {
    await assert.rejects(sut.create('ShardedCache', 0, 10), 'replicationFactor 0 should throw');
    await assert.rejects(sut.create('ShardedCache', -1, 10), 'replicationFactor -1 should throw');
    await assert.rejects(sut.create('ShardedCache', 2, 0), 'virtualNodes 0 should throw');
  });

  test('a null value is rejected and leaves the old value in place', { category: 'edge-cases', requirements: ['validation'] }, async ({ sut }) => {
    const c = await cluster(sut, 2, 20, nodeIds(3));
    await c.call('put', 'k', 'kept');
    await assert.rejects(c.call('put', 'k', null), 'put(key, null) should throw: null is how get reports a miss');
    assert.equal(await c.call('get', 'k'), 'kept');
  });
});
