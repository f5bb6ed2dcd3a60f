import type { MutationScore } from '@assay/contract';
import type { Mutant } from './instrument-reference.js';

/**
 * What the hidden suite did to one mutant. A timed-out mutant counts as detected, as in Stryker;
 * a declared equivalent is not run at all (like a mutant Stryker is told to ignore).
 */
export type MutantOutcome = 'killed' | 'timed-out' | 'survived' | 'uncovered' | 'equivalent';

export const MUTATION_THRESHOLD = 0.95;

export interface ScoredMutant {
  mutant: Mutant;
  outcome: MutantOutcome;
}

/** The share of mutants the suite detects, declared equivalents left out; 1 when none is left. */
export function mutationScore(results: readonly ScoredMutant[], durationMs: number, threshold = MUTATION_THRESHOLD): MutationScore & { surviving: Mutant[] } {
  const count = (outcome: MutantOutcome) => results.filter((r) => r.outcome === outcome).length;
  const survivors = results.filter((r) => r.outcome === 'survived' || r.outcome === 'uncovered');
  const killed = count('killed');
  const timedOut = count('timed-out');
  const equivalent = count('equivalent');
  const counted = results.length - equivalent;
  return {
    score: counted === 0 ? 1 : (killed + timedOut) / counted,
    threshold,
    mutants: results.length,
    killed,
    timedOut,
    equivalent,
    survivors: survivors.map(({ mutant: m, outcome }) => ({ mutator: m.mutator, file: m.file, line: m.lineNumber, original: m.diff.original, mutated: m.diff.mutated, uncovered: outcome === 'uncovered' })),
    surviving: survivors.map((r) => r.mutant),
    durationMs,
  };
}
