import { weightedScore, type VerdictKind } from '@assay/contract';
import type { TestRun } from '../harness/run-tests.js';

/** The run's verdict: how loading went, else the first way the sandbox was stopped, else the tests. */
export function verdictOf(run: TestRun): { verdict: VerdictKind; score: number; summary: string } {
  const score = weightedScore(run.results);
  const passed = run.results.filter((r) => r.status === 'passed').length;
  const counts = `${passed} of ${run.results.length} tests passed`;
  if (run.load.kind !== 'loaded') {
    const what = run.load.kind === 'compile_error' ? 'The code did not compile' : `Loading the code ended in ${run.load.kind}`;
    return { verdict: run.load.kind, score: 0, summary: `${what}: ${run.load.message}` };
  }
  const stop = run.stops[0];
  if (stop) {
    const why: Record<typeof stop, string> = {
      timeout: 'a call ran past its time limit',
      memory_limit: 'the code used more memory than allowed',
      output_limit: 'the code printed more output than allowed',
      crashed: 'the process exited unexpectedly',
    };
    return { verdict: stop, score, summary: `${counts}; ${why[stop]}.` };
  }
  if (run.results.length > 0 && passed === run.results.length) return { verdict: 'passed', score, summary: `All ${passed} tests passed.` };
  return { verdict: 'failed', score, summary: `${counts}.` };
}
