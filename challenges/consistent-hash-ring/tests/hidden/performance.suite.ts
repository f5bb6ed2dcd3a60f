/**
 * Hidden tests: lookup speed on a large ring, timed against the reference solution in the same
 * language on the same machine. Building the ring is setup and is not timed.
 */
import assert from 'node:assert/strict';
import { defineSuite, type Instance, type Sut } from '@assay/runner/harness';

// 100,000 points: large enough that a linear scan per lookup costs far more than the
// per-call overhead of the channel, so it shows in the ratio.
const NODES = Array.from({ length: 100 }, (_, i) => `node-${i}`);
const VIRTUAL_NODES = 1000;
const LOOKUPS = Array.from({ length: 15_000 }, (_, i) => `lookup:${(i * 7919) % 1_000_003}`);

async function largeRing(sut: Sut): Promise<Instance> {
  const r = await sut.create('HashRing', VIRTUAL_NODES);
  // One call per node, so a slower (but sane) build never meets a single call's time budget.
  for (const id of NODES) await r.call('addNode', id);
  // One lookup ends the setup, so a ring that sorts lazily pays for its sort before the clock starts.
  await r.call('getNode', 'warm-up');
  return r;
}

/** What was timed is checked: a sample of the timed lookups, asked again one by one, gets the same answers. */
async function answersAgain(r: Instance, method: string, timed: unknown[], ...extra: unknown[]): Promise<void> {
  for (let i = 0; i < timed.length; i += Math.floor(timed.length / 50)) {
    assert.deepEqual(await r.call(method, LOOKUPS[i], ...extra), timed[i], `${method}(${LOOKUPS[i]}) asked again`);
  }
}

export default defineSuite(({ test }) => {
  test('getNode is fast on a ring with 100,000 virtual nodes', { category: 'performance', requirements: ['speed'], performance: { maxRatio: 5 } }, async ({ sut, measure }) => {
    const r = await largeRing(sut);
    const owners = (await measure(() => r.batch(LOOKUPS.map((k) => ['getNode', k] as const)))) as string[];
    assert.equal(owners.length, LOOKUPS.length);
    assert.ok(owners.every((owner) => NODES.includes(owner)), 'every lookup returns a node of the ring');
    assert.ok(new Set(owners).size >= NODES.length * 0.9, 'lookups spread over the ring');
    await answersAgain(r, 'getNode', owners);
  });

  test('getNodes(key, 3) is fast on a ring with 100,000 virtual nodes', { category: 'performance', requirements: ['speed'], performance: { maxRatio: 5 } }, async ({ sut, measure }) => {
    const r = await largeRing(sut);
    const lists = (await measure(() => r.batch(LOOKUPS.slice(0, 10_000).map((k) => ['getNodes', k, 3] as const)))) as string[][];
    assert.ok(lists.every((list) => list.length === 3 && new Set(list).size === 3 && list.every((id) => NODES.includes(id))), 'every list has 3 distinct nodes of the ring');
    await answersAgain(r, 'getNodes', lists, 3);
  });
});
