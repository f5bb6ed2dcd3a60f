import assert from 'node:assert/strict';
import { defineSuite } from '@assay/runner/harness';

export default defineSuite(({ test }) => {
  test('an entry is live until just before its TTL and gone exactly at it', { category: 'expiry', requirements: ['ttl'] }, async ({ sut, clock }) => {
    const now = clock(1_000);
    const cache = await sut.create('LruTtlCache', 4, 500, now);
    await cache.call('put', 'a', 'x');
    assert.deepEqual(await cache.batch([now.at(1_499), ['get', 'a'], now.at(1_500), ['get', 'a']]), ['x', null]);
  });

  test('a per-entry TTL overrides the default', { category: 'expiry', requirements: ['ttl'] }, async ({ sut, clock }) => {
    const now = clock(0);
    const cache = await sut.create('LruTtlCache', 4, 1_000, now);
    await cache.batch([['put', 'short', 1, 100], ['put', 'long', 2, 5_000], ['put', 'default', 3]]);
    assert.deepEqual(await cache.batch([now.at(500), ['get', 'short'], ['get', 'long'], ['get', 'default'], now.at(1_000), ['get', 'default'], ['get', 'long']]), [null, 2, 3, null, 2]);
  });

  test('a null TTL means the default', { category: 'expiry', requirements: ['ttl'] }, async ({ sut, clock }) => {
    const now = clock(0);
    const cache = await sut.create('LruTtlCache', 4, 1_000, now);
    await cache.call('put', 'a', 1, null);
    assert.deepEqual(await cache.batch([now.at(999), ['get', 'a'], now.at(1_000), ['get', 'a']]), [1, null]);
  });

  test('get does not extend an entry\'s TTL', { category: 'expiry', requirements: ['get-keeps-ttl'] }, async ({ sut, clock }) => {
    const now = clock(0);
    const cache = await sut.create('LruTtlCache', 4, 1_000, now);
    await cache.call('put', 'a', 1);
    assert.deepEqual(await cache.batch([now.at(600), ['get', 'a'], now.at(1_000), ['get', 'a']]), [1, null]);
  });

  test('put on an existing key restarts its TTL', { category: 'expiry', requirements: ['put-existing'] }, async ({ sut, clock }) => {
    const now = clock(0);
    const cache = await sut.create('LruTtlCache', 4, 1_000, now);
    await cache.batch([['put', 'a', 1], now.at(800), ['put', 'a', 2]]);
    assert.deepEqual(await cache.batch([now.at(1_500), ['get', 'a'], now.at(1_800), ['get', 'a']]), [2, null]);
  });

  test('size and delete do not see expired entries', { category: 'expiry', requirements: ['expired-invisible', 'delete'] }, async ({ sut, clock }) => {
    const now = clock(0);
    const cache = await sut.create('LruTtlCache', 10, 1_000, now);
    await cache.batch([['put', 'a', 1], ['put', 'b', 2, 5_000], ['put', 'c', 3]]);
    assert.deepEqual(await cache.batch([now.at(2_000), ['size'], ['delete', 'a'], ['delete', 'b'], ['size']]), [1, false, true, 0]);
  });
});
