import assert from 'node:assert/strict';
import { defineSuite } from '@assay/runner/harness';
import { breakerOver, failOnce } from './breaker-fixture.js';

export default defineSuite(({ test }) => {
  test('metrics count successes, failures and rejections, and report the state', { category: 'metrics', requirements: ['metrics', 'state'] }, async (context) => {
    const fixture = await breakerOver(context, { failureThreshold: 2, openMs: 1_000, halfOpenTrials: 1 });
    assert.deepEqual(await fixture.breaker.call('metrics'), { successes: 0, failures: 0, rejections: 0, state: 'closed' });
    await fixture.breaker.call('call', 'a');
    await failOnce(fixture, context);
    await failOnce(fixture, context);
    await context.assertRaises(fixture.breaker.call('call', 'b'), 'circuit-open');
    await context.assertRaises(fixture.breaker.call('call', 'c'), 'circuit-open');
    assert.deepEqual(await fixture.breaker.call('metrics'), { successes: 1, failures: 2, rejections: 2, state: 'open' });
    await fixture.now.advance(1_000);
    assert.deepEqual(await fixture.breaker.call('metrics'), { successes: 1, failures: 2, rejections: 2, state: 'half-open' });
    await fixture.breaker.call('call', 'd');
    assert.deepEqual(await fixture.breaker.call('metrics'), { successes: 2, failures: 2, rejections: 2, state: 'closed' });
  });
});
