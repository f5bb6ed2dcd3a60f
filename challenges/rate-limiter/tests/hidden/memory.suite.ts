import assert from 'node:assert/strict';
import { defineSuite } from '@assay/runner/harness';
import { assertClose } from './model.js';

const KEYS = 10_000;

export default defineSuite(({ test }) => {
  test('idle keys that have refilled completely are forgotten', { category: 'memory' }, async ({ sut, clock }) => {
    const now = clock(0);
    const limiter = await sut.create('RateLimiter', 5, 1, now);
    await limiter.batch(Array.from({ length: KEYS }, (_, i) => ['tryAcquire', `client-${i}`, 1]));
    const before = (await limiter.call('trackedKeys')) as number;
    assert.ok(before >= KEYS, `all ${KEYS} keys are in use, so all are tracked (got ${before})`);
    // Long enough for every bucket to be full again; then ordinary traffic continues.
    await now.set(60_000);
    await limiter.batch(Array.from({ length: 20 }, (_, i) => ['tryAcquire', `later-${i}`, 1]));
    const after = (await limiter.call('trackedKeys')) as number;
    assert.ok(after <= 1_000, `after the idle keys refilled, ${after} keys are still tracked (at most 1000 expected)`);
  });

  test('keys in use keep their state', { category: 'memory' }, async ({ sut, clock }) => {
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
