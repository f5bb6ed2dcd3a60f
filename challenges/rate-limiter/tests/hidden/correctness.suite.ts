import assert from 'node:assert/strict';
import { defineSuite } from '@assay/runner/harness';
import { assertClose } from './model.js';

export default defineSuite(({ test }) => {
  test('a new key starts with a full bucket', { category: 'correctness', requirements: ['starts-full'] }, async ({ sut, clock }) => {
    const limiter = await sut.create('RateLimiter', 5, 1, clock(1_000));
    assertClose(await limiter.call('available', 'fresh'), 5, 'available of an unseen key');
  });

  test('a burst of `capacity` succeeds, the next call is refused', { category: 'correctness', requirements: ['starts-full', 'acquire'] }, async ({ sut, clock }) => {
    const limiter = await sut.create('RateLimiter', 4, 1, clock(0));
    const results = await limiter.batch(Array.from({ length: 5 }, () => ['tryAcquire', 'k', 1]));
    assert.deepEqual(results, [true, true, true, true, false]);
  });

  test('refill is continuous: fractions of a token count', { category: 'correctness', requirements: ['refill'] }, async ({ sut, clock }) => {
    const now = clock(0);
    const limiter = await sut.create('RateLimiter', 1, 1, now);
    assert.equal(await limiter.call('tryAcquire', 'k', 1), true);
    await now.set(250);
    assertClose(await limiter.call('available', 'k'), 0.25, 'after 250 ms at 1 token/s');
    await now.set(900);
    assert.equal(await limiter.call('tryAcquire', 'k', 1), false);
    await now.set(1_000);
    assert.equal(await limiter.call('tryAcquire', 'k', 1), true);
  });

  test('fractional costs and rates are exact', { category: 'correctness', requirements: ['refill', 'acquire'] }, async ({ sut, clock }) => {
    const now = clock(0);
    const limiter = await sut.create('RateLimiter', 2, 0.5, now);
    assert.equal(await limiter.call('tryAcquire', 'k', 1.5), true);
    assertClose(await limiter.call('available', 'k'), 0.5, 'after taking 1.5 of 2');
    await now.set(1_000);
    assertClose(await limiter.call('available', 'k'), 1, 'after 1 s at 0.5 token/s');
    assert.equal(await limiter.call('tryAcquire', 'k', 1.25), false);
    assert.equal(await limiter.call('tryAcquire', 'k', 1), true);
  });

  test('a bucket never holds more than `capacity`', { category: 'correctness', requirements: ['refill'] }, async ({ sut, clock }) => {
    const now = clock(0);
    const limiter = await sut.create('RateLimiter', 3, 10, now);
    await limiter.call('tryAcquire', 'k', 1);
    await now.set(3_600_000);
    assertClose(await limiter.call('available', 'k'), 3, 'after an hour idle');
    const burst = await limiter.batch(Array.from({ length: 4 }, () => ['tryAcquire', 'k', 1]));
    assert.deepEqual(burst, [true, true, true, false]);
  });

  test('a refused request takes nothing', { category: 'correctness', requirements: ['acquire'] }, async ({ sut, clock }) => {
    const limiter = await sut.create('RateLimiter', 5, 1, clock(0));
    await limiter.call('tryAcquire', 'k', 3);
    assert.equal(await limiter.call('tryAcquire', 'k', 3), false);
    assertClose(await limiter.call('available', 'k'), 2, 'after a refused request');
    assert.equal(await limiter.call('tryAcquire', 'k', 2), true);
  });

  test('keys are isolated from each other', { category: 'correctness', requirements: ['isolation'] }, async ({ sut, clock }) => {
    const limiter = await sut.create('RateLimiter', 2, 1, clock(0));
    const steps = [['tryAcquire', 'a', 1], ['tryAcquire', 'a', 1], ['tryAcquire', 'a', 1], ['tryAcquire', 'b', 2], ['tryAcquire', 'c', 1], ['available', 'a']];
    const [a1, a2, a3, b, c, left] = await limiter.batch(steps);
    assert.deepEqual([a1, a2, a3, b, c], [true, true, false, true, true]);
    assertClose(left, 0, 'a after its burst');
  });

  test('many small steps refill exactly as much as one big step', { category: 'correctness', requirements: ['refill'] }, async ({ sut, clock }) => {
    const now = clock(0);
    const limiter = await sut.create('RateLimiter', 10, 3, now);
    await limiter.batch([['tryAcquire', 'small', 10], ['tryAcquire', 'big', 10]]);
    const steps = [];
    for (let t = 1; t <= 1_000; t++) steps.push(now.at(t), ['available', 'small']);
    await limiter.batch(steps);
    const [small, big] = await limiter.batch([['available', 'small'], ['available', 'big']]);
    assertClose(small, 3, '1000 steps of 1 ms');
    assertClose(big, 3, 'one step of 1000 ms');
  });
});
