import { stringify } from 'yaml';
import { EQUIVALENT_MUTANTS_FILE } from './equivalent-mutants.js';
import type { MutationReport } from './mutation-scorer.js';

/**
 * The verdict on a suite's strength, in words: the score against its threshold and, for the
 * author, each survivor's diff and the entry that would declare it equivalent (only when the
 * requirements truly allow the change; otherwise the suite has a gap and needs a test).
 */
export function mutationCheck(report: MutationReport): { ok: boolean; what: string; detail?: string } {
  const percent = (x: number) => `${(x * 100).toFixed(1)}%`;
  const seconds = (report.durationMs / 1000).toFixed(1);
  const what = `hidden suite kills ${percent(report.score)} of the TypeScript reference's mutants (at least ${percent(report.threshold)}): ${report.killed} killed, ${report.timedOut} timed out, ${report.surviving.length} survived, ${report.equivalent} declared equivalent, of ${report.mutants}, in ${seconds} s`;
  const survivors = report.surviving.map((m, i) => {
    const entry = stringify([{ mutator: m.mutator, line: m.line, original: m.original, replacement: m.replacement, reason: '<why the requirements allow this change>' }], { lineWidth: 0 }).trimEnd();
    return [
      `${m.mutator} at ${m.file}:${m.lineNumber}${report.survivors[i]?.uncovered ? ' (no hidden test reaches it)' : ''}`,
      ...m.diff.original.split('\n').map((l) => `  - ${l}`),
      ...m.diff.mutated.split('\n').map((l) => `  + ${l}`),
      `  a gap: add a hidden test that fails on it; or, if no correct test can tell, declare it in ${EQUIVALENT_MUTANTS_FILE}:`,
      ...entry.split('\n').map((l) => `    ${l}`),
    ].join('\n      ');
  });
  const stale = report.stale.map((d) => `${EQUIVALENT_MUTANTS_FILE} declares a ${d.mutator} mutant of "${d.line}" that the reference no longer has: remove it, or update its line/original/replacement`);
  const details = [...survivors, ...stale];
  return { ok: report.score >= report.threshold && stale.length === 0, what, ...(details.length ? { detail: details.join('\n      ') } : {}) };
}
