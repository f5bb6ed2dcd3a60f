import assert from 'node:assert/strict';
import { defineSuite } from '@assay/runner/harness';
import { assertClose } from './model.js';

export default defineSuite(({ test }) => {
  test('invalid capacity is rejected', { category: 'robustness', requirements: ['validation'] }, async ({ sut, clock }) => {
    for (const capacity of [0, -1, 'ten', null]) await assert.rejects(sut.create('RateLimiter', capacity, 1, clock(0)), `capacity ${JSON.stringify(capacity)}`);
  });

  test('a negative refill rate is rejected', { category: 'robustness', requirements: ['validation'] }, async ({ sut, clock }) => {
    await assert.rejects(sut.create('RateLimiter', 5, -1, clock(0)));
  });

  test('invalid costs are rejected and change nothing', { category: 'robustness', requirements: ['validation'] }, async ({ sut, clock }) => {
    const limiter = await sut.create('RateLimiter', 5, 1, clock(0));
    for (const cost of [0, -2, 'one', null]) await assert.rejects(limiter.call('tryAcquire', 'k', cost), `cost ${JSON.stringify(cost)}`);
    assertClose(await limiter.call('available', 'k'), 5, 'after rejected costs');
  });
});
