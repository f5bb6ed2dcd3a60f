import { AssertionError } from 'node:assert';
import { errorKinds } from './portable-error.js';
import { CandidateError, type TestContext } from './suite.js';
import { SuiteMistake } from './suite-mistake.js';

/**
 * The suite's one-line check of the kind of error candidate code raised, in any language.
 * `declared` are the error names the challenge declares under `interface.errors`. A kind the
 * challenge does not know is the suite's mistake, so it throws a plain Error (a suite fault).
 */
export function createAssertRaises(declared: readonly string[]): TestContext['assertRaises'] {
  const kinds = errorKinds(declared);
  return async (call, kind) => {
    const names = kinds.get(kind);
    if (!names) {
      // The call goes on without us: its failure (a stopped sandbox) must not surface as unhandled.
      if (typeof call !== 'function') call.catch(() => undefined);
      throw new SuiteMistake(`assertRaises names the error kind "${kind}", which is neither built in nor declared; use one of ${[...kinds.keys()].join(', ')}, or declare the error class under interface.errors in challenge.yaml`);
    }
    const expected = `${kind} (${names.join(' or ')})`;
    let value: unknown;
    try {
      value = await (typeof call === 'function' ? call() : call);
    } catch (error) {
      if (!(error instanceof CandidateError) || error.errorType === 'AgentError') throw error;
      if (error.lineage.some((name) => names.includes(name))) return error;
      throw new AssertionError({ message: `expected your code to raise ${expected}, but it raised ${error.message}` });
    }
    throw new AssertionError({ message: `expected your code to raise ${expected}, but it returned ${JSON.stringify(value) ?? 'nothing'}` });
  };
}
