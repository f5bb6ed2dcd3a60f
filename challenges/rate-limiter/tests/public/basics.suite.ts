import assert from 'node:assert/strict';
import { defineSuite } from '@assay/runner/harness';

export default defineSuite(({ test }) => {
  test('a full bucket allows a burst of `capacity`, then refuses', { category: 'correctness', requirements: ['starts-full', 'acquire'] }, async ({ sut, clock }) => {
    const limiter = await sut.create('RateLimiter', 3, 1, clock(0));
    assert.deepEqual(await limiter.batch([['tryAcquire', 'a', 1], ['tryAcquire', 'a', 1], ['tryAcquire', 'a', 1], ['tryAcquire', 'a', 1]]), [true, true, true, false]);
  });

  test('tokens come back at refillPerSecond', { category: 'correctness', requirements: ['refill'] }, async ({ sut, clock }) => {
    const now = clock(0);
    const limiter = await sut.create('RateLimiter', 2, 2, now);
    await limiter.batch([['tryAcquire', 'a', 1], ['tryAcquire', 'a', 1]]);
    assert.equal(await limiter.call('tryAcquire', 'a', 1), false);
    await now.advance(500);
    assert.equal(await limiter.call('tryAcquire', 'a', 1), true);
  });

  test('keys have their own buckets', { category: 'correctness', requirements: ['isolation'] }, async ({ sut, clock }) => {
    const limiter = await sut.create('RateLimiter', 1, 1, clock(0));
    assert.equal(await limiter.call('tryAcquire', 'a', 1), true);
    assert.equal(await limiter.call('tryAcquire', 'b', 1), true);
    assert.equal(await limiter.call('tryAcquire', 'a', 1), false);
  });
});
