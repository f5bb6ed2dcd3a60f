import assert from 'node:assert/strict';
import { defineSuite, type BatchStep } from '@assay/runner/harness';
import { bucketModel } from './model.js';

const CALLS = 20_000;
const KEYS = 1_000;

export default defineSuite(({ test }) => {
  test('20,000 acquisitions over 1,000 keys as time passes', { category: 'performance', requirements: ['speed'], performance: { maxRatio: 5 } }, async ({ sut, clock, measure }) => {
    const now = clock(0);
    const limiter = await sut.create('RateLimiter', 10, 5, now);
    const model = bucketModel(10, 5);
    const steps: BatchStep[] = [];
    const expected: boolean[] = [];
    let t = 0;
    for (let i = 0; i < CALLS; i++) {
      if (i % 50 === 0) steps.push(now.at((t += 7)));
      const key = `k${(i * 7919) % KEYS}`;
      const cost = 1 + (i % 3);
      steps.push(['tryAcquire', key, cost]);
      expected.push(model.tryAcquire(key, cost, t));
    }
    const results = await measure(() => limiter.batch(steps));
    assert.deepEqual(results, expected);
  });
});
