import { describe, expect, it } from 'vitest';
import type { Mutant } from './instrument-reference.js';
import { mutationScore, type MutantOutcome } from './mutation-score.js';

const mutant = (id: string): Mutant => ({ id, file: 'src/a.ts', lineNumber: 3, mutator: 'EqualityOperator', line: 'a < b', original: 'a < b', replacement: 'a <= b', diff: { original: 'a < b', mutated: 'a <= b' } });
const scored = (outcomes: MutantOutcome[]) => outcomes.map((outcome, i) => ({ mutant: mutant(String(i)), outcome }));

describe('mutationScore', () => {
  it('counts killed and timed-out mutants as detected, over every mutant not declared equivalent', () => {
    const results = scored(['killed', 'killed', 'timed-out', 'survived', 'uncovered', 'equivalent']);
    const score = mutationScore(results, 12);
    expect(score).toMatchObject({ score: 3 / 5, threshold: 0.95, mutants: 6, killed: 2, timedOut: 1, equivalent: 1, durationMs: 12 });
    expect(score.survivors.map((s) => s.uncovered)).toEqual([false, true]);
    expect(score.surviving).toEqual([results[3]!.mutant, results[4]!.mutant]);
  });

  it('is 1 when every mutant is declared equivalent or there are none', () => {
    expect(mutationScore([], 0).score).toBe(1);
    expect(mutationScore(scored(['equivalent']), 0)).toMatchObject({ score: 1, equivalent: 1, survivors: [] });
  });
});
