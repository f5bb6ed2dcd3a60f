import { describe, expect, it } from 'vitest';
import type { Mutant } from './instrument-reference.js';
import { mutationScore, type MutantOutcome } from './mutation-score.js';

const mutant = (id: string): Mutant => ({ id, file: 'src/a.ts', lineNumber: 3, mutator: 'EqualityOperator', line: 'a < b', original: 'a < b', replacement: 'a <= b', diff: { original: 'a < b', mutated: 'a <= b' } });
const scored = (outcomes: MutantOutcome[]) => outcomes.map((outcome, i) => ({ mutant: mutant(String(i)), outcome }));

describe('mutationScore', () => {
  it('counts killed and timed-out mutants as detected, over every mutant not declared equivalent', () => {
    const results = scored(['killed', 'killed', 'timed-out', 'survived', 'uncovered', 'survived']);
    const score = mutationScore(results, new Set([results[5]!.mutant]), 12);
    expect(score).toMatchObject({ score: 3 / 5, threshold: 0.95, mutants: 6, killed: 2, timedOut: 1, equivalent: 1, durationMs: 12 });
    expect(score.survivors.map((s) => s.uncovered)).toEqual([false, true]);
    expect(score.surviving).toEqual([results[3]!.mutant, results[4]!.mutant]);
  });

  it('counts a mutant declared equivalent but killed as killed, and names it', () => {
    const results = scored(['killed', 'survived']);
    const score = mutationScore(results, new Set([results[0]!.mutant]), 1);
    expect(score).toMatchObject({ score: 0.5, killed: 1, equivalent: 0 });
    expect(score.declaredButKilled).toEqual([results[0]!.mutant]);
  });

  it('keeps a declared equivalent that timed out as equivalent: a timeout is no assertion', () => {
    const results = scored(['timed-out', 'killed']);
    expect(mutationScore(results, new Set([results[0]!.mutant]), 1)).toMatchObject({ score: 1, killed: 1, timedOut: 0, equivalent: 1, declaredButKilled: [] });
  });

  it('is 1 when every mutant is declared equivalent or there are none', () => {
    expect(mutationScore([], new Set(), 0).score).toBe(1);
    const results = scored(['survived']);
    expect(mutationScore(results, new Set([results[0]!.mutant]), 0)).toMatchObject({ score: 1, equivalent: 1, survivors: [] });
  });
});
