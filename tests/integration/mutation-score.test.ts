import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadChallenge } from '@assay/challenges';
import { createMutationScorer } from '@assay/runner';

const FIXTURES = fileURLToPath(new URL('fixtures/mutation', import.meta.url));
const scorer = createMutationScorer();

// Every bundled challenge's score is enforced by `challenge validate`, the last step of `npm test`.
describe('the mutation score of a hidden suite', () => {
  it('is low for a weak suite, naming the mutant it misses with its diff, and leaves out declared equivalents', async () => {
    const report = await scorer.score(await loadChallenge(`${FIXTURES}/doubler`, FIXTURES));
    expect(report).not.toBeNull();
    // 10 mutants: the weak suite misses `input < 0` → false; `<=` is declared equivalent; `i--` loops.
    expect(report).toMatchObject({ mutants: 10, equivalent: 1, stale: [] });
    expect(report!.timedOut).toBeGreaterThanOrEqual(1);
    expect(report!.score).toBeCloseTo(8 / 9, 5);
    expect(report!.score).toBeLessThan(report!.threshold);
    expect(report!.survivors).toEqual([
      { mutator: 'ConditionalExpression', file: 'src/solution.ts', line: 3, original: '    if (input < 0) return 0;', mutated: '    if (false) return 0;', uncovered: false },
    ]);
  });
});
