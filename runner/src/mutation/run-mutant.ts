import type { TestSession } from '../harness/run-tests.js';
import { runBody } from '../harness/run-tests.js';
import { CandidateError } from '../harness/suite.js';
import type { TestCase } from '../harness/test-case.js';
import { InfraError, SandboxStopped } from '../sandbox/sandbox-errors.js';
import type { MutantOutcome } from './mutation-score.js';
import { HIT_LIMIT_MESSAGE } from './mutant-switch.js';

export interface BudgetedTest {
  test: TestCase;
  /** How long the test may take on this mutant before the mutant counts as timed out. */
  budgetMs: number;
}

/**
 * Runs the tests that reach one mutant, in the order given, in one session with the mutant
 * switched on, and stops at the first that fails. A mutant that makes a test overrun its budget
 * (or a call its timeout) or runs past its hit limit has timed out; one whose module does not
 * even load is killed.
 */
export async function runMutant(tests: readonly BudgetedTest[], session: TestSession): Promise<MutantOutcome> {
  if (session.load.kind === 'timeout') return 'timed-out';
  if (session.load.kind !== 'loaded') return 'killed';
  for (const { test, budgetMs } of tests) {
    const budget = setTimeout(() => session.channel.stop('timeout', `"${test.name}" took longer than ${Math.round(budgetMs)} ms on this mutant`), budgetMs);
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
    } finally {
      clearTimeout(budget);
    }
  }
  return 'survived';
}
