import type { MutationScore } from '@assay/contract';
import type { Mutant } from './instrument-reference.js';

/** What the hidden suite did to one mutant. A timed-out mutant counts as detected, as in Stryker. */
export type MutantOutcome = 'killed' | 'timed-out' | 'survived' | 'uncovered';

export const MUTATION_THRESHOLD = 0.95;

export interface ScoredMutant {
  mutant: Mutant;
  outcome: MutantOutcome;
}

/**
 * The share of mutants the suite detects, declared equivalents left out. A mutant declared
 * equivalent that a test kills anyway (fails an assertion or throws) is counted as killed: the
 * declaration is wrong (or the test checks more than the requirements say), and
 * `declaredButKilled` names it. A declared one that timed out stays equivalent: on a busy
 * machine a mutant as fast as the reference can overrun its budget, which proves nothing.
 */
export function mutationScore(results: readonly ScoredMutant[], equivalent: ReadonlySet<Mutant>, durationMs: number, threshold = MUTATION_THRESHOLD): MutationScore & { declaredButKilled: Mutant[]; surviving: Mutant[] } {
  const detected = (r: ScoredMutant) => r.outcome === 'killed' || r.outcome === 'timed-out';
  const counted = results.filter((r) => r.outcome === 'killed' || !equivalent.has(r.mutant));
  const killed = counted.filter((r) => r.outcome === 'killed').length;
  const timedOut = counted.filter((r) => r.outcome === 'timed-out').length;
  return {
    score: counted.length === 0 ? 1 : (killed + timedOut) / counted.length,
    threshold,
    mutants: results.length,
    killed,
    timedOut,
    equivalent: results.length - counted.length,
    survivors: counted
      .filter((r) => !detected(r))
      .map(({ mutant: m, outcome }) => ({ mutator: m.mutator, file: m.file, line: m.lineNumber, original: m.diff.original, mutated: m.diff.mutated, uncovered: outcome === 'uncovered' })),
    durationMs,
    surviving: counted.filter((r) => !detected(r)).map((r) => r.mutant),
    declaredButKilled: results.filter((r) => r.outcome === 'killed' && equivalent.has(r.mutant)).map((r) => r.mutant),
  };
}
