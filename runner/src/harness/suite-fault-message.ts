import { basename } from 'node:path';
import { callSite } from './suite-call-site.js';
import { CandidateError } from './suite.js';

/**
 * What a test reports when its body threw something that is not about the candidate's code: a
 * call the challenge's interface does not declare (the agent refuses it before the candidate's
 * code runs), or an ordinary error in the suite itself. Both are the author's to fix, so the
 * message says so and where, rather than reading like the candidate's failure.
 */
export function suiteFaultMessage(error: unknown, suiteFile: string): string {
  const site = error instanceof Error ? callSite(error.stack ?? '', suiteFile) : undefined;
  const where = `${basename(suiteFile)}${site ? `:${site.line}` : ''}`;
  if (error instanceof CandidateError && error.errorType === 'AgentError') {
    return `the suite (${where}) makes a call the challenge does not declare: ${error.message.slice(error.errorType.length + 2)}; declare it in challenge.yaml under interface (classes.<Class>.methods or functions), or correct the name in the suite`;
  }
  const thrown = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return `the suite itself threw (${where}), which is a bug in the test, not a failed check: ${thrown}`;
}
