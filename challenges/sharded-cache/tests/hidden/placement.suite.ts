/**
 * Hidden tests: reads, writes, replica placement and per-node accounting. The hash is the
 * candidate's choice, so placement is checked through properties (distinct live owners,
 * stats that match ownersOf, determinism), never against particular nodes.
 */
import assert from 'node:assert/strict';
import { defineSuite, type Instance, type Sut } from '@assay/runner/harness';

const nodeIds = (count: number, prefix = 'node-') => Array.from({ length: count }, (_, i) => `${prefix}${i}`);
const keys = (count: number, prefix = 'key:') => Array.from({ length: count }, (_, i) => `${prefix}${i}`);
/** A mix of JSON values, so a cache that only handles strings shows it. */
const valueOf = (key: string, i: number): unknown =>
  [{ id: i, key, tags: ['a', 'b'] }, i * 1.5, `value of ${key}`, [i, true, null], -i][i % 5];

async function cluster(sut: Sut, replicationFactor: number, virtualNodes: number, nodes: string[]): Promise<Instance> {
  const cache = await sut.create('ShardedCache', replicationFactor, virtualNodes);
  if (nodes.length) await cache.batch(nodes.map((id) => ['addNode', id] as const));
  return cache;
}
const putAll = (c: Instance, ks: string[]) => c.batch(ks.map((k, i) => ['put', k, valueOf(k, i)] as const));
const getAll = (c: Instance, ks: string[]) => c.batch(ks.map((k) => ['get', k] as const));
const ownersAll = async (c: Instance, ks: string[]) => (await c.batch(ks.map((k) => ['ownersOf', k] as const))) as string[][];

/** What stats() must say: each live node holds one copy of every key it owns. */
function expectedStats(owners: string[][], nodes: string[]): Record<string, number> {
  const stats: Record<string, number> = Object.fromEntries(nodes.map((id) => [id, 0]));
  for (const list of owners) for (const id of list) stats[id] = (stats[id] ?? 0) + 1;
  return stats;
}

export default defineSuite(({ test }) => {
  test('a value put is read back, and a missing key reads as null', { category: 'correctness', requirements: ['read-write'] }, async ({ sut }) => {
    const c = await cluster(sut, 2, 50, nodeIds(4));
    const ks = keys(500);
    await putAll(c, ks);
    assert.deepEqual(await getAll(c, ks), ks.map(valueOf));
    assert.equal(await c.call('get', 'never-written'), null);
  });

  test('values of every JSON type round-trip, falsy ones included', { category: 'correctness', requirements: ['read-write'] }, async ({ sut }) => {
    const c = await cluster(sut, 2, 50, nodeIds(3));
    const values: unknown[] = [0, false, '', [], {}, -0.25, 2 ** 40, 'ünïcødé ✓ 日本', { nested: { deep: [1, { x: 'y' }] } }, [null, [], {}], true];
    const ks = values.map((_, i) => `typed:${i}`);
    await c.batch(ks.map((k, i) => ['put', k, values[i]] as const));
    assert.deepEqual(await getAll(c, ks), values);
  });

  test('overwriting a key updates every replica', { category: 'correctness', requirements: ['replication'] }, async ({ sut }) => {
    const c = await cluster(sut, 3, 50, nodeIds(5));
    const ks = keys(600, 'rewrite:');
    await c.batch(ks.map((k) => ['put', k, `old ${k}`] as const));
    await c.batch(ks.map((k) => ['put', k, `new ${k}`] as const));
    // Losing two nodes forces many reads onto what were second and third replicas.
    await c.batch([['removeNode', 'node-0'], ['removeNode', 'node-1']]);
    const stale = ((await getAll(c, ks)) as string[]).filter((v, i) => v !== `new ${ks[i]}`);
    assert.equal(stale.length, 0, `${stale.length} keys read an old or missing value after an overwrite, e.g. ${JSON.stringify(stale[0])}`);
  });

  test('ownersOf lists replicationFactor distinct live nodes', { category: 'correctness', requirements: ['placement'] }, async ({ sut }) => {
    const ids = nodeIds(7);
    const c = await cluster(sut, 3, 100, ids);
    await c.call('removeNode', 'node-3');
    const live = ids.filter((id) => id !== 'node-3');
    const ks = keys(1500, 'own:');
    for (const [i, owners] of (await ownersAll(c, ks)).entries()) {
      assert.equal(owners.length, 3, `ownersOf(${ks[i]}) = ${JSON.stringify(owners)}`);
      assert.equal(new Set(owners).size, 3, `ownersOf(${ks[i]}) repeats a node: ${JSON.stringify(owners)}`);
      assert.ok(owners.every((id) => live.includes(id)), `ownersOf(${ks[i]}) names a node that is not live: ${JSON.stringify(owners)}`);
    }
    const primaries = new Set((await ownersAll(c, ks)).map((owners) => owners[0]));
    assert.equal(primaries.size, live.length, 'every live node should be the primary of some keys');
  });

  test('stats() counts one copy per owner of every key', { category: 'correctness', requirements: ['stats'] }, async ({ sut }) => {
    const ids = nodeIds(8);
    const c = await cluster(sut, 3, 100, ids);
    const ks = keys(3000, 'count:');
    await putAll(c, ks);
    assert.deepEqual(await c.call('stats'), expectedStats(await ownersAll(c, ks), ids));
    await c.call('addNode', 'empty-node');
    const stats = (await c.call('stats')) as Record<string, number>;
    assert.ok('empty-node' in stats, 'stats() lists every live node, including one that holds nothing yet');
  });

  test('delete removes a key from every replica', { category: 'correctness', requirements: ['delete'] }, async ({ sut }) => {
    const ids = nodeIds(5);
    const c = await cluster(sut, 3, 50, ids);
    const ks = keys(400, 'del:');
    await putAll(c, ks);
    const doomed = ks.filter((_, i) => i % 2 === 0);
    const kept = ks.filter((_, i) => i % 2 === 1);
    assert.deepEqual(await c.batch(doomed.map((k) => ['delete', k] as const)), doomed.map(() => true));
    assert.deepEqual(await c.batch(doomed.map((k) => ['delete', k] as const)), doomed.map(() => false), 'a second delete finds nothing');
    assert.deepEqual(await c.call('stats'), expectedStats(await ownersAll(c, kept), ids));
    // A stale copy left on any replica would come back when re-replication copies it.
    await c.call('removeNode', 'node-2');
    assert.deepEqual(await getAll(c, doomed), doomed.map(() => null), 'deleted keys must stay deleted after a node loss');
  });

  test('two caches with the same nodes place keys identically, whatever the join order', { category: 'correctness', requirements: ['determinism'] }, async ({ sut }) => {
    const ids = nodeIds(6, 'cache-');
    const a = await cluster(sut, 2, 80, ids);
    const b = await cluster(sut, 2, 80, ['temporary', ...[...ids].reverse()]);
    await b.call('removeNode', 'temporary');
    const ks = keys(2000, 'same:');
    assert.deepEqual(await ownersAll(b, ks), await ownersAll(a, ks));
    await putAll(a, ks);
    await putAll(b, ks);
    assert.deepEqual(await b.call('stats'), await a.call('stats'));
  });
});
