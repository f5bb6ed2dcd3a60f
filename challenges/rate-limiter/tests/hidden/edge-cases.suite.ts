import assert from 'node:assert/strict';
import { defineSuite } from '@assay/runner/harness';
import { assertClose } from './model.js';

export default defineSuite(({ test }) => {
  test('a cost above capacity is refused and takes nothing', { category: 'edge-cases', requirements: ['cost-above-capacity'] }, async ({ sut, clock }) => {
    const limiter = await sut.create('RateLimiter', 3, 1, clock(0));
    assert.equal(await limiter.call('tryAcquire', 'k', 4), false);
    assertClose(await limiter.call('available', 'k'), 3, 'after a cost above capacity');
  });

  test('a clock that goes backwards adds no tokens', { category: 'edge-cases', requirements: ['clock-backwards'] }, async ({ sut, clock }) => {
    const now = clock(10_000);
    const limiter = await sut.create('RateLimiter', 2, 1, now);
    await limiter.batch([['tryAcquire', 'k', 1], ['tryAcquire', 'k', 1]]);
    await now.set(0);
    assertClose(await limiter.call('available', 'k'), 0, 'after the clock stepped back 10 s');
    assert.equal(await limiter.call('tryAcquire', 'k', 1), false);
  });

  test('after the clock goes backwards, refill resumes from the latest time seen', { category: 'edge-cases', requirements: ['clock-backwards'] }, async ({ sut, clock }) => {
    const now = clock(10_000);
    const limiter = await sut.create('RateLimiter', 5, 1, now);
    await limiter.call('tryAcquire', 'k', 5);
    await now.set(4_000);
    await limiter.call('available', 'k');
    await now.set(11_000);
    assertClose(await limiter.call('available', 'k'), 1, '1 s after the latest reading (not 7 s after the earlier one)');
  });

  test('refillPerSecond 0 means a bucket never refills', { category: 'edge-cases', requirements: ['zero-refill'] }, async ({ sut, clock }) => {
    const now = clock(0);
    const limiter = await sut.create('RateLimiter', 2, 0, now);
    await limiter.batch([['tryAcquire', 'k', 1], ['tryAcquire', 'k', 1]]);
    await now.set(86_400_000);
    assert.equal(await limiter.call('tryAcquire', 'k', 1), false);
    assertClose(await limiter.call('available', 'k'), 0, 'a day later with no refill');
  });

  test('any string is a key, and different strings are different keys', { category: 'edge-cases', requirements: ['keys'] }, async ({ sut, clock }) => {
    const limiter = await sut.create('RateLimiter', 1, 1, clock(0));
    const keys = ['', ' ', 'ключ', '鍵', '🔑', 'a'.repeat(1_000), '__proto__', 'constructor', 'toString'];
    const results = await limiter.batch(keys.flatMap((k) => [['tryAcquire', k, 1], ['tryAcquire', k, 1]]));
    assert.deepEqual(results, keys.flatMap(() => [true, false]));
  });
});
