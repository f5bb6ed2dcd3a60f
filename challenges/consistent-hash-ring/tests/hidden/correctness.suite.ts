/**
 * Hidden tests: ring semantics. Hash functions are the candidate's choice, so nothing here
 * expects a particular node for a particular key; every check compares the candidate's answers
 * with each other (getNode vs getNodes, before vs after, one instance vs another).
 */
import assert from 'node:assert/strict';
import { defineSuite, type Instance, type Sut } from '@assay/runner/harness';

const nodeIds = (count: number, prefix = 'node-') => Array.from({ length: count }, (_, i) => `${prefix}${i}`);
const keys = (count: number, prefix = 'key:') => Array.from({ length: count }, (_, i) => `${prefix}${i}`);

async function ring(sut: Sut, virtualNodes: number, nodes: string[]): Promise<Instance> {
  const instance = await sut.create('HashRing', virtualNodes);
  if (nodes.length) await instance.batch(nodes.map((id) => ['addNode', id] as const));
  return instance;
}
const ownersOf = async (r: Instance, ks: string[]) => (await r.batch(ks.map((k) => ['getNode', k] as const))) as (string | null)[];
const listsOf = async (r: Instance, ks: string[], n: number) => (await r.batch(ks.map((k) => ['getNodes', k, n] as const))) as string[][];

export default defineSuite(({ test }) => {
  test('an empty ring has no owner for any key', { category: 'correctness', requirements: ['ownership', 'preference-list'] }, async ({ sut }) => {
    const r = await sut.create('HashRing', 50);
    assert.equal(await r.call('getNode', 'anything'), null);
    assert.deepEqual(await r.call('getNodes', 'anything', 3), []);
    assert.deepEqual(await r.call('nodes'), []);
  });

  test('a single node owns every key', { category: 'correctness', requirements: ['ownership'] }, async ({ sut }) => {
    const r = await ring(sut, 20, ['solo']);
    const ks = keys(300);
    assert.ok((await ownersOf(r, ks)).every((owner) => owner === 'solo'), 'every key belongs to the only node');
    assert.ok((await listsOf(r, ks.slice(0, 50), 3)).every((list) => list.length === 1 && list[0] === 'solo'));
  });

  test('every key maps to a node currently on the ring', { category: 'correctness', requirements: ['ownership'] }, async ({ sut }) => {
    const r = await ring(sut, 100, nodeIds(8));
    await r.batch([['removeNode', 'node-2'], ['removeNode', 'node-5']]);
    const live = new Set(nodeIds(8).filter((id) => id !== 'node-2' && id !== 'node-5'));
    const owners = await ownersOf(r, keys(3000));
    const stray = owners.filter((owner) => !live.has(owner as string));
    assert.equal(stray.length, 0, `keys mapped to ${JSON.stringify([...new Set(stray)].slice(0, 3))}, which are not on the ring`);
    assert.equal(new Set(owners).size, live.size, 'with 3000 keys every one of the 6 nodes should own some');
  });

  test('nodes() lists the current node ids sorted as strings', { category: 'correctness', requirements: ['nodes-sorted'] }, async ({ sut }) => {
    const r = await ring(sut, 10, ['node-10', 'node-2', 'b', 'A', 'node-1', 'a']);
    assert.deepEqual(await r.call('nodes'), ['A', 'a', 'b', 'node-1', 'node-10', 'node-2']);
    await r.call('removeNode', 'b');
    assert.deepEqual(await r.call('nodes'), ['A', 'a', 'node-1', 'node-10', 'node-2']);
  });

  test('getNode agrees with the first node of getNodes', { category: 'correctness', requirements: ['preference-list'] }, async ({ sut }) => {
    const r = await ring(sut, 100, nodeIds(7));
    const ks = keys(2000, 'order:');
    const owners = await ownersOf(r, ks);
    const lists = await listsOf(r, ks, 3);
    for (let i = 0; i < ks.length; i++) {
      assert.equal(lists[i]![0], owners[i], `key ${ks[i]}: getNode says ${owners[i]}, getNodes starts with ${lists[i]![0]}`);
    }
  });

  test('getNodes returns n distinct nodes, all of them when n exceeds the ring, none for n = 0', { category: 'correctness', requirements: ['preference-list'] }, async ({ sut }) => {
    const ids = nodeIds(5);
    const r = await ring(sut, 100, ids);
    const ks = keys(1000, 'replica:');
    for (const [i, list] of (await listsOf(r, ks, 3)).entries()) {
      assert.equal(list.length, 3, `getNodes(${JSON.stringify(ks[i])}, 3) returned ${JSON.stringify(list)}`);
      assert.equal(new Set(list).size, 3, `getNodes(${JSON.stringify(ks[i])}, 3) repeats a node: ${JSON.stringify(list)}`);
      assert.ok(list.every((id) => ids.includes(id)), `getNodes returned an unknown node: ${JSON.stringify(list)}`);
    }
    for (const [i, list] of (await listsOf(r, ks.slice(0, 200), 8)).entries()) {
      assert.deepEqual([...list].sort(), ids, `getNodes(${JSON.stringify(ks[i])}, 8) on a 5-node ring returned ${JSON.stringify(list)}`);
    }
    assert.deepEqual(await r.call('getNodes', ks[0], 0), [], 'getNodes(key, 0) is an empty list');
  });

  test('getNodes(key, n) is a prefix of getNodes(key, n + k)', { category: 'correctness', requirements: ['preference-list'] }, async ({ sut }) => {
    const r = await ring(sut, 60, nodeIds(9));
    const ks = keys(800, 'prefix:');
    const full = await listsOf(r, ks, 9);
    for (const n of [1, 2, 4, 7]) {
      const partial = await listsOf(r, ks, n);
      for (let i = 0; i < ks.length; i++) {
        assert.deepEqual(partial[i], full[i]!.slice(0, n), `key ${ks[i]}: getNodes(n=${n}) is not the start of getNodes(n=9)`);
      }
    }
  });

  test('removing a node only deletes it from each key\'s preference list', { category: 'correctness', requirements: ['minimal-movement'] }, async ({ sut }) => {
    const r = await ring(sut, 80, nodeIds(6));
    const ks = keys(1500, 'pref:');
    const before = await listsOf(r, ks, 6);
    await r.call('removeNode', 'node-2');
    const after = await listsOf(r, ks, 6);
    for (let i = 0; i < ks.length; i++) {
      const expected = before[i]!.filter((id) => id !== 'node-2');
      assert.deepEqual(after[i], expected, `key ${ks[i]}: ${JSON.stringify(before[i])} became ${JSON.stringify(after[i])}`);
    }
  });

  test('adding a node only inserts it into each key\'s preference list', { category: 'correctness', requirements: ['minimal-movement'] }, async ({ sut }) => {
    const r = await ring(sut, 80, nodeIds(6));
    const ks = keys(1500, 'pref:');
    const before = await listsOf(r, ks, 7);
    await r.call('addNode', 'node-new');
    const after = await listsOf(r, ks, 7);
    for (let i = 0; i < ks.length; i++) {
      assert.ok(after[i]!.includes('node-new'), `key ${ks[i]}: the new node is missing from ${JSON.stringify(after[i])}`);
      const withoutNew = after[i]!.filter((id) => id !== 'node-new');
      assert.deepEqual(withoutNew, before[i], `key ${ks[i]}: ${JSON.stringify(before[i])} became ${JSON.stringify(after[i])}`);
    }
  });

  test('two rings built the same way give the same answers', { category: 'correctness', requirements: ['determinism'] }, async ({ sut }) => {
    const build = async () => {
      const r = await ring(sut, 120, nodeIds(10, 'cache-'));
      await r.batch([['removeNode', 'cache-4'], ['addNode', 'cache-x']]);
      return r;
    };
    const [a, b] = [await build(), await build()];
    const ks = keys(3000, 'det:');
    assert.deepEqual(await listsOf(a, ks, 3), await listsOf(b, ks, 3));
  });

  test('the mapping depends on the set of nodes, not on the order they joined', { category: 'correctness', requirements: ['determinism'] }, async ({ sut }) => {
    const ids = nodeIds(8, 'shard-');
    const forward = await ring(sut, 100, ids);
    const shuffled = await sut.create('HashRing', 100);
    await shuffled.batch([
      ['addNode', 'shard-5'], ['addNode', 'temporary'], ['addNode', 'shard-1'], ['addNode', 'shard-7'],
      ['addNode', 'shard-0'], ['removeNode', 'temporary'], ['addNode', 'shard-3'], ['addNode', 'shard-6'],
      ['addNode', 'shard-2'], ['addNode', 'shard-4'],
    ]);
    const ks = keys(3000, 'set:');
    const [x, y] = [await listsOf(forward, ks, 3), await listsOf(shuffled, ks, 3)];
    const differing = ks.filter((_, i) => JSON.stringify(x[i]) !== JSON.stringify(y[i]));
    assert.equal(differing.length, 0, `${differing.length} keys map differently, e.g. ${differing[0]}`);
  });

  test('removing and re-adding a node restores the original mapping', { category: 'correctness', requirements: ['determinism', 'membership'] }, async ({ sut }) => {
    const r = await ring(sut, 100, nodeIds(6));
    const ks = keys(2000, 'back:');
    const before = await listsOf(r, ks, 3);
    await r.batch([['removeNode', 'node-4'], ['removeNode', 'node-1'], ['addNode', 'node-4'], ['addNode', 'node-1']]);
    const after = await listsOf(r, ks, 3);
    const differing = ks.filter((_, i) => JSON.stringify(before[i]) !== JSON.stringify(after[i]));
    assert.equal(differing.length, 0, `${differing.length} keys map differently after the round trip, e.g. ${differing[0]}`);
  });
});
