/**
 * Hidden tests: how evenly keys spread, and how few move when membership changes. Bounds are
 * wide enough that any well-mixed hash passes with a large margin (they sit four or more
 * standard deviations from the mean for these vnode counts) and narrow enough that a ring
 * without virtual nodes, a weak hash, or `hash % nodeCount` fails.
 */
import assert from 'node:assert/strict';
import { defineSuite, type Instance, type Sut } from '@assay/runner/harness';

const nodeIds = (count: number, prefix = 'node-') => Array.from({ length: count }, (_, i) => `${prefix}${i}`);
const keys = (count: number, prefix = 'key:') => Array.from({ length: count }, (_, i) => `${prefix}${i}`);

async function ring(sut: Sut, virtualNodes: number, nodes: string[]): Promise<Instance> {
  const instance = await sut.create('HashRing', virtualNodes);
  await instance.batch(nodes.map((id) => ['addNode', id] as const));
  return instance;
}
const ownersOf = async (r: Instance, ks: string[]) => (await r.batch(ks.map((k) => ['getNode', k] as const))) as string[];

function loads(owners: string[], nodes: string[]): Map<string, number> {
  const counts = new Map(nodes.map((id) => [id, 0]));
  for (const owner of owners) counts.set(owner, (counts.get(owner) ?? 0) + 1);
  return counts;
}

/** Every node's load within ±tolerance of the mean. */
function assertBalanced(owners: string[], nodes: string[], tolerance: number): void {
  const counts = loads(owners, nodes);
  assert.equal(counts.size, nodes.length, `keys went to nodes that are not on the ring: ${[...counts.keys()].filter((id) => !nodes.includes(id)).join(', ')}`);
  const mean = owners.length / nodes.length;
  const summary = [...counts].map(([id, n]) => `${id}=${n}`).join(' ');
  for (const [id, n] of counts) {
    assert.ok(Math.abs(n - mean) <= tolerance * mean, `${id} owns ${n} keys; the mean is ${mean.toFixed(0)} and each node should be within ±${tolerance * 100}% (${summary})`);
  }
}

export default defineSuite(({ test }) => {
  test('keys spread evenly over 10 nodes with 200 virtual nodes each', { category: 'distribution', requirements: ['balance'] }, async ({ sut }) => {
    const ids = nodeIds(10);
    const r = await ring(sut, 200, ids);
    assertBalanced(await ownersOf(r, keys(20_000, 'user:')), ids, 0.35);
  });

  test('keys spread evenly over nodes with near-identical names', { category: 'distribution', requirements: ['balance'] }, async ({ sut }) => {
    const ids = Array.from({ length: 12 }, (_, i) => `10.0.0.${i + 1}:6379`);
    const r = await ring(sut, 200, ids);
    assertBalanced(await ownersOf(r, keys(24_000, 'k')), ids, 0.35);
  });

  test('unicode keys spread over every node', { category: 'distribution', requirements: ['balance', 'keys'] }, async ({ sut }) => {
    const ids = ['ノード-α', 'nœud-β', 'узел-γ', 'node-δ', '节点-ε'];
    const r = await ring(sut, 200, ids);
    // Single CJK ideographs and emoji: a hash that looks only at low bytes or ASCII collapses them.
    const unicodeKeys = [
      ...Array.from({ length: 2000 }, (_, i) => String.fromCodePoint(0x4e00 + i)),
      ...Array.from({ length: 1000 }, (_, i) => String.fromCodePoint(0x1f300 + (i % 700)) + String.fromCodePoint(0x1f300 + Math.floor(i / 700))),
    ];
    assertBalanced(await ownersOf(r, unicodeKeys), ids, 0.4);
  });

  test('adding an 11th node moves about 1/11 of keys, all of them to the new node', { category: 'distribution', requirements: ['movement-bound', 'minimal-movement'] }, async ({ sut }) => {
    const r = await ring(sut, 200, nodeIds(10));
    const ks = keys(20_000, 'session:');
    const before = await ownersOf(r, ks);
    await r.call('addNode', 'node-10');
    const after = await ownersOf(r, ks);
    let moved = 0;
    for (let i = 0; i < ks.length; i++) {
      if (before[i] === after[i]) continue;
      moved += 1;
      assert.equal(after[i], 'node-10', `key ${ks[i]} moved from ${before[i]} to ${after[i]}: keys should only move to the new node`);
    }
    const expected = ks.length / 11;
    assert.ok(moved >= expected * 0.5 && moved <= expected * 1.6, `${moved} of ${ks.length} keys moved; about ${expected.toFixed(0)} (1/11) should`);
  });

  test('removing one of 10 nodes moves only the keys it owned', { category: 'distribution', requirements: ['movement-bound', 'minimal-movement'] }, async ({ sut }) => {
    const r = await ring(sut, 200, nodeIds(10));
    const ks = keys(20_000, 'session:');
    const before = await ownersOf(r, ks);
    await r.call('removeNode', 'node-6');
    const after = await ownersOf(r, ks);
    let moved = 0;
    for (let i = 0; i < ks.length; i++) {
      if (before[i] === 'node-6') {
        moved += 1;
        assert.notEqual(after[i], 'node-6', `key ${ks[i]} still maps to the removed node`);
      } else {
        assert.equal(after[i], before[i], `key ${ks[i]} moved from ${before[i]} to ${after[i]}, but only node-6's keys should move`);
      }
    }
    const expected = ks.length / 10;
    assert.ok(moved >= expected * 0.5 && moved <= expected * 1.6, `node-6 owned ${moved} of ${ks.length} keys; about ${expected.toFixed(0)} (1/10) expected`);
  });

  test('a removed node\'s keys are shared among the remaining nodes', { category: 'distribution', requirements: ['spread-on-removal'] }, async ({ sut }) => {
    const ids = nodeIds(10);
    const r = await ring(sut, 200, ids);
    const ks = keys(20_000, 'spread:');
    const before = await ownersOf(r, ks);
    await r.call('removeNode', 'node-3');
    const after = await ownersOf(r, ks);
    const inherited = new Map<string, number>();
    let total = 0;
    for (let i = 0; i < ks.length; i++) {
      if (before[i] !== 'node-3') continue;
      total += 1;
      inherited.set(after[i]!, (inherited.get(after[i]!) ?? 0) + 1);
    }
    assert.ok(total > 0, 'node-3 owned no keys before it was removed');
    const [heir, most] = [...inherited].sort((a, b) => b[1] - a[1])[0]!;
    assert.ok(most <= total * 0.3, `${heir} inherited ${most} of node-3's ${total} keys; with virtual nodes no single node should take more than 30%`);
    assert.ok(inherited.size >= 7, `node-3's keys went to only ${inherited.size} of the 9 remaining nodes`);
  });
});
