import assert from 'node:assert/strict';
import { defineSuite, type BatchStep } from '@assay/runner/harness';
import { lruModel } from './lru-model.js';
import { seededRandom } from './seeded-random.js';

export default defineSuite(({ test }) => {
  test('put on an existing key replaces its value without growing the cache', { category: 'correctness', requirements: ['put-existing'] }, async ({ sut, clock }) => {
    const cache = await sut.create('LruTtlCache', 3, 10_000, clock(0));
    await cache.batch([['put', 'a', 1], ['put', 'a', 2]]);
    assert.deepEqual(await cache.batch([['get', 'a'], ['size']]), [2, 1]);
  });

  test('get makes an entry the most recently used', { category: 'correctness', requirements: ['lru-eviction'] }, async ({ sut, clock }) => {
    const cache = await sut.create('LruTtlCache', 3, 10_000, clock(0));
    await cache.batch([['put', 'a', 1], ['put', 'b', 2], ['put', 'c', 3], ['get', 'a'], ['put', 'd', 4]]);
    assert.deepEqual(await cache.batch([['get', 'a'], ['get', 'b'], ['get', 'c'], ['get', 'd']]), [1, null, 3, 4]);
  });

  test('put on an existing key makes it the most recently used', { category: 'correctness', requirements: ['put-existing', 'lru-eviction'] }, async ({ sut, clock }) => {
    const cache = await sut.create('LruTtlCache', 2, 10_000, clock(0));
    await cache.batch([['put', 'a', 1], ['put', 'b', 2], ['put', 'a', 10], ['put', 'c', 3]]);
    assert.deepEqual(await cache.batch([['get', 'a'], ['get', 'b'], ['get', 'c']]), [10, null, 3]);
  });

  test('capacity 1 keeps only the latest key', { category: 'correctness', requirements: ['lru-eviction'] }, async ({ sut, clock }) => {
    const cache = await sut.create('LruTtlCache', 1, 10_000, clock(0));
    await cache.batch([['put', 'a', 1], ['put', 'b', 2]]);
    assert.deepEqual(await cache.batch([['get', 'a'], ['get', 'b'], ['size']]), [null, 2, 1]);
  });

  test('delete removes a live entry once', { category: 'correctness', requirements: ['delete'] }, async ({ sut, clock }) => {
    const cache = await sut.create('LruTtlCache', 2, 10_000, clock(0));
    await cache.call('put', 'a', 1);
    assert.deepEqual(await cache.batch([['delete', 'a'], ['delete', 'a'], ['get', 'a'], ['size'], ['delete', 'never']]), [true, false, null, 0, false]);
  });

  // Two random runs against the naive model, each isolating one rule: when an implementation
  // reclaims expired entries is left free by the prompt, so eviction and expiry never interact here.
  for (const mode of ['eviction', 'expiry'] as const) {
    test(`a long random sequence matches a naive model (${mode})`, { category: mode === 'eviction' ? 'correctness' : 'expiry', requirements: mode === 'eviction' ? ['get-put', 'lru-eviction', 'put-existing'] : ['get-put', 'ttl', 'expired-invisible'] }, async ({ sut, clock }) => {
      const ttl = mode === 'eviction' ? 3_600_000 : 500;
      const keys = mode === 'eviction' ? 40 : 20;
      const now = clock(0);
      const cache = await sut.create('LruTtlCache', 20, ttl, now);
      const model = lruModel(20, ttl);
      const random = seededRandom(mode === 'eviction' ? 42 : 7);
      const steps: BatchStep[] = [];
      const expected: unknown[] = [];
      let t = 0;
      for (let i = 0; i < 3_000; i++) {
        if (random(10) === 0) steps.push(now.at((t += random(100))));
        const key = `k${random(keys)}`;
        const op = random(3);
        if (op === 0) {
          const own = mode === 'expiry' && random(2) ? 1 + random(1_000) : undefined;
          steps.push(own === undefined ? ['put', key, i] : ['put', key, i, own]);
          model.put(key, i, t, own);
          expected.push(null);
        } else if (op === 1) {
          steps.push(['get', key]);
          expected.push(model.get(key, t));
        } else {
          steps.push(['size']);
          expected.push(model.size(t));
        }
      }
      // The walk must reach what it claims to exercise, or it proves nothing about it.
      const { reached } = model;
      assert.equal(reached.keys.size, keys, `the walk touches all ${keys} keys`);
      if (mode === 'eviction') {
        assert.equal(reached.fullest, 20, 'the walk fills the cache');
        assert.ok(reached.evictions >= 100, `the walk evicts at least 100 times (it evicted ${reached.evictions})`);
      } else {
        assert.equal(reached.evictions, 0, 'the expiry walk never evicts');
        assert.ok(reached.expired >= 100, `at least 100 entries expire during the walk (${reached.expired} did)`);
      }
      assert.deepEqual(await cache.batch(steps), expected);
    });
  }
});
