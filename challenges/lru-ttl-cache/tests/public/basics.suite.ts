import assert from 'node:assert/strict';
import { defineSuite } from '@assay/runner/harness';

export default defineSuite(({ test }) => {
  test('get returns what put stored, null for a missing key', { category: 'correctness', requirements: ['get-put'] }, async ({ sut, clock }) => {
    const cache = await sut.create('LruTtlCache', 2, 1_000, clock(0));
    await cache.call('put', 'a', 1);
    assert.deepEqual(await cache.batch([['get', 'a'], ['get', 'b']]), [1, null]);
  });

  test('a full cache evicts the least recently used key', { category: 'correctness', requirements: ['lru-eviction'] }, async ({ sut, clock }) => {
    const cache = await sut.create('LruTtlCache', 2, 1_000, clock(0));
    await cache.batch([['put', 'a', 1], ['put', 'b', 2], ['get', 'a'], ['put', 'c', 3]]);
    assert.deepEqual(await cache.batch([['get', 'a'], ['get', 'b'], ['get', 'c']]), [1, null, 3]);
  });

  test('an entry expires after its TTL', { category: 'expiry', requirements: ['ttl'] }, async ({ sut, clock }) => {
    const now = clock(0);
    const cache = await sut.create('LruTtlCache', 2, 1_000, now);
    await cache.call('put', 'a', 1);
    await now.set(1_000);
    assert.equal(await cache.call('get', 'a'), null);
  });
});
