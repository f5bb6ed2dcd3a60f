import assert from 'node:assert/strict';
import { defineSuite } from '@assay/runner/harness';
import { breakerOver, failOnce } from './breaker-fixture.js';

export default defineSuite(({ test }) => {
  test('failures windowMs or more ago are forgotten', { category: 'window', requirements: ['window'] }, async (context) => {
    const fixture = await breakerOver(context, { failureThreshold: 3, windowMs: 1_000 });
    for (const at of [0, 500, 1_000]) {
      await fixture.now.set(at);
      await failOnce(fixture, context);
    }
    assert.equal(await fixture.breaker.call('state'), 'closed', 'failures at 0, 500 and 1000 ms with windowMs 1000: the one at 0 is forgotten');
    await fixture.now.set(1_400);
    await failOnce(fixture, context);
    assert.equal(await fixture.breaker.call('state'), 'open', 'failures at 500, 1000 and 1400 ms are within 1000 ms');
  });

  test('successes do not reset the failure count', { category: 'window', requirements: ['window'] }, async (context) => {
    const fixture = await breakerOver(context, { failureThreshold: 3, windowMs: 10_000 });
    for (let i = 0; i < 3; i++) {
      await fixture.now.advance(100);
      await failOnce(fixture, context);
      if (i < 2) assert.equal(await fixture.breaker.call('call', `s${i}`), `ok:s${i}`);
    }
    assert.equal(await fixture.breaker.call('state'), 'open', 'three failures within the window, with successes between them');
  });

  test('a long run of spaced-out failures never opens the circuit', { category: 'window', requirements: ['window'] }, async (context) => {
    const fixture = await breakerOver(context, { failureThreshold: 2, windowMs: 300 });
    for (let i = 0; i < 20; i++) {
      await fixture.now.advance(300);
      await failOnce(fixture, context, `r${i}`);
    }
    assert.equal(await fixture.breaker.call('state'), 'closed', 'failures 300 ms apart with windowMs 300 never share a window');
  });
});
