import { basename } from 'node:path';
import { callSite } from './suite-call-site.js';
import { CandidateError } from './suite.js';
import { SuiteMistake } from './suite-mistake.js';

/**
 * What a test reports when its body threw something that is not about the candidate's code: a
 * call the challenge's interface does not declare (the agent refuses it before the candidate's
 * code runs), or an error the suite's own code threw. The first is the author's to fix. The
 * second is too, unless the candidate's code returned something of a shape the suite did not
 * expect (nothing where a list was due): the test still fails, and the message names both
 * readings, so it misleads neither a candidate nor an author.
 */
export function suiteFaultMessage(error: unknown, suiteFile: string): string {
  const site = error instanceof Error ? callSite(error.stack ?? '', suiteFile) : undefined;
  const where = `${basename(suiteFile)}${site ? `:${site.line}` : ''}`;
  if (error instanceof CandidateError && error.errorType === 'AgentError') {
    return `the suite (${where}) makes a call the challenge does not declare: ${error.message.slice(error.errorType.length + 2)}; declare it in challenge.yaml under interface (classes.<Class>.methods or functions), or correct the name in the suite`;
  }
  if (error instanceof SuiteMistake) return `the suite (${where}) has a mistake: ${error.message}`;
  const thrown = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return `the test stopped at ${where} with ${thrown} before it could check a result: the code under test may have returned a value of another shape than the prompt describes (for example, nothing where a list was due); if what it returned is right, the test itself is at fault`;
}
