import type { TestSession } from '../harness/run-tests.js';
import { runBody } from '../harness/run-tests.js';
import { CandidateError } from '../harness/suite.js';
import type { TestCase } from '../harness/test-case.js';
import { InfraError, SandboxStopped } from '../sandbox/sandbox-errors.js';
import type { MutantOutcome } from './mutation-score.js';
import { HIT_LIMIT_MESSAGE } from './mutant-switch.js';

/**
 * Runs the tests that reach one mutant, fastest first, in one session with the mutant switched
 * on, and stops at the first that fails. A mutant that makes the session time out (a call, or
 * the whole mutant's `budgetMs`) or runs past its hit limit has timed out; one whose module
 * does not even load is killed.
 */
export async function runMutant(tests: readonly TestCase[], session: TestSession, budgetMs: number): Promise<MutantOutcome> {
  if (session.load.kind === 'timeout') return 'timed-out';
  if (session.load.kind !== 'loaded') return 'killed';
  const budget = setTimeout(() => session.channel.stop('timeout', `the mutant's tests took longer than ${budgetMs} ms`), budgetMs);
  try {
    for (const test of tests) {
      try {
        await runBody(test, session.channel);
        session.channel.throwIfStopped();
      } catch (error) {
        if (error instanceof InfraError) throw error;
        const stop = session.channel.stoppedBy;
        if (stop instanceof InfraError) throw stop;
        if (stop?.kind === 'timeout' || (error instanceof SandboxStopped && error.kind === 'timeout')) return 'timed-out';
        if (error instanceof CandidateError && error.message.includes(HIT_LIMIT_MESSAGE)) return 'timed-out';
        return 'killed';
      }
    }
    return 'survived';
  } finally {
    clearTimeout(budget);
  }
}
