import assert from 'node:assert/strict';
import { defineSuite } from '@assay/runner/harness';

export default defineSuite(({ test }) => {
  test('invalid capacity or default TTL is rejected', { category: 'robustness', requirements: ['validation'] }, async ({ sut, clock }) => {
    for (const [capacity, ttl] of [[0, 100], [-1, 100], [2.5, 100], ['3', 100], [3, 0], [3, -5], [3, 'soon']]) {
      await assert.rejects(sut.create('LruTtlCache', capacity, ttl, clock(0)), `capacity ${JSON.stringify(capacity)}, ttl ${JSON.stringify(ttl)}`);
    }
  });

  test('a null value or a non-positive TTL is rejected and changes nothing', { category: 'robustness', requirements: ['validation'] }, async ({ sut, clock }) => {
    const cache = await sut.create('LruTtlCache', 2, 1_000, clock(0));
    await cache.call('put', 'a', 1);
    await assert.rejects(cache.call('put', 'a', null));
    await assert.rejects(cache.call('put', 'a', 2, 0));
    await assert.rejects(cache.call('put', 'b', 2, -1));
    assert.deepEqual(await cache.batch([['get', 'a'], ['size']]), [1, 1]);
  });

  test('a TTL that is a numeric string is not a number and is rejected', { category: 'robustness', requirements: ['validation'] }, async ({ sut, clock }) => {
    await assert.rejects(sut.create('LruTtlCache', 3, '100', clock(0)), 'defaultTtlMs "100"');
    const cache = await sut.create('LruTtlCache', 2, 1_000, clock(0));
    await assert.rejects(cache.call('put', 'a', 1, '100'), 'put with ttlMs "100"');
    assert.deepEqual(await cache.batch([['get', 'a'], ['size']]), [null, 0]);
  });

  test('JSON values come back intact', { category: 'robustness', requirements: ['json-values'] }, async ({ sut, clock }) => {
    const cache = await sut.create('LruTtlCache', 8, 1_000, clock(0));
    const values = [0, false, '', 'ünïcødé 🔑', [1, [2, 3]], { nested: { list: [1, 'two'], flag: true } }, 1.5e-9];
    await cache.batch(values.map((v, i) => ['put', `k${i}`, v]));
    assert.deepEqual(await cache.batch(values.map((_, i) => ['get', `k${i}`])), values);
  });
});
