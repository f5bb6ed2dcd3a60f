import { defineSuite } from '@assay/runner/harness';

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
});
