/** Hidden tests: membership edge cases, unusual keys, and rejected input. */
import assert from 'node:assert/strict';
import { defineSuite, type Instance, type Sut } from '@assay/runner/harness';

const nodeIds = (count: number, prefix = 'node-') => Array.from({ length: count }, (_, i) => `${prefix}${i}`);
const keys = (count: number, prefix = 'key:') => Array.from({ length: count }, (_, i) => `${prefix}${i}`);

async function ring(sut: Sut, virtualNodes: number, nodes: string[]): Promise<Instance> {
  const instance = await sut.create('HashRing', virtualNodes);
  if (nodes.length) await instance.batch(nodes.map((id) => ['addNode', id] as const));
  return instance;
}
const listsOf = async (r: Instance, ks: string[], n: number) => (await r.batch(ks.map((k) => ['getNodes', k, n] as const))) as string[][];

export default defineSuite(({ test }) => {
  test('adding a node that is already on the ring returns false and changes nothing', { category: 'edge-cases', requirements: ['membership'] }, async ({ sut }) => {
    const r = await ring(sut, 50, nodeIds(3));
    const ks = keys(500);
    const before = await listsOf(r, ks, 3);
    assert.equal(await r.call('addNode', 'node-1'), false);
    assert.deepEqual(await r.call('nodes'), nodeIds(3));
    assert.deepEqual(await listsOf(r, ks, 3), before);
    assert.ok((await listsOf(r, ks, 5)).every((list) => list.length === 3), 'three nodes, so at most three in a preference list');
    // One removal must take the node off the ring entirely.
    assert.equal(await r.call('removeNode', 'node-1'), true);
    assert.ok((await listsOf(r, ks, 3)).every((list) => !list.includes('node-1')), 'node-1 was removed but keys still map to it');
  });

  test('removing an unknown node returns false and changes nothing', { category: 'edge-cases', requirements: ['membership'] }, async ({ sut }) => {
    const r = await ring(sut, 50, nodeIds(4));
    const ks = keys(500);
    const before = await listsOf(r, ks, 2);
    assert.equal(await r.call('removeNode', 'ghost'), false);
    assert.equal(await r.call('removeNode', 'node-'), false);
    assert.deepEqual(await r.call('nodes'), nodeIds(4));
    assert.deepEqual(await listsOf(r, ks, 2), before);
    // Removal reports true exactly once, and a removed node can come back.
    assert.equal(await r.call('removeNode', 'node-0'), true);
    assert.equal(await r.call('removeNode', 'node-0'), false);
    assert.equal(await r.call('addNode', 'node-0'), true);
    assert.deepEqual(await listsOf(r, ks, 2), before);
  });

  test('removing every node leaves an empty ring that can be refilled', { category: 'edge-cases', requirements: ['membership', 'ownership'] }, async ({ sut }) => {
    const r = await ring(sut, 30, nodeIds(3));
    await r.batch(nodeIds(3).map((id) => ['removeNode', id] as const));
    assert.equal(await r.call('getNode', 'k'), null);
    assert.deepEqual(await r.call('getNodes', 'k', 2), []);
    assert.deepEqual(await r.call('nodes'), []);
    await r.call('addNode', 'phoenix');
    assert.equal(await r.call('getNode', 'k'), 'phoenix');
  });

  test('one virtual node per node still gives a consistent ring', { category: 'edge-cases', requirements: ['preference-list'] }, async ({ sut }) => {
    const ids = nodeIds(4);
    const r = await ring(sut, 1, ids);
    const ks = keys(400);
    const owners = (await r.batch(ks.map((k) => ['getNode', k] as const))) as string[];
    for (const [i, list] of (await listsOf(r, ks, 4)).entries()) {
      assert.deepEqual([...list].sort(), ids, `getNodes(${ks[i]}, 4) returned ${JSON.stringify(list)}`);
      assert.equal(list[0], owners[i]);
    }
    // With one point per node the ring order is a cyclic order of the nodes: every list is a rotation of one cycle.
    const cycle = (await listsOf(r, ks, 4))[0]!;
    for (const list of await listsOf(r, ks, 4)) {
      const start = cycle.indexOf(list[0]!);
      assert.deepEqual(list, [...cycle.slice(start), ...cycle.slice(0, start)], `${JSON.stringify(list)} does not follow the ring order ${JSON.stringify(cycle)}`);
    }
  });

  test('the empty string and very long strings are valid keys', { category: 'edge-cases', requirements: ['keys'] }, async ({ sut }) => {
    const ids = nodeIds(5);
    const r = await ring(sut, 50, ids);
    const long = 'x'.repeat(100_000);
    const unusual = ['', ' ', long, `${long}y`, '\n\t', '\0', 'key with spaces', '{"json":true}'];
    const first = (await r.batch(unusual.map((k) => ['getNode', k] as const))) as string[];
    const again = (await r.batch(unusual.map((k) => ['getNode', k] as const))) as string[];
    for (const [i, owner] of first.entries()) assert.ok(ids.includes(owner), `key #${i} mapped to ${JSON.stringify(owner)}`);
    assert.deepEqual(again, first, 'the same key must map to the same node every time');
  });

  test('unicode keys and node ids map deterministically', { category: 'edge-cases', requirements: ['keys', 'determinism'] }, async ({ sut }) => {
    const ids = ['東京', 'Zürich', 'São-Paulo', '🚀-edge', 'Кейптаун'];
    const unicodeKeys = ['ключ', '鍵', '🔑', '🔑🔑', 'e\u0301', '\u00e9', 'مفتاح', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', '👩‍👩‍👧‍👦'];
    const a = await ring(sut, 100, ids);
    const b = await ring(sut, 100, [...ids].reverse());
    const fromA = await listsOf(a, unicodeKeys, 3);
    assert.deepEqual(await listsOf(b, unicodeKeys, 3), fromA);
    for (const list of fromA) assert.ok(list.length === 3 && list.every((id) => ids.includes(id)) && new Set(list).size === 3, JSON.stringify(list));
  });

  test('a virtual node count below 1 is rejected', { category: 'robustness', requirements: ['validation'] }, async ({ sut }) => {
    await assert.rejects(sut.create('HashRing', 0), 'HashRing(0) should throw');
    await assert.rejects(sut.create('HashRing', -5), 'HashRing(-5) should throw');
  });

  test('a negative replica count is rejected', { category: 'robustness', requirements: ['validation'] }, async ({ sut }) => {
    const r = await ring(sut, 10, nodeIds(3));
    await assert.rejects(r.call('getNodes', 'k', -1), 'getNodes(key, -1) should throw');
    // The ring still works after rejecting bad input.
    assert.equal((await r.call('getNodes', 'k', 2) as string[]).length, 2);
  });

  test('an empty node id is rejected and leaves the ring unchanged', { category: 'robustness', requirements: ['validation'] }, async ({ sut }) => {
    const r = await ring(sut, 10, ['only']);
    await assert.rejects(r.call('addNode', ''), 'addNode("") should throw');
    assert.deepEqual(await r.call('nodes'), ['only']);
    assert.equal(await r.call('getNode', 'k'), 'only');
  });

  test('a ring of 500 nodes stays consistent under churn', { category: 'robustness', requirements: ['minimal-movement'] }, async ({ sut }) => {
    const ids = nodeIds(500, 'n');
    const r = await sut.create('HashRing', 40);
    // Chunked, so a slower (but sane) build never meets a single call's time budget.
    for (let i = 0; i < ids.length; i += 25) await r.batch(ids.slice(i, i + 25).map((id) => ['addNode', id] as const));
    const ks = keys(5000, 'churn:');
    const before = (await r.batch(ks.map((k) => ['getNode', k] as const))) as string[];
    const removed = new Set(ids.filter((_, i) => i % 10 === 0));
    await r.batch([...removed].map((id) => ['removeNode', id] as const));
    const after = (await r.batch(ks.map((k) => ['getNode', k] as const))) as string[];
    for (let i = 0; i < ks.length; i++) {
      if (removed.has(before[i]!)) assert.ok(!removed.has(after[i]!), `key ${ks[i]} still maps to a removed node`);
      else assert.equal(after[i], before[i], `key ${ks[i]} moved from ${before[i]} to ${after[i]} though its node stayed`);
    }
    assert.equal((await r.call('nodes') as string[]).length, 450);
  });
});
