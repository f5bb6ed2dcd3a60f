import assert from 'node:assert/strict';
import { defineSuite } from '@assay/runner/harness';
import { breakerOver, failOnce } from './breaker-fixture.js';

export default defineSuite(({ test }) => {
  test('closed: a call returns what the dependency returned, calling it once', { category: 'correctness', requirements: ['pass-through'] }, async (context) => {
    const { breaker, dependency } = await breakerOver(context);
    assert.equal(await breaker.call('call', 'a'), 'ok:a');
    assert.equal(await breaker.call('call', 'b'), 'ok:b');
    assert.deepEqual(dependency.calls.map((c) => c.args), [['a'], ['b']]);
  });

  test("the dependency's error reaches the caller unchanged", { category: 'correctness', requirements: ['pass-through', 'state'] }, async (context) => {
    const fixture = await breakerOver(context);
    fixture.control.down = true;
    const error = await context.assertRaises(fixture.breaker.call('call', 'b'), 'state-conflict');
    assert.match(error.message, /the dependency is down \(b\)/, 'the error keeps its message');
    assert.equal(await fixture.breaker.call('state'), 'closed', 'one failure of three does not open the circuit');
  });

  test('the circuit opens at the failureThreshold-th failure, then fails fast without calling the dependency', { category: 'correctness', requirements: ['window', 'open', 'state'] }, async (context) => {
    const fixture = await breakerOver(context, { failureThreshold: 2 });
    await failOnce(fixture, context);
    assert.equal(await fixture.breaker.call('state'), 'closed', 'after 1 failure of 2');
    await failOnce(fixture, context);
    assert.equal(await fixture.breaker.call('state'), 'open', 'after 2 failures of 2');
    const callsBefore = fixture.dependency.calls.length;
    await context.assertRaises(fixture.breaker.call('call', 'c'), 'circuit-open');
    await context.assertRaises(() => fixture.breaker.call('call', 'd'), 'circuit-open');
    assert.equal(fixture.dependency.calls.length, callsBefore, 'an open circuit called the dependency');
  });
});
