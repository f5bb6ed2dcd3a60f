import { z } from 'zod';
import { Language } from './language.js';
import { cappedString, TEXT_CAPS } from './text-caps.js';

/**
 * Outcome of a whole grading run. Everything but `infra_error` is a property of the
 * candidate's code and is final; `infra_error` is ours and is retried, never shown as
 * the candidate's fault.
 */
export const VerdictKind = z.enum([
  'passed',
  'failed',
  'compile_error',
  'timeout',
  'memory_limit',
  'output_limit',
  'crashed',
  'infra_error',
]);
export type VerdictKind = z.infer<typeof VerdictKind>;

/** Outcome of one test. `not_run` marks tests skipped because the sandbox had already died. */
export const TestStatus = z.enum(['passed', 'failed', 'timeout', 'memory_limit', 'output_limit', 'crashed', 'not_run']);
export type TestStatus = z.infer<typeof TestStatus>;

/**
 * How a performance test was judged: the candidate's CPU time (the fastest of `runs`, each after
 * the first in a fresh sandbox) against the reference's (the fastest of its cold runs, each in a
 * fresh process, with the spread of those runs). Wall time is kept for reference.
 */
export const PerformanceMeasurement = z.object({
  candidateCpuMs: z.number().nonnegative(),
  candidateWallMs: z.number().nonnegative(),
  referenceCpuMs: z.number().nonnegative(),
  referenceSpreadMs: z.number().nonnegative(),
  ratio: z.number().nonnegative(),
  maxRatio: z.number().positive(),
  runs: z.number().int().positive(),
});
export type PerformanceMeasurement = z.infer<typeof PerformanceMeasurement>;

export const TestResult = z.object({
  name: z.string(),
  category: z.string(),
  weight: z.number().nonnegative(),
  status: TestStatus,
  message: cappedString(TEXT_CAPS.message),
  durationMs: z.number().nonnegative(),
  measurement: PerformanceMeasurement.optional(),
  /** The sentences of the challenge's requirements this test checks (none in results graded before requirements existed). */
  requirements: z.array(z.string()).default([]),
});
export type TestResult = z.infer<typeof TestResult>;

/** Captured candidate output, capped; `truncated` says that bytes were dropped. */
export const CapturedLog = z.object({ text: cappedString(TEXT_CAPS.log), truncated: z.boolean(), bytes: z.number().int().nonnegative() });
export type CapturedLog = z.infer<typeof CapturedLog>;

export const Suite = z.enum(['public', 'hidden']);
export type Suite = z.infer<typeof Suite>;

export const GradingResult = z.object({
  gradingId: z.string(),
  attemptId: z.string(),
  suite: Suite,
  language: Language,
  contentHash: z.string(),
  verdict: VerdictKind,
  /** Weighted fraction of passed tests, 0..1. */
  score: z.number().min(0).max(1),
  tests: z.array(TestResult),
  log: CapturedLog,
  /** A sentence for people: why the run ended the way it did. */
  summary: cappedString(TEXT_CAPS.summary),
  durationMs: z.number().nonnegative(),
  finishedAt: z.string(),
});
export type GradingResult = z.infer<typeof GradingResult>;

export function weightedScore(tests: readonly Pick<TestResult, 'weight' | 'status'>[]): number {
  const total = tests.reduce((sum, t) => sum + t.weight, 0);
  if (total === 0) return 0;
  const passed = tests.reduce((sum, t) => sum + (t.status === 'passed' ? t.weight : 0), 0);
  return passed / total;
}
