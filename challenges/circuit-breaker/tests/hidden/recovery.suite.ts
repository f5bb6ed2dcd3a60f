import assert from 'node:assert/strict';
import { defineSuite } from '@assay/runner/harness';
import { breakerOver, failOnce } from './breaker-fixture.js';

export default defineSuite(({ test }) => {
  test('the circuit stays open for openMs, then state() is half-open without a call', { category: 'recovery', requirements: ['open-duration', 'state'] }, async (context) => {
    const fixture = await breakerOver(context, { failureThreshold: 1, openMs: 5_000 }, 100);
    await failOnce(fixture, context);
    await fixture.now.set(5_099);
    assert.equal(await fixture.breaker.call('state'), 'open', '4999 ms after opening');
    await context.assertRaises(fixture.breaker.call('call', 'early'), 'circuit-open');
    await fixture.now.set(5_100);
    assert.equal(await fixture.breaker.call('state'), 'half-open', 'exactly openMs after opening');
  });

  test('half-open closes after halfOpenTrials successes in a row, with an empty window', { category: 'recovery', requirements: ['half-open', 'state', 'window'] }, async (context) => {
    const fixture = await breakerOver(context, { failureThreshold: 2, windowMs: 60_000, openMs: 1_000, halfOpenTrials: 3 });
    await failOnce(fixture, context);
    await failOnce(fixture, context);
    await fixture.now.advance(1_000);
    for (let trial = 1; trial <= 3; trial++) {
      assert.equal(await fixture.breaker.call('call', `t${trial}`), `ok:t${trial}`, `trial call ${trial} reaches the dependency`);
      assert.equal(await fixture.breaker.call('state'), trial < 3 ? 'half-open' : 'closed', `after ${trial} of 3 trial successes`);
    }
    await failOnce(fixture, context);
    assert.equal(await fixture.breaker.call('state'), 'closed', 'the failures before the circuit opened no longer count once it closed');
  });

  test('a failure while half-open opens the circuit again for another openMs', { category: 'recovery', requirements: ['half-open', 'open-duration', 'open'] }, async (context) => {
    // failureThreshold 3 with windowMs 1000 < openMs: the failed trial is the only failure in the
    // window, so only the half-open rule (open again at the first failure) reopens the circuit.
    const fixture = await breakerOver(context, { failureThreshold: 3, windowMs: 1_000, openMs: 2_000, halfOpenTrials: 2 });
    for (let i = 0; i < 3; i++) await failOnce(fixture, context);
    assert.equal(await fixture.breaker.call('state'), 'open', 'after 3 failures of 3');
    await fixture.now.set(2_000);
    assert.equal(await fixture.breaker.call('call', 'trial'), 'ok:trial');
    await failOnce(fixture, context, 'second trial');
    assert.equal(await fixture.breaker.call('state'), 'open', 'a failed trial reopens the circuit, though it is the only failure within windowMs (1 of failureThreshold 3)');
    const calls = fixture.dependency.calls.length;
    await fixture.now.set(3_999);
    await context.assertRaises(fixture.breaker.call('call', 'too early'), 'circuit-open');
    assert.equal(fixture.dependency.calls.length, calls, 'the reopened circuit called the dependency');
    await fixture.now.set(4_000);
    assert.equal(await fixture.breaker.call('state'), 'half-open', 'openMs after the failed trial');
  });
});
