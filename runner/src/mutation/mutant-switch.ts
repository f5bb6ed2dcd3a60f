import type { SubmittedFile } from '@assay/contract';

/** The function the instrumented entry exports so the runner can read which mutants a test reached. */
export const COVERAGE_FUNCTION = '__assayMutantCoverage';
/** The function the instrumented entry exports to switch mutants in a live process: (id | null, hitLimit). */
export const SWITCH_FUNCTION = '__assaySwitchMutant';

/**
 * The instrumented reference with one mutant switched on from the start (needed for a mutant
 * reached while the module loads), or none. Stryker's switches read the active mutant on every
 * evaluation, so the entry also exports a switch: one process then serves mutant after mutant.
 * Every file starts by setting Stryker's namespace before Stryker's own header reads it; the
 * first to run wins, so the order files load in does not matter. `hitLimit` makes a mutant that
 * loops forever throw once it has run `hitLimit` times, long before a timeout would.
 */
export function switchedReference(files: readonly SubmittedFile[], entry: string, activeMutant?: { id: string; hitLimit: number }): SubmittedFile[] {
  const ns = activeMutant ? { activeMutant: activeMutant.id, hitCount: 0, hitLimit: activeMutant.hitLimit } : {};
  const prelude = `globalThis.__stryker__ = globalThis.__stryker__ || ${JSON.stringify(ns)};\n`;
  // Returns the counts since the last read and starts afresh: one session reports test by test.
  const coverage = `\nexport function ${COVERAGE_FUNCTION}() { const cov = globalThis.__stryker__.mutantCoverage; if (!cov) return {}; const seen = cov.static; cov.static = {}; return seen; }\n`;
  const switcher = `export function ${SWITCH_FUNCTION}(id, hitLimit) { const ns = globalThis.__stryker__; ns.activeMutant = id === null ? undefined : id; ns.hitCount = id === null ? undefined : 0; ns.hitLimit = hitLimit; }\n`;
  return files.map(({ path, content }) => ({ path, content: `${prelude}${content}${path === entry ? coverage + switcher : ''}` }));
}

export const HIT_LIMIT_MESSAGE = 'Stryker: Hit count limit reached';
