import assert from 'node:assert/strict';
import { defineSuite } from '@assay/runner/harness';
import { assertClose } from './model.js';

const KEYS = 10_000;
const CAPACITY = 5;
const REFILL = 1;
/** Time for an empty bucket to refill completely. */
const FILL_MS = (CAPACITY / REFILL) * 1000;
const LATER_KEYS = 10;

export default defineSuite(({ test }) => {
  test('idle keys that have refilled completely are forgotten', { category: 'memory', requirements: ['idle-eviction'] }, async ({ sut, clock }) => {
    const now = clock(0);
    const limiter = await sut.create('RateLimiter', CAPACITY, REFILL, now);
    await limiter.batch(Array.from({ length: KEYS }, (_, i) => ['tryAcquire', `client-${i}`, 1]));
    const before = (await limiter.call('trackedKeys')) as number;
    assert.ok(before >= KEYS, `all ${KEYS} keys are in use, so all are tracked (got ${before})`);
    // The bound the prompt states: idle for twice the time to refill from empty, then at most
    // 2 × n calls (here over a few keys) bring trackedKeys() to at most 100 + the keys they used.
    await now.set(2 * FILL_MS);
    await limiter.batch(Array.from({ length: 2 * before }, (_, i) => ['tryAcquire', `later-${i % LATER_KEYS}`, 1]));
    const after = (await limiter.call('trackedKeys')) as number;
    assert.ok(after <= 100 + LATER_KEYS, `after ${2 * before} calls, ${after} keys are still tracked (at most ${100 + LATER_KEYS} allowed)`);
  });

  test('idle keys are forgotten at a fast refill rate too', { category: 'memory', requirements: ['idle-eviction'] }, async ({ sut, clock }) => {
    // 8 tokens/s into 4: an empty bucket refills in 500 ms, so keys idle for 1 s must go.
    const now = clock(0);
    const limiter = await sut.create('RateLimiter', 4, 8, now);
    await limiter.batch(Array.from({ length: 1_000 }, (_, i) => ['tryAcquire', `client-${i}`, 1]));
    const before = (await limiter.call('trackedKeys')) as number;
    await now.set(1_000);
    await limiter.batch(Array.from({ length: 2 * before }, (_, i) => ['tryAcquire', `later-${i % LATER_KEYS}`, 1]));
    const after = (await limiter.call('trackedKeys')) as number;
    assert.ok(after <= 100 + LATER_KEYS, `idle for twice the 500 ms refill time, then ${2 * before} calls: ${after} keys are still tracked (at most ${100 + LATER_KEYS} allowed)`);
  });

  test('a key drained just before a sweep is kept', { category: 'memory', requirements: ['active-kept'] }, async ({ sut, clock }) => {
    // 2 tokens at 1/s: a bucket refills in 2 s. Drained at 1.9 s, it holds 0.1 at 2 s, when
    // many calls on other keys give any sweep (by time, by call count, a few keys per call) its turn.
    const now = clock(0);
    const limiter = await sut.create('RateLimiter', 2, 1, now);
    await now.set(1_900);
    assert.equal(await limiter.call('tryAcquire', 'busy', 2), true);
    await now.set(2_000);
    await limiter.batch(Array.from({ length: 300 }, (_, i) => ['tryAcquire', `other-${i}`, 1]));
    assertClose(await limiter.call('available', 'busy'), 0.1, 'a key drained 0.1 s ago');
  });

  test('keys in use keep their state', { category: 'memory', requirements: ['active-kept'] }, async ({ sut, clock }) => {
    const now = clock(0);
    const limiter = await sut.create('RateLimiter', 5, 1, now);
    await limiter.batch(Array.from({ length: 2_000 }, (_, i) => ['tryAcquire', `idle-${i}`, 1]));
    await now.set(59_000);
    await limiter.call('tryAcquire', 'busy', 5);
    await now.set(60_000);
    await limiter.batch(Array.from({ length: 20 }, (_, i) => ['tryAcquire', `later-${i}`, 1]));
    assertClose(await limiter.call('available', 'busy'), 1, 'a key drained 1 s ago');
  });
});
