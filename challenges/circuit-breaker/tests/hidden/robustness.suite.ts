import assert from 'node:assert/strict';
import { defineSuite } from '@assay/runner/harness';
import { breakerOver, failOnce } from './breaker-fixture.js';

const VALID = [3, 1_000, 5_000, 2];
const INVALID: Array<[string, number, unknown[]]> = [
  ['failureThreshold', 0, [0, -1, 1.5, '3', null]],
  ['windowMs', 1, [0, -10, 'ten', null]],
  ['openMs', 2, [0, -1, null]],
  ['halfOpenTrials', 3, [0, 2.5, -2, '2']],
];

export default defineSuite(({ test }) => {
  test('invalid settings are rejected with an invalid-argument error', { category: 'robustness', requirements: ['validation'] }, async ({ sut, fake, clock, assertRaises }) => {
    const dependency = fake({ fetch: () => 'ok' });
    for (const [, position, values] of INVALID) {
      for (const value of values) {
        const settings = VALID.map((v, i) => (i === position ? value : v));
        await assertRaises(sut.create('CircuitBreaker', dependency, clock(), ...settings), 'invalid-argument');
      }
    }
  });

  test('windowMs and openMs may be fractional: positive numbers, not only integers', { category: 'robustness', requirements: ['validation', 'window', 'open-duration'] }, async (context) => {
    const fixture = await breakerOver(context, { failureThreshold: 2, windowMs: 2.5, openMs: 1.5, halfOpenTrials: 1 });
    await failOnce(fixture, context);
    await fixture.now.set(2);
    await failOnce(fixture, context);
    assert.equal(await fixture.breaker.call('state'), 'open', 'failures at 0 and 2 ms are within windowMs 2.5');
    await fixture.now.set(3.25);
    assert.equal(await fixture.breaker.call('state'), 'open', '1.25 ms after opening, openMs 1.5');
    await fixture.now.set(3.5);
    assert.equal(await fixture.breaker.call('state'), 'half-open', 'exactly openMs 1.5 after opening');
  });
});
