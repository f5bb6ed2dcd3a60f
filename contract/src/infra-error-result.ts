import type { GradeJobData } from './grade-job.js';
import type { GradingResult } from './grading.js';

/** What identifies a grading in its verdict: everything of the job but the files. */
export type GradingRef = Pick<GradeJobData, 'gradingId' | 'attemptId' | 'suite' | 'language' | 'contentHash'>;

/**
 * The verdict of a grading that could not run on our side: not the candidate's fault, never
 * shown as theirs. `reason` is for the admin who re-grades it (what failed, e.g. "the runner
 * holding it died 3 times"). Written by a runner whose last attempt failed, and by the API when
 * the queue gave up on a job (its runner kept dying) or a verdict could not be read.
 */
export function infraErrorResult(grading: GradingRef, reason: string, finishedAt = new Date()): GradingResult {
  return {
    gradingId: grading.gradingId,
    attemptId: grading.attemptId,
    suite: grading.suite,
    language: grading.language,
    contentHash: grading.contentHash,
    verdict: 'infra_error',
    score: 0,
    tests: [],
    log: { text: '', truncated: false, bytes: 0 },
    summary: `Grading could not run on our side (${reason}). This is not the candidate's fault; re-grade it.`,
    durationMs: 0,
    finishedAt: finishedAt.toISOString(),
  };
}
