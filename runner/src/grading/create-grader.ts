import type { ChallengeCatalog } from '@assay/challenges';
import { GradeJobData, GradingResult, type CapturedLog } from '@assay/contract';
import { UnrecoverableError } from 'bullmq';
import type { ReferenceTimer } from '../harness/reference-timer.js';
import { runTests } from '../harness/run-tests.js';
import { loadTestCases } from '../harness/test-case.js';
import { runtimeOf } from '../sandbox/runtime.js';
import { assembleSubmission } from './assemble-submission.js';
import { openSession } from './open-session.js';
import type { SandboxProvider } from './sandbox-provider.js';
import { verdictOf } from './verdict.js';

export interface GraderDeps {
  catalog: Pick<ChallengeCatalog, 'get'>;
  sandboxes: SandboxProvider;
  referenceTimer: ReferenceTimer;
  now?: () => Date;
}

/**
 * Grades one job: loads the challenge, assembles the files, runs the suite's tests against the
 * candidate's code in sandboxes and returns the result. A candidate's failure is a result;
 * bad job data is an UnrecoverableError; an infrastructure failure is thrown to be retried.
 */
export function createGrader({ catalog, sandboxes, referenceTimer, now = () => new Date() }: GraderDeps) {
  return async function grade(input: unknown): Promise<GradingResult> {
    const parsed = GradeJobData.safeParse(input);
    if (!parsed.success) throw new UnrecoverableError(`invalid grade job: ${parsed.error.message}`);
    const job = parsed.data;
    const started = performance.now();
    const challenge = await catalog.get(job.challengeId).catch((error: unknown) => {
      throw new UnrecoverableError(`cannot grade ${job.challengeId}: ${error instanceof Error ? error.message : String(error)}`);
    });
    const { manifest } = challenge;
    const entry = manifest.entry[job.language];
    if (!manifest.languages.includes(job.language) || !entry) {
      throw new UnrecoverableError(`${manifest.id} is not offered in ${job.language}`);
    }
    const tests = await loadTestCases(challenge.trusted.testModules[job.suite], manifest, challenge.contentHash);
    const files = assembleSubmission(challenge, job.language, job.files);
    const runtime = runtimeOf(job.language);
    const run = await runTests({
      tests,
      runTimeoutMs: manifest.limits.runTimeoutMs,
      referenceTiming: referenceTimer.forChallenge(challenge, job.language),
      openSession: async () =>
        openSession(await sandboxes.open(runtime, manifest.limits, { gradingId: job.gradingId }), manifest.limits, {
          language: job.language,
          entry,
          files,
          interface: manifest.interface,
        }),
    });
    // Parsed, not asserted: the contract's caps apply to every message the candidate's code shaped.
    return GradingResult.parse({
      gradingId: job.gradingId,
      attemptId: job.attemptId,
      suite: job.suite,
      language: job.language,
      contentHash: challenge.contentHash,
      ...verdictOf(run),
      tests: run.results,
      log: joinLogs(run.logs),
      durationMs: performance.now() - started,
      finishedAt: now().toISOString(),
    });
  };
}

export type Grader = ReturnType<typeof createGrader>;

function joinLogs(logs: CapturedLog[]): CapturedLog {
  if (logs.length <= 1) return logs[0] ?? { text: '', truncated: false, bytes: 0 };
  return {
    text: logs.map((log, i) => `--- sandbox ${i + 1} ---\n${log.text}`).join('\n'),
    truncated: logs.some((log) => log.truncated),
    bytes: logs.reduce((sum, log) => sum + log.bytes, 0),
  };
}
