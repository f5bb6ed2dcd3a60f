/**
 * Hidden tests: node loss, eager re-replication, and data moving to nodes that join.
 * The contract (see the prompt): removeNode drops the node's data unread, and before it
 * returns every surviving key again has min(replicationFactor, nodes) copies on its owners.
 */
import assert from 'node:assert/strict';
import { defineSuite, type Instance, type Sut } from '@assay/runner/harness';

const nodeIds = (count: number, prefix = 'node-') => Array.from({ length: count }, (_, i) => `${prefix}${i}`);
const keys = (count: number, prefix = 'key:') => Array.from({ length: count }, (_, i) => `${prefix}${i}`);
const valueOf = (key: string, i: number): unknown => (i % 3 === 0 ? { key, n: i } : i % 3 === 1 ? `v:${key}` : i);

async function cluster(sut: Sut, replicationFactor: number, virtualNodes: number, nodes: string[]): Promise<Instance> {
  const cache = await sut.create('ShardedCache', replicationFactor, virtualNodes);
  await cache.batch(nodes.map((id) => ['addNode', id] as const));
  return cache;
}
const putAll = (c: Instance, ks: string[]) => c.batch(ks.map((k, i) => ['put', k, valueOf(k, i)] as const));
const getAll = (c: Instance, ks: string[]) => c.batch(ks.map((k) => ['get', k] as const));
const ownersAll = async (c: Instance, ks: string[]) => (await c.batch(ks.map((k) => ['ownersOf', k] as const))) as string[][];
const total = (stats: Record<string, number>) => Object.values(stats).reduce((a, b) => a + b, 0);

function expectedStats(owners: string[][], nodes: string[]): Record<string, number> {
  const stats: Record<string, number> = Object.fromEntries(nodes.map((id) => [id, 0]));
  for (const list of owners) for (const id of list) stats[id] = (stats[id] ?? 0) + 1;
  return stats;
}

function assertAllReadable(values: unknown[], ks: string[], context: string): void {
  const missing = ks.filter((k, i) => JSON.stringify(values[i]) !== JSON.stringify(valueOf(k, i)));
  assert.equal(missing.length, 0, `${context}: ${missing.length} of ${ks.length} keys are missing or wrong, e.g. ${missing[0]}`);
}

export default defineSuite(({ test }) => {
  test('every key survives the loss of any one node with replicationFactor 2', { category: 'availability', requirements: ['re-replication'] }, async ({ sut }) => {
    const ids = nodeIds(5);
    const ks = keys(1500, 'survive:');
    for (const lost of ids) {
      const c = await cluster(sut, 2, 100, ids);
      await putAll(c, ks);
      await c.call('removeNode', lost);
      assertAllReadable(await getAll(c, ks), ks, `after losing ${lost}`);
    }
  });

  test('with replicationFactor 1 a lost node takes exactly its own keys with it', { category: 'availability', requirements: ['loss'] }, async ({ sut }) => {
    const c = await cluster(sut, 1, 100, nodeIds(6));
    const ks = keys(3000, 'single:');
    await putAll(c, ks);
    const owners = await ownersAll(c, ks);
    await c.call('removeNode', 'node-2');
    const values = await getAll(c, ks);
    let lost = 0;
    for (let i = 0; i < ks.length; i++) {
      if (owners[i]![0] === 'node-2') {
        lost += 1;
        assert.equal(values[i], null, `${ks[i]} lived only on node-2, which was lost, yet it still reads ${JSON.stringify(values[i])}`);
      } else {
        assert.deepEqual(values[i], valueOf(ks[i]!, i), `${ks[i]} lived on ${owners[i]![0]}, which is still up`);
      }
    }
    assert.ok(lost > 0, 'node-2 owned no keys');
  });

  test('a loss is fully re-replicated before removeNode returns', { category: 'availability', requirements: ['re-replication', 'stats'] }, async ({ sut }) => {
    const ids = nodeIds(6);
    const c = await cluster(sut, 2, 100, ids);
    const ks = keys(3000, 'eager:');
    await putAll(c, ks);
    await c.call('removeNode', 'node-1');
    // No reads in between: repair-on-read would not have run yet.
    const stats = (await c.call('stats')) as Record<string, number>;
    const live = ids.filter((id) => id !== 'node-1');
    assert.equal(total(stats), ks.length * 2, `after the loss the cluster holds ${total(stats)} copies; 2 per key (${ks.length * 2}) expected`);
    assert.deepEqual(stats, expectedStats(await ownersAll(c, ks), live), 'each survivor should hold exactly the keys it now owns');
  });

  test('a second loss right after the first loses nothing with replicationFactor 2', { category: 'availability', requirements: ['re-replication'] }, async ({ sut }) => {
    const c = await cluster(sut, 2, 100, nodeIds(6));
    const ks = keys(3000, 'twice:');
    await putAll(c, ks);
    await c.batch([['removeNode', 'node-1'], ['removeNode', 'node-4']]);
    assertAllReadable(await getAll(c, ks), ks, 'after losing node-1 and then node-4');
  });

  test('losing nodes one by one down to one keeps every key with replicationFactor 3', { category: 'availability', requirements: ['re-replication'] }, async ({ sut }) => {
    const ids = nodeIds(5);
    const c = await cluster(sut, 3, 100, ids);
    const ks = keys(1500, 'attrition:');
    await putAll(c, ks);
    for (let lost = 0; lost < 4; lost++) {
      await c.call('removeNode', ids[lost]!);
      const remaining = ids.length - lost - 1;
      const copies = total((await c.call('stats')) as Record<string, number>);
      assert.equal(copies, ks.length * Math.min(3, remaining), `with ${remaining} nodes left, ${copies} copies are stored`);
    }
    assertAllReadable(await getAll(c, ks), ks, 'with only node-4 left');
  });

  test('a node that joins receives the data for the keys it now owns', { category: 'availability', requirements: ['join'] }, async ({ sut }) => {
    const ids = nodeIds(5);
    const c = await cluster(sut, 1, 100, ids);
    const ks = keys(3000, 'join:');
    await putAll(c, ks);
    await c.call('addNode', 'newcomer');
    const owners = await ownersAll(c, ks);
    const owned = owners.filter((list) => list[0] === 'newcomer').length;
    assert.ok(owned > 0, 'the newcomer should own some keys');
    assert.equal(((await c.call('stats')) as Record<string, number>).newcomer, owned, 'stats() of the newcomer');
    // Only the newcomer's copies remain once every original node is lost.
    await c.batch(ids.map((id) => ['removeNode', id] as const));
    const values = await getAll(c, ks);
    for (let i = 0; i < ks.length; i++) {
      const expected = owners[i]![0] === 'newcomer' ? valueOf(ks[i]!, i) : null;
      assert.deepEqual(values[i], expected, `${ks[i]} (owned by ${owners[i]![0]} after the join) reads ${JSON.stringify(values[i])} once only the newcomer is left`);
    }
  });

  test('a replicationFactor above the node count keeps a copy on every node', { category: 'availability', requirements: ['placement', 'join', 're-replication'] }, async ({ sut }) => {
    const c = await cluster(sut, 3, 50, ['a', 'b']);
    const ks = keys(500, 'wide:');
    await putAll(c, ks);
    assert.ok((await ownersAll(c, ks)).every((list) => list.length === 2 && new Set(list).size === 2), 'two nodes, so two owners per key');
    assert.deepEqual(await c.call('stats'), { a: 500, b: 500 });
    await c.call('addNode', 'c');
    assert.deepEqual(await c.call('stats'), { a: 500, b: 500, c: 500 }, 'a third node brings every key up to three copies');
    await c.call('addNode', 'd');
    const stats = (await c.call('stats')) as Record<string, number>;
    assert.deepEqual(stats, expectedStats(await ownersAll(c, ks), ['a', 'b', 'c', 'd']));
    assert.equal(total(stats), 1500);
    await c.batch([['removeNode', 'a'], ['removeNode', 'b'], ['removeNode', 'c']]);
    assertAllReadable(await getAll(c, ks), ks, 'with only d left');
  });

  test('losing the last node loses everything, and the cache works again after a join', { category: 'availability', requirements: ['loss'] }, async ({ sut }) => {
    const c = await cluster(sut, 2, 20, ['solo']);
    await putAll(c, keys(50));
    assert.equal(await c.call('removeNode', 'solo'), true);
    assert.deepEqual(await c.call('stats'), {});
    assert.equal(await c.call('get', 'key:0'), null);
    await c.call('addNode', 'fresh');
    assert.equal(await c.call('get', 'key:0'), null, 'data lost with the last node does not come back');
    await c.call('put', 'key:0', 'again');
    assert.equal(await c.call('get', 'key:0'), 'again');
  });
});
