import assert from 'node:assert/strict';
import { defineSuite, type BatchStep } from '@assay/runner/harness';

const CAPACITY = 50_000;
const OPERATIONS = 8_000;

export default defineSuite(({ test }) => {
  test('8,000 operations on a full cache of 50,000 entries', { category: 'performance', requirements: ['speed'], performance: { maxRatio: 5 } }, async ({ sut, clock, measure }) => {
    const cache = await sut.create('LruTtlCache', CAPACITY, 3_600_000, clock(0));
    await cache.batch(Array.from({ length: CAPACITY }, (_, i) => ['put', `k${i}`, i]));
    const steps: BatchStep[] = [];
    for (let i = 0; i < OPERATIONS; i++) {
      // Alternate: insert a new key (evicting the oldest), then read the key inserted just before
      // (the most recent use, the end of any list kept in use order).
      steps.push(i % 2 === 1 ? ['put', `n${i}`, i] : ['get', i === 0 ? 'k0' : `n${i - 1}`]);
    }
    const results = await measure(() => cache.batch(steps));
    assert.equal(results.length, OPERATIONS);
    // What was timed is checked: each read finds the key written just before it (k0 at first).
    for (let i = 0; i < OPERATIONS; i += 2) assert.equal(results[i], i === 0 ? 0 : i - 1, `get at step ${i}`);
    assert.equal(await cache.call('size'), CAPACITY);
  });
});
